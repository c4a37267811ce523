import { describe, expect, it } from "vitest";
import { throttleAccountJa, throttleScopeJa, throttleStateJa } from "./login-throttle-labels.ts";

describe("ログイン試行の制限の表示", () => {
  it("names an existing account by its log-in ID and an unknown one only by its hash", () => {
    expect(throttleAccountJa({ loginId: "clerk", accountKey: "0123456789ab" })).toBe("clerk");
    expect(throttleAccountJa({ loginId: null, accountKey: "0123456789ab" })).toBe("存在しないID（0123456789ab…）");
  });

  it("says whether the throttle covers every source or one", () => {
    expect(throttleScopeJa({ kind: "account", source: null })).toBe("アカウント（全接続元）");
    expect(throttleScopeJa({ kind: "pair", source: "192.0.2.1" })).toBe("アカウント × 接続元 192.0.2.1");
  });

  it("shows until when an attempt is refused, or that failures are only counted", () => {
    expect(throttleStateJa("2026-04-01T00:00:00Z", () => "2026/04/01 09:00:00")).toBe("制限中（2026/04/01 09:00:00まで）");
    expect(throttleStateJa(null, () => "")).toBe("失敗を記録中");
  });
});
