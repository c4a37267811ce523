// 画面一覧 (the screens) and who may open each. The side navigation lists exactly the screens the
// session's roles allow, so a link never leads to a refusal; add a screen here and in app.tsx.
import type { Session } from "./session.ts";
import { staffMay } from "./session.ts";

export interface ScreenEntry {
  path: string;
  label: string;
  allows(session: Session): boolean;
}

const isStaff = (s: Session) => s.kind === "staff";
const isOperator = (s: Session) => s.kind === "operator";

const isPlatformAdmin = (s: Session) => staffMay(s, "platform", "admin");

export const SCREENS: readonly ScreenEntry[] = [
  { path: "/", label: "ホーム", allows: isStaff },
  { path: "/settings", label: "設定", allows: isStaff },
  { path: "/staff", label: "職員管理", allows: isPlatformAdmin },
  { path: "/events", label: "連携状況", allows: isPlatformAdmin },
  { path: "/jobs", label: "ジョブ", allows: isPlatformAdmin },
  { path: "/audit", label: "監査ログ", allows: isPlatformAdmin },
  { path: "/operator/tenants", label: "団体一覧", allows: isOperator },
  { path: "/operator/fit-gap", label: "フィット&ギャップ", allows: isOperator },
  { path: "/operator/events", label: "連携状況", allows: isOperator },
  { path: "/operator/jobs", label: "ジョブ", allows: isOperator },
  { path: "/operator/audit-verify", label: "監査ログ検証", allows: isOperator },
];

export function screensFor(session: Session): ScreenEntry[] {
  return SCREENS.filter((s) => s.allows(session));
}

/** Where a user lands after log-in: their first screen. */
export function landingPath(session: Session): string {
  return screensFor(session)[0]?.path ?? "/";
}

/** The screen at `path` if this session may open it, else null. */
export function screenAt(session: Session, path: string): ScreenEntry | null {
  return screensFor(session).find((s) => s.path === path) ?? null;
}
