// 画面のアドレス (screen paths): a screen that shows one record has a parameter in its path —
// 宛名の詳細 is "/addressees/:number" — so the record's address can be reloaded, bookmarked and
// opened from a link. A ":name" segment matches one non-empty path segment; the rest must be equal.

/** The parameters of `path` under `pattern`, or null when it does not match. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/");
  const have = path.split("/");
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i]!;
    const actual = have[i]!;
    if (segment.startsWith(":")) {
      if (!actual) return null;
      try {
        params[segment.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (segment !== actual) {
      return null;
    }
  }
  return params;
}

export function hasParameters(pattern: string): boolean {
  return pattern.split("/").some((s) => s.startsWith(":"));
}

/** The path of a pattern with its parameters filled in (each encoded). */
export function pathOf(pattern: string, params: Record<string, string>): string {
  return pattern
    .split("/")
    .map((s) => (s.startsWith(":") ? encodeURIComponent(params[s.slice(1)] ?? "") : s))
    .join("/");
}
