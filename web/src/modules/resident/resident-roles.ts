// 住民記録の権限 (who may do what at the resident counter), by the roles of the module `resident`:
// 閲覧 reads records, 更新 records 異動, 証明 issues certificates, 管理 also reveals and prints the
// 個人番号. A screen or button a role does not allow is not shown, so no click ends in a refusal.
import { staffMay, type Session } from "../../platform/identity/session.ts";

export const RESIDENT_MODULE = "resident";

export const readsResidents = (s: Session): boolean => staffMay(s, RESIDENT_MODULE, "read");
export const recordsResidentChanges = (s: Session): boolean => staffMay(s, RESIDENT_MODULE, "write");
export const issuesResidentCertificates = (s: Session): boolean => staffMay(s, RESIDENT_MODULE, "issue");
/** 個人番号 on a certificate is a reveal: 管理 only (src/modules/resident/certificates/item-permissions.ts). */
export const printsMyNumbers = (s: Session): boolean => staffMay(s, RESIDENT_MODULE, "admin");
