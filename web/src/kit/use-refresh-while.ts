// Keeping a screen current while something it started is still under way (a job run, a
// redelivery): reloads after each load while there is something to watch, and gives up `maxMs`
// after it was started, so a run that never starts (no worker running) does not keep a screen
// polling forever.
import { useEffect } from "react";

export interface RefreshOptions {
  intervalMs?: number;
  maxMs?: number;
}

/** `watchingSince`: when the latest watched thing was started (Date.now()), or null for nothing to watch. */
export function useRefreshWhile(watchingSince: number | null, loading: boolean, reload: () => void, options: RefreshOptions = {}): void {
  const { intervalMs = 1_500, maxMs = 120_000 } = options;
  useEffect(() => {
    if (watchingSince === null || loading || Date.now() - watchingSince > maxMs) return;
    const timer = setTimeout(reload, intervalMs);
    return () => clearTimeout(timer);
  }, [watchingSince, loading, reload, intervalMs, maxMs]);
}
