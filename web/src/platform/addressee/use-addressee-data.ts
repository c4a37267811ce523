// Loading personal data for a screen (a 宛名, a resident): like useApiData, with the 利用目的 the
// server needs on every read of a person's data. Nothing is asked for until a purpose has been
// stated (or while the path is null), so such a read can never go out without one.
import { useCallback, useEffect, useState } from "react";
import { ApiProblem } from "../../kit/api-client.ts";
import { useApp } from "../../app-context.ts";
import { purposeHeaders, usePurpose } from "../../kit/access-purpose.ts";
import type { ApiData } from "../../kit/use-api-data.ts";

export function useAddresseeData<T>(path: string | null): ApiData<T> {
  const { api } = useApp();
  const purpose = usePurpose();
  const active = path !== null && purpose !== null;
  const [data, setData] = useState<T | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [loading, setLoading] = useState(active);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (path === null || purpose === null) {
      setLoading(false);
      return;
    }
    let current = true;
    setLoading(true);
    api.get<T>(path, purposeHeaders(purpose)).then(
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
  }, [api, path, purpose, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, problem, loading, reload };
}
