// 住民票記載事項証明書 (jūminhyō kisai jikō shōmeisho): a certificate of chosen items of one
// person's 住民票 (住民基本台帳法 第12条第1項), for a 除票 the 除票記載事項証明書 (第15条の4). The
// 氏名 is always printed — it says whose facts these are; the other items are the requester's
// choice, printed in the order of 第7条 whatever order they were asked in. Items the 写し prints
// only on request need the same roles here (item-permissions.ts).
import { Type } from "@sinclair/typebox";
import { defineCertificate, type CertificateDefinition, type TableRow } from "../../../platform/documents/index.ts";
import { renderDrawing } from "../../../platform/documents/render-pool.ts";
import type { MyNumberVault } from "../my-number-vault.ts";
import { fullName, fullNameKana } from "../person-record.ts";
import { getHouseholdAsOf, relationshipLabel } from "../read-model.ts";
import { RESIDENT_MODULE_ID } from "../service.ts";
import { certificateSubject } from "./certificate-subject.ts";
import { requireMyNumberPrintable, requireResidentCodePrintable } from "./disclosure.ts";
import { issuingStaff } from "./issuing-staff.ts";
import { requirePermittedItems, type GuardedItem, type RequestedItem } from "./item-permissions.ts";
import { preparePersons } from "./printed-persons.ts";
import { printedAddress, printedDomicile, printedNotification, printedRemoval, SEX_JA, wareki } from "./printed-values.ts";
import { headBeforeRemoval, removalOf } from "./removal.ts";
import { itemTableDrawing } from "./resident-drawings.ts";

export const ENTRY_CERTIFICATE_KIND = `${RESIDENT_MODULE_ID}.kisai-jiko`;

/** The items a requester may choose, in the order of 第7条 (the order they are printed in). */
export const ENTRY_ITEMS = {
  nameKana: "フリガナ",
  birthDate: "生年月日 (第2号)",
  sex: "性別 (第3号)",
  headOfHousehold: "世帯主・続柄 (第4号)",
  domicile: "本籍・筆頭者 (第5号)",
  becameResidentDate: "住民となった年月日 (第6号)",
  address: "住所 (第7号)",
  addressSinceDate: "住所を定めた年月日と届出 (第7号・第8号)",
  previousAddress: "前住所 (第8号)",
  myNumber: "個人番号 (第8号の2; resident:admin, audited as a reveal)",
  residentCode: "住民票コード (第13号; audited as a reveal)",
} as const;

export type EntryItem = keyof typeof ENTRY_ITEMS;
const ITEM_ORDER = Object.keys(ENTRY_ITEMS) as EntryItem[];

const GUARDED: Partial<Record<EntryItem, GuardedItem>> = {
  headOfHousehold: "relationship",
  domicile: "domicile",
  previousAddress: "previousAddress",
  myNumber: "myNumber",
  residentCode: "residentCode",
};

export const EntryCertificateOptions = Type.Object(
  {
    items: Type.Array(
      Type.Union(
        ITEM_ORDER.map((item) => Type.Literal(item)),
        { description: ITEM_ORDER.map((i) => `${i} ${ENTRY_ITEMS[i]}`).join(", ") },
      ),
      {
        minItems: 1,
        uniqueItems: true,
        default: ["birthDate", "sex", "address"],
        description: "the items to certify besides the 氏名, which is always printed",
      },
    ),
  },
  { additionalProperties: false },
);

