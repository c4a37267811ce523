import { describe, expect, it } from "vitest";
import { auditFilterQuery, EMPTY_AUDIT_FILTER } from "./audit-filter.ts";

describe("監査ログの検索条件", () => {
  it("only what was filled in becomes a condition", () => {
    expect(auditFilterQuery(EMPTY_AUDIT_FILTER)).toEqual({ ok: true, query: "" });
    const check = auditFilterQuery({ ...EMPTY_AUDIT_FILTER, from: "2026-12-01", to: "2026-12-07", action: "resident.viewed", purpose: " 証明書の交付 " });
    expect(check.ok && new URLSearchParams(check.query).toString()).toBe("from=2026-12-01&to=2026-12-07&action=resident.viewed&purpose=%E8%A8%BC%E6%98%8E%E6%9B%B8%E3%81%AE%E4%BA%A4%E4%BB%98");
  });

  it("a 宛名番号 is typed with hyphens or full-width digits; anything else is refused at the field", () => {
    expect(auditFilterQuery({ ...EMPTY_AUDIT_FILTER, subject: "０００-０４２" })).toEqual({ ok: true, query: "subject=000042" });
    expect(auditFilterQuery({ ...EMPTY_AUDIT_FILTER, subject: "山田" })).toMatchObject({ ok: false, errors: { subject: expect.any(String) } });
    expect(auditFilterQuery({ ...EMPTY_AUDIT_FILTER, subject: "1".repeat(16) })).toMatchObject({ ok: false });
  });

  it("the last day may not come before the first", () => {
    expect(auditFilterQuery({ ...EMPTY_AUDIT_FILTER, from: "2026-12-07", to: "2026-12-06" })).toMatchObject({ ok: false, errors: { to: expect.any(String) } });
    expect(auditFilterQuery({ ...EMPTY_AUDIT_FILTER, from: "2026-12-07", to: "2026-12-07" })).toMatchObject({ ok: true });
  });
});
