// 支援措置の表示中警告 (the warning that a protected person is on screen): every API response for
// staff that shows a person under a 支援措置 carries `x-kyodo-protected: <count>`; the API client
// reports each response here, keyed by the screen that asked (the browser path when the request
// went out) and the API path without its query, so a new search replaces the old one's count and a
// late answer to the previous screen never warns on the next. The shell shows the warning while
// the current screen's count is above zero, whatever the screen: no screen has to remember it.

export const PROTECTED_HEADER = "x-kyodo-protected";

/** The count in the header, or 0 when absent or not a number. */
export function protectedCount(headers: Pick<Headers, "get">): number {
  const value = Number(headers.get(PROTECTED_HEADER) ?? "0");
  return Number.isInteger(value) && value > 0 ? value : 0;
}

/** The API path without its query: one entry per resource a screen shows. */
export function resourceOf(apiPath: string): string {
  const q = apiPath.indexOf("?");
  return q === -1 ? apiPath : apiPath.slice(0, q);
}

export interface ProtectionWatch {
  /** One response of `apiPath`, asked for while the browser was at `screenPath`. */
  record(screenPath: string, apiPath: string, count: number): void;
  /** Protected persons shown by the responses `screenPath` asked for (forgetting other screens'). */
  countAt(screenPath: string): number;
  subscribe(listener: () => void): () => void;
}

/** `currentPath` is where the browser is now: an answer to a screen already left is dropped. */
export function createProtectionWatch(currentPath: () => string): ProtectionWatch {
  let screen: string | null = null;
  let counts = new Map<string, number>();
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());

  return {
    record(screenPath, apiPath, count) {
      if (screenPath !== currentPath()) return;
      if (screenPath !== screen) {
        screen = screenPath;
        counts = new Map();
      }
      const key = resourceOf(apiPath);
      const before = counts.get(key) ?? 0;
      if (count > 0) counts.set(key, count);
      else counts.delete(key);
      if (before !== count) notify();
    },
    countAt(screenPath) {
      if (screenPath !== screen) return 0;
      let total = 0;
      for (const n of counts.values()) total += n;
      return total;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
