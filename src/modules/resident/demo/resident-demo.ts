// デモ用住民記録 (the demo registry of a municipality): thousands of synthetic persons in
// households, with years of 異動 behind them (synthetic-journal.ts), written through the same
// checked bulk path as an import of the standard layout, so a demo town of 2,000 persons is
// seeded in about a second and is a registry the service itself could have recorded.
// KYODO_DEMO_PERSONS sets the size when the caller does not.
import type { Platform } from "../../../platform/contract.ts";
import type { Tx } from "../../../platform/db/database.ts";
import { appendAudit } from "../../../platform/audit/audit-log.ts";
import { todayInJapan } from "../../../platform/addressee/calendar-date.ts";
import { nextCounterNumbers, registryPersonCount } from "../layout/bulk-queries.ts";
import { checkJournalFile } from "../layout/change-layout.ts";
import { writeJournal, type JournalImportSummary } from "../layout/journal-writer.ts";
import { generateJournal } from "./synthetic-journal.ts";

export const DEMO_PERSONS_ENV = "KYODO_DEMO_PERSONS";
export const DEFAULT_DEMO_PERSONS = 2000;
const DEMO_ACTOR = "system:demo";

export interface ResidentDemoOptions {
  /** Persons per municipality, 除票 included; KYODO_DEMO_PERSONS, else 2,000. */
  persons?: number;
  seed: number;
  /** The day the history ends; today in Japan when absent. */
  asOf?: string;
}

export type ResidentDemoSummary = JournalImportSummary & { seeded: boolean };

export function demoPersons(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[DEMO_PERSONS_ENV];
  if (raw === undefined || raw === "") return DEFAULT_DEMO_PERSONS;
  const persons = Number(raw);
  if (!Number.isSafeInteger(persons) || persons < 0) throw new RangeError(`${DEMO_PERSONS_ENV} must be a whole number of persons`);
  return persons;
}

/** The counters' next numbers, so that demo persons never take a 宛名番号 or 世帯番号 already given. */
async function nextNumbers(tx: Tx): Promise<{ addressee: number; household: number }> {
  const row = (await tx.query(nextCounterNumbers())).rows[0];
  return { addressee: Number(row.addressee), household: Number(row.household) };
}

/**
 * Seeds the demo registry of one municipality. A registry that already holds persons is left
 * as it is (seeded: false), so seeding twice changes nothing.
 */
export async function seedResidentDemo(platform: Platform, tenantId: string, options: ResidentDemoOptions): Promise<ResidentDemoSummary> {
  const persons = options.persons ?? demoPersons();
  const asOf = options.asOf ?? todayInJapan();
  return platform.db.withTenant(
    tenantId,
    async (tx) => {
      if ((await tx.query(registryPersonCount())).rows[0].n > 0) {
        return { seeded: false, changes: 0, entries: 0, persons: 0, households: 0, addresseesCreated: 0, addresseesLinked: 0 };
      }
      const first = await nextNumbers(tx);
      const rows = [
        ...generateJournal({
          tenantId,
          persons,
          seed: options.seed,
          asOf,
          firstAddresseeNumber: first.addressee,
          firstHouseholdNumber: first.household,
          actor: DEMO_ACTOR,
        }),
      ];
      const checked = await checkJournalFile(tx, rows);
      if ("errors" in checked) {
        const e = checked.errors[0]!;
        throw new Error(`the demo journal breaks a rule of the registry (row ${e.row}, ${e.column}: ${e.message})`);
      }
      const summary = await writeJournal(tx, checked.journal, checked.linked, platform.events);
      await appendAudit(tx, { actor: DEMO_ACTOR, action: "resident.demo-seeded", subject: null, detail: { ...summary, seed: options.seed, asOf } });
      return { seeded: true, ...summary };
    },
    DEMO_ACTOR,
  );
}
