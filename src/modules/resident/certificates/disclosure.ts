// 証明書による開示の記録 (what a certificate discloses, audited per person). The documents area
// audits the issue (or preview) once, under the certificate's subject. A household's 住民票の写し
// or 転出証明書 also shows the other members, and every read of a person's data is audited under
// that person (architecture §7), so each of them gets an entry too; and a printed 個人番号 is a
// reveal, audited as `resident.my-number-revealed` like the module's reveal route; a printed
// 住民票コード likewise, as `resident.resident-code-revealed` (住基法 第30条の38 protects it too). The entries
// name the certificate kind and serial (null for a preview): the issue register holds the purpose.
//
// The 個人番号 of a person whose record was removed by death is not printed on their 除票 (the
// practice of the counters, e.g. 葛飾区「除票の写しの取り扱い」: 亡くなられた方の個人番号および
// 住民票コードは記載できません): asking for it is refused rather than silently left out.
import type { Tx } from "../../../platform/db/database.ts";
import { appendAudit } from "../../../platform/audit/audit-log.ts";
import { addresseeSubject } from "../../../platform/addressee/addressee-number.ts";
import { MyNumberKeyError, type MyNumberVault } from "../my-number-vault.ts";
import type { PersonRecord } from "../person-record.ts";
import { residentProblems } from "../problems.ts";
import { residentCodesOf } from "../resident-code.ts";
import { certificateProblems } from "./certificate-problems.ts";

export const MY_NUMBER_REVEALED = "resident.my-number-revealed";
export const RESIDENT_CODE_REVEALED = "resident.resident-code-revealed";
export const SHOWN_ON_CERTIFICATE = "resident.shown-on-certificate";

export interface DisclosureContext {
  actor: string;
  kind: string;
  serial: string | null;
  /** The certificate's subject, `addressee:<宛名番号>`. */
  subjectId: string;
  /** The platform's 支援措置 gate (CertificateRenderContext.disclose): refuses protected persons. */
  disclose(addresseeNumbers: readonly string[]): Promise<void>;
}

export interface DisclosedPerson {
  personId: string;
  addresseeNumber: string;
}

function detail(ctx: DisclosureContext) {
  return { certificateKind: ctx.kind, serial: ctx.serial, preview: ctx.serial === null, certificateSubject: ctx.subjectId };
}

/** Passes every person to be shown through the 支援措置 gate, then audits those other than the subject. */
export async function auditPersonsShown(tx: Tx, ctx: DisclosureContext, persons: readonly DisclosedPerson[]): Promise<void> {
  await ctx.disclose(persons.map((p) => p.addresseeNumber));
  for (const p of persons) {
    const subject = addresseeSubject(p.addresseeNumber);
    if (subject === ctx.subjectId) continue;
    await appendAudit(tx, { actor: ctx.actor, action: SHOWN_ON_CERTIFICATE, subject, detail: detail(ctx) });
  }
}

const removedByDeath = (persons: readonly { record: PersonRecord }[]) =>
  persons.some((p) => p.record.status === "removed" && p.record.removalReason === "died");

/** Refuses (422, naming the request field) to print the 個人番号 of anyone removed by death. */
export function requireMyNumberPrintable(persons: readonly { record: PersonRecord }[], field: string): void {
  if (removedByDeath(persons)) throw certificateProblems.myNumberAfterDeath(field);
}

/** Refuses (422, naming the request field) to print the 住民票コード of anyone removed by death. */
export function requireResidentCodePrintable(persons: readonly { record: PersonRecord }[], field: string): void {
  if (removedByDeath(persons)) throw certificateProblems.residentCodeAfterDeath(field);
}

/** The 住民票コード of each person for printing (null: none written), each printed one audited. */
export async function revealResidentCodes(tx: Tx, ctx: DisclosureContext, persons: readonly DisclosedPerson[]): Promise<Map<string, string | null>> {
  const held = await residentCodesOf(
    tx,
    persons.map((p) => p.personId),
  );
  const codes = new Map<string, string | null>();
  for (const p of persons) {
    const code = held.get(p.personId) ?? null;
    codes.set(p.personId, code);
    if (code !== null) {
      await appendAudit(tx, { actor: ctx.actor, action: RESIDENT_CODE_REVEALED, subject: addresseeSubject(p.addresseeNumber), detail: detail(ctx) });
    }
  }
  return codes;
}

/**
 * Decrypts the 個人番号 of each person for printing, auditing each reveal; null for a person
 * with none held. The caller has checked the permission (item-permissions.ts).
 */
export async function revealForPrinting(
  tx: Tx,
  vault: MyNumberVault,
  ctx: DisclosureContext,
  persons: readonly DisclosedPerson[],
): Promise<Map<string, string | null>> {
  const numbers = new Map<string, string | null>();
  for (const p of persons) {
    let myNumber: string | null;
    try {
      myNumber = await vault.reveal(tx, p.personId);
    } catch (error) {
      if (error instanceof MyNumberKeyError) throw residentProblems.myNumberKey();
      throw error;
    }
    numbers.set(p.personId, myNumber);
    if (myNumber !== null) {
      await appendAudit(tx, { actor: ctx.actor, action: MY_NUMBER_REVEALED, subject: addresseeSubject(p.addresseeNumber), detail: detail(ctx) });
    }
  }
  return numbers;
}