export function entryCertificate(vault: MyNumberVault): CertificateDefinition {
  return defineCertificate({
    id: ENTRY_CERTIFICATE_KIND,
    name: "住民票記載事項証明書",
    module: RESIDENT_MODULE_ID,
    requiredRole: "issue",
    optionsSchema: EntryCertificateOptions,
    async render(ctx) {
      const { tx } = ctx;
      const items = new Set<EntryItem>(ctx.options.items);
      const staff = await issuingStaff(tx);
      const requested: RequestedItem[] = [];
      ctx.options.items.forEach((item, i) => {
        const guarded = GUARDED[item];
        if (guarded) requested.push({ item: guarded, field: `body/options/items/${i}` });
      });
      requirePermittedItems(staff, requested);

      const subject = await certificateSubject(tx, ctx.platform, ctx.subjectId, ctx.asOf);
      const removal = await removalOf(tx, subject);
      const myNumberAt = ctx.options.items.indexOf("myNumber");
      if (myNumberAt >= 0) requireMyNumberPrintable([subject], `body/options/items/${myNumberAt}`);
      const residentCodeAt = ctx.options.items.indexOf("residentCode");
      if (residentCodeAt >= 0) requireResidentCodePrintable([subject], `body/options/items/${residentCodeAt}`);
      const [person] = await preparePersons(
        tx,
        vault,
        { actor: staff.actor, kind: ENTRY_CERTIFICATE_KIND, serial: ctx.serial, subjectId: ctx.subjectId, disclose: ctx.disclose },
        [{ ...subject, removal }],
        ctx.asOf,
        items.has("myNumber"),
        items.has("residentCode"),
      );
      const r = person!.record;
      const rows: TableRow[] = [{ label: "氏名", value: fullName(r) }];
      for (const item of ITEM_ORDER.filter((i) => items.has(i))) {
        switch (item) {
          case "nameKana":
            rows.push({ label: "フリガナ", value: fullNameKana(r) });
            break;
          case "birthDate":
            rows.push({ label: "生年月日", value: wareki(r.birthDate) });
            break;
          case "sex":
            rows.push({ label: "性別", value: SEX_JA[r.sex] });
            break;
          case "headOfHousehold": {
            const head = removal
              ? await headBeforeRemoval(tx, r.householdId, removal.effectiveDate)
              : (await getHouseholdAsOf(tx, r.householdId, ctx.asOf))?.head;
            if (head) await ctx.disclose([head.addresseeNumber]);
            rows.push({ label: "世帯主", value: head ? fullName(head.record) : "" });
            rows.push({ label: "続柄", value: relationshipLabel(r.relationship) });
            break;
          }
          case "domicile":
            rows.push({ label: "本籍", value: printedDomicile(r.registeredDomicile) });
            rows.push({ label: "筆頭者", value: r.domicileHead ?? "" });
            break;
          case "becameResidentDate":
            rows.push({ label: "住民となった年月日", value: wareki(r.becameResidentDate) });
            break;
          case "address":
            rows.push({ label: "住所", value: printedAddress(r.address, r.addressLine2) });
            break;
          case "addressSinceDate": {
            const n = person!.notification;
            rows.push({ label: "住所を定めた年月日", value: wareki(r.addressSinceDate) });
            if (n) rows.push({ label: "届出年月日", value: printedNotification(n.kind, n.effectiveDate, n.notifiedDate) });
            break;
          }
          case "previousAddress":
            rows.push({ label: "前住所", value: r.previousAddress ? printedAddress(r.previousAddress, r.previousAddressLine2) : "記録なし" });
            break;
          case "myNumber":
            rows.push({ label: "個人番号", value: person!.myNumber ?? "記録なし" });
            break;
          case "residentCode":
            rows.push({ label: "住民票コード", value: person!.residentCode ?? "記録なし" });
            break;
        }
      }
      if (removal) {
        rows.push({ label: "消除の年月日・事由", value: printedRemoval(removal) });
        if (r.destinationAddress) rows.push({ label: "転出先", value: printedAddress(r.destinationAddress, r.destinationAddressLine2) });
      }
      // Certified as the record stood on an earlier day: say which day.
      if (ctx.asOf !== ctx.issueDate) rows.push({ label: "記載事項の基準日", value: `${wareki(ctx.asOf)}現在` });

      const original = removal ? "住民票の除票" : "住民票";
      // Drawn in a render thread (itemTableDrawing: the heading, the items, the certification).
      return renderDrawing(ctx.openDocument(), itemTableDrawing, {
        heading: removal ? "除票記載事項証明書" : "住民票記載事項証明書",
        rows,
        labelWidthMm: 42,
        certification: { certifier: ctx.certifier, date: ctx.issueDate, statement: `上記の事項は${original}の原本と相違ないことを証明する。` },
      });
    },
  });
}
