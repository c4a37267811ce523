// Loading one API resource for a screen: the data, the problem if it failed, and a reload.
import { useCallback, useEffect, useState } from "react";
import { ApiProblem } from "./api-client.ts";
import { useApp } from "../app-context.ts";

export interface ApiData<T> {
  data: T | null;
  problem: ApiProblem | null;
  loading: boolean;
  reload(): void;
}

export function useApiData<T>(path: string | null): ApiData<T> {
  const { api } = useApp();
  const [data, setData] = useState<T | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (path === null) return;
    let current = true;
    setLoading(true);
    api.get<T>(path).then(
      (value) => {
        if (!current) return;
        setData(value);
        setProblem(null);
        setLoading(false);
      },
      (error: unknown) => {
        if (!current) return;
        setProblem(error instanceof ApiProblem ? error : new ApiProblem(0, "unknown", "エラーが発生しました"));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [api, path, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, problem, loading, reload };
}
