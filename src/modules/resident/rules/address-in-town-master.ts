// An address inside the municipality (転入先, 転居先, and one written by 職権) must be a 町字 of the
// town's 町字マスター in force on the 異動日, with 番地・号 in numbers: 住民基本台帳法 第7条第7号
// records the 住所, and 住民基本台帳法施行令 第6条の2 / 住居表示に関する法律 第2条 and the 町字 of
// 地方自治法 第260条 say how it is written; the master is デジタル庁 アドレス・ベース・レジストリ
// 「町字マスター」. A town that has imported no master yet is not checked (src/platform/address).
import { checkInTown, loadTownMaster } from "../../../platform/address/index.ts";
import type { ChangeKind } from "../change-kind.ts";
import { addressFieldPath } from "./address-in-national-master.ts";
import type { ChangeRule, Violation } from "./rule.ts";

// A 出生, 世帯分離 or 世帯合併 takes the household's address as it is: not typed, not checked again.
/** Kinds whose `address` is typed by the clerk: 転入, 転居, 職権記載, 職権修正. */
export const IN_TOWN_ADDRESS_KINDS: readonly ChangeKind[] = ["moved-in", "address-changed", "ex-officio-entry", "ex-officio-correction"];

export const addressInTownMaster: ChangeRule = {
  code: "address-in-town-master",
  status: 400,
  titleEn: "The address is not in this municipality's address master",
  titleJa: "この町の住所は町字マスターの町字から選んでください",
  law: "住民基本台帳法 第7条第7号, 地方自治法 第260条, アドレス・ベース・レジストリ 町字マスター",
  async check({ tx, plan }) {
    const typed = plan.persons.filter((p) => typeof p.set.address === "string");
    if (typed.length === 0) return [];
    const master = await loadTownMaster(tx, plan.effectiveDate);
    if (master === null) return [];
    const out = new Map<string, Violation>();
    for (const p of typed) {
      const verdict = checkInTown(p.set.address as string, master);
      const field = addressFieldPath(plan.kind, p.field, "address");
      if (!verdict.ok && !out.has(field)) out.set(field, { field, message: verdict.message! });
    }
    return [...out.values()];
  },
};
