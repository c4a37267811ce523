// 支援措置の権限 (module `protection`, granted only on purpose, never with "every module"): 閲覧
// reads measures and sees protected addresses, 更新 is the 支援措置担当 who creates, renews,
// changes and ends measures, 管理 is the supervisor (上長) who approves releases.
import { staffMay, type Session } from "../identity/session.ts";

export const PROTECTION_MODULE = "protection";

export const readsProtection = (s: Session): boolean => staffMay(s, PROTECTION_MODULE, "read");
export const writesProtection = (s: Session): boolean => staffMay(s, PROTECTION_MODULE, "write");
export const approvesReleases = (s: Session): boolean => staffMay(s, PROTECTION_MODULE, "admin");
