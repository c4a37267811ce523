// 異動記録の一括書込 (writing an imported journal): the checked journal lands in the caller's
// tenant transaction with set-based statements in batches — households, persons, the
// addressees the register does not hold yet, the changes in journal order, their entries with
// the records before and after (replayed exactly as the service computes them), and the
// projection — so that the registry is the one the service would have built by recording
// each 異動 in turn. A failure anywhere aborts the transaction: nothing is kept.
//
// What the service does per 異動 and an import does not: publish one event per person and
// append one audit entry per person. The journal is history being moved, not 異動 happening:
// other businesses must not enrol, assess or notify anyone again because a registry moved. The
// import publishes one event for the whole journal (resident.journal-imported, counts only),
// and the layout framework audits the import as one layout.imported entry.
import type { EventPublisher } from "../../../platform/contract.ts";
import type { Tx } from "../../../platform/db/database.ts";
import { projectionRow } from "../projection.ts";
import { addresseeStateOf } from "./addressee-link.ts";
import {
  bulkWorkMemory,
  insertAddressees,
  insertChanges,
  insertCurrent,
  insertEntries,
  insertHouseholds,
  insertPersons,
  insertResidenceEvents,
  reserveAddresseeNumbersUpTo,
  reserveHouseholdNumbersUpTo,
  type AddresseeJson,
  type ChangeJson,
  type CurrentJson,
  type EntryJson,
  type ResidenceJson,
} from "./bulk-queries.ts";
import { JournalReplay } from "./journal-replay.ts";
import type { Journal } from "./read-journal.ts";
import { StatementPipeline } from "./statement-pipeline.ts";
import { nameKeys } from "../../../platform/addressee/periods.ts";
import { addressKeys } from "../../../platform/addressee/address-keys.ts";

/** Rows per statement: large enough to amortise a round trip, small enough to keep memory flat. */
const BATCH = 5000;

export const IMPORT_REASON = "標準レイアウトからの取込";
export const JOURNAL_IMPORTED = "resident.journal-imported";

export interface JournalImportSummary {
  changes: number;
  entries: number;
  persons: number;
  households: number;
  addresseesCreated: number;
  addresseesLinked: number;
}

const integer = (addresseeNumber: string): string => BigInt(addresseeNumber).toString();

async function sendInBatches<T>(items: Iterable<T>, send: (batch: T[]) => Promise<void>): Promise<void> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === BATCH) {
      await send(batch);
      batch = [];
    }
  }
  if (batch.length) await send(batch);
}

function* households(journal: Journal) {
  for (const [h, n] of journal.householdNumbers) yield { h, n };
}

function* newAddressees(journal: Journal, linked: ReadonlySet<string>): Generator<AddresseeJson> {
  for (const [i, person] of journal.persons.entries()) {
    if (linked.has(person.addresseeNumber)) continue;
    const state = addresseeStateOf(person.addresseeNumber, journal.facts[i]!);
    const { nameKey, kanaKey } = nameKeys(state);
    const { addressKey, townKey, municipalityCode } = addressKeys(state);
    yield {
      n: integer(state.number),
      name: state.name,
      kana: state.nameKana,
      nk: nameKey,
      kk: kanaKey,
      bd: state.birthDate!,
      sex: state.sex!,
      pc: state.postalCode,
      ad: state.address,
      ad2: state.addressLine2,
      ak: addressKey,
      tk: townKey,
      mc: municipalityCode,
      since: state.residentSince,
      until: state.residentUntil,
      why: state.residentEndReason,
      st: state,
    };
  }
}

function* residenceEvents(journal: Journal, linked: ReadonlySet<string>): Generator<ResidenceJson> {
  let i = 0;
  for (const [p, person] of journal.persons.entries()) {
    if (linked.has(person.addresseeNumber)) continue;
    for (const e of journal.facts[p]!.residence) yield { i: i++, n: integer(person.addresseeNumber), e: e.event, d: e.date, r: e.reason };
  }
}

function* projection(journal: Journal, seqs: readonly string[]): Generator<CurrentJson> {
  for (const [i, person] of journal.persons.entries()) {
    const { latest, last } = journal.facts[i]!;
    const row = projectionRow(person.personId, person.addresseeNumber, latest, { effectiveDate: last.effectiveDate, seq: seqs[last.change]! });
    yield {
      p: row.personId,
      a: integer(row.addresseeNumber),
      h: row.householdId,
      r: latest,
      nk: row.nameKey,
      gnk: row.givenNameKey,
      kk: row.kanaKey,
      gkk: row.givenKanaKey,
      ak: row.addressKey,
      tk: row.townKey,
      bd: row.birthDate,
      st: row.status,
      rd: row.removalDate,
      led: row.lastEffectiveDate,
      ls: row.lastSeq,
    };
  }
}

