// 前住所, 転出先 and 本籍 are addresses anywhere in Japan: they are not chosen from this town's
// master but must name a 都道府県 and a 市区町村 of the 総務省 全国地方公共団体コード master
// (住民基本台帳法 第7条第5号・第8号の2, 第24条; 国外 is written 「国外」 and the country).
import { checkNational } from "../../../platform/address/index.ts";
import type { ChangeKind } from "../change-kind.ts";
import type { PersonField } from "../person-record.ts";
import type { ChangeRule, Violation } from "./rule.ts";

export const addressInNationalMaster: ChangeRule = {
  code: "address-in-national-master",
  status: 400,
  titleEn: "The prefecture or municipality of an address is unknown",
  titleJa: "前住所・転出先・本籍の都道府県・市区町村が見つかりません",
  law: "住民基本台帳法 第7条, 第24条; 総務省 全国地方公共団体コード",
  check({ plan }) {
    const out = new Map<string, Violation>();
    for (const p of plan.persons) {
      for (const f of nationalAddressFields(plan.kind)) {
        const value = p.set[f];
        if (typeof value !== "string" || value === "") continue;
        const verdict = checkNational(value);
        const field = addressFieldPath(plan.kind, p.field, f);
        if (!verdict.ok && !out.has(field)) out.set(field, { field, message: verdict.message! });
      }
    }
    return [...out.values()];
  },
};

// Which fields hold an address elsewhere, by kind: a 出生 only its 本籍; a 転居's 前住所 is the old
// address, not typed, so it is not read again.
/** Fields holding an address anywhere in Japan, by kind. */
export function nationalAddressFields(kind: ChangeKind): PersonField[] {
  switch (kind) {
    case "moved-in":
    case "ex-officio-entry":
    case "ex-officio-correction":
      return ["previousAddress", "registeredDomicile", "destinationAddress"];
    case "born":
      return ["registeredDomicile"];
    case "moved-out":
      return ["destinationAddress"];
    default:
      return [];
  }
}

/** Where the field is named in the request, for error messages. */
export function addressFieldPath(kind: ChangeKind, personField: string, field: PersonField): string {
  if (kind === "ex-officio-correction" || field === "registeredDomicile") return `${personField}/${field}`;
  if (field === "address") return "body/address/address";
  if (field === "previousAddress") return "body/previousAddress/address";
  if (field === "destinationAddress") return "body/destination/address";
  return `${personField}/${field}`;
}
