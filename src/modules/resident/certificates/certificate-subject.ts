// 証明の対象者 (the person a certificate is about). Decision: a resident certificate's subject is
// the person's addressee subject, `addressee:<宛名番号>` — the id the issue register, the audit log
// and the module's events already use for people (architecture §3a) — so a person's certificates
// and every other access to their data share one subject. A 宛名番号 merged into another resolves
// to the survivor. A household is chosen through the options (scope), never as the subject.
import type { Platform } from "../../../platform/contract.ts";
import type { Tx } from "../../../platform/db/database.ts";
import { residentProblems } from "../problems.ts";
import { personByAddressee } from "../queries.ts";
import { getPersonAsOf, type PersonAsOf } from "../read-model.ts";
import { certificateProblems } from "./certificate-problems.ts";

const ADDRESSEE_SUBJECT = /^addressee:(\d{1,15})$/;

/** The resident a 宛名番号 stands for (after merges), or null. */
export async function personIdOfAddressee(tx: Tx, platform: Pick<Platform, "addressees">, number: string): Promise<string | null> {
  const survivor = await platform.addressees.resolve(tx, number);
  if (survivor === null) return null;
  const row = (await tx.query<{ person_id: string }>(personByAddressee(survivor))).rows[0];
  return row ? row.person_id : null;
}

/**
 * The subject's record as of the certificate's date: 400 for a subject that is not an addressee,
 * 404 for an addressee who is no resident (a 住登外者) or was not yet on the registry that day.
 */
export async function certificateSubject(tx: Tx, platform: Pick<Platform, "addressees">, subjectId: string, asOf: string): Promise<PersonAsOf> {
  const match = ADDRESSEE_SUBJECT.exec(subjectId);
  if (!match) throw certificateProblems.subjectNotAddressee();
  const personId = await personIdOfAddressee(tx, platform, match[1]!);
  if (personId === null) throw residentProblems.personNotFound("body/subjectId");
  const person = await getPersonAsOf(tx, personId, asOf);
  if (person === null) throw residentProblems.notOnRegistryOnDate();
  return person;
}