/** Keeps each change's seq, checking that seq follows the journal's order: the fold orders by it. */
function seqCollector(seqs: string[]): (rows: { change_id: string; seq: string }[], from: number, ids: readonly string[]) => void {
  let previous = -1n;
  return (rows, from, ids) => {
    const seqOf = new Map(rows.map((r) => [r.change_id, r.seq]));
    ids.forEach((id, i) => {
      const seq = seqOf.get(id);
      if (seq === undefined || BigInt(seq) <= previous) throw new Error("resident.changes import: journal seq out of file order");
      previous = BigInt(seq);
      seqs[from + i] = seq;
    });
  };
}

/**
 * Writes a journal that readJournal accepted and whose addressees were checked; `linked` are
 * the 宛名番号 (15 digits) already in the register, which are linked rather than created.
 */
export async function writeJournal(tx: Tx, journal: Journal, linked: ReadonlySet<string>, events: EventPublisher): Promise<JournalImportSummary> {
  await tx.query(bulkWorkMemory());
  const pipeline = new StatementPipeline(tx);
  try {
    return await writeAll(tx, pipeline, journal, linked, events);
  } finally {
    // On a failure, let the statement in flight end before the caller rolls back.
    await pipeline.flush().catch(() => {});
  }
}

async function writeAll(
  tx: Tx,
  pipeline: StatementPipeline,
  journal: Journal,
  linked: ReadonlySet<string>,
  events: EventPublisher,
): Promise<JournalImportSummary> {
  await sendInBatches(households(journal), (b) => pipeline.send(insertHouseholds(b)));
  await sendInBatches(
    journal.persons.map((p) => ({ p: p.personId, a: integer(p.addresseeNumber) })),
    (b) => pipeline.send(insertPersons(b)),
  );
  let created = 0;
  await sendInBatches(newAddressees(journal, linked), (b) => {
    created += b.length;
    return pipeline.send(insertAddressees(b, IMPORT_REASON));
  });
  await sendInBatches(residenceEvents(journal, linked), (b) => pipeline.send(insertResidenceEvents(b)));

  // The changes first, all of them: each batch of entries then has its seqs at hand, and Node
  // replays the next batch of entries while PostgreSQL writes the last.
  const seqs: string[] = new Array<string>(journal.changes.length);
  const collect = seqCollector(seqs);
  for (let from = 0; from < journal.changes.length; from += BATCH) {
    const changes = journal.changes.slice(from, from + BATCH);
    const rows: ChangeJson[] = changes.map((c, i) => ({
      i,
      c: c.changeId,
      k: c.kind,
      d: c.effectiveDate,
      n: c.notifiedDate,
      r: c.recordedAt,
      a: c.actor,
      w: c.reason,
    }));
    const ids = changes.map((c) => c.changeId);
    await pipeline.send(insertChanges(rows), (result) => collect(result.rows as { change_id: string; seq: string }[], from, ids));
  }
  await pipeline.flush();

  const replay = new JournalReplay(journal);
  let entries: EntryJson[] = [];
  while (!replay.done) {
    const r = replay.step();
    const change = journal.changes[r.entry.change]!;
    entries.push({
      c: change.changeId,
      p: journal.persons[r.entry.person]!.personId,
      s: seqs[r.entry.change]!,
      d: change.effectiveDate,
      e: r.beforeOnDate === null ? null : r.set,
      b: r.beforeOnDate,
      a: r.afterOnDate,
    });
    if (entries.length === BATCH) {
      await pipeline.send(insertEntries(entries));
      entries = [];
    }
  }
  if (entries.length) await pipeline.send(insertEntries(entries));

  await sendInBatches(projection(journal, seqs), (b) => pipeline.send(insertCurrent(b)));
  let highestHousehold = 0n;
  for (const n of journal.householdNumbers.values()) if (BigInt(n) > highestHousehold) highestHousehold = BigInt(n);
  if (highestHousehold > 0n) await pipeline.send(reserveHouseholdNumbersUpTo(highestHousehold.toString()));
  let highestAddressee = 0n;
  for (const p of journal.persons) if (BigInt(p.addresseeNumber) > highestAddressee) highestAddressee = BigInt(p.addresseeNumber);
  if (highestAddressee > 0n) await pipeline.send(reserveAddresseeNumbersUpTo(highestAddressee.toString()));
  await pipeline.flush();

  const summary: JournalImportSummary = {
    changes: journal.changes.length,
    entries: journal.entries.length,
    persons: journal.persons.length,
    households: journal.householdNumbers.size,
    addresseesCreated: created,
    addresseesLinked: journal.persons.length - created,
  };
  await events.publish(tx, { type: JOURNAL_IMPORTED, subject: "resident:journal", payload: { ...summary } });
  return summary;
}
