import { describe, expect, it } from "vitest";
import { createProtectionWatch, protectedCount, resourceOf } from "./protection-watch.ts";

function watchAt(start: string) {
  let path = start;
  const watch = createProtectionWatch(() => path);
  return { watch, go: (next: string) => (path = next) };
}

describe("protection watch", () => {
  it("reads the header's count, and 0 when it is absent or not a positive integer", () => {
    expect(protectedCount(new Headers({ "x-kyodo-protected": "2" }))).toBe(2);
    expect(protectedCount(new Headers())).toBe(0);
    expect(protectedCount(new Headers({ "x-kyodo-protected": "x" }))).toBe(0);
    expect(protectedCount(new Headers({ "x-kyodo-protected": "-1" }))).toBe(0);
  });

  it("keys a resource by its path without the query", () => {
    expect(resourceOf("/api/resident/persons?q=a&page=2")).toBe("/api/resident/persons");
    expect(resourceOf("/api/resident/persons/1")).toBe("/api/resident/persons/1");
  });

  it("warns on the screen that asked while one of its answers shows a protected person", () => {
    const { watch } = watchAt("/residents");
    watch.record("/residents", "/api/resident/persons?q=a", 1);
    watch.record("/residents", "/api/session", 0);
    expect(watch.countAt("/residents")).toBe(1);
    expect(watch.countAt("/addressees")).toBe(0);
  });

  it("a new search that shows nobody protected replaces the old one's count", () => {
    const { watch } = watchAt("/residents");
    watch.record("/residents", "/api/resident/persons?q=a", 2);
    watch.record("/residents", "/api/resident/persons?q=b", 0);
    expect(watch.countAt("/residents")).toBe(0);
  });

  it("forgets the previous screen's answers on the next screen, and drops a late answer to a screen already left", () => {
    const { watch, go } = watchAt("/residents");
    watch.record("/residents", "/api/resident/persons?q=a", 1);
    go("/residents/p1");
    watch.record("/residents", "/api/resident/persons?q=a", 1);
    expect(watch.countAt("/residents/p1")).toBe(0);
    watch.record("/residents/p1", "/api/resident/persons/p1", 2);
    expect(watch.countAt("/residents/p1")).toBe(2);
    go("/residents");
    watch.record("/residents", "/api/resident/persons?q=a", 0);
    expect(watch.countAt("/residents")).toBe(0);
  });

  it("tells its listeners when a count changes, and only then", () => {
    const { watch } = watchAt("/residents");
    let heard = 0;
    const stop = watch.subscribe(() => heard++);
    watch.record("/residents", "/api/x", 1);
    watch.record("/residents", "/api/x", 1);
    watch.record("/residents", "/api/x", 0);
    stop();
    watch.record("/residents", "/api/x", 3);
    expect(heard).toBe(2);
  });
});
