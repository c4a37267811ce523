// Test support for the resident module (used by its *.test.ts only): a test platform with two
// municipalities, a helper that records a 異動 as a clerk would, request builders for the common
// kinds, and counters for "nothing was written".
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addStaff, addTenants, PASSWORD, TOWN_A } from "../../../test/support/fixtures.ts";
import { login, type Session } from "../../../test/support/http.ts";
import type { Role } from "../../platform/contract.ts";
import type { Tx } from "../../platform/db/database.ts";
import { todayInJapan } from "../../platform/addressee/calendar-date.ts";
import type { ChangeRequest, MovedIn, PersonInputType } from "./api-schemas.ts";
import type { ChangeView } from "./change-view.ts";
import { residentModule } from "./index.ts";
import { recordChange, RESIDENT_MODULE_ID, type ResidentDeps } from "./service.ts";

export async function createResidentTestPlatform(): Promise<TestPlatform> {
  const t = await createTestPlatform();
  await addTenants(t.db);
  return t;
}

export const depsOf = (t: TestPlatform): ResidentDeps => ({ platform: t.platform, vault: residentModule.vault });

export const CLERK = "staff:test-clerk";

/** Records a 異動 in a tenant as the test clerk. */
export function record(t: TestPlatform, request: ChangeRequest, tenantId = TOWN_A.id): Promise<ChangeView> {
  return t.db.withTenant(tenantId, (tx) => recordChange(tx, depsOf(t), request, { actor: CLERK }), CLERK);
}

export function inTenant<T>(t: TestPlatform, fn: (tx: Tx) => Promise<T>, tenantId = TOWN_A.id): Promise<T> {
  return t.db.withTenant(tenantId, fn, CLERK);
}

/** Rows of a table as the owner sees them (every tenant), for "nothing was written". */
export async function count(t: TestPlatform, table: string, tenantId?: string): Promise<number> {
  const sql = tenantId ? `SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1` : `SELECT count(*)::int AS n FROM ${table}`;
  return (await t.db.owner.query(sql, tenantId ? [tenantId] : [])).rows[0].n as number;
}

export const WRITTEN_TABLES = [
  "resident_person",
  "resident_household",
  "resident_change",
  "resident_change_entry",
  "resident_current",
  "resident_my_number",
  "addressee",
  "event_outbox",
  "audit_log",
] as const;

export async function counts(t: TestPlatform): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of WRITTEN_TABLES) out[table] = await count(t, table);
  return out;
}

/** A date relative to today in Japan (days may be negative). */
export function daysFromToday(days: number): string {
  const d = new Date(`${todayInJapan()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const HAYAMA = { postalCode: "2400112", address: "神奈川県三浦郡葉山町堀内1000番地", addressLine2: "葉山ハイツ101号" };
export const YOKOHAMA = { postalCode: "2310023", address: "神奈川県横浜市中区山下町1番地" };

export function personInput(overrides: Partial<PersonInputType> = {}): PersonInputType {
  return {
    familyName: "山田",
    givenName: "太郎",
    familyNameKana: "ヤマダ",
    givenNameKana: "タロウ",
    sex: "male",
    birthDate: "1980-05-05",
    relationship: "head",
    registeredDomicile: "東京都千代田区千代田1番",
    domicileHead: "山田 太郎",
    ...overrides,
  };
}

/** A 転入 of a new household: a head and whoever else is given. */
export function moveIn(persons: PersonInputType[], overrides: Partial<MovedIn> = {}): MovedIn {
  return {
    kind: "moved-in",
    effectiveDate: "2024-04-01",
    notifiedDate: "2024-04-05",
    address: HAYAMA,
    previousAddress: YOKOHAMA,
    persons,
    ...overrides,
  };
}

/** A family of three: head, wife and child, moved in on 2024-04-01. Returns their ids. */
export async function moveInFamily(t: TestPlatform, familyName = "山田", familyNameKana = "ヤマダ", tenantId = TOWN_A.id) {
  const change = await record(
    t,
    moveIn([
      personInput({ familyName, familyNameKana }),
      personInput({ familyName, familyNameKana, givenName: "花子", givenNameKana: "ハナコ", sex: "female", birthDate: "1982-02-02", relationship: "wife" }),
      personInput({ familyName, familyNameKana, givenName: "一郎", givenNameKana: "イチロウ", birthDate: "2012-07-07", relationship: "child" }),
    ]),
    tenantId,
  );
  const [head, wife, child] = change.entries.map((e) => e.personId) as [string, string, string];
  return { change, head, wife, child, householdId: change.entries[0]!.after.householdId };
}

export async function residentStaff(t: TestPlatform, tenantId: string, loginId: string, roles: Role[]): Promise<Session> {
  await addStaff(t.db, tenantId, loginId, { [RESIDENT_MODULE_ID]: roles });
  return login(await t.app(), loginId, PASSWORD, tenantId);
}

/** The purpose header of a read, percent-encoded as the API expects. */
export const purpose = (text = "窓口での住民票確認") => ({ "x-kyodo-purpose": encodeURIComponent(text) });
