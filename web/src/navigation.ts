// 画面一覧 (the screens) and who may open each. The side navigation lists exactly the screens the
// session's roles allow, so a link never leads to a refusal; add a screen here and in app.tsx.
// A screen of one record (宛名の詳細) has a parameter in its path and is reached from another
// screen, not from the menu.
import type { Session } from "./platform/identity/session.ts";
import { staffMay } from "./platform/identity/session.ts";
import { hasParameters, matchPath } from "./screen-paths.ts";
import { issuesResidentCertificates, readsResidents, recordsResidentChanges } from "./modules/resident/resident-roles.ts";
import { approvesReleases, readsProtection } from "./platform/protection/protection-roles.ts";

export interface ScreenEntry {
  /** The path, or a pattern with one ":name" segment for a screen of one record. */
  path: string;
  label: string;
  allows(session: Session): boolean;
  /** A record's screen (宛名の詳細) names the menu screen it is reached from; it is not in the menu itself. */
  parent?: string;
}

const isStaff = (s: Session) => s.kind === "staff";
const isOperator = (s: Session) => s.kind === "operator";

const isPlatformAdmin = (s: Session) => staffMay(s, "platform", "admin");
// 宛名 (the addressee register): 閲覧 reads, 更新 registers and corrects, 管理 merges duplicates.
const readsAddressees = (s: Session) => staffMay(s, "addressee", "read");
const writesAddressees = (s: Session) => staffMay(s, "addressee", "write");
const administersAddressees = (s: Session) => staffMay(s, "addressee", "admin");

export const SCREENS: readonly ScreenEntry[] = [
  { path: "/", label: "ホーム", allows: isStaff },
  { path: "/residents", label: "住民検索", allows: readsResidents },
  { path: "/residents/move-in", label: "転入届", allows: recordsResidentChanges },
  // 期間経過の届出: the late 届出 of a period, for the notice to the 簡易裁判所 (住民基本台帳法 第52条第2項).
  { path: "/residents/late-notifications", label: "期間経過の届出", allows: readsResidents },
  { path: "/residents/ex-officio-entry", label: "職権記載", allows: recordsResidentChanges, parent: "/residents" },
  { path: "/residents/:id", label: "住民の詳細", allows: readsResidents, parent: "/residents" },
  { path: "/residents/:id/changes/:kind", label: "異動届の入力", allows: recordsResidentChanges, parent: "/residents" },
  { path: "/residents/:id/certificate", label: "証明書の交付", allows: issuesResidentCertificates, parent: "/residents" },
  { path: "/addressees", label: "宛名検索", allows: readsAddressees },
  { path: "/addressees/new", label: "住登外者の登録", allows: writesAddressees },
  { path: "/addressees/duplicates", label: "名寄せ候補", allows: administersAddressees },
  { path: "/addressees/:number", label: "宛名の詳細", allows: readsAddressees, parent: "/addressees" },
  // 支援措置: the measures for whoever holds its roles (never a clerk's "every module"), the
  // releases waiting for a decision for the supervisor.
  { path: "/protection/measures", label: "支援措置", allows: readsProtection },
  { path: "/protection/releases", label: "支援措置 解除承認", allows: approvesReleases },
  { path: "/settings", label: "設定", allows: isStaff },
  // One's own password: reached from the link above every staff screen, not from the menu.
  { path: "/account/password", label: "パスワード変更", allows: isStaff, parent: "/" },
  { path: "/staff", label: "職員管理", allows: isPlatformAdmin },
  { path: "/events", label: "連携状況", allows: isPlatformAdmin },
  { path: "/jobs", label: "ジョブ", allows: isPlatformAdmin },
  { path: "/audit", label: "監査ログ", allows: isPlatformAdmin },
  { path: "/certificates/seals", label: "職印", allows: isPlatformAdmin },
  { path: "/operator/tenants", label: "団体一覧", allows: isOperator },
  { path: "/operator/fit-gap", label: "フィット&ギャップ", allows: isOperator },
  { path: "/operator/events", label: "連携状況", allows: isOperator },
  { path: "/operator/jobs", label: "ジョブ", allows: isOperator },
  { path: "/operator/protection", label: "支援措置の状況", allows: isOperator },
  { path: "/operator/audit-verify", label: "監査ログ検証", allows: isOperator },
  { path: "/operator/login-throttles", label: "ログイン試行の制限", allows: isOperator },
];

/** The screens of the menu this session may open. */
export function screensFor(session: Session): ScreenEntry[] {
  return SCREENS.filter((s) => s.parent === undefined && s.allows(session));
}

/** Where a user lands after log-in: their first screen. */
export function landingPath(session: Session): string {
  return screensFor(session)[0]?.path ?? "/";
}

/**
 * The screen at `path`, whoever may open it: a fixed path first ("/addressees/new" is the
 * registration form, not a record numbered "new"), then a pattern.
 */
function entryAt(path: string): ScreenEntry | null {
  return (
    SCREENS.find((s) => !hasParameters(s.path) && s.path === path) ??
    SCREENS.find((s) => hasParameters(s.path) && matchPath(s.path, path) !== null) ??
    null
  );
}

/** The menu entry to mark as current at `path`: the screen itself, or the one a record's screen belongs to. */
export function menuPathAt(session: Session, path: string): string {
  const screen = screenAt(session, path);
  return screen?.parent ?? screen?.path ?? path;
}

/** True when some screen lives at `path` (whether or not this user may open it). */
export function screenExists(path: string): boolean {
  return entryAt(path) !== null;
}

/** The screen at `path` if this session may open it, else null. */
export function screenAt(session: Session, path: string): ScreenEntry | null {
  const entry = entryAt(path);
  return entry && entry.allows(session) ? entry : null;
}
