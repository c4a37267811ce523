import { describe, expect, it } from "vitest";
import { hasParameters, matchPath, pathOf } from "./screen-paths.ts";

describe("screen paths with a parameter", () => {
  it("a record's path gives its parameter, decoded", () => {
    expect(matchPath("/addressees/:number", "/addressees/000000000000012")).toEqual({ number: "000000000000012" });
    expect(matchPath("/addressees/:number", "/addressees/%E5%AE%9B")).toEqual({ number: "宛" });
  });

  it("a path of another length, another fixed segment or an empty parameter does not match", () => {
    expect(matchPath("/addressees/:number", "/addressees")).toBeNull();
    expect(matchPath("/addressees/:number", "/addressees/")).toBeNull();
    expect(matchPath("/addressees/:number", "/addressees/1/history")).toBeNull();
    expect(matchPath("/addressees/:number", "/settings/1")).toBeNull();
    expect(matchPath("/addressees/:number", "/addressees/%E5%AE")).toBeNull();
  });

  it("a path without parameters matches itself only", () => {
    expect(matchPath("/settings", "/settings")).toEqual({});
    expect(matchPath("/settings", "/staff")).toBeNull();
    expect(hasParameters("/settings")).toBe(false);
    expect(hasParameters("/addressees/:number")).toBe(true);
  });

  it("fills a pattern's parameters back into a path", () => {
    expect(pathOf("/addressees/:number", { number: "000000000000012" })).toBe("/addressees/000000000000012");
  });
});
