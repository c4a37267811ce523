import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { inject } from "vitest";
import { createTestPlatform, type TestPlatform } from "../../../test/support/platform.ts";
import { addTenants, TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import { appendAudit, verifyAuditLog } from "./audit-log.ts";
import { withOperator } from "./operator.ts";

const run = promisify(execFile);
let t: TestPlatform;

beforeAll(async () => {
  t = await createTestPlatform();
  await addTenants(t.db);
});
afterAll(() => t.close());

async function writeEntries() {
  for (const tenant of [TOWN_A.id, TOWN_B.id]) {
    for (let i = 0; i < 5; i++) {
      await t.db.withTenant(tenant, (tx) =>
        appendAudit(tx, { actor: "staff:test", action: "resident.read", subject: `addressee:${i}`, purpose: "窓口交付" }),
      );
    }
  }
}

/** `kyodo audit verify` against this test's database, as an operator would run it. */
async function cliVerify(): Promise<{ code: number; out: string }> {
  const pg = inject("kyodoPg");
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "src/cli/main.ts", "audit", "verify"], {
      env: {
        ...process.env,
        DATABASE_URL: t.ownerUrl,
        KYODO_APP_DB_PASSWORD: pg.appPassword,
        KYODO_OPERATOR_DB_PASSWORD: pg.operatorPassword,
      },
    });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe("hash-chained audit log", () => {
  beforeEach(async () => {
    // Each test starts from an intact log of its own (the owner may clear; the app role may not).
    await t.db.owner.query("TRUNCATE audit_log, audit_chain_head");
    await writeEntries();
  });

  it("keeps one contiguous chain per tenant, each entry linked to the one before", async () => {
    const rows = await t.db.withTenant(TOWN_A.id, async (tx) => (await tx.query("SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq")).rows);
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5]);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
  });

  it("the application role can append and read, but never edit or delete, entries", async () => {
    await expect(t.db.withTenant(TOWN_A.id, (tx) => tx.query("UPDATE audit_log SET purpose = 'x'"))).rejects.toThrow(/permission denied/);
    await expect(t.db.withTenant(TOWN_A.id, (tx) => tx.query("DELETE FROM audit_log"))).rejects.toThrow(/permission denied/);
  });

  it("concurrent appends to one tenant never fork the chain", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.db.withTenant(TOWN_A.id, (tx) => appendAudit(tx, { actor: "staff:x", action: "resident.read", subject: `s${i}` }))),
    );
    const result = await t.db.withOperatorRole((tx) => verifyAuditLog(tx));
    expect(result.problem).toBeNull();
    expect(result.entries).toBe(30);
  });

  it("operator actions go to the platform chain in the same transaction as the action", async () => {
    await withOperator(t.db, { actor: "operator:test", action: "tenancy.tenants-listed" }, (tx) => tx.query("SELECT count(*) FROM tenant"));
    await expect(
      withOperator(t.db, { actor: "operator:test", action: "never-recorded" }, async () => {
        throw new Error("task failed");
      }),
    ).rejects.toThrow("task failed");
    const platform = await t.db.owner.query("SELECT action FROM audit_log WHERE tenant_id = 'platform'");
    expect(platform.rows.map((r) => r.action)).toEqual(["tenancy.tenants-listed"]);
  });

  it("kyodo audit verify exits 0 on an intact log", async () => {
    const { code, out } = await cliVerify();
    expect(out).toContain("audit log intact: 10 entries in 2 chains");
    expect(code).toBe(0);
  });

  it("kyodo audit verify exits non-zero naming the entry edited directly in the database", async () => {
    await t.db.owner.query("UPDATE audit_log SET subject = 'addressee:999' WHERE tenant_id = $1 AND seq = 3", [TOWN_B.id]);
    const { code, out } = await cliVerify();
    expect(code).toBe(1);
    expect(out).toContain(`chain ${TOWN_B.id}, entry 3: hash-mismatch`);
  });

  it("detects an entry deleted from the middle of a chain", async () => {
    await t.db.owner.query("DELETE FROM audit_log WHERE tenant_id = $1 AND seq = 2", [TOWN_A.id]);
    const { code, out } = await cliVerify();
    expect(code).toBe(1);
    expect(out).toContain(`chain ${TOWN_A.id}, entry 2: missing-entry`);
  });

  it("detects the last entry deleted (the chain head remembers it)", async () => {
    await t.db.owner.query("DELETE FROM audit_log WHERE tenant_id = $1 AND seq = 5", [TOWN_A.id]);
    const result = await t.db.withOperatorRole((tx) => verifyAuditLog(tx));
    expect(result.problem).toEqual({ chain: TOWN_A.id, seq: "5", reason: "head-mismatch" });
  });

  it("detects an entry rewritten with a recomputed hash (the next entry's link breaks)", async () => {
    const { entryHash } = await import("./audit-log.ts");
    const row = (await t.db.owner.query("SELECT * FROM audit_log WHERE tenant_id = $1 AND seq = 2", [TOWN_A.id])).rows[0];
    const forged = { ...row, seq: String(row.seq), subject: "addressee:forged" };
    await t.db.owner.query("UPDATE audit_log SET subject = $3, hash = $4 WHERE tenant_id = $1 AND seq = $2", [
      TOWN_A.id,
      2,
      forged.subject,
      entryHash(forged),
    ]);
    const result = await t.db.withOperatorRole((tx) => verifyAuditLog(tx));
    expect(result.problem).toEqual({ chain: TOWN_A.id, seq: "3", reason: "broken-link" });
  });
});
