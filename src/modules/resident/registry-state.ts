// The registry as one 異動 sees it: persons with their journal entries and latest records, and
// the members of households, loaded once per change inside its transaction (after the journal
// lock, so nothing changes underneath). Plans and rules read from here; nothing here writes.
import type { Tx } from "../../platform/db/database.ts";
import { formatAddresseeNumber } from "../../platform/addressee/addressee-number.ts";
import { compareEntries, foldPerson, type JournalEntry } from "./fold.ts";
import type { PersonRecord } from "./person-record.ts";
import { toJournalEntry, type EntryRow } from "./projection.ts";
import { currentMembers, entriesOf, personByAddressee, selectHouseholds, selectPersons } from "./queries.ts";

export interface LoadedPerson {
  personId: string;
  addresseeNumber: string;
  entries: JournalEntry[];
  /** The fold of every entry. */
  latest: PersonRecord;
  firstEffectiveDate: string;
  lastEffectiveDate: string;
}

export interface LoadedHousehold {
  householdId: string;
  householdNumber: string;
}

export class RegistryState {
  private readonly persons = new Map<string, LoadedPerson | null>();
  private readonly households = new Map<string, LoadedHousehold | null>();

  constructor(readonly tx: Tx) {}

  async person(personId: string): Promise<LoadedPerson | null> {
    if (!this.persons.has(personId)) await this.loadPersons([personId]);
    return this.persons.get(personId) ?? null;
  }

  async loadPersons(personIds: string[]): Promise<void> {
    const missing = [...new Set(personIds)].filter((id) => !this.persons.has(id));
    if (missing.length === 0) return;
    const rows = (await this.tx.query<{ person_id: string; addressee_number: string }>(selectPersons(missing))).rows;
    const entries = (await this.tx.query<EntryRow>(entriesOf(missing))).rows;
    for (const id of missing) this.persons.set(id, null);
    for (const row of rows) {
      const own = entries.filter((e) => e.person_id === row.person_id).map(toJournalEntry).sort(compareEntries);
      const latest = foldPerson(own);
      if (latest === null) continue;
      this.persons.set(row.person_id, {
        personId: row.person_id,
        addresseeNumber: formatAddresseeNumber(row.addressee_number),
        entries: own,
        latest,
        firstEffectiveDate: own[0]!.effectiveDate,
        lastEffectiveDate: own.at(-1)!.effectiveDate,
      });
    }
  }

  /** The person linked to a 宛名番号, if the registry has one. */
  async personByAddressee(number: string): Promise<LoadedPerson | null> {
    const row = (await this.tx.query<{ person_id: string }>(personByAddressee(number))).rows[0];
    return row ? this.person(row.person_id) : null;
  }

  async household(householdId: string): Promise<LoadedHousehold | null> {
    if (!this.households.has(householdId)) {
      const row = (await this.tx.query<{ household_id: string; household_number: string }>(selectHouseholds([householdId]))).rows[0];
      this.households.set(householdId, row ? { householdId: row.household_id, householdNumber: row.household_number } : null);
    }
    return this.households.get(householdId) ?? null;
  }

  /** Members of the households by their latest records (placed there and not removed). */
  async members(householdIds: string[]): Promise<LoadedPerson[]> {
    if (householdIds.length === 0) return [];
    const rows = (await this.tx.query<{ person_id: string }>(currentMembers(householdIds))).rows;
    await this.loadPersons(rows.map((r) => r.person_id));
    return rows.map((r) => this.persons.get(r.person_id)!).filter((p): p is LoadedPerson => p !== null);
  }
}
