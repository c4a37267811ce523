// The one database interface of the platform. Three pools, three roles:
//  - app       (kyodo_app, NOBYPASSRLS): every request; row-level security applies.
//  - operator  (kyodo_operator, BYPASSRLS): operator tasks that cross tenants; always audited.
//  - owner     (the URL's own user): migrations and role management only.
// Every tenant-scoped statement runs inside withTenant(), which sets `kyodo.tenant_id` for the
// transaction only (SET LOCAL), so a pooled connection never carries a tenant into the next use.
import pg from "pg";

export type Tx = pg.PoolClient;

export const TENANT_SETTING = "kyodo.tenant_id";
export const ACTOR_SETTING = "kyodo.actor";

/**
 * The database could not be brought up or used as configured (no cluster, no schema, a role
 * that refuses its password). `hint` says what to do; the command line prints both.
 */
export class DatabaseSetupError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = "DatabaseSetupError";
  }
}

/** host:port/database of a connection URL, without user or password: safe to print. */
export function whereIs(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
}

export interface DatabaseUrls {
  owner: string;
  app: string;
  operator: string;
}

export class Database {
  readonly app: pg.Pool;
  readonly operator: pg.Pool;
  readonly owner: pg.Pool;

  constructor(
    readonly urls: DatabaseUrls,
    readonly mode: "embedded" | "external",
    poolSize = 10,
  ) {
    this.app = new pg.Pool({ connectionString: urls.app, max: poolSize, application_name: "kyodo-app" });
    this.operator = new pg.Pool({ connectionString: urls.operator, max: 4, application_name: "kyodo-operator" });
    this.owner = new pg.Pool({ connectionString: urls.owner, max: 2, application_name: "kyodo-owner" });
    for (const pool of [this.app, this.operator, this.owner]) {
      // An idle client's error (e.g. the server shutting down) must not crash the process.
      pool.on("error", () => {});
    }
  }

  /** Runs fn in one transaction of the application role, scoped to one tenant by RLS. */
  async withTenant<T>(tenantId: string, fn: (tx: Tx) => Promise<T>, actor = "system"): Promise<T> {
    return this.transaction(this.app, async (tx) => {
      // SET LOCAL statements rather than set_config(): on Citus (docs/scale-out.md) only SET
      // commands travel with the transaction to the worker nodes (citus.propagate_set_commands =
      // 'local'), where the row-level security policies read them. Both values are quoted literals.
      await tx.query(
        `SET LOCAL ${TENANT_SETTING} = ${tx.escapeLiteral(tenantId)}; SET LOCAL ${ACTOR_SETTING} = ${tx.escapeLiteral(actor)}`,
      );
      return fn(tx);
    });
  }

  /** A transaction of the application role with no tenant: tenant-owned tables show no rows. */
  async withoutTenant<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction(this.app, fn);
  }

  /**
   * A transaction of the operator role, which bypasses RLS. Only the audit area calls this
   * directly (see audit/operator.ts), so that every use is recorded in the same transaction.
   */
  async withOperatorRole<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction(this.operator, fn);
  }

  async transaction<T>(pool: pg.Pool, fn: (tx: Tx) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const result = await fn(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.app.end(), this.operator.end(), this.owner.end()]);
  }
}
