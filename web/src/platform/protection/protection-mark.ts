// 支援措置の印 (the mark the server puts on a protected person's object in any response):
// `protection: { active, until, measures }`. It says that a measure applies and until when —
// never why or against whom — so the screens show a badge or a banner from it alone.
export interface ProtectionMark {
  active: true;
  until: string;
  measures: number;
}

/** The mark on a person's object as the response guard left it, or null. */
export function protectionOf(value: unknown): ProtectionMark | null {
  if (value === null || typeof value !== "object") return null;
  const mark = (value as { protection?: unknown }).protection;
  if (mark === null || typeof mark !== "object") return null;
  const { active, until, measures } = mark as Record<string, unknown>;
  if (active !== true || typeof until !== "string") return null;
  return { active, until, measures: typeof measures === "number" ? measures : 1 };
}

/**
 * The text a masked address holds, once per address: its 郵便番号 and 方書 come as null
 * (src/platform/protection/response-guard.ts), so 〒, 住所 and 方書 joined read it a single time.
 */
export const MASKED_TEXT = "住所（支援措置により非表示）";
