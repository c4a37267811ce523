// What every screen inside the shell needs: the API client and the logged-in session.
import { createContext, useContext } from "react";
import type { ApiClient } from "./kit/api-client.ts";
import type { Session } from "./platform/identity/session.ts";

export interface AppContextValue {
  api: ApiClient;
  session: Session;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error("useApp outside the logged-in shell");
  return value;
}
