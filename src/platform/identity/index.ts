// 職員認証 (staff identity): accounts, roles per module, sessions, log-in throttling.
import type { AreaDefinition } from "../contract.ts";
import type { SessionPolicy } from "./session.ts";
import { identityRoutes } from "./routes.ts";
import { sessionSettings } from "./session-settings.ts";

export function identityArea(policy: SessionPolicy): AreaDefinition {
  return {
    id: "identity",
    name: "職員認証",
    migrations: new URL("./migrations/", import.meta.url),
    settings: sessionSettings,
    routes: (app, platform) => identityRoutes(app, platform, policy),
  };
}
