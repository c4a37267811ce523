// 監査ログ (audit log): append-only, one hash chain per tenant plus the 'platform' chain for
// operator actions. An entry names the actor, the subject by id, the action and the purpose;
// it never holds a name, address or 個人番号 (subjects are ids).
import crypto from "node:crypto";
import type { Tx } from "../db/database.ts";

export const PLATFORM_CHAIN = "platform";
const GENESIS = "0".repeat(64);

export interface AuditEntry {
  actor: string;
  action: string;
  subject?: string | null;
  purpose?: string | null;
  detail?: Record<string, unknown>;
}

export interface StoredAuditEntry {
  tenant_id: string;
  seq: string;
  at: Date;
  actor: string;
  action: string;
  subject: string | null;
  purpose: string | null;
  detail: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

/** Canonical JSON: keys sorted at every depth, so the hash does not depend on key order. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const keys = Object.keys(value as object).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
}

export function entryHash(e: Omit<StoredAuditEntry, "hash">): string {
  const body = canonical({
    tenant_id: e.tenant_id,
    seq: String(e.seq),
    at: new Date(e.at).toISOString(),
    actor: e.actor,
    action: e.action,
    subject: e.subject,
    purpose: e.purpose,
    detail: e.detail,
    prev_hash: e.prev_hash,
  });
  return crypto.createHash("sha256").update(body).digest("hex");
}

/**
 * Appends one entry in the caller's transaction, to the chain of the transaction's tenant
 * (or the platform chain when none is set, i.e. in an operator transaction). A per-chain
 * advisory lock serialises appenders so the chain never forks.
 */
export async function appendAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await appendAuditEntries(tx, [entry]);
}

/** The head this connection's transaction's entries last moved its chain to, while it holds the lock. */
interface HeldHead {
  xid: string;
  chain: string;
  seq: bigint;
  hash: string;
  at: Date;
}

const heldHeads = new WeakMap<Tx, HeldHead>();

/** The entries as the next links after (seq, hash), hashed. */
function link(chain: string, seq: bigint, hash: string, at: Date, entries: readonly AuditEntry[]): StoredAuditEntry[] {
  let prevHash = hash;
  let next = seq;
  return entries.map((entry) => {
    next += 1n;
    const stored = {
      tenant_id: chain,
      seq: String(next),
      at,
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject ?? null,
      purpose: entry.purpose ?? null,
      detail: entry.detail ?? {},
      prev_hash: prevHash,
    };
    prevHash = entryHash(stored);
    return { ...stored, hash: prevHash };
  });
}

/** The entries' columns as arrays for unnest ($3–$10 of the statements below); detail as pg serialises an object. */
const columns = (rows: readonly StoredAuditEntry[]) => [
  rows.map((r) => r.seq),
  rows.map((r) => r.actor),
  rows.map((r) => r.action),
  rows.map((r) => r.subject),
  rows.map((r) => r.purpose),
  rows.map((r) => JSON.stringify(r.detail)),
  rows.map((r) => r.prev_hash),
  rows.map((r) => r.hash),
];

const ENTRIES = `unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
  AS e (seq, actor, action, subject, purpose, detail, prev_hash, hash)`;

/**
 * Appends entries in order, as consecutive links of the transaction's chain.
 *
 * Every read of a person is audited, one entry per person shown (a search of twenty results,
 * twenty entries), and the chain's lock is held until commit, so the cost of an append is paid
 * by every clerk of the municipality waiting for the lock. Hence: the first append of a
 * transaction takes three round trips whatever the number of entries — take the lock (and note
 * the transaction's id), read the head and the clock, insert the entries —
 * and each later append in the same transaction one: it still holds the lock and knows the
 * head its entries moved to, so it inserts in one statement, guarded so that it does
 * nothing unless the head is still that one, in the same transaction, for the same
 * chain (a savepoint rolled back, or a connection reused by a later transaction, falls back to
 * the full path). The entries of one transaction share the first append's timestamp (one
 * access); their seq keeps their order.
 *
 * Neither role may write audit_chain_head: the trigger audit_chain_advance (migration
 * 0002_chain_head_by_trigger.sql) checks that each INSERT's entries continue the chain and moves
 * the head, once per statement.
 */
