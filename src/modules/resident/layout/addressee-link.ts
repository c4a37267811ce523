// 宛名との連携 (the addressee of each imported person): every resident has exactly one addressee
// (architecture §3a), and the journal's 宛名番号 travels with the person. On import a 宛名番号
// the register already holds — imported just before from the addressee.addressees layout of
// the same export — is linked as it is, provided it is a person, not merged away, and its
// residence says what the journal says; any other 宛名番号 is created here, in the state the
// registry link (addressee/registry-link.ts) would have left it in after the journal's 異動:
// the latest name, birth date and sex; the registry's address while resident, and after a
// removal the 転出先 when one is known, else the address the record had; residence from the
// last registration until the last removal. The addressee area has no bulk path, so these
// rows are written with set-based SQL (bulk-queries.ts insertAddressees) exactly as
// insertAddressee writes a new addressee — one 'imported' history entry, name and address
// periods from the start — with every began/ended residence event of the journal, and the
// 宛名番号 counter moved past the highest number taken.
import type { AddresseeState } from "../../../platform/addressee/addressee.ts";
import { formatAddresseeNumber } from "../../../platform/addressee/addressee-number.ts";
import type { Tx } from "../../../platform/db/database.ts";
import { fullName, fullNameKana } from "../person-record.ts";
import { addresseesAmong } from "./bulk-queries.ts";
import type { RowError } from "./change-rows.ts";
import type { PersonFacts } from "./journal-sequence.ts";
import type { Journal } from "./read-journal.ts";

export interface Residence {
  since: string | null;
  until: string | null;
  reason: "moved-out" | "died" | null;
}

/** Residence as the register ends up holding it: the last began, and the ended after it if any. */
export function residenceOf(facts: PersonFacts): Residence {
  const events = facts.residence;
  const lastBegan = events.findLastIndex((e) => e.event === "began");
  const began = events[lastBegan];
  const ended = events.slice(lastBegan + 1).find((e) => e.event === "ended");
  return { since: began?.date ?? null, until: ended?.date ?? null, reason: ended?.reason ?? null };
}

/** The addressee of a person the register does not know, after the journal's 異動. */
export function addresseeStateOf(addresseeNumber: string, facts: PersonFacts): AddresseeState {
  const r = facts.latest;
  const residence = residenceOf(facts);
  const movedAway = r.status === "removed" && r.removalReason === "moved-out" && r.destinationAddress !== null;
  const contact = r.status === "resident"
    ? { postalCode: r.postalCode, address: r.address, addressLine2: r.addressLine2 }
    : movedAway
      ? { postalCode: r.destinationPostalCode, address: r.destinationAddress, addressLine2: r.destinationAddressLine2 }
      : (facts.addressAtRemoval ?? { postalCode: r.postalCode, address: r.address, addressLine2: r.addressLine2 });
  return {
    number: formatAddresseeNumber(addresseeNumber),
    kind: "person",
    name: fullName(r),
    nameKana: fullNameKana(r),
    birthDate: r.birthDate,
    sex: r.sex,
    corporateNumber: null,
    ...contact,
    knownAs: null,
    knownAsNote: null,
    residentSince: residence.since,
    residentUntil: residence.until,
    residentEndReason: residence.reason,
    mergedInto: null,
  };
}

interface KnownAddressee {
  kind: string;
  merged: boolean;
  resident_since: string | null;
  resident_until: string | null;
  resident_end_reason: string | null;
}

/** The journal's 宛名番号 already in the register, by 15-digit number. */
export async function knownAddressees(tx: Tx, journal: Journal): Promise<Map<string, KnownAddressee>> {
  const numbers = journal.persons.map((p) => BigInt(p.addresseeNumber).toString());
  const rows = (await tx.query<KnownAddressee & { number: string }>(addresseesAmong(numbers))).rows;
  return new Map(rows.map((r) => [formatAddresseeNumber(r.number), r]));
}

/** Errors for 宛名番号 the register holds but that cannot be this person's addressee. */
export function checkKnownAddressees(journal: Journal, known: Map<string, KnownAddressee>): RowError[] {
  const errors: RowError[] = [];
  journal.persons.forEach((person, i) => {
    const found = known.get(person.addresseeNumber);
    if (!found) return;
    const at = { row: person.firstRow, column: "addressee_number" };
    if (found.kind !== "person") errors.push({ ...at, message: "is the 宛名番号 of an organisation" });
    else if (found.merged) errors.push({ ...at, message: "was merged into another addressee (名寄せ): give the survivor's 宛名番号" });
    else {
      const expected = residenceOf(journal.facts[i]!);
      const same =
        found.resident_since === expected.since && found.resident_until === expected.until && found.resident_end_reason === expected.reason;
      if (!same) errors.push({ ...at, message: "is an addressee whose residence differs from this journal's (resident since/until)" });
    }
  });
  return errors;
}
