import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTION_LABELS, auditActionLabel } from "./action-labels.ts";
import { writtenAuditActions } from "./written-actions.ts";

const SOURCE = fileURLToPath(new URL("../../", import.meta.url));
const written = writtenAuditActions(SOURCE);

describe("every audit action is shown in Japanese", () => {
  it("the source is read completely: every action written is a literal, a choice of literals or a constant", () => {
    expect(written.unresolved).toEqual([]);
    // The reader finds actions of every kind of writer: an entry literal, a constant, a route's own helper, a local choice.
    for (const action of ["audit.searched", "certificate.previewed", "resident.history-viewed", "identity.account-activated", "settings.override-cleared"]) {
      expect(written.actions.has(action), action).toBe(true);
    }
  });

  it("each action the server can write has a Japanese label", () => {
    const missing = [...written.actions].filter(([action]) => !(action in AUDIT_ACTION_LABELS)).map(([action, files]) => `${action} (${[...files].join(", ")})`);
    expect(missing).toEqual([]);
    for (const action of written.actions.keys()) expect(auditActionLabel(action), action).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it("the catalogue holds no action that nothing writes (a retired one is removed with its writer)", () => {
    expect(Object.keys(AUDIT_ACTION_LABELS).filter((action) => !written.actions.has(action))).toEqual([]);
  });

  it("an action unknown to the catalogue is shown by its code, never hidden", () => {
    expect(auditActionLabel("future.action")).toBe("future.action");
  });
});
