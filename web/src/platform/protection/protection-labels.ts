// 支援措置の表示名 (how the screens name a measure's states and changes and a release's states).
// The API's values are English words; the screens say them in Japanese, with a tone for the tag.
/** The colours of a status tag (.status--ok/warning/error/info in styles/app.css). */
export type StandingTone = "ok" | "warning" | "error" | "info";

export const MEASURE_STATUS: Record<string, { label: string; tone: StandingTone }> = {
  active: { label: "実施中", tone: "error" },
  scheduled: { label: "開始前", tone: "warning" },
  expired: { label: "期間満了", tone: "info" },
  ended: { label: "終了", tone: "info" },
};

export const MEASURE_CHANGE_JA: Record<string, string> = {
  created: "登録",
  renewed: "延長",
  changed: "変更",
  ended: "終了",
};

export const RELEASE_STATE: Record<string, { label: string; tone: StandingTone }> = {
  requested: { label: "承認待ち", tone: "warning" },
  approved: { label: "承認済み（1回のみ交付可）", tone: "ok" },
  refused: { label: "却下", tone: "error" },
  used: { label: "使用済み", tone: "info" },
  expired: { label: "期限切れ", tone: "info" },
};

/** A label for a value the table does not know (a newer server): the value itself. */
export function labelIn<T extends { label: string }>(table: Record<string, T>, value: string): T | { label: string; tone: StandingTone } {
  return table[value] ?? { label: value, tone: "info" };
}
