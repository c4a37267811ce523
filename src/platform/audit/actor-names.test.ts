import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addStaff, addTenants, TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import { staffNames, withActorNames } from "./actor-names.ts";

let t: TestPlatform;
let clerk: string;
let otherTown: string;

beforeAll(async () => {
  t = await createTestPlatform();
  await addTenants(t.db);
  clerk = `staff:${(await addStaff(t.db, TOWN_A.id, "madoguchi", { platform: ["read"] })).id}`;
  otherTown = `staff:${(await addStaff(t.db, TOWN_B.id, "yosomachi", { platform: ["read"] })).id}`;
});
afterAll(() => t.close());

describe("staff are named in histories, by the town's own register", () => {
  it("names the town's own staff; another town's staff, the system and malformed actors get no name", async () => {
    const names = await t.db.withTenant(TOWN_A.id, (tx) => staffNames(tx, [clerk, otherTown, "system:demo", "staff:406ebf95", null]));
    expect([...names]).toEqual([[clerk, "職員 madoguchi"]]);
  });

  it("a disabled account keeps its name in every history", async () => {
    await t.db.owner.query("UPDATE staff_account SET disabled_at = now(), disabled_reason = '退職', disabled_by = 'system:test' WHERE 'staff:' || id = $1", [clerk]);
    const items = await t.db.withTenant(TOWN_A.id, (tx) => withActorNames(tx, [{ actor: clerk }, { actor: "system:import" }]));
    expect(items).toEqual([
      { actor: clerk, actorName: "職員 madoguchi" },
      { actor: "system:import", actorName: null },
    ]);
  });

  it("asks the database nothing when no actor is a member of staff", async () => {
    const names = await t.db.withTenant(TOWN_A.id, (tx) => staffNames(tx, ["system:demo", "operator:1"]));
    expect(names.size).toBe(0);
  });
});
