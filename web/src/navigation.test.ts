import { describe, expect, it } from "vitest";
import { landingPath, screenAt, screensFor } from "./navigation.ts";
import type { Session } from "./session.ts";

const hayama = { id: "143014", name: "葉山町", prefectureName: "神奈川県" };
const staff = (roles: Session["roles"]): Session => ({ kind: "staff", displayName: "職員", tenant: hayama, roles, csrfToken: "t" });
const operator: Session = { kind: "operator", displayName: "運用", tenant: null, roles: {}, csrfToken: "t" };
const labels = (s: Session) => screensFor(s).map((e) => e.label);

describe("navigation by role", () => {
  it("a clerk with platform read sees only ホーム", () => {
    expect(labels(staff({ platform: ["read"] }))).toEqual(["ホーム"]);
  });

  it("platform admin adds 職員管理 and 監査ログ", () => {
    expect(labels(staff({ platform: ["admin"] }))).toEqual(["ホーム", "職員管理", "監査ログ"]);
  });

  it("admin of a business module is not admin of the platform", () => {
    expect(labels(staff({ platform: ["read"], resident: ["admin"] }))).toEqual(["ホーム"]);
  });

  it("a staff member with no roles still has ホーム", () => {
    expect(labels(staff({}))).toEqual(["ホーム"]);
  });

  it("an operator sees the operator screens and no municipality screens", () => {
    expect(labels(operator)).toEqual(["団体一覧", "監査ログ検証"]);
  });

  it("operators land on 団体一覧 and staff on ホーム", () => {
    expect(landingPath(operator)).toBe("/operator/tenants");
    expect(landingPath(staff({ platform: ["read"] }))).toBe("/");
  });

  it("an address the roles do not open resolves to no screen", () => {
    expect(screenAt(staff({ platform: ["write"] }), "/staff")).toBeNull();
    expect(screenAt(operator, "/")).toBeNull();
    expect(screenAt(staff({ platform: ["admin"] }), "/staff")?.label).toBe("職員管理");
  });
});
