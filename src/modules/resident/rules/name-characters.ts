// 氏名 and 本籍 are stored as Unicode, with Ideographic Variation Sequences where the registered
// form needs one; a private-use character (a legacy 外字) means nothing outside the system that
// made it and must be mapped first (行政事務標準文字, domain primer 文字). Control characters are
// refused too. Names are not NFC-normalised, so nothing here changes a character.
import type { PersonField } from "../person-record.ts";
import type { ChangeRule, Violation } from "./rule.ts";

const PRIVATE_USE = /[\uE000-\uF8FF\u{F0000}-\u{FFFFD}\u{100000}-\u{10FFFD}]/u;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const TEXT_FIELDS: PersonField[] = [
  "familyName",
  "givenName",
  "address",
  "addressLine2",
  "previousAddress",
  "previousAddressLine2",
  "destinationAddress",
  "destinationAddressLine2",
  "registeredDomicile",
  "domicileHead",
];

export const nameCharacters: ChangeRule = {
  code: "name-characters",
  status: 400,
  titleEn: "A name or address contains a private-use or control character",
  titleJa: "外字（私用領域の文字）または制御文字が含まれています",
  law: "行政事務標準文字 (文字情報基盤), 住民基本台帳法 第7条",
  check({ plan }) {
    const out: Violation[] = [];
    for (const p of plan.persons) {
      for (const f of TEXT_FIELDS) {
        const value = p.set[f];
        if (typeof value !== "string") continue;
        if (PRIVATE_USE.test(value)) out.push({ field: `${p.field}/${f}`, message: "contains a private-use character (外字); map it to Unicode first" });
        else if (CONTROL.test(value)) out.push({ field: `${p.field}/${f}`, message: "contains a control character" });
      }
      if (p.set.familyName !== undefined && p.set.familyName.trim() === "") out.push({ field: `${p.field}/familyName`, message: "required" });
    }
    return out;
  },
};
