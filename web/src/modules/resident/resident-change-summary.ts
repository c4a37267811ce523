// 異動の確認の要約 (what a 異動 is about to record, said once before it is recorded): who — the
// persons by name; what — the kind of 異動 and the values it sets; when — the 異動日 and the 届出日.
// Built from the request the form would send, so the confirmation shows exactly what is recorded.
import type { ChangeRequest, Relationship } from "./resident-api.ts";
import { fieldLabel, kindLabel, relationshipLabel, SEX_JA } from "./resident-labels.ts";
import { addressText, fullName, postalCodeText, recordValue } from "./resident-values.ts";
import { warekiDateJa } from "../../kit/wareki-date.ts";

export interface SummaryLine {
  label: string;
  value: string;
}

export interface ChangeSummary {
  /** 「転居」 */
  what: string;
  /** The persons by name: 「潮見 健一、潮見 美咲」. */
  who: string;
  /** The values the change sets. */
  values: SummaryLine[];
  /** 異動日 and 届出日 (or the 職権 reason's date). */
  when: SummaryLine[];
}

/** The names a form knows by person id (the household shown above the form). */
export type NameOf = (personId: string) => string | undefined;

/** The persons a 異動 form was opened for: the names by id, and the household's names in order. */
export interface ChangeSubject {
  nameOf: NameOf;
  household: readonly string[];
}

export const NO_SUBJECT: ChangeSubject = { nameOf: () => undefined, household: [] };

interface AddressLike {
  postalCode?: string | null;
  address: string;
  addressLine2?: string | null;
}

function addressLine(a: AddressLike): string {
  const postal = postalCodeText(a.postalCode ?? null);
  return `${postal ? `${postal} ` : ""}${addressText(a.address, a.addressLine2 ?? null)}`;
}

function named(ids: readonly string[], nameOf: NameOf): string {
  return ids.map((id) => nameOf(id) ?? "（ほかの世帯の人）").join("、");
}

function relationshipLines(updates: readonly { personId: string; relationship: Relationship }[] | undefined, nameOf: NameOf): SummaryLine[] {
  return (updates ?? []).map((u) => ({ label: `${nameOf(u.personId) ?? "（ほかの世帯の人）"}の続柄`, value: relationshipLabel(u.relationship) }));
}

export function summariseChange(body: ChangeRequest, { nameOf, household }: ChangeSubject): ChangeSummary {
  const what = kindLabel(body.kind);
  const when: SummaryLine[] = [{ label: body.kind === "born" ? "生年月日（異動日）" : "異動日", value: warekiDateJa(body.effectiveDate) }];
  if ("notifiedDate" in body && body.notifiedDate) when.push({ label: "届出日", value: warekiDateJa(body.notifiedDate) });
  const values: SummaryLine[] = [];
  let who = "";
  switch (body.kind) {
    case "moved-in":
    case "ex-officio-entry":
      who = body.persons.map((p) => fullName(p)).join("、");
      values.push({ label: "住所", value: addressLine(body.address) });
      if (body.previousAddress) values.push({ label: "前住所", value: addressLine(body.previousAddress) });
      values.push({ label: "世帯", value: body.householdId ? "今ある世帯に入る" : "新しい世帯をつくる" });
      for (const p of body.persons) values.push({ label: `${fullName(p)}の続柄`, value: relationshipLabel(p.relationship) });
      if (body.kind === "ex-officio-entry" && body.becameResidentDate) values.push({ label: "住民となった日", value: warekiDateJa(body.becameResidentDate) });
      break;
    case "born":
      who = fullName(body.person);
      values.push({ label: "性別", value: SEX_JA[body.person.sex] }, { label: "続柄", value: relationshipLabel(body.person.relationship) });
      break;
    case "moved-out":
      who = named(body.personIds, nameOf);
      values.push({ label: "転出先", value: addressLine(body.destination) }, ...relationshipLines(body.relationships, nameOf));
      break;
    case "died":
      who = named([body.personId], nameOf);
      values.push(...relationshipLines(body.relationships, nameOf));
      break;
    case "ex-officio-erasure":
      who = named(body.personIds, nameOf);
      values.push(...relationshipLines(body.relationships, nameOf));
      break;
    case "address-changed":
      who = household.length ? `${household.join("、")}（世帯全員）` : "世帯全員";
      values.push({ label: "新しい住所", value: addressLine(body.address) });
      break;
    case "household-split":
      who = named(body.personIds, nameOf);
      values.push({ label: "新しい世帯", value: named(body.personIds, nameOf) }, ...relationshipLines(body.relationships, nameOf));
      break;
    case "household-merged":
    case "head-changed":
      who = named([...new Set(body.relationships.map((r) => r.personId))], nameOf);
      values.push(...relationshipLines(body.relationships, nameOf));
      break;
    case "name-changed":
      who = named([body.personId], nameOf);
      for (const field of ["familyName", "givenName", "familyNameKana", "givenNameKana"] as const) {
        if (body[field]) values.push({ label: `新しい${fieldLabel(field)}`, value: body[field]! });
      }
      break;
    case "ex-officio-correction":
      who = named(body.corrections.map((c) => c.personId), nameOf);
      for (const c of body.corrections) {
        for (const [field, value] of Object.entries(c.fields)) {
          // The 個人番号 is confirmed as entered, never repeated on the screen.
          const shown = field === "myNumber" ? "入力した番号" : recordValue(field, value);
          values.push({ label: `${nameOf(c.personId) ?? ""}の${fieldLabel(field === "myNumber" ? "hasMyNumber" : field)}`, value: shown });
        }
      }
      break;
  }
  if ("reason" in body && body.reason) values.push({ label: body.kind.startsWith("ex-officio") ? "理由" : "理由・備考", value: body.reason });
  return { what, who, values, when };
}
