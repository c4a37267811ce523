// 住民票の写し (jūminhyō no utsushi): a copy of the 住民票 of one person, chosen members of their
// household, or the whole household, as of a date (住民基本台帳法 第12条). For a person whose
// record is a 除票 on that date it is the 住民票の除票の写し (第15条の4), with the 消除 printed, and
// "the household" is the persons removed with them by the same change (a family moving out).
//
// Items printed only on request (第12条第5項): 世帯主・続柄 (showRelationship), 本籍・筆頭者
// (showDomicile), 個人番号 (showMyNumber — 管理 only, audited as a reveal, item-permissions.ts; never
// for a 除票 by death, disclosure.ts), 住民票コード (第13号, showResidentCode — 証明 issue, each printed
// code audited; never for a 除票 by death). What is left out is listed on the copy
// (「記載を省略した事項：個人番号、住民票コード」). 前住所 (第7条第8号) is an ordinary item of the 住民票, printed unless
// showPreviousAddress is false.
//
// Options hold ids and choices only (they are stored in the issue register): the chosen members
// by 宛名番号, never by name.
import { Type } from "@sinclair/typebox";
import type { Platform } from "../../../platform/contract.ts";
import type { Tx } from "../../../platform/db/database.ts";
import { defineCertificate, type CertificateDefinition } from "../../../platform/documents/index.ts";
import { renderDrawing } from "../../../platform/documents/render-pool.ts";
import type { MyNumberVault } from "../my-number-vault.ts";
import { fullName } from "../person-record.ts";
import { residentProblems } from "../problems.ts";
import { getHouseholdAsOf, getPersonAsOf, type PersonAsOf } from "../read-model.ts";
import { RESIDENT_MODULE_ID } from "../service.ts";
import { certificateProblems } from "./certificate-problems.ts";
import { certificateSubject, personIdOfAddressee } from "./certificate-subject.ts";
import { requireMyNumberPrintable, requireResidentCodePrintable } from "./disclosure.ts";
import { issuingStaff } from "./issuing-staff.ts";
import { requirePermittedItems, type RequestedItem } from "./item-permissions.ts";
import { preparePersons, type PersonToPrint } from "./printed-persons.ts";
import { printedAddress, wareki } from "./printed-values.ts";
import { headBeforeRemoval, removalOf, removedTogether } from "./removal.ts";
import { residentFormDrawing } from "./resident-drawings.ts";

export const RESIDENCE_COPY_KIND = `${RESIDENT_MODULE_ID}.juminhyo`;

export const ResidenceCopyOptions = Type.Object(
  {
    scope: Type.Union([Type.Literal("person"), Type.Literal("household"), Type.Literal("chosen")], {
      default: "person",
      description: "person: the subject only; household: 世帯全員 (for a 除票, those removed with the subject); chosen: the subject and `members`",
    }),
    members: Type.Array(Type.String({ pattern: "^[0-9]{1,15}$" }), {
      default: [],
      maxItems: 50,
      uniqueItems: true,
      description: "with scope chosen: 宛名番号 of the other members to include (of the subject's household on the date)",
    }),
    showRelationship: Type.Boolean({ default: false, description: "世帯主・続柄を記載する (第7条第4号)" }),
    showDomicile: Type.Boolean({ default: false, description: "本籍・筆頭者を記載する (第7条第5号)" }),
    showMyNumber: Type.Boolean({ default: false, description: "個人番号を記載する (第7条第8号の2; resident:admin, audited as a reveal)" }),
    showResidentCode: Type.Boolean({ default: false, description: "住民票コードを記載する (第7条第13号; audited as a reveal)" }),
    showPreviousAddress: Type.Boolean({ default: true, description: "前住所を記載する (第7条第8号)" }),
  },
  { additionalProperties: false },
);

const field = (option: string) => `body/options/${option}`;

/** The persons the copy is of, before ordering: see the header for what "household" means. */
async function personsOfCopy(
  tx: Tx,
  platform: Pick<Platform, "addressees">,
  subject: PersonAsOf,
  options: { scope: "person" | "household" | "chosen"; members: string[] },
  asOf: string,
): Promise<PersonToPrint[]> {
  const self: PersonToPrint = { ...subject, removal: await removalOf(tx, subject) };
  if (options.scope === "person") return [self];
  let group: PersonToPrint[];
  if (subject.isRemovedRecord) {
    group = [];
    for (const personId of self.removal ? await removedTogether(tx, self.removal) : [subject.personId]) {
      if (personId === subject.personId) {
        group.push(self);
        continue;
      }
      const person = await getPersonAsOf(tx, personId, asOf);
      if (person?.isRemovedRecord && person.record.householdId === subject.record.householdId) {
        group.push({ ...person, removal: await removalOf(tx, person) });
      }
    }
  } else {
    group = (await getHouseholdAsOf(tx, subject.record.householdId, asOf))?.members ?? [self];
  }
  if (options.scope === "household") return group;
  const chosen: PersonToPrint[] = [self];
  for (const [i, number] of options.members.entries()) {
    const personId = await personIdOfAddressee(tx, platform, number);
    const member = group.find((m) => m.personId === personId);
    if (!member) throw residentProblems.notAHouseholdMember(`${field("members")}/${i}`);
    if (!chosen.some((c) => c.personId === member.personId)) chosen.push(member);
  }
  return chosen;
}

