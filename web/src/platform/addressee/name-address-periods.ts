// 氏名・住所の履歴の読み方: the server keeps every name and address row. A row applies from its
// day (null: from the start); a correction repeats that day and replaces the row it corrects
// (the later one wins), while a change (改姓・転居) starts a new day. So each row is the one that
// applies now, one that applied before a change, or one a correction replaced.
export type PeriodRole = "current" | "former" | "corrected";

export const PERIOD_ROLE_LABELS: Record<PeriodRole, string> = { current: "現在", former: "変更前", corrected: "訂正前" };

/** The role of each row, given in the order they were recorded. */
export function periodRoles(rows: readonly { validFrom: string | null }[]): PeriodRole[] {
  const start = (v: string | null) => v ?? "";
  const standing = rows.map((r, i) => !rows.slice(i + 1).some((later) => later.validFrom === r.validFrom));
  const latest = rows.reduce<string | null>((max, r, i) => (standing[i] && (max === null || start(r.validFrom) > max) ? start(r.validFrom) : max), null);
  return rows.map((r, i) => (!standing[i] ? "corrected" : start(r.validFrom) === latest ? "current" : "former"));
}
