import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addTenants, TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import { appendAudit, appendAuditEntries, verifyAuditLog } from "./audit-log.ts";

let t: TestPlatform;

beforeAll(async () => {
  t = await createTestPlatform();
  await addTenants(t.db);
});
afterAll(() => t.close());

const entry = (action: string, subject: string | null = null) => ({ actor: "staff:test", action, subject, purpose: "窓口交付" });

async function actions(tenant: string): Promise<string[]> {
  const rows = await t.db.owner.query("SELECT seq::text, action FROM audit_log WHERE tenant_id = $1 ORDER BY audit_log.seq", [tenant]);
  return rows.rows.map((r) => `${r.seq}:${r.action}`);
}

const verify = () => t.db.withOperatorRole((tx) => verifyAuditLog(tx));

describe("appending audit entries in batches and within one transaction", () => {
  beforeEach(async () => {
    await t.db.owner.query("TRUNCATE audit_log, audit_chain_head");
  });

  it("a batch lands as consecutive links of the tenant's chain, in order, sharing one timestamp", async () => {
    await t.db.withTenant(TOWN_A.id, (tx) => appendAudit(tx, entry("before")));
    await t.db.withTenant(TOWN_A.id, (tx) => appendAuditEntries(tx, [entry("first", "addressee:1"), entry("second", "addressee:2"), entry("third", "addressee:3")]));
    expect(await actions(TOWN_A.id)).toEqual(["1:before", "2:first", "3:second", "4:third"]);
    const at = await t.db.owner.query("SELECT count(DISTINCT at)::int AS n FROM audit_log WHERE tenant_id = $1 AND seq > 1", [TOWN_A.id]);
    expect(at.rows[0].n).toBe(1);
    expect((await verify()).problem).toBeNull();
  });

  it("many appends in one transaction, then more in later transactions on the same connections, keep one intact chain", async () => {
    for (let round = 0; round < 3; round++) {
      await t.db.withTenant(TOWN_A.id, async (tx) => {
        for (let i = 0; i < 5; i++) await appendAudit(tx, entry(`r${round}.${i}`));
        await appendAuditEntries(tx, [entry(`r${round}.batch1`), entry(`r${round}.batch2`)]);
      });
    }
    const list = await actions(TOWN_A.id);
    expect(list).toHaveLength(21);
    expect(list.at(-1)).toBe("21:r2.batch2");
    expect((await verify()).problem).toBeNull();
  });

  it("entries rolled back to a savepoint leave no gap: the next append links to the head before the savepoint", async () => {
    await t.db.withTenant(TOWN_A.id, async (tx) => {
      await appendAudit(tx, entry("kept"));
      await tx.query("SAVEPOINT before_undo");
      await appendAuditEntries(tx, [entry("undone.1"), entry("undone.2")]);
      await tx.query("ROLLBACK TO SAVEPOINT before_undo");
      await appendAudit(tx, entry("after"));
    });
    expect(await actions(TOWN_A.id)).toEqual(["1:kept", "2:after"]);
    expect((await verify()).problem).toBeNull();
  });

  it("concurrent transactions each appending several entries never fork the chain", async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.db.withTenant(i % 2 ? TOWN_A.id : TOWN_B.id, async (tx) => {
          await appendAudit(tx, entry(`w${i}.a`));
          await appendAuditEntries(tx, [entry(`w${i}.b`), entry(`w${i}.c`)]);
          await appendAudit(tx, entry(`w${i}.d`));
        }),
      ),
    );
    expect(await actions(TOWN_A.id)).toHaveLength(24);
    expect(await actions(TOWN_B.id)).toHaveLength(24);
    expect(await verify()).toMatchObject({ entries: 48, problem: null });
  });

  it("an empty batch appends nothing", async () => {
    await t.db.withTenant(TOWN_A.id, (tx) => appendAuditEntries(tx, []));
    expect(await actions(TOWN_A.id)).toEqual([]);
  });
});
