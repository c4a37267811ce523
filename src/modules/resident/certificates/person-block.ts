// 個人欄の記載事項 (what a person's block prints), after 住民基本台帳法 第7条: 氏名 (with its フリガナ),
// 生年月日, 男女の別, 続柄 (第4号), 住民となった年月日 (第6号), 住所を定めた年月日 and its 届出
// (第7号・第8号), 前住所 (第8号), 本籍・筆頭者 (第5号), 個人番号 (第8号の2), 住民票コード (第13号), and for a 除票 the
// 消除 (its day, its reason, and for a 転出 the 転出先). Which of the optional items appear is
// the certificate's choice; the values are the record as of the certificate's date.
import { fullName, fullNameKana, type PersonRecord } from "../person-record.ts";
import { relationshipLabel } from "../read-model.ts";
import type { AddressNotification } from "./address-notification.ts";
import { printedAddress, printedDomicile, printedNotification, printedRemoval, SEX_JA, wareki } from "./printed-values.ts";
import type { GridRow } from "./record-grid.ts";
import type { RemovalChange } from "./removal.ts";

export interface PrintedPerson {
  personId: string;
  addresseeNumber: string;
  record: PersonRecord;
  notification: AddressNotification | null;
  /** The 個人番号 when it is printed (null: none held). */
  myNumber?: string | null;
  /** The 住民票コード when it is printed (null: none written). */
  residentCode?: string | null;
  /** The change that made the record a 除票, when it is one. */
  removal?: RemovalChange | null;
}

export interface PrintedItems {
  relationship: boolean;
  domicile: boolean;
  previousAddress: boolean;
  myNumber: boolean;
  residentCode: boolean;
  removal: boolean;
}

export function personRows(p: PrintedPerson, items: PrintedItems): GridRow[] {
  const r = p.record;
  const rows: GridRow[] = [
    [
      { caption: "氏名", beside: fullNameKana(r), value: fullName(r), size: 12.5, widthMm: 70 },
      { caption: "生年月日", value: wareki(r.birthDate) },
      { caption: "性別", value: SEX_JA[r.sex], widthMm: 13 },
      ...(items.relationship ? [{ caption: "続柄", value: relationshipLabel(r.relationship), widthMm: 30 }] : []),
    ],
    [
      { caption: "住民となった年月日", value: wareki(r.becameResidentDate) },
      { caption: "住所を定めた年月日", value: wareki(r.addressSinceDate) },
      {
        caption: "届出年月日",
        value: p.notification ? printedNotification(p.notification.kind, p.notification.effectiveDate, p.notification.notifiedDate) : "",
      },
    ],
  ];
  if (items.previousAddress && r.previousAddress) {
    rows.push([{ caption: "前住所", value: printedAddress(r.previousAddress, r.previousAddressLine2) }]);
  }
  if (items.domicile) {
    rows.push([
      { caption: "本籍", value: printedDomicile(r.registeredDomicile) },
      { caption: "筆頭者", value: r.domicileHead ?? "", widthMm: 45 },
    ]);
  }
  if (items.myNumber) {
    rows.push([{ caption: "個人番号", value: p.myNumber ?? "記録なし", size: 11 }]);
  }
  if (items.residentCode) {
    rows.push([{ caption: "住民票コード", value: p.residentCode ?? "記録なし", size: 11 }]);
  }
  if (items.removal && p.removal) {
    const destination = r.destinationAddress ? printedAddress(r.destinationAddress, r.destinationAddressLine2) : null;
    rows.push([
      { caption: "消除の年月日・事由", value: printedRemoval(p.removal), ...(destination ? { widthMm: 84 } : {}) },
      ...(destination ? [{ caption: "転出先", value: destination }] : []),
    ]);
  }
  return rows;
}
