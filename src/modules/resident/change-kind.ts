// 異動 (idō): a change to the resident registry. Each kind is named in English in code and in the
// API, with its Japanese name here and in docs/glossary.md:
//   moved-in 転入 (from another municipality), moved-out 転出 (to another; 転出予定 when notified
//   ahead), address-changed 転居 (within the municipality), born 出生, died 死亡,
//   household-split 世帯分離, household-merged 世帯合併, head-changed 世帯主変更,
//   name-changed 氏名変更, and the changes the mayor makes without a notification (職権,
//   住民基本台帳法 第8条, 施行令 第12条): ex-officio-entry 職権記載, ex-officio-correction 職権修正,
//   ex-officio-erasure 職権消除.
// A 届出 (notification) kind carries a 届出日 (notified date); a 職権 kind has none and needs a reason.

export const CHANGE_KINDS = [
  "moved-in",
  "moved-out",
  "address-changed",
  "born",
  "died",
  "household-split",
  "household-merged",
  "head-changed",
  "name-changed",
  "ex-officio-entry",
  "ex-officio-correction",
  "ex-officio-erasure",
] as const;

export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_KIND_NAMES_JA: Record<ChangeKind, string> = {
  "moved-in": "転入",
  "moved-out": "転出",
  "address-changed": "転居",
  born: "出生",
  died: "死亡",
  "household-split": "世帯分離",
  "household-merged": "世帯合併",
  "head-changed": "世帯主変更",
  "name-changed": "氏名変更",
  "ex-officio-entry": "職権記載",
  "ex-officio-correction": "職権修正",
  "ex-officio-erasure": "職権消除",
};

/** 職権 kinds: made by the municipality on its own findings, with no 届出日 (住民基本台帳法 第8条). */
export function isExOfficio(kind: ChangeKind): boolean {
  return kind.startsWith("ex-officio-");
}

/** Kinds that put a person on the registry (or back on it). */
export const REGISTRATION_KINDS: readonly ChangeKind[] = ["moved-in", "born", "ex-officio-entry"];
/** Kinds that take a person off it: the record becomes a 除票. */
export const REMOVAL_KINDS: readonly ChangeKind[] = ["moved-out", "died", "ex-officio-erasure"];
