import { describe, expect, it } from "vitest";
import type { ReleaseView } from "./protection-api.ts";
import { awaitingOrApproved, openReleaseFor, releasable, releaseBody, usableRelease } from "./protection-release.ts";

const SUBJECT = "000000000000046";
const KIND = "resident.juminhyo";
const release = (state: string, patch: Partial<ReleaseView> = {}): ReleaseView => ({
  releaseId: "r1",
  subjectNumber: SUBJECT,
  subjectName: "鈴木　花子",
  requestedByName: "窓口 花子",
  decidedByName: null,
  certificateKind: KIND,
  requesterKind: "self",
  requesterNote: "本人",
  reason: "就職",
  requestedBy: "staff:a",
  requestedAt: "2026-11-23T01:00:00Z",
  expiresAt: "2026-11-23T15:00:00Z",
  state,
  decision: null,
  use: null,
  ...patch,
});

describe("a release at the certificate counter", () => {
  it("is sent with the request once approved (and after its use, so the server refuses a second issue)", () => {
    expect(usableRelease(release("approved"), SUBJECT, KIND)).toBe("r1");
    expect(usableRelease(release("used"), SUBJECT, KIND)).toBe("r1");
    expect(usableRelease(release("requested"), SUBJECT, KIND)).toBeNull();
    expect(usableRelease(release("refused"), SUBJECT, KIND)).toBeNull();
    expect(usableRelease(null, SUBJECT, KIND)).toBeNull();
  });

  it("is for one subject and one kind only", () => {
    expect(usableRelease(release("approved"), "000000000000047", KIND)).toBeNull();
    expect(usableRelease(release("approved"), SUBJECT, "resident.kisai-jiko")).toBeNull();
  });

  it("replaces the request form while it waits or is approved, and not once used, refused or expired", () => {
    expect(awaitingOrApproved(release("requested"), SUBJECT, KIND)).toBe(true);
    expect(awaitingOrApproved(release("approved"), SUBJECT, KIND)).toBe(true);
    for (const state of ["used", "refused", "expired"]) expect(awaitingOrApproved(release(state), SUBJECT, KIND)).toBe(false);
    expect(awaitingOrApproved(release("requested"), SUBJECT, "resident.tenshutsu")).toBe(false);
  });

  it("cannot lift a refusal of the 相手方's own request", () => {
    expect(releasable({ code: "protection.requester-is-adversary", titleJa: "", kind: KIND })).toBe(false);
    expect(releasable({ code: "protection.release-required", titleJa: "", kind: KIND })).toBe(true);
    // The protected person's own request is met on a 本人確認 at the counter, or not at all: no release.
    for (const code of ["protection.identity-check-required", "protection.channel-refused", "protection.agent-refused"]) {
      expect(releasable({ code, titleJa: "", kind: KIND }), code).toBe(false);
    }
  });

  it("needs who asked and why, trimmed", () => {
    const fixed = { subjectNumber: SUBJECT, certificateKind: KIND, requesterKind: "self" };
    expect(releaseBody({ requesterNote: " ", reason: "" }, fixed)).toEqual({
      ok: false,
      errors: { requesterNote: "請求者（誰から請求されたか）を入力してください", reason: "解除が必要な理由を入力してください" },
    });
    expect(releaseBody({ requesterNote: " 本人 ", reason: " 就職 " }, fixed)).toEqual({ ok: true, body: { ...fixed, requesterNote: "本人", reason: "就職" } });
  });
});

describe("a release asked for earlier", () => {
  it("is found again for the same person while it waits or is approved, the newest first", () => {
    const older = release("requested", { releaseId: "old", requestedAt: "2026-11-23T01:00:00Z" });
    const newer = release("approved", { releaseId: "new", requestedAt: "2026-11-23T02:00:00Z" });
    const used = release("used", { releaseId: "used", requestedAt: "2026-11-23T03:00:00Z" });
    const other = release("approved", { releaseId: "other", subjectNumber: "000000000000047", requestedAt: "2026-11-23T04:00:00Z" });
    expect(openReleaseFor([older, newer, used, other], SUBJECT)?.releaseId).toBe("new");
    expect(openReleaseFor([used, other], SUBJECT)).toBeNull();
  });
});
