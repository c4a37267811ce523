import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addTenants, TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import { cursorRows } from "./cursor-rows.ts";
import { createSampleTable, insertRows, layoutTestAreas } from "./sample-layout.fixture.ts";

let t: TestPlatform;

const row = (item_no: number) => ({ item_no, name: `n${item_no}`, note: null, born_on: null, quantity: item_no % 3, score: null, active: true, kind: "person" as const });

beforeAll(async () => {
  t = await createTestPlatform(layoutTestAreas());
  await addTenants(t.db);
  await createSampleTable(t.db);
  await insertRows(t.db, TOWN_A.id, Array.from({ length: 25 }, (_, k) => row(k + 1)));
  await insertRows(t.db, TOWN_B.id, [row(100)]);
});
afterAll(() => t.close());

async function collect<R>(iterable: AsyncIterable<R>): Promise<R[]> {
  const out: R[] = [];
  for await (const r of iterable) out.push(r);
  return out;
}

describe("cursorRows", () => {
  it("reads every row of the tenant across batches, with bound values, in the query's order", async () => {
    const items = await t.db.withTenant(TOWN_A.id, (tx) =>
      collect(cursorRows<{ item_no: number }>(tx, "SELECT item_no FROM sample_item WHERE quantity <> $1 ORDER BY item_no", [0], 4)),
    );
    expect(items.map((r) => r.item_no)).toEqual(Array.from({ length: 25 }, (_, k) => k + 1).filter((n) => n % 3 !== 0));
  });

  it("closes its cursor when the reader stops early, leaving the transaction usable", async () => {
    const after = await t.db.withTenant(TOWN_A.id, async (tx) => {
      for await (const _row of cursorRows(tx, "SELECT item_no FROM sample_item ORDER BY item_no", [], 2)) break;
      return (await tx.query("SELECT count(*)::int AS open FROM pg_cursors")).rows[0].open as number;
    });
    expect(after).toBe(0);
  });

  it("refuses a batch size that is not a positive integer", async () => {
    await expect(t.db.withTenant(TOWN_A.id, (tx) => collect(cursorRows(tx, "SELECT 1", [], 0)))).rejects.toThrow(/batchSize/);
  });
});
