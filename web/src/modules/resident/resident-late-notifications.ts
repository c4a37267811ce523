// 期間経過の届出一覧 (the report of late 届出) as the screen asks for it: a period of 届出日 typed in
// 和暦 or 西暦 (the current month by default), the report from GET /api/resident/late-notifications,
// and its CSV file fetched with the purpose of use and handed to the browser as a download. The
// file is made by the server, which neutralises every cell that could start a spreadsheet formula
// (ADR 0018).
import type { Static } from "@sinclair/typebox";
import type { LateNotificationReportSchema } from "../../../../src/modules/resident/api-schemas.ts";
import { ApiProblem } from "../../kit/api-client.ts";
import { purposeHeaders } from "../../kit/access-purpose.ts";
import { readDateInput } from "../../kit/wareki-date.ts";
import { formatWareki } from "../../../../src/lib/wareki.ts";

export type LateNotificationReport = Static<typeof LateNotificationReportSchema>;

export const LATE_NOTIFICATIONS_PATH = "/api/resident/late-notifications";

export interface PeriodDraft {
  from: string;
  to: string;
}

export type PeriodCheck = { ok: true; from: string; to: string } | { ok: false; errors: Partial<Record<keyof PeriodDraft, string>> };

/** The current month up to today: 「令和8年12月1日」〜「令和8年12月7日」. */
export function defaultPeriod(today: string): PeriodDraft {
  return { from: formatWareki(`${today.slice(0, 8)}01`), to: formatWareki(today) };
}

/** Both days given and existing, the first not after the last, at most a year apart (as the server asks). */
export function checkPeriod(draft: PeriodDraft): PeriodCheck {
  const errors: Partial<Record<keyof PeriodDraft, string>> = {};
  const read = (key: keyof PeriodDraft, label: string) => {
    const input = readDateInput(draft[key]);
    if (input.kind === "date") return input.iso;
    errors[key] = input.kind === "empty" ? `${label}を入力してください` : input.message;
    return null;
  };
  const from = read("from", "期間の初日");
  const to = read("to", "期間の末日");
  if (from !== null && to !== null) {
    if (from > to) errors.to = "期間の末日は初日より後の日にしてください";
    else if (Date.parse(to) - Date.parse(from) > 366 * 86_400_000) errors.to = "期間は1年以内にしてください";
  }
  return from !== null && to !== null && Object.keys(errors).length === 0 ? { ok: true, from, to } : { ok: false, errors };
}

export function reportQuery(from: string, to: string): string {
  return `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
}

/** The CSV file of the period, as a Blob with its file name. */
export async function fetchLateNotificationsCsv(from: string, to: string, purpose: string): Promise<{ blob: Blob; fileName: string }> {
  let response: Response;
  try {
    response = await fetch(`${LATE_NOTIFICATIONS_PATH}/csv?${reportQuery(from, to)}`, {
      credentials: "same-origin",
      headers: { accept: "text/csv, application/problem+json", ...purposeHeaders(purpose) },
    });
  } catch {
    throw new ApiProblem(0, "network-error", "サーバーに接続できません。時間をおいてもう一度お試しください");
  }
  if (!response.ok) {
    const body = (response.headers.get("content-type") ?? "").includes("json") ? ((await response.json()) as { code?: string; title_ja?: string }) : {};
    throw new ApiProblem(response.status, body.code ?? "unknown", body.title_ja ?? "CSVファイルを作成できませんでした");
  }
  return { blob: await response.blob(), fileName: `期間経過の届出_${from}_${to}.csv` };
}
