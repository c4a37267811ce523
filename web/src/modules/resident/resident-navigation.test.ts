import { describe, expect, it } from "vitest";
import { menuPathAt, screenAt, screensFor } from "../../navigation.ts";
import type { Session } from "../../platform/identity/session.ts";

const hayama = { id: "143014", name: "葉山町", prefectureName: "神奈川県" };
const staff = (roles: Session["roles"]): Session => ({ kind: "staff", displayName: "職員", tenant: hayama, roles, csrfToken: "t" });
const labels = (s: Session) => screensFor(s).map((e) => e.label);
const PERSON = "/residents/0b9f6a52-3f0e-4c43-9b5e-0d0f6f1d2a11";

describe("住民記録 screens by the roles of the module resident", () => {
  it("閲覧 opens 住民検索 and 期間経過の届出; 更新 adds 転入届; 職権記載 and a record's screens are never in the menu", () => {
    expect(labels(staff({ resident: ["read"] }))).toEqual(["ホーム", "住民検索", "期間経過の届出", "設定"]);
    expect(labels(staff({ resident: ["write", "issue"] }))).toEqual(["ホーム", "住民検索", "転入届", "期間経過の届出", "設定"]);
    expect(labels(staff({ resident: ["admin"] }))).not.toContain("職権記載");
    expect(labels(staff({ platform: ["read"] }))).not.toContain("住民検索");
  });

  it("a 閲覧 user opens a record but neither its 異動 forms nor its certificates", () => {
    const viewer = staff({ resident: ["read"] });
    expect(screenAt(viewer, PERSON)?.label).toBe("住民の詳細");
    expect(screenAt(viewer, `${PERSON}/changes/died`)).toBeNull();
    expect(screenAt(viewer, `${PERSON}/certificate`)).toBeNull();
    expect(screenAt(viewer, "/residents/move-in")).toBeNull();
  });

  it("更新 opens the 異動 forms, 証明 the certificates, each without the other", () => {
    expect(screenAt(staff({ resident: ["write"] }), `${PERSON}/changes/born`)?.label).toBe("異動届の入力");
    expect(screenAt(staff({ resident: ["write"] }), `${PERSON}/certificate`)).toBeNull();
    expect(screenAt(staff({ resident: ["issue"] }), `${PERSON}/certificate`)?.label).toBe("証明書の交付");
    expect(screenAt(staff({ resident: ["issue"] }), `${PERSON}/changes/born`)).toBeNull();
  });

  it("/residents/move-in is the 転入届, not a record with the id move-in, and a record's screens mark 住民検索 in the menu", () => {
    const clerk = staff({ resident: ["write"] });
    expect(screenAt(clerk, "/residents/move-in")?.label).toBe("転入届");
    expect(screenAt(clerk, "/residents/ex-officio-entry")?.label).toBe("職権記載");
    expect(screenAt(clerk, "/residents/late-notifications")?.label).toBe("期間経過の届出");
    expect(menuPathAt(clerk, `${PERSON}/changes/moved-out`)).toBe("/residents");
    expect(menuPathAt(clerk, "/residents/ex-officio-entry")).toBe("/residents");
    expect(menuPathAt(clerk, "/residents/move-in")).toBe("/residents/move-in");
  });
});
