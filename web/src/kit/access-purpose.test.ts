import { afterEach, describe, expect, it, vi } from "vitest";
import { createApiClient } from "./api-client.ts";
import { composePurpose, currentPurpose, forgetPurpose, OTHER_PURPOSE, PURPOSE_HEADER, purposeHeaders, rememberPurpose } from "./access-purpose.ts";

afterEach(() => {
  vi.unstubAllGlobals();
  forgetPurpose();
});

describe("利用目的 (purpose of a read)", () => {
  it("a purpose from the list stands alone or with its details after a colon", () => {
    expect(composePurpose("税務（賦課・収納）", "")).toEqual({ ok: true, purpose: "税務（賦課・収納）" });
    expect(composePurpose("税務（賦課・収納）", "  固定資産税の\n納税通知 ")).toEqual({ ok: true, purpose: "税務（賦課・収納）：固定資産税の 納税通知" });
  });

  it("その他 is the free text alone, and is refused without it", () => {
    expect(composePurpose(OTHER_PURPOSE, "議会からの照会")).toEqual({ ok: true, purpose: "議会からの照会" });
    expect(composePurpose(OTHER_PURPOSE, "  ")).toMatchObject({ ok: false, field: "detail" });
  });

  it("nothing chosen, or details over 150 characters, is refused at the field concerned", () => {
    expect(composePurpose("", "固定資産税")).toMatchObject({ ok: false, field: "choice" });
    expect(composePurpose("福祉・給付", "あ".repeat(151))).toMatchObject({ ok: false, field: "detail" });
    expect(composePurpose("福祉・給付", "あ".repeat(150))).toMatchObject({ ok: true });
  });

  it("travels percent-encoded in x-kyodo-purpose beside the client's own headers", async () => {
    const seen: Record<string, string>[] = [];
    vi.stubGlobal("fetch", async (_path: string, init: RequestInit) => {
      seen.push(init.headers as Record<string, string>);
      return new Response("[]", { headers: { "content-type": "application/json" } });
    });
    await createApiClient(() => {}).get("/api/addressees?name=x", purposeHeaders("窓口での本人確認"));
    expect(seen[0]![PURPOSE_HEADER]).toBe(encodeURIComponent("窓口での本人確認"));
    expect(decodeURIComponent(seen[0]![PURPOSE_HEADER]!)).toBe("窓口での本人確認");
    expect(seen[0]!.accept).toBe("application/json");
  });

  it("is remembered until forgotten at log-out", () => {
    expect(currentPurpose()).toBeNull();
    rememberPurpose("証明書の交付");
    expect(currentPurpose()).toBe("証明書の交付");
    forgetPurpose();
    expect(currentPurpose()).toBeNull();
  });
});
