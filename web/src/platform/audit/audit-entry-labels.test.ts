import { describe, expect, it } from "vitest";
import { actionLabel, actorLabel, detailLabel } from "./audit-entry-labels.ts";

const names = { staff: new Map([["0b6f0c7e-1111-4222-8333-944455556666", "管理 太郎（admin）"]]) };

describe("audit entries in Japanese", () => {
  it("known actions have Japanese labels; unknown ones keep their code", () => {
    expect(actionLabel("identity.login")).toBe("ログイン");
    expect(actionLabel("certificate.previewed")).toBe("証明書の確認表示（交付前）");
    expect(actionLabel("resident.viewed-as-household-member")).toBe("住民票の照会（世帯員として表示）");
    expect(actionLabel("resident.moved-in")).toBe("resident.moved-in");
  });

  it("every action of accounts, log-in throttles and the audit log itself has a label; the retired lock does not", () => {
    const actions = [
      "identity.login-throttled",
      "identity.login-throttles-listed",
      "identity.login-throttle-cleared",
      "identity.login-refused",
      "identity.roles-changed",
      "identity.staff-disabled",
      "identity.staff-enabled",
      "identity.password-reset",
      "identity.password-set",
      "identity.password-changed",
      "identity.password-change-failed",
      "identity.account-activated",
      "identity.administrator-issued",
      "identity.administrator-reset",
      "audit.searched",
      "audit.alerts-listed",
      "audit.alert-acknowledged",
    ];
    for (const action of actions) expect(actionLabel(action), action).not.toBe(action);
    expect(actionLabel("identity.login-refused-locked")).toBe("identity.login-refused-locked");
  });

  it("staff are shown by the name the server gave, else by the names listed, never by their id", () => {
    expect(actorLabel("staff:0b6f0c7e-1111-4222-8333-944455556666", names)).toBe("管理 太郎（admin）");
    expect(actorLabel("staff:406ebf95-0000-4000-8000-000000000000", undefined, "窓口 花子")).toBe("窓口 花子");
    expect(actorLabel("staff:0b6f0c7e-1111-4222-8333-944455556666", names, "管理 太郎")).toBe("管理 太郎");
    const unnamed = actorLabel("staff:9a8b7c6d-0000-4000-8000-000000000000", names);
    expect(unnamed).toBe("職員（氏名不明）");
    expect(unnamed).not.toContain("9a8b7c6d");
  });

  it("operators, the system and anonymous attempts are named by kind", () => {
    expect(actorLabel("operator:5e1c", names)).toBe("運用事業者");
    expect(actorLabel("system:demo", names)).toBe("システム");
    expect(actorLabel("anonymous", names)).toBe("不明（未ログイン）");
    expect(actorLabel("tenant:143014", names)).toBe("tenant:143014");
  });

  it("what an entry's detail records is named in Japanese; an unknown key keeps its name", () => {
    expect(detailLabel("filter")).toBe("検索条件");
    expect(detailLabel("asOf")).toBe("基準日");
    expect(detailLabel("somethingNew")).toBe("somethingNew");
  });
});