export function residenceCopy(vault: MyNumberVault): CertificateDefinition {
  return defineCertificate({
    id: RESIDENCE_COPY_KIND,
    name: "住民票の写し",
    module: RESIDENT_MODULE_ID,
    requiredRole: "issue",
    optionsSchema: ResidenceCopyOptions,
    async render(ctx) {
      const { tx, options } = ctx;
      const staff = await issuingStaff(tx);
      const requested: RequestedItem[] = [];
      if (options.showRelationship) requested.push({ item: "relationship", field: field("showRelationship") });
      if (options.showDomicile) requested.push({ item: "domicile", field: field("showDomicile") });
      if (options.showMyNumber) requested.push({ item: "myNumber", field: field("showMyNumber") });
      if (options.showResidentCode) requested.push({ item: "residentCode", field: field("showResidentCode") });
      if (options.showPreviousAddress) requested.push({ item: "previousAddress", field: field("showPreviousAddress") });
      requirePermittedItems(staff, requested);
      if (options.scope !== "chosen" && options.members.length > 0) throw certificateProblems.membersWithoutChosenScope();
      if (options.scope === "chosen" && options.members.length === 0) throw certificateProblems.chosenScopeWithoutMembers();

      const subject = await certificateSubject(tx, ctx.platform, ctx.subjectId, ctx.asOf);
      const isRemoved = subject.isRemovedRecord;
      const listed = await personsOfCopy(tx, ctx.platform, subject, options, ctx.asOf);
      if (options.showMyNumber) requireMyNumberPrintable(listed, field("showMyNumber"));
      if (options.showResidentCode) requireResidentCodePrintable(listed, field("showResidentCode"));
      const persons = await preparePersons(
        tx,
        vault,
        { actor: staff.actor, kind: RESIDENCE_COPY_KIND, serial: ctx.serial, subjectId: ctx.subjectId, disclose: ctx.disclose },
        listed,
        ctx.asOf,
        options.showMyNumber,
        options.showResidentCode,
      );

      const { record } = subject;
      const lines = [{ label: "住所", value: printedAddress(record.address, record.addressLine2) }];
      if (options.showRelationship) {
        const head = isRemoved
          ? await headBeforeRemoval(tx, record.householdId, record.removalDate!)
          : (await getHouseholdAsOf(tx, record.householdId, ctx.asOf))?.head;
        // The head's name is printed too: the head passes the 支援措置 gate like every printed person.
        if (head) await ctx.disclose([head.addresseeNumber]);
        lines.push({ label: "世帯主", value: head ? fullName(head.record) : "" });
      }
      // A copy of the record as it stood on an earlier day says which day.
      if (ctx.asOf !== ctx.issueDate) lines.push({ label: "記載事項の基準日", value: `${wareki(ctx.asOf)}現在` });
      const omitted = [
        ...(options.showRelationship ? [] : ["世帯主・続柄"]),
        ...(options.showDomicile ? [] : ["本籍・筆頭者"]),
        ...(options.showMyNumber ? [] : ["個人番号"]),
        ...(options.showResidentCode ? [] : ["住民票コード"]),
        ...(options.showPreviousAddress ? [] : ["前住所"]),
      ];
      const original = isRemoved ? "住民票の除票" : options.scope === "household" ? "世帯全員の住民票" : "住民票";

      // Drawn in a render thread (residentFormDrawing: the form, then the certification).
      return renderDrawing(ctx.openDocument(), residentFormDrawing, {
        form: {
          title: isRemoved ? "住民票の除票の写し" : "住民票の写し",
          householdLines: lines,
          omitted,
          persons,
          items: {
            relationship: options.showRelationship,
            domicile: options.showDomicile,
            previousAddress: options.showPreviousAddress,
            myNumber: options.showMyNumber,
            residentCode: options.showResidentCode,
            removal: isRemoved,
          },
        },
        certification: { certifier: ctx.certifier, date: ctx.issueDate, statement: `この写しは、${original}の原本と相違ないことを証明する。` },
      });
    },
  });
}
