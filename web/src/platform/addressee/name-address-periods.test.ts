import { describe, expect, it } from "vitest";
import { periodRoles } from "./name-address-periods.ts";

describe("reading the name and address rows", () => {
  it("a correction replaces the row of the same day; the replaced one reads 訂正前", () => {
    expect(periodRoles([{ validFrom: null }, { validFrom: null }])).toEqual(["corrected", "current"]);
  });

  it("a change from a day leaves the earlier row as 変更前, and a later correction of the new row replaces only that", () => {
    expect(periodRoles([{ validFrom: null }, { validFrom: "2025-04-01" }, { validFrom: "2025-04-01" }])).toEqual(["former", "corrected", "current"]);
  });

  it("a single row is the current one", () => {
    expect(periodRoles([{ validFrom: "2020-01-01" }])).toEqual(["current"]);
  });
});
