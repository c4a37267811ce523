// 宛名の照会 (the clerk's view of one addressee): the current state with everything kept about
// it — every name and address period, residence, 送付先, merges and the full change history.
// Asked for by a merged-away number, it shows the survivor and says which number was asked.
import type { Tx } from "../db/database.ts";
import { isResidentOn, type AddresseeState } from "./addressee.ts";
import { formatAddresseeNumber } from "./addressee-number.ts";
import { todayInJapan } from "./calendar-date.ts";
import { listChanges, type ChangeEntry } from "./history.ts";
import { listMailings, type MailingAddress } from "./mailing.ts";
import { listMerges, type MergeRecord } from "./merge.ts";
import { addressPeriods, mergedIntoNumbers, namePeriods, residenceEvents } from "./queries.ts";
import { loadState, resolveAddressee } from "./store.ts";
import { withActorNames } from "../audit/actor-names.ts";

export interface AddresseeView extends AddresseeState {
  requestedNumber: string;
  version: number;
  isResident: boolean;
  names: { validFrom: string | null; name: string; nameKana: string; recordedAt: string }[];
  addresses: { validFrom: string | null; postalCode: string | null; address: string | null; addressLine2: string | null; recordedAt: string }[];
  residence: { event: "began" | "ended"; effectiveDate: string; endReason: string | null; recordedAt: string }[];
  mailingAddresses: MailingAddress[];
  merges: (Omit<MergeRecord, "survivorBefore" | "mergedBefore"> & { actorName: string | null })[];
  mergedFrom: string[];
  history: ChangeEntry[];
}

const iso = (d: Date) => d.toISOString();

export async function viewAddressee(tx: Tx, number: string): Promise<AddresseeView | null> {
  const survivor = await resolveAddressee(tx, number);
  const loaded = survivor === null ? null : await loadState(tx, survivor);
  if (!loaded || survivor === null) return null;
  const names = (await tx.query(namePeriods(survivor))).rows;
  const addresses = (await tx.query(addressPeriods(survivor))).rows;
  const residence = (await tx.query(residenceEvents(survivor))).rows;
  const mergedFrom = (await tx.query(mergedIntoNumbers(survivor))).rows.map((r) => formatAddresseeNumber(r.number as string));
  const merges = await withActorNames(
    tx,
    (await listMerges(tx, survivor)).map(({ survivorBefore: _s, mergedBefore: _m, ...rest }) => rest),
  );
  return {
    ...loaded.state,
    requestedNumber: formatAddresseeNumber(number),
    version: loaded.version,
    isResident: isResidentOn(loaded.state, todayInJapan()),
    names: names.map((r) => ({ validFrom: r.valid_from, name: r.name, nameKana: r.name_kana, recordedAt: iso(r.recorded_at) })),
    addresses: addresses.map((r) => ({
      validFrom: r.valid_from,
      postalCode: r.postal_code,
      address: r.address,
      addressLine2: r.address_line2,
      recordedAt: iso(r.recorded_at),
    })),
    residence: residence.map((r) => ({
      event: r.event,
      effectiveDate: r.effective_date,
      endReason: r.end_reason,
      recordedAt: iso(r.recorded_at),
    })),
    mailingAddresses: await listMailings(tx, survivor),
    merges,
    mergedFrom,
    history: await listChanges(tx, survivor),
  };
}
