// 監査ログの表示: Japanese labels for audit actions and actors. The actions' labels are the server's
// catalogue (src/platform/audit/action-labels.ts, checked against every action the source writes);
// one without a label is shown by its code, so entries written by newer areas are never hidden.
// A member of staff is shown by name: the server names the town's own staff beside each entry of a
// history (`actorName`); an internal id is never shown to a clerk.
import { auditActionLabel } from "../../../../src/platform/audit/action-labels.ts";

export interface AuditActorNames {
  /** Staff display names by staff id, from GET /api/staff. */
  staff: ReadonlyMap<string, string>;
}

export const NO_STAFF_NAMES: AuditActorNames = { staff: new Map() };

/** A member of staff whose name this screen was not given (never their id). */
export const UNNAMED_STAFF = "職員（氏名不明）";

export function actionLabel(action: string): string {
  return auditActionLabel(action);
}

/**
 * "staff:<id>" → the staff member's name (the server's `name` for this entry, else the names
 * given); operators and the system by their kind. The same function names an entry's subject,
 * so "addressee:<宛名番号>" reads 「宛名 <宛名番号>」.
 */
export function actorLabel(actor: string, names: AuditActorNames = NO_STAFF_NAMES, name: string | null = null): string {
  const colon = actor.indexOf(":");
  const kind = colon === -1 ? actor : actor.slice(0, colon);
  const id = colon === -1 ? "" : actor.slice(colon + 1);
  if (kind === "staff") return name ?? names.staff.get(id) ?? UNNAMED_STAFF;
  if (kind === "operator") return "運用事業者";
  if (kind === "system") return "システム";
  if (kind === "anonymous") return "不明（未ログイン）";
  if (kind === "addressee") return `宛名 ${id}`;
  if (kind === "setting") return name ?? "設定";
  return actor;
}

/** The names of what an entry's detail records (its keys), as the 内容 column shows them. */
const DETAIL_LABELS: Record<string, string> = {
  filter: "検索条件",
  before: "ページ位置",
  count: "件数",
  asOf: "基準日",
  reason: "理由",
  kind: "種類",
  certificateKind: "証明書の種類",
  serial: "証明書番号",
  loginId: "ログインID",
  roles: "権限",
  granted: "付与",
  revoked: "取消",
  key: "設定",
  level: "設定元",
  scopeId: "設定元の団体",
  job: "ジョブ",
  runId: "実行",
  rows: "行数",
  total: "合計",
  encoding: "文字コード",
  cells: "書き出し方",
  file: "ファイル",
  version: "版",
  status: "状態",
  source: "由来",
  role: "権限",
  passwordKind: "パスワードの種類",
  expiresAt: "有効期限",
  mergeId: "名寄せ",
  measureId: "支援措置",
  measureIds: "支援措置",
  releaseId: "解除承認",
  requesterKind: "請求者",
  channel: "請求の方法",
  identityDocument: "本人確認書類",
  changeId: "異動",
  from: "開始日",
  to: "終了日",
  subject: "対象",
  actor: "職員",
  action: "操作",
  purpose: "利用目的",
  ok: "結果",
  problems: "問題",
  problem: "問題",
  errors: "誤り",
  criteria: "検索条件",
  withheld: "除外",
  protectedCount: "支援措置対象",
  preview: "見本",
  certificateSubject: "証明書の対象",
  seed: "デモの種",
  disabledReason: "無効化の理由",
  retryAfterSeconds: "再試行までの秒数",
  previousAttempts: "これまでの試行",
  type: "種類",
  tenant: "団体",
  staffId: "職員",
  validTo: "終期",
  startsOn: "開始日",
  endsOn: "終了日",
  seq: "番号",
  changes: "異動",
  entries: "記録",
  persons: "人数",
  households: "世帯数",
  addresseesLinked: "結び付けた宛名",
  addresseesCreated: "作成した宛名",
  notifications: "届出",
};

/** Recorded codes by key, as staff read them: a setting's level, a 支援措置's kind. */
const DETAIL_VALUE_LABELS: Record<string, Record<string, string>> = {
  level: { national: "全国標準", prefecture: "県版", consortium: "一部事務組合", municipality: "団体独自" },
  kind: { dv: "配偶者からの暴力（DV）", stalking: "ストーカー行為等", "child-abuse": "児童虐待", other: "その他これらに準ずる行為" },
};

export function detailValueLabel(key: string, value: string): string {
  return DETAIL_VALUE_LABELS[key]?.[value] ?? value;
}

export function detailLabel(key: string): string {
  return DETAIL_LABELS[key] ?? key;
}
