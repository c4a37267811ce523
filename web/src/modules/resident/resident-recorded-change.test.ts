import { describe, expect, it } from "vitest";
import type { RecordedChange } from "./resident-api.ts";
import { forgetRecorded, handOver, personAfter, recordedFor } from "./resident-recorded-change.ts";
import type { Session } from "../../platform/identity/session.ts";

const session = (name: string): Session => ({ kind: "staff", displayName: name, tenant: null, roles: {}, csrfToken: "t" });
const change = (...personIds: string[]) =>
  ({ changeId: "c", seq: "1", kind: "moved-in", kindJa: "転入", effectiveDate: "2026-09-24", notifiedDate: null, recordedAt: "", actor: "", reason: null, deadlineDate: null, overdue: false, lateReason: null, entries: personIds.map((personId) => ({ personId, addresseeNumber: "1", fields: [], before: null, after: {} })) }) as RecordedChange;

describe("記録した異動の確認", () => {
  it("goes to the person the form was opened for when the change touched them, else to its first person", () => {
    expect(personAfter(change("head", "wife"), null)).toBe("head");
    expect(personAfter(change("head", "wife"), "wife")).toBe("wife");
    expect(personAfter(change("child"), "head")).toBe("child");
  });

  it("is shown on the records it touched, to the same log-in only, until that record's screen closes", () => {
    const clerk = session("窓口");
    const recorded = change("head", "wife");
    handOver(clerk, recorded);
    expect(recordedFor(clerk, "wife")).toBe(recorded);
    expect(recordedFor(clerk, "someone-else")).toBeNull();
    expect(recordedFor(session("次の職員"), "head")).toBeNull();
    forgetRecorded(recorded);
    expect(recordedFor(clerk, "head")).toBeNull();
  });
});
