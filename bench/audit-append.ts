// (c) What the hash-chained audit log costs a write: one appendAudit per transaction (chain
// lock, read of the chain head, SHA-256, insert, head update) against a plain INSERT of a row of
// the same shape into a table with the same key and RLS policy, also one per transaction. Run by
// one writer, then by four at once on one tenant, where the chain's lock makes appenders queue.
import { appendAudit, verifyAuditLog } from "../src/platform/audit/audit-log.ts";
import type { BenchDatabase } from "./bench-database.ts";
import { scaled, sideBySide, type Benchmark, type Measurement } from "./measure.ts";

const ROUNDS = 3;
const WRITERS = 4;
const TENANT = "143014";
const SOME_HASH = "0".repeat(64);

export const auditAppend: Benchmark<BenchDatabase> = {
  title: "(c) audit log: appendAudit vs a plain INSERT of the same row, one per transaction",
  async run(bench, scale) {
    const { db } = bench;
    await db.owner.query(`CREATE TABLE bench_audit_plain (LIKE audit_log INCLUDING DEFAULTS, PRIMARY KEY (tenant_id, seq))`);
    await db.owner.query("SELECT kyodo_tenant_rls('bench_audit_plain')");
    await db.owner.query("GRANT SELECT, INSERT ON bench_audit_plain TO kyodo_app");
    const perRound = Math.ceil(scaled(500, scale, WRITERS * 10) / WRITERS) * WRITERS;
    let plainSeq = 0;
    let subject = 0;

    const plainInsert = () =>
      db.withTenant(TENANT, (tx) =>
        tx.query(
          `INSERT INTO bench_audit_plain (tenant_id, seq, at, actor, action, subject, purpose, detail, prev_hash, hash)
           VALUES ($1, $2, clock_timestamp(), $3, $4, $5, $6, $7, $8, $9)`,
          [TENANT, ++plainSeq, "staff:bench", "resident.read", `person:${++subject}`, "bench", {}, SOME_HASH, SOME_HASH],
        ),
      );
    const audited = () =>
      db.withTenant(TENANT, (tx) =>
        appendAudit(tx, { actor: "staff:bench", action: "resident.read", subject: `person:${++subject}`, purpose: "bench" }),
      );
    const writers = async (count: number, write: () => Promise<unknown>) => {
      await Promise.all(
        Array.from({ length: WRITERS }, async () => {
          for (let i = 0; i < count / WRITERS; i++) await write();
        }),
      );
      return count;
    };
    const sequential = async (count: number, write: () => Promise<unknown>) => {
      for (let i = 0; i < count; i++) await write();
      return count;
    };

    const measurements = await sideBySide(ROUNDS, [
      { label: "plain INSERT, 1 writer", run: () => sequential(perRound, plainInsert) },
      { label: "appendAudit, 1 writer", run: () => sequential(perRound, audited) },
      { label: `plain INSERT, ${WRITERS} writers`, run: () => writers(perRound, plainInsert) },
      { label: `appendAudit, ${WRITERS} writers`, run: () => writers(perRound, audited) },
    ]);
    const [plainOne, auditOne, plainMany, auditMany] = measurements as [Measurement, Measurement, Measurement, Measurement];

    const verified = await db.transaction(db.owner, (tx) => verifyAuditLog(tx));
    if (verified.problem) throw new Error(`audit chain broken after the benchmark: ${JSON.stringify(verified.problem)}`);
    await db.owner.query("DROP TABLE bench_audit_plain");
    const reading = "the share of plain-INSERT throughput the audit chain keeps (0.5 = half as many writes per second)";
    return {
      title: `${this.title} — ${perRound.toLocaleString("en-US")} transactions per contender × ${ROUNDS} rounds`,
      measurements,
      ratios: [
        { label: "appendAudit ÷ INSERT, 1 writer", numerator: auditOne, denominator: plainOne, reading },
        { label: `appendAudit ÷ INSERT, ${WRITERS} writers`, numerator: auditMany, denominator: plainMany, reading },
      ],
      notes: [
        `kyodo audit verify over the result: ${verified.entries.toLocaleString("en-US")} entries in ${verified.chains} chain(s), intact`,
        "every transaction commits on its own (synchronous_commit on), as a request does",
      ],
    };
  },
};
