import { describe, expect, it } from "vitest";
import { landingPath, screenAt, screensFor } from "./navigation.ts";
import type { Session } from "./platform/identity/session.ts";

const hayama = { id: "143014", name: "葉山町", prefectureName: "神奈川県" };
const staff = (roles: Session["roles"]): Session => ({ kind: "staff", displayName: "職員", tenant: hayama, roles, csrfToken: "t" });
const operator: Session = { kind: "operator", displayName: "運用", tenant: null, roles: {}, csrfToken: "t" };
const labels = (s: Session) => screensFor(s).map((e) => e.label);

describe("navigation by role", () => {
  it("a clerk with platform read sees ホーム and reads 設定", () => {
    expect(labels(staff({ platform: ["read"] }))).toEqual(["ホーム", "設定"]);
  });

  it("platform admin adds 職員管理, 連携状況, ジョブ, 監査ログ and 職印", () => {
    expect(labels(staff({ platform: ["admin"] }))).toEqual(["ホーム", "設定", "職員管理", "連携状況", "ジョブ", "監査ログ", "職印"]);
  });

  it("admin of a business module is not admin of the platform", () => {
    expect(labels(staff({ platform: ["read"], resident: ["admin"] }))).toEqual(["ホーム", "住民検索", "転入届", "期間経過の届出", "設定"]);
  });

  it("a staff member with no roles still has ホーム and 設定", () => {
    expect(labels(staff({}))).toEqual(["ホーム", "設定"]);
  });

  it("an operator sees the operator screens and no municipality screens", () => {
    expect(labels(operator)).toEqual(["団体一覧", "フィット&ギャップ", "連携状況", "ジョブ", "支援措置の状況", "監査ログ検証", "ログイン試行の制限"]);
  });

  it("every staff member may change their own password, from a link rather than the menu; operators may not", () => {
    expect(screenAt(staff({}), "/account/password")?.label).toBe("パスワード変更");
    expect(labels(staff({ platform: ["admin"] }))).not.toContain("パスワード変更");
    expect(screenAt(operator, "/account/password")).toBeNull();
    expect(screenAt(operator, "/operator/login-throttles")?.label).toBe("ログイン試行の制限");
  });

  it("支援措置 is shown only to its own roles: 閲覧 and 更新 see the measures, 管理 also the releases to approve", () => {
    expect(labels(staff({ platform: ["read"], resident: ["admin"], addressee: ["admin"] }))).not.toContain("支援措置");
    expect(labels(staff({ protection: ["read"] }))).toEqual(["ホーム", "支援措置", "設定"]);
    expect(labels(staff({ protection: ["write"] }))).toEqual(["ホーム", "支援措置", "設定"]);
    expect(labels(staff({ protection: ["admin"] }))).toEqual(["ホーム", "支援措置", "支援措置 解除承認", "設定"]);
    expect(screenAt(staff({ protection: ["write"] }), "/protection/releases")).toBeNull();
  });

  it("operators land on 団体一覧 and staff on ホーム", () => {
    expect(landingPath(operator)).toBe("/operator/tenants");
    expect(landingPath(staff({ platform: ["read"] }))).toBe("/");
  });

  it("an address the roles do not open resolves to no screen", () => {
    expect(screenAt(staff({ platform: ["write"] }), "/staff")).toBeNull();
    expect(screenAt(operator, "/")).toBeNull();
    expect(screenAt(staff({ platform: ["admin"] }), "/staff")?.label).toBe("職員管理");
    expect(screenAt(staff({ platform: ["read"] }), "/jobs")).toBeNull();
    expect(screenAt(operator, "/settings")).toBeNull();
  });
});
