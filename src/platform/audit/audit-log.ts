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
  const chainRow = await tx.query(
    `SELECT coalesce(nullif(current_setting('kyodo.tenant_id', true), ''), $1) AS chain`,
    [PLATFORM_CHAIN],
  );
  const chain = chainRow.rows[0].chain as string;
  await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('audit:' || $1, 0))", [chain]);
  const head = await tx.query("SELECT seq, hash FROM audit_chain_head WHERE tenant_id = $1", [chain]);
  const prevSeq = head.rowCount ? BigInt(head.rows[0].seq) : 0n;
  const prevHash = head.rowCount ? (head.rows[0].hash as string) : GENESIS;
  const at = new Date((await tx.query("SELECT clock_timestamp() AS t")).rows[0].t);
  const stored = {
    tenant_id: chain,
    seq: String(prevSeq + 1n),
    at,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject ?? null,
    purpose: entry.purpose ?? null,
    detail: entry.detail ?? {},
    prev_hash: prevHash,
  };
  const hash = entryHash(stored);
  await tx.query(
    `INSERT INTO audit_log (tenant_id, seq, at, actor, action, subject, purpose, detail, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [chain, stored.seq, at, stored.actor, stored.action, stored.subject, stored.purpose, stored.detail, prevHash, hash],
  );
  await tx.query(
    `INSERT INTO audit_chain_head (tenant_id, seq, hash) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash`,
    [chain, stored.seq, hash],
  );
}

export interface VerifyProblem {
  chain: string;
  seq: string;
  reason: "hash-mismatch" | "broken-link" | "missing-entry" | "head-mismatch";
}

export interface VerifyResult {
  chains: number;
  entries: number;
  problem: VerifyProblem | null;
}

/** Walks every chain (needs a role that sees all tenants) and reports the first bad entry. */
export async function verifyAuditLog(tx: Tx): Promise<VerifyResult> {
  const heads = await tx.query("SELECT tenant_id, seq, hash FROM audit_chain_head ORDER BY tenant_id");
  const chains = new Set<string>(heads.rows.map((r) => r.tenant_id as string));
  const others = await tx.query("SELECT DISTINCT tenant_id FROM audit_log");
  for (const r of others.rows) chains.add(r.tenant_id as string);
  let entries = 0;
  for (const chain of [...chains].sort()) {
    const head = heads.rows.find((r) => r.tenant_id === chain);
    let expectedSeq = 1n;
    let prevHash = GENESIS;
    const cursor = await tx.query<StoredAuditEntry>(
      `SELECT tenant_id, seq::text, at, actor, action, subject, purpose, detail, prev_hash, hash
       FROM audit_log WHERE tenant_id = $1 ORDER BY audit_log.seq`,
      [chain],
    );
    for (const row of cursor.rows) {
      entries++;
      if (BigInt(row.seq) !== expectedSeq) {
        return { chains: chains.size, entries, problem: { chain, seq: String(expectedSeq), reason: "missing-entry" } };
      }
      if (row.prev_hash !== prevHash) {
        return { chains: chains.size, entries, problem: { chain, seq: row.seq, reason: "broken-link" } };
      }
      if (entryHash(row) !== row.hash) {
        return { chains: chains.size, entries, problem: { chain, seq: row.seq, reason: "hash-mismatch" } };
      }
      prevHash = row.hash;
      expectedSeq++;
    }
    const lastSeq = expectedSeq - 1n;
    if (!head || BigInt(head.seq) !== lastSeq || head.hash !== prevHash) {
      return {
        chains: chains.size,
        entries,
        problem: { chain, seq: String(head ? head.seq : lastSeq), reason: head ? "head-mismatch" : "missing-entry" },
      };
    }
  }
  return { chains: chains.size, entries, problem: null };
}
