// Test support for the addressee area (used by its *.test.ts only): a test platform with the
// area and its migrations, whether or not the area is already listed in areas.ts, and staff
// with addressee roles.
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addStaff, addTenants, PASSWORD } from "../../../test/support/fixtures.ts";
import { login, type Session } from "../../../test/support/http.ts";
import { migrate } from "../db/migrate.ts";
import { platformAreas } from "../areas.ts";
import type { Role } from "../contract.ts";
import { ADDRESSEE_AREA_ID } from "./addressee.ts";
import { addresseeArea } from "./index.ts";

export async function createAddresseeTestPlatform(): Promise<TestPlatform> {
  const wired = platformAreas({ idleMinutes: 30, maxMinutes: 480 }).some((a) => a.id === ADDRESSEE_AREA_ID);
  const t = await createTestPlatform(wired ? [] : [addresseeArea]);
  await migrate(t.db.owner, [{ area: ADDRESSEE_AREA_ID, dir: addresseeArea.migrations! }]);
  await addTenants(t.db);
  return t;
}

export async function addAddresseeStaff(t: TestPlatform, tenantId: string, loginId: string, roles: Role[]): Promise<void> {
  await addStaff(t.db, tenantId, loginId, { [ADDRESSEE_AREA_ID]: roles });
}

export async function loginAs(t: TestPlatform, tenantId: string, loginId: string): Promise<Session> {
  return login(await t.app(), loginId, PASSWORD, tenantId);
}

/** The purpose header of a read, percent-encoded as the API expects. */
export const purpose = (text = "窓口での本人確認") => ({ "x-kyodo-purpose": encodeURIComponent(text) });
