// 証明書の表記 (how certificates print the record's values): dates in 和暦, 男/女, addresses with
// their 方書 after an ideographic space, names exactly as stored (kanji with any IVS — never
// normalised, see person-record.ts), the removal reason of a 除票 in the registry's words.
import { formatWareki } from "../../../lib/wareki.ts";
import { fullWidthDigits } from "../../../platform/documents/line-breaking.ts";
import type { ChangeKind } from "../change-kind.ts";
import { CHANGE_KIND_NAMES_JA } from "../change-kind.ts";
import type { RemovalReason, Sex } from "../person-record.ts";
import type { RemovalChange } from "./removal.ts";

const IDEOGRAPHIC_SPACE = "\u3000";

export const SEX_JA: Record<Sex, string> = { male: "男", female: "女" };

/** The wording of a 除票's 消除事由. */
export const REMOVAL_REASON_JA: Record<RemovalReason, string> = { "moved-out": "転出", died: "死亡", erased: "職権消除" };

export function wareki(date: string): string {
  return formatWareki(date);
}

/**
 * 住所 followed by its 方書, as one line, with its digits in one width (full-width, as the
 * registry's forms print them): stored 「堀内2135番地 ハイツ１０1」 prints 「堀内２１３５番地 ハイツ１０１」.
 */
export function printedAddress(address: string, addressLine2: string | null): string {
  return fullWidthDigits(addressLine2 ? `${address}${IDEOGRAPHIC_SPACE}${addressLine2}` : address);
}

/**
 * The date a change was notified, with the notification it was: 「令和7年4月3日 転入届」; a 職権
 * change has no 届出日, so it prints its 異動日 and 「職権記載」 (住民基本台帳法 第7条第8号 speaks
 * of the 届出の年月日, or for 職権 the date of the entry).
 */
export function printedNotification(kind: ChangeKind, effectiveDate: string, notifiedDate: string | null): string {
  if (notifiedDate === null) return `${wareki(effectiveDate)}${IDEOGRAPHIC_SPACE}${CHANGE_KIND_NAMES_JA[kind]}`;
  return `${wareki(notifiedDate)}${IDEOGRAPHIC_SPACE}${CHANGE_KIND_NAMES_JA[kind]}届`;
}

/** The 本籍 line: the 戸籍の表示, or that there is none on record (第7条第5号 ただし書). */
export function printedDomicile(registeredDomicile: string | null): string {
  return registeredDomicile ?? "本籍の記録なし";
}

/** A 除票's 消除: 「令和8年3月31日 転出（令和8年3月20日届出）」. */
export function printedRemoval(removal: Pick<RemovalChange, "effectiveDate" | "reason" | "notifiedDate">): string {
  const when = `${wareki(removal.effectiveDate)}${IDEOGRAPHIC_SPACE}${REMOVAL_REASON_JA[removal.reason]}`;
  return removal.notifiedDate ? `${when}（${wareki(removal.notifiedDate)}届出）` : when;
}
