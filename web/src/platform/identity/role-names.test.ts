import { describe, expect, it } from "vitest";
import { describeRoles, moduleNameJa } from "./role-names.ts";

describe("roles in Japanese", () => {
  it("the platform module is 共通基盤 and roles read 閲覧/更新/証明/管理", () => {
    expect(describeRoles({ platform: ["admin"] })).toEqual(["共通基盤：管理"]);
    expect(describeRoles({ resident: ["admin", "read", "issue", "write"] })).toEqual(["住民記録：閲覧・更新・証明・管理"]);
  });

  it("lists the platform first, then modules by id, and leaves out modules with no role", () => {
    expect(describeRoles({ tax: ["read"], platform: ["read"], resident: ["write"], nhi: [] })).toEqual([
      "共通基盤：閲覧",
      "住民記録：更新",
      "税：閲覧",
    ]);
  });

  it("a module without a Japanese name is shown by its id rather than hidden", () => {
    expect(moduleNameJa("vendor-app")).toBe("vendor-app");
    expect(describeRoles({ "vendor-app": ["read"] })).toEqual(["vendor-app：閲覧"]);
  });
});
