// The masked address reads once: 「住所（支援措置により非表示）」 for each address of a protected
// person (住所, 前住所, 転出先), its 郵便番号 and 方書 null, in the person's object and on the
// household that contains them; and the walker's check (masked-outputs.ts) catches the repeated
// form that screens used to show.
import { describe, expect, it } from "vitest";
import { guardBody, MASKED, MASKED_OTHER } from "../../src/platform/protection/response-guard.ts";
import type { ActiveProtection } from "../../src/platform/protection/check.ts";
import { maskedTwice } from "./masked-outputs.ts";

const VICTIM = "000000000000101";
const protections = new Map<string, ActiveProtection[]>([
  [VICTIM, [{ measureId: "m", kind: "dv", endsOn: "2027-03-31", businesses: null, adversaries: [] }]],
]);

function person() {
  return {
    addresseeNumber: VICTIM,
    record: {
      postalCode: "2400111",
      address: "神奈川県三浦郡葉山町一色九九九番地",
      addressLine2: "秘匿荘二〇二号",
      addressSinceDate: "2025-04-01",
      previousPostalCode: "1600022",
      previousAddress: "東京都新宿区新宿1丁目1番地",
      previousAddressLine2: null,
      destinationPostalCode: "0600001",
      destinationAddress: "北海道札幌市中央区北一条西九九九番地",
      destinationAddressLine2: "",
      addressKey: "葉山町一色999",
    },
  };
}

describe("a masked address", () => {
  it("reads 住所（支援措置により非表示） once per address, with its 郵便番号 and 方書 null", () => {
    const body = person();
    expect(guardBody(body, protections, false)).toBe(1);
    expect(body.record).toEqual({
      postalCode: null,
      address: MASKED,
      addressLine2: null,
      addressSinceDate: MASKED_OTHER,
      previousPostalCode: null,
      previousAddress: MASKED,
      previousAddressLine2: null,
      destinationPostalCode: null,
      destinationAddress: MASKED,
      destinationAddressLine2: null,
      addressKey: null,
    });
    expect(MASKED).toBe("住所（支援措置により非表示）");
    expect(maskedTwice(body)).toBeNull();
  });

  it("is masked once on the household containing the person, and a bare postal code is masked as the address", () => {
    const household = { postalCode: "2400111", address: "葉山町一色九九九番地", addressLine2: "秘匿荘", members: [person()] };
    guardBody(household, protections, false);
    expect(household).toMatchObject({ postalCode: null, address: MASKED, addressLine2: null });
    const bare = { addresseeNumber: VICTIM, postal_code: "2400111", address_line2: "秘匿荘" };
    guardBody(bare, protections, false);
    expect(bare).toMatchObject({ postal_code: MASKED, address_line2: null });
    expect(maskedTwice([household, bare])).toBeNull();
  });

  it("is shown unmasked, still marked, to the 支援措置担当", () => {
    const body = person();
    guardBody(body, protections, true);
    expect(body.record.address).toBe("神奈川県三浦郡葉山町一色九九九番地");
    expect((body as { protection?: unknown }).protection).toMatchObject({ active: true });
  });

  it("the walker's check names the old repeated form, in a value or across the keys of one address", () => {
    expect(maskedTwice({ text: "〒（支援措置により非表示）（支援措置により非表示）（支援措置により非表示）" })).toBe("/text");
    expect(maskedTwice({ a: { postalCode: "（支援措置により非表示）", address: "（支援措置により非表示）" } })).toMatch(/^\/a\/address/);
    expect(maskedTwice({ address: MASKED, previousAddress: MASKED, addressSinceDate: MASKED_OTHER })).toBeNull();
  });
});
