import { describe, expect, it } from "vitest";
import { dateConfirmation, readDateInput, warekiDateJa, westernDateJa } from "./wareki-date.ts";

describe("dates as staff type and read them", () => {
  it("shows 和暦 with 元年, and 西暦 before the solar calendar", () => {
    expect(warekiDateJa("2019-05-01")).toBe("令和元年5月1日");
    expect(warekiDateJa("1980-04-01")).toBe("昭和55年4月1日");
    expect(warekiDateJa("1850-01-01")).toBe("1850年1月1日");
    expect(westernDateJa("1980-04-01")).toBe("1980年4月1日");
    expect(dateConfirmation("1980-04-01")).toBe("昭和55年4月1日（1980年4月1日）");
    expect(dateConfirmation("1850-01-01")).toBe("1850年1月1日");
  });

  it("reads 和暦 and 西暦 alike, says why an impossible day is refused, and applies the field's rules", () => {
    expect(readDateInput("")).toEqual({ kind: "empty" });
    expect(readDateInput("ｓ５５．４．１")).toEqual({ kind: "date", iso: "1980-04-01" });
    expect(readDateInput("平成31年5月1日")).toMatchObject({ kind: "error", message: expect.stringContaining("平成") });
    expect(readDateInput("2026-05-02", { notFuture: true }, "2026-05-01")).toEqual({ kind: "error", message: "未来の日付は入力できません" });
    expect(readDateInput("1872-12-31", { notBefore: "1873-01-01" })).toMatchObject({ kind: "error" });
  });
});
