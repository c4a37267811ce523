// 氏名変更 (name-changed) and 職権修正 (ex-officio-correction): changes to one person's own fields.
// A 氏名変更 applies from its 異動日; a 職権修正 may be dated back to when the error began and
// corrects those fields from then on (fold.ts), leaving later changes to other fields standing.
import type { ExOfficioCorrection, NameChanged } from "../api-schemas.ts";
import type { PersonIntent } from "../change-plan.ts";
import { RESIDENT_EVENTS } from "../events.ts";
import { cleanKana, cleanMyNumber, cleanName, cleanPostalCode, cleanText } from "../inputs.ts";
import type { FieldSet } from "../person-record.ts";
import { baseIntent, requirePerson, type IntentBuilder } from "./common.ts";

export const nameChanged: IntentBuilder<NameChanged> = async (ctx, request) => {
  await requirePerson(ctx.state, request.personId, "body/personId");
  const set: FieldSet = {};
  if (request.familyName !== undefined) set.familyName = cleanName(request.familyName);
  if (request.givenName !== undefined) set.givenName = cleanName(request.givenName);
  if (request.familyNameKana !== undefined) set.familyNameKana = cleanKana(request.familyNameKana);
  if (request.givenNameKana !== undefined) set.givenNameKana = cleanKana(request.givenNameKana);
  const person: PersonIntent = { personId: request.personId, isNew: false, field: "body", set, event: RESIDENT_EVENTS.nameChanged };
  return { ...baseIntent(request), persons: [person], newHouseholds: [] };
};

type CorrectionFields = ExOfficioCorrection["corrections"][number]["fields"];

function correctionSet(fields: CorrectionFields): FieldSet {
  const set: FieldSet = {};
  const text = (v: string | null | undefined) => cleanText(v);
  if (fields.familyName !== undefined) set.familyName = cleanName(fields.familyName);
  if (fields.givenName !== undefined) set.givenName = cleanName(fields.givenName);
  if (fields.familyNameKana !== undefined) set.familyNameKana = cleanKana(fields.familyNameKana);
  if (fields.givenNameKana !== undefined) set.givenNameKana = cleanKana(fields.givenNameKana);
  if (fields.sex !== undefined) set.sex = fields.sex;
  if (fields.birthDate !== undefined) set.birthDate = fields.birthDate;
  if (fields.relationship !== undefined) set.relationship = fields.relationship;
  if (fields.postalCode !== undefined) set.postalCode = cleanPostalCode(fields.postalCode);
  if (fields.address !== undefined) set.address = fields.address.trim();
  if (fields.addressLine2 !== undefined) set.addressLine2 = text(fields.addressLine2);
  if (fields.addressSinceDate !== undefined) set.addressSinceDate = fields.addressSinceDate;
  if (fields.becameResidentDate !== undefined) set.becameResidentDate = fields.becameResidentDate;
  if (fields.previousPostalCode !== undefined) set.previousPostalCode = cleanPostalCode(fields.previousPostalCode);
  if (fields.previousAddress !== undefined) set.previousAddress = text(fields.previousAddress);
  if (fields.previousAddressLine2 !== undefined) set.previousAddressLine2 = text(fields.previousAddressLine2);
  if (fields.registeredDomicile !== undefined) set.registeredDomicile = text(fields.registeredDomicile);
  if (fields.domicileHead !== undefined) set.domicileHead = text(fields.domicileHead);
  if (fields.myNumber !== undefined) set.hasMyNumber = true;
  return set;
}

export const exOfficioCorrection: IntentBuilder<ExOfficioCorrection> = async (ctx, request) => {
  const persons: PersonIntent[] = [];
  for (const [i, c] of request.corrections.entries()) {
    const field = `body/corrections/${i}`;
    await requirePerson(ctx.state, c.personId, `${field}/personId`);
    persons.push({
      personId: c.personId,
      isNew: false,
      field: `${field}/fields`,
      set: correctionSet(c.fields),
      myNumber: cleanMyNumber(c.fields.myNumber),
      event: RESIDENT_EVENTS.corrected,
    });
  }
  return { ...baseIntent(request), persons, newHouseholds: [] };
};