export async function appendAuditEntries(tx: Tx, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const held = heldHeads.get(tx);
  let locked: { chain: string; xid: string };
  if (held) {
    // When the guard fails (a stale head: another transaction on this connection, a savepoint
    // rolled back), the same statement takes the lock of the transaction's chain instead.
    const rows = link(held.chain, held.seq, held.hash, held.at, entries);
    const last = rows[rows.length - 1]!;
    const result = await tx.query(
      `WITH guard AS (
         SELECT h.tenant_id FROM audit_chain_head h
         WHERE h.tenant_id = $1 AND h.seq = $11 AND h.hash = $12
           AND h.tenant_id = coalesce(nullif(current_setting('kyodo.tenant_id', true), ''), $13)
           AND pg_current_xact_id() = $14::xid8
       ), appended AS (
         INSERT INTO audit_log (tenant_id, seq, at, actor, action, subject, purpose, detail, prev_hash, hash)
         SELECT g.tenant_id, e.seq, $2, e.actor, e.action, e.subject, e.purpose, e.detail::jsonb, e.prev_hash, e.hash
         FROM guard g CROSS JOIN ${ENTRIES}
         RETURNING 1
       ), done AS (SELECT count(*)::int AS appended FROM appended)
       SELECT done.appended, c.chain, pg_current_xact_id()::text AS xid,
              (SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended('audit:' || c.chain, 0)) WHERE done.appended = 0) l) AS locked
       FROM done, (SELECT coalesce(nullif(current_setting('kyodo.tenant_id', true), ''), $13) AS chain) c`,
      [held.chain, held.at, ...columns(rows), String(held.seq), held.hash, PLATFORM_CHAIN, held.xid],
    );
    const row = result.rows[0] as { appended: number; chain: string; xid: string };
    if (row.appended === rows.length) {
      heldHeads.set(tx, { ...held, seq: BigInt(last.seq), hash: last.hash });
      return;
    }
    heldHeads.delete(tx);
    locked = { chain: row.chain, xid: row.xid };
  } else {
    // The lock is taken in a statement of its own: the head must be read by a later statement,
    // whose snapshot sees what the previous holder of the lock committed.
    const result = await tx.query(
      `SELECT c.chain, pg_current_xact_id()::text AS xid, pg_advisory_xact_lock(hashtextextended('audit:' || c.chain, 0)) AS locked
       FROM (SELECT coalesce(nullif(current_setting('kyodo.tenant_id', true), ''), $1) AS chain) c`,
      [PLATFORM_CHAIN],
    );
    locked = result.rows[0] as { chain: string; xid: string };
  }
  const { chain, xid } = locked;
  const head = await tx.query(
    `SELECT h.seq, h.hash, clock_timestamp() AS t
     FROM (VALUES (1)) one LEFT JOIN audit_chain_head h ON h.tenant_id = $1`,
    [chain],
  );
  const found = head.rows[0];
  const at = new Date(found.t);
  const rows = link(chain, found.seq === null ? 0n : BigInt(found.seq), found.seq === null ? GENESIS : (found.hash as string), at, entries);
  const last = rows[rows.length - 1]!;
  await tx.query(
    `INSERT INTO audit_log (tenant_id, seq, at, actor, action, subject, purpose, detail, prev_hash, hash)
     SELECT $1, e.seq, $2, e.actor, e.action, e.subject, e.purpose, e.detail::jsonb, e.prev_hash, e.hash
     FROM ${ENTRIES}`,
    [chain, at, ...columns(rows)],
  );
  heldHeads.set(tx, { xid, chain, seq: BigInt(last.seq), hash: last.hash, at });
}

export interface VerifyProblem {
  chain: string;
  seq: string;
  reason: "hash-mismatch" | "broken-link" | "missing-entry" | "head-mismatch";
}

export interface VerifyResult {
  chains: number;
  entries: number;
  /** The first bad entry of the first broken chain (by chain id), or null when intact. */
  problem: VerifyProblem | null;
  /** The first bad entry of every broken chain: each is an alert for its municipality. */
  problems: VerifyProblem[];
}

/** The first bad entry of one chain, or null; counts the entries read. */
async function verifyChain(tx: Tx, chain: string, head: { seq: string; hash: string } | undefined, counted: { entries: number }): Promise<VerifyProblem | null> {
  let expectedSeq = 1n;
  let prevHash = GENESIS;
  const cursor = await tx.query<StoredAuditEntry>(
    `SELECT tenant_id, seq::text, at, actor, action, subject, purpose, detail, prev_hash, hash
     FROM audit_log WHERE tenant_id = $1 ORDER BY audit_log.seq`,
    [chain],
  );
  for (const row of cursor.rows) {
    counted.entries++;
    if (BigInt(row.seq) !== expectedSeq) return { chain, seq: String(expectedSeq), reason: "missing-entry" };
    if (row.prev_hash !== prevHash) return { chain, seq: row.seq, reason: "broken-link" };
    if (entryHash(row) !== row.hash) return { chain, seq: row.seq, reason: "hash-mismatch" };
    prevHash = row.hash;
    expectedSeq++;
  }
  const lastSeq = expectedSeq - 1n;
  if (!head || BigInt(head.seq) !== lastSeq || head.hash !== prevHash) {
    return { chain, seq: String(head ? head.seq : lastSeq), reason: head ? "head-mismatch" : "missing-entry" };
  }
  return null;
}

/** Walks every chain (needs a role that sees all tenants) and reports the first bad entry of each. */
export async function verifyAuditLog(tx: Tx): Promise<VerifyResult> {
  const heads = await tx.query("SELECT tenant_id, seq::text, hash FROM audit_chain_head ORDER BY tenant_id");
  const chains = new Set<string>(heads.rows.map((r) => r.tenant_id as string));
  const others = await tx.query("SELECT DISTINCT tenant_id FROM audit_log");
  for (const r of others.rows) chains.add(r.tenant_id as string);
  const counted = { entries: 0 };
  const problems: VerifyProblem[] = [];
  for (const chain of [...chains].sort()) {
    const problem = await verifyChain(tx, chain, heads.rows.find((r) => r.tenant_id === chain), counted);
    if (problem) problems.push(problem);
  }
  return { chains: chains.size, entries: counted.entries, problem: problems[0] ?? null, problems };
}
