import { describe, expect, it } from "vitest";
import { menuPathAt, screenAt, screenExists, screensFor } from "../../navigation.ts";
import type { Session } from "../identity/session.ts";

const hayama = { id: "143014", name: "葉山町", prefectureName: "神奈川県" };
const staff = (roles: Session["roles"]): Session => ({ kind: "staff", displayName: "職員", tenant: hayama, roles, csrfToken: "t" });
const labels = (s: Session) => screensFor(s).map((e) => e.label);

describe("宛名 screens by the roles of the module addressee", () => {
  it("閲覧 opens 宛名検索 and a record's details, 更新 adds 住登外者の登録, 管理 adds 名寄せ候補", () => {
    expect(labels(staff({ platform: ["read"], addressee: ["read"] }))).toEqual(["ホーム", "宛名検索", "設定"]);
    expect(labels(staff({ platform: ["read"], addressee: ["write", "issue"] }))).toEqual(["ホーム", "宛名検索", "住登外者の登録", "設定"]);
    expect(labels(staff({ addressee: ["admin"] }))).toEqual(["ホーム", "宛名検索", "住登外者の登録", "名寄せ候補", "設定"]);
  });

  it("a record's details are opened by its address and never listed in the menu", () => {
    const reader = staff({ addressee: ["read"] });
    expect(screenAt(reader, "/addressees/000000000000012")?.label).toBe("宛名の詳細");
    expect(labels(reader)).not.toContain("宛名の詳細");
    expect(screenAt(staff({ platform: ["admin"] }), "/addressees/000000000000012")).toBeNull();
    expect(menuPathAt(reader, "/addressees/000000000000012")).toBe("/addressees");
    expect(menuPathAt(reader, "/settings")).toBe("/settings");
  });

  it("a fixed screen under /addressees is that screen, not a record, even for someone who may not open it", () => {
    expect(screenAt(staff({ addressee: ["write"] }), "/addressees/new")?.label).toBe("住登外者の登録");
    expect(screenAt(staff({ addressee: ["write"] }), "/addressees/duplicates")).toBeNull();
    expect(screenExists("/addressees/duplicates")).toBe(true);
    expect(screenAt(staff({ addressee: ["read"] }), "/addressees/new")).toBeNull();
    expect(screenExists("/nowhere")).toBe(false);
  });
});
