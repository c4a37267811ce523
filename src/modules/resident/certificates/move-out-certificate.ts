// 転出証明書 (tenshutsu shōmeisho): what the municipality gives a person who notified a 転出, to
// attach to the 転入届 at the new municipality (住民基本台帳法 第22条第2項, 施行令 第23条 and 第24条).
// Only for a 転出 known on the date — planned (転出予定, notified ahead as 第24条 asks) or done —
// else 422. One certificate lists everyone who leaves with the same 転出届 (wholeMove), as the
// counter issues it for a family.
//
// 施行令 第23条 lists what the 転出証明書 carries — among them the 住民票コード and the 個人番号, so
// that the new municipality writes the same code (第30条の3: a code is kept for life) and the same
// number — and 第24条 the 転出先 and the (planned) date of the move; 世帯主・続柄, 本籍・筆頭者 and
// 前住所 are printed too. All of these are printed by the law, not on request: the issuing role
// (証明 issue) suffices, and each printed 個人番号 and 住民票コード is audited as a reveal
// (disclosure.ts). Nothing is listed as omitted. The 国民健康保険 etc. entries of 第7条第10号 ff.
// are not kept by the registry and not printed.
import { Type } from "@sinclair/typebox";
import { defineCertificate, type CertificateDefinition } from "../../../platform/documents/index.ts";
import { renderDrawing } from "../../../platform/documents/render-pool.ts";
import type { MyNumberVault } from "../my-number-vault.ts";
import { fullName } from "../person-record.ts";
import { getPersonAsOf } from "../read-model.ts";
import { RESIDENT_MODULE_ID } from "../service.ts";
import { certificateProblems } from "./certificate-problems.ts";
import { certificateSubject } from "./certificate-subject.ts";
import { issuingStaff } from "./issuing-staff.ts";
import { preparePersons, type PersonToPrint } from "./printed-persons.ts";
import { printedAddress, wareki } from "./printed-values.ts";
import { headBeforeRemoval, moveOutOf, removedTogether } from "./removal.ts";
import { residentFormDrawing } from "./resident-drawings.ts";

export const MOVE_OUT_CERTIFICATE_KIND = `${RESIDENT_MODULE_ID}.tenshutsu`;

export const MoveOutCertificateOptions = Type.Object(
  {
    wholeMove: Type.Boolean({ default: true, description: "同じ転出届で転出する世帯員を併記する (false: the subject only)" }),
  },
  { additionalProperties: false },
);

export function moveOutCertificate(vault: MyNumberVault): CertificateDefinition {
  return defineCertificate({
    id: MOVE_OUT_CERTIFICATE_KIND,
    name: "転出証明書",
    module: RESIDENT_MODULE_ID,
    requiredRole: "issue",
    optionsSchema: MoveOutCertificateOptions,
    async render(ctx) {
      const { tx, options } = ctx;
      const staff = await issuingStaff(tx);

      const subject = await certificateSubject(tx, ctx.platform, ctx.subjectId, ctx.asOf);
      const move = await moveOutOf(tx, subject);
      if (!move) throw subject.isRemovedRecord ? certificateProblems.removedOtherwise() : certificateProblems.noMoveOut();

      // The facts as the 転出 leaves them: on the day of the move, or later for a move long done.
      const factsDate = ctx.asOf > move.effectiveDate ? ctx.asOf : move.effectiveDate;
      const ids = options.wholeMove ? await removedTogether(tx, move) : [subject.personId];
      const movers: PersonToPrint[] = [];
      for (const personId of ids) {
        const person = await getPersonAsOf(tx, personId, factsDate);
        if (person && person.record.householdId === subject.record.householdId) movers.push(person);
      }
      const persons = await preparePersons(
        tx,
        vault,
        { actor: staff.actor, kind: MOVE_OUT_CERTIFICATE_KIND, serial: ctx.serial, subjectId: ctx.subjectId, disclose: ctx.disclose },
        movers,
        factsDate,
        true,
        true,
      );

      const record = persons.find((p) => p.personId === subject.personId)!.record;
      const head = await headBeforeRemoval(tx, record.householdId, move.effectiveDate);
      // Drawn in a render thread (residentFormDrawing: the form, then the certification).
      return renderDrawing(ctx.openDocument(), residentFormDrawing, {
        form: {
          title: "転出証明書",
          householdLines: [
            { label: "住所", value: printedAddress(record.address, record.addressLine2) },
            { label: "世帯主", value: head ? fullName(head.record) : "" },
            { label: "転出先", value: record.destinationAddress ? printedAddress(record.destinationAddress, record.destinationAddressLine2) : "" },
            { label: move.isAdvanceNotice ? "転出予定年月日" : "転出年月日", value: wareki(move.effectiveDate) },
            { label: "届出年月日", value: move.notifiedDate ? wareki(move.notifiedDate) : "" },
          ],
          omitted: [],
          persons,
          items: { relationship: true, domicile: true, previousAddress: true, myNumber: true, residentCode: true, removal: false },
          notes: ["この証明書は、転入の届出の際に転入先の市区町村長に提出してください（住民基本台帳法第22条第2項）。"],
        },
        certification: { certifier: ctx.certifier, date: ctx.issueDate, statement: "上記のとおり転出の届出があったことを証明する。" },
      });
    },
  });
}
