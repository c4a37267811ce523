// 住民記録との連携 (the registry link): how the resident module — and only it — makes an addressee
// a resident, follows its changes and ends its residence. Every resident has exactly one
// addressee: a 住登外者 who moves in keeps the 宛名番号 they already had (the clerk confirms the
// candidate found by カナ and birth date), and 転出 or 死亡 keep the addressee with its residence
// ended. Residence (resident since/until) is set here and nowhere else, so it is never typed twice.
import type { EventPublisher } from "../contract.ts";
import type { Tx } from "../db/database.ts";
import {
  stateOf,
  type AddresseeState,
  type AddresseeStateRow,
  type ContactAddress,
  type KnownAs,
  type ResidenceEndReason,
  type Sex,
  type StateField,
} from "./addressee.ts";
import { allocateAddresseeNumber } from "./addressee-number.ts";
import { todayInJapan } from "./calendar-date.ts";
import { publishChanged, publishRegistered } from "./events.ts";
import { searchKey } from "./periods.ts";
import { addresseeProblems } from "./problems.ts";
import { insertResidenceEvent, latestResidenceEvent, moveInCandidates } from "./queries.ts";
import { insertAddressee, loadForChange, saveState } from "./store.ts";
import { checkBirthDate, checkDate, checkKana, checkName, checkPostalCode, checkText, FieldErrors } from "./validation.ts";

export interface MoveInCandidate {
  number: string;
  name: string;
  nameKana: string;
  birthDate: string | null;
  sex: Sex | null;
  address: ContactAddress;
  knownAs: KnownAs | null;
  /** Set for a former resident: the day residence ended and why. */
  residentUntil: string | null;
  residentEndReason: ResidenceEndReason | null;
}

export interface ResidentRegistration {
  /** An existing addressee the clerk confirmed as this person (from findMoveInCandidates). */
  addresseeNumber?: string;
  name: string;
  nameKana: string;
  birthDate: string;
  sex?: Sex | null;
  postalCode?: string | null;
  address: string;
  addressLine2?: string | null;
  /** 異動日: the day residence begins (転入, 出生, 転入 after 転出…). */
  since: string;
  /** Why, for the history (e.g. 転入届). */
  reason?: string | null;
}

export interface ResidentChange {
  name?: string;
  nameKana?: string;
  birthDate?: string;
  sex?: Sex | null;
  postalCode?: string | null;
  address?: string;
  addressLine2?: string | null;
  /** 異動日 of the change (氏名変更, 転居). */
  effectiveDate: string;
  /** 職権修正: the registry corrects an error; the values replace the current ones from the start. */
  isCorrection?: boolean;
  reason?: string | null;
}

export interface ResidentRemoval {
  reason: ResidenceEndReason;
  /** 異動日: 転出 date (may be a notified future date) or date of death. */
  date: string;
  /** Where a person who moved out can be reached (転出先), to become the contact address. */
  forwardingAddress?: ContactAddress;
  note?: string | null;
}

export interface RegistryLink {
  /** 住登外者 (and former residents) with the same normalised カナ and birth date. */
  findMoveInCandidates(tx: Tx, query: { kanaName: string; birthDate: string }): Promise<MoveInCandidate[]>;
  /** Makes a person a resident: the confirmed addressee, or a new one. */
  registerResident(tx: Tx, input: ResidentRegistration): Promise<{ number: string; created: boolean }>;
  /** A change the registry made to a resident's name, birth date, sex or address. */
  recordResidentChange(tx: Tx, number: string, change: ResidentChange): Promise<StateField[]>;
  /** 転出 or 死亡: residence ends; the addressee stays, with the same number. */
  markResidentRemoved(tx: Tx, number: string, removal: ResidentRemoval): Promise<void>;
}

async function latestResidence(tx: Tx, number: string): Promise<{ event: "began" | "ended"; effective_date: string } | undefined> {
  return (await tx.query(latestResidenceEvent(number))).rows[0];
}

function invalidUnlessEmpty(errors: FieldErrors): void {
  if (!errors.empty) throw addresseeProblems.invalid(errors.list);
}

