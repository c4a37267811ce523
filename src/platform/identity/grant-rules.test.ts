import { describe, expect, it } from "vitest";
import { firstAdministratorRoles, grantRefusals, roleChanges } from "./grant-rules.ts";

const platformAdmin = { platform: ["admin"] } as const;

describe("separation of duties: who may grant which roles", () => {
  it("共通基盤:管理 alone grants 共通基盤 roles but no business module's", () => {
    expect(grantRefusals({ granter: platformAdmin, isSelf: false, before: {}, after: { platform: ["read"] } })).toEqual([]);
    expect(grantRefusals({ granter: platformAdmin, isSelf: false, before: {}, after: { resident: ["admin"], addressee: ["read"] } })).toEqual([
      { module: "addressee", code: "module-admin-required" },
      { module: "resident", code: "module-admin-required" },
    ]);
  });

  it("a module's 管理 grants and revokes that module's roles", () => {
    const granter = { platform: ["admin"], resident: ["admin"] } as const;
    expect(grantRefusals({ granter, isSelf: false, before: {}, after: { resident: ["read", "issue"] } })).toEqual([]);
    expect(grantRefusals({ granter, isSelf: false, before: { resident: ["write"], addressee: ["read"] }, after: { addressee: ["read"] } })).toEqual([]);
    expect(grantRefusals({ granter, isSelf: false, before: { addressee: ["read"] }, after: {} })).toEqual([{ module: "addressee", code: "module-admin-required" }]);
  });

  it("支援措置 roles only by a 支援措置 管理 holder, whatever else the granter holds", () => {
    const everything = { platform: ["admin"], resident: ["admin"], addressee: ["admin"] } as const;
    expect(grantRefusals({ granter: everything, isSelf: false, before: {}, after: { protection: ["read"] } })).toEqual([
      { module: "protection", code: "protection-admin-required" },
    ]);
    expect(grantRefusals({ granter: { platform: ["admin"], protection: ["admin"] }, isSelf: false, before: {}, after: { protection: ["write"] } })).toEqual([]);
  });

  it("nobody gives themselves a role they do not hold, even a module's 管理 of another module", () => {
    const me = { platform: ["admin"], resident: ["read"] } as const;
    expect(grantRefusals({ granter: me, isSelf: true, before: me, after: { ...me, resident: ["read", "write"] } })).toEqual([
      { module: "resident", code: "self-elevation" },
    ]);
    // Dropping one's own role is not an elevation.
    expect(grantRefusals({ granter: me, isSelf: true, before: me, after: { platform: ["admin"] } })).toEqual([{ module: "resident", code: "module-admin-required" }]);
    expect(grantRefusals({ granter: me, isSelf: true, before: me, after: { ...me, platform: ["admin", "read"] } })).toEqual([]);
  });

  it("the audit entry's detail names the roles granted and revoked per module", () => {
    expect(roleChanges({ resident: ["read"], platform: ["read"] }, { resident: ["read", "issue"], addressee: ["read"] })).toEqual({
      granted: { resident: ["issue"], addressee: ["read"] },
      revoked: { platform: ["read"] },
    });
  });

  it("a first administrator holds 管理 of 共通基盤 and every business, never 支援措置", () => {
    expect(firstAdministratorRoles(["platform", "addressee", "protection", "resident"])).toEqual({
      platform: ["admin"],
      addressee: ["admin"],
      resident: ["admin"],
    });
  });
});
