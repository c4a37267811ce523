// What the tests of the resident layout and demo share (used by *.test.ts only): a test platform
// whose catalogue holds resident.changes — as an area of its own while the resident module does
// not list its layouts yet — fresh empty municipalities on demand, export and import through
// the layout framework as `kyodo export` / `kyodo import` run them, 異動 recorded through the
// module's service, and a municipality's registry read back as comparable values.
import { createTestPlatform, type TestPlatform } from "../../../../test/support/platform.ts";
import { addTenants } from "../../../../test/support/fixtures.ts";
import type { AreaDefinition } from "../../../platform/contract.ts";
import { createTenant } from "../../../platform/tenancy/tenants.ts";
import { localGovernmentCheckDigit } from "../../../lib/local-government-code.ts";
import { exportLayoutTo } from "../../../platform/layouts/export.ts";
import { importLayout, type ImportResult } from "../../../platform/layouts/import.ts";
import type { LayoutEncoding } from "../../../platform/layouts/file-encoding.ts";
import { modules } from "../../../main.ts";
import type { ChangeRequest } from "../api-schemas.ts";
import type { ChangeView } from "../change-view.ts";
import { residentModule } from "../index.ts";
import { recordChange, RESIDENT_MODULE_ID } from "../service.ts";
import { residentLayouts } from "./index.ts";
import { RESIDENT_CHANGES_LAYOUT_ID } from "./change-layout.ts";

/** resident.changes as an area of its own, unless the resident module lists it already. */
export function residentLayoutAreas(): AreaDefinition[] {
  const listed = modules.some((m) => m.layouts?.some((l) => l.id === RESIDENT_CHANGES_LAYOUT_ID));
  return listed ? [] : [{ id: RESIDENT_MODULE_ID, name: "住民記録 (標準レイアウト)", layouts: residentLayouts }];
}

export async function createLayoutTestPlatform(): Promise<TestPlatform> {
  const t = await createTestPlatform(residentLayoutAreas());
  await addTenants(t.db);
  return t;
}

let nextTown = 0;

/** A new municipality with an empty registry: codes 11100, 11101 … with their check digits, skipping any taken. */
export async function addEmptyTenant(t: TestPlatform): Promise<string> {
  for (;;) {
    const k = nextTown++;
    const five = `${11 + Math.floor(k / 900)}${100 + (k % 900)}`;
    const id = `${five}${localGovernmentCheckDigit(five)}`;
    try {
      await createTenant(t.db, "system:test", { id, name: `試験町${k}`, nameKana: "シケンマチ" });
      return id;
    } catch (error) {
      if ((error as { code?: string }).code !== "tenant-exists") throw error;
    }
  }
}

export const CLERK = "staff:layout-test";

export function record(t: TestPlatform, tenantId: string, request: ChangeRequest): Promise<ChangeView> {
  return t.db.withTenant(tenantId, (tx) => recordChange(tx, { platform: t.platform, vault: residentModule.vault }, request, { actor: CLERK }), CLERK);
}

export async function exportJournalFile(t: TestPlatform, tenantId: string, encoding: LayoutEncoding = "utf-8"): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await exportLayoutTo(t.platform, tenantId, RESIDENT_CHANGES_LAYOUT_ID, async (chunk) => void chunks.push(chunk), { encoding, actor: CLERK });
  return Buffer.concat(chunks);
}

export function importJournalFile(t: TestPlatform, tenantId: string, file: Buffer, encoding: LayoutEncoding = "utf-8"): Promise<ImportResult> {
  return importLayout(t.platform, tenantId, RESIDENT_CHANGES_LAYOUT_ID, file, { encoding, fileName: "changes.csv", actor: CLERK });
}

/** Rows of a table in one municipality, seen by the owner (so the count cannot be hidden by RLS). */
export async function rowCount(t: TestPlatform, table: string, tenantId: string): Promise<number> {
  return (await t.db.owner.query(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`, [tenantId])).rows[0].n as number;
}

export const REGISTRY_TABLES = [
  "resident_person",
  "resident_household",
  "resident_household_counter",
  "resident_change",
  "resident_change_entry",
  "resident_current",
  "addressee",
  "addressee_name",
  "addressee_address",
  "addressee_residence",
  "addressee_change",
  "addressee_counter",
  "event_outbox",
] as const;

export async function registryCounts(t: TestPlatform, tenantId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of REGISTRY_TABLES) out[table] = await rowCount(t, table, tenantId);
  return out;
}