export function createRegistryLink(events: EventPublisher): RegistryLink {
  return {
    async findMoveInCandidates(tx, query) {
      const kanaKey = searchKey(query.kanaName);
      if (kanaKey === "") return [];
      const rows = (await tx.query<AddresseeStateRow>(moveInCandidates(kanaKey, query.birthDate))).rows;
      return rows.map(stateOf).map((s) => ({
        number: s.number,
        name: s.name,
        nameKana: s.nameKana,
        birthDate: s.birthDate,
        sex: s.sex,
        address: { postalCode: s.postalCode, address: s.address, addressLine2: s.addressLine2 },
        knownAs: s.knownAs,
        residentUntil: s.residentUntil,
        residentEndReason: s.residentEndReason,
      }));
    },

    async registerResident(tx, input) {
      const errors = new FieldErrors();
      const today = todayInJapan();
      const fields = {
        name: checkName(errors, "name", input.name),
        nameKana: checkKana(errors, "nameKana", input.nameKana),
        birthDate: checkBirthDate(errors, "birthDate", input.birthDate, today),
        postalCode: checkPostalCode(errors, "postalCode", input.postalCode),
        address: checkText(errors, "address", input.address),
        addressLine2: checkText(errors, "addressLine2", input.addressLine2),
      };
      const since = checkDate(errors, "since", input.since, today);
      if (!input.birthDate) errors.add("birthDate", "required: a resident's 生年月日 is on the registry");
      if (!input.since) errors.add("since", "required");
      if (fields.address === null) errors.add("address", "required");
      invalidUnlessEmpty(errors);
      const reason = input.reason ?? null;

      if (input.addresseeNumber === undefined) {
        const number = await allocateAddresseeNumber(tx);
        const state: AddresseeState = {
          number,
          kind: "person",
          ...fields,
          sex: input.sex ?? null,
          corporateNumber: null,
          knownAs: null,
          knownAsNote: null,
          residentSince: since,
          residentUntil: null,
          residentEndReason: null,
          mergedInto: null,
        };
        await insertAddressee(tx, state, "registered", reason);
        await tx.query(insertResidenceEvent(number, "began", since!, null));
        await publishRegistered(events, tx, { number, kind: "person", resident: true, knownAs: null });
        return { number, created: true };
      }

      const { state: before } = await loadForChange(tx, input.addresseeNumber);
      if (before.kind !== "person") throw addresseeProblems.notAPerson();
      const latest = await latestResidence(tx, before.number);
      if (latest?.event === "began") throw addresseeProblems.alreadyResident();
      if (latest && since! < latest.effective_date) throw addresseeProblems.residenceOrder();
      const after: AddresseeState = {
        ...before,
        ...fields,
        sex: input.sex === undefined ? before.sex : input.sex,
        residentSince: since,
        residentUntil: null,
        residentEndReason: null,
      };
      const changed = await saveState(tx, before, after, "resident-linked", reason, { addressFrom: since });
      await tx.query(insertResidenceEvent(before.number, "began", since!, null));
      await publishChanged(events, tx, { number: before.number, change: "resident-linked", fields: changed });
      return { number: before.number, created: false };
    },

    async recordResidentChange(tx, number, change) {
      const { state: before } = await loadForChange(tx, number);
      if (before.residentSince === null) throw addresseeProblems.notResident();
      const errors = new FieldErrors();
      const today = todayInJapan();
      const effectiveDate = checkDate(errors, "effectiveDate", change.effectiveDate);
      if (!change.effectiveDate) errors.add("effectiveDate", "required");
      const after: AddresseeState = { ...before };
      if (change.name !== undefined) after.name = checkName(errors, "name", change.name);
      if (change.nameKana !== undefined) after.nameKana = checkKana(errors, "nameKana", change.nameKana);
      if (change.birthDate !== undefined) after.birthDate = checkBirthDate(errors, "birthDate", change.birthDate, today);
      if (change.sex !== undefined) after.sex = change.sex;
      if (change.postalCode !== undefined) after.postalCode = checkPostalCode(errors, "postalCode", change.postalCode);
      if (change.address !== undefined) after.address = checkText(errors, "address", change.address);
      if (change.addressLine2 !== undefined) after.addressLine2 = checkText(errors, "addressLine2", change.addressLine2);
      if (after.address === null) errors.add("address", "required");
      invalidUnlessEmpty(errors);
      const from = change.isCorrection ? null : effectiveDate;
      const fields = await saveState(tx, before, after, "resident-changed", change.reason ?? null, { nameFrom: from, addressFrom: from });
      if (fields.length) await publishChanged(events, tx, { number: before.number, change: "resident-changed", fields });
      return fields;
    },

    async markResidentRemoved(tx, number, removal) {
      const errors = new FieldErrors();
      const date = checkDate(errors, "date", removal.date);
      if (!removal.date) errors.add("date", "required");
      const forwarding = removal.forwardingAddress;
      const address = forwarding
        ? {
            postalCode: checkPostalCode(errors, "forwardingAddress/postalCode", forwarding.postalCode),
            address: checkText(errors, "forwardingAddress/address", forwarding.address),
            addressLine2: checkText(errors, "forwardingAddress/addressLine2", forwarding.addressLine2),
          }
        : {};
      invalidUnlessEmpty(errors);
      const { state: before } = await loadForChange(tx, number);
      const latest = await latestResidence(tx, before.number);
      if (latest?.event !== "began") throw addresseeProblems.notResident();
      if (date! < latest.effective_date) throw addresseeProblems.residenceOrder();
      const after: AddresseeState = { ...before, ...address, residentUntil: date, residentEndReason: removal.reason };
      const fields = await saveState(tx, before, after, "resident-removed", removal.note ?? null, { addressFrom: date });
      await tx.query(insertResidenceEvent(before.number, "ended", date!, removal.reason));
      await publishChanged(events, tx, { number: before.number, change: "resident-removed", fields });
    },
  };
}
