// ログイン試行の制限: how a throttle reads on the screen. A log-in ID is shown only when it names an
// existing account; an ID that names none was typed by someone and is shown by its hash only.
export interface AccountThrottle {
  id: string;
  kind: "account" | "pair";
  loginId: string | null;
  accountKey: string;
  source: string | null;
  failures: number;
  lastFailureAt: string | null;
  blockedUntil: string | null;
}

export interface SourceThrottle {
  id: string;
  source: string;
  failures: number;
  lastFailureAt: string;
  blockedUntil: string | null;
}

export function throttleScopeJa(t: Pick<AccountThrottle, "kind" | "source">): string {
  return t.kind === "account" ? "アカウント（全接続元）" : `アカウント × 接続元 ${t.source ?? ""}`.trim();
}

export function throttleAccountJa(t: Pick<AccountThrottle, "loginId" | "accountKey">): string {
  return t.loginId ?? `存在しないID（${t.accountKey}…）`;
}

/** 制限中 until a time, or only counting failures. */
export function throttleStateJa(blockedUntil: string | null, format: (iso: string) => string): string {
  return blockedUntil ? `制限中（${format(blockedUntil)}まで）` : "失敗を記録中";
}
