import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestPlatform } from "../../../test/support/platform.ts";
import { searchResidents, type SearchCriteria } from "./search.ts";
import { createResidentTestPlatform, inTenant, moveIn, moveInFamily, personInput, record } from "./resident-test-support.ts";

let t: TestPlatform;
let tanaka: Awaited<ReturnType<typeof moveInFamily>>;
let suzuki: Awaited<ReturnType<typeof moveInFamily>>;
let departed: string;

beforeAll(async () => {
  t = await createResidentTestPlatform();
  tanaka = await moveInFamily(t, "田中", "タナカ");
  suzuki = await moveInFamily(t, "鈴木", "スズキ");
  const change = await record(
    t,
    moveIn([personInput({ familyName: "田中", familyNameKana: "タナカ", givenName: "去", givenNameKana: "サル", birthDate: "1955-05-05" })], {
      address: { postalCode: "2400111", address: "神奈川県三浦郡葉山町一色５番地" },
    }),
  );
  departed = change.entries[0]!.personId;
  await record(t, { kind: "moved-out", effectiveDate: "2024-12-01", notifiedDate: "2024-12-01", personIds: [departed], destination: { address: "北海道札幌市" } });
});
afterAll(() => t.close());

const find = (criteria: SearchCriteria, page = 1, pageSize = 20) => inTenant(t, (tx) => searchResidents(tx, criteria, page, pageSize));
const ids = async (criteria: SearchCriteria) => (await find(criteria)).items.map((i) => i.personId);

describe("resident search", () => {
  it("is width- and kana-insensitive: ﾀﾅｶ = タナカ = たなか", async () => {
    const expected = [tanaka.head, tanaka.wife, tanaka.child].sort();
    for (const q of ["ﾀﾅｶ", "タナカ", "たなか"]) expect((await ids({ q })).sort(), q).toEqual(expected);
  });

  it("matches the full name with or without a space, the 名 alone, or the kanji name", async () => {
    expect(await ids({ q: "たなか　はなこ" })).toEqual([tanaka.wife]);
    expect(await ids({ q: "ﾀﾅｶﾊﾅｺ" })).toEqual([tanaka.wife]);
    expect((await ids({ q: "ハナコ" })).sort()).toEqual([tanaka.wife, suzuki.wife].sort());
    expect(await ids({ q: "鈴木一郎" })).toEqual([suzuki.child]);
  });

  it("leaves out 除票 unless asked, and flags them when included", async () => {
    expect(await ids({ q: "田中" })).not.toContain(departed);
    const withRemoved = await find({ q: "田中", includeRemoved: true });
    expect(withRemoved.items.find((i) => i.personId === departed)).toMatchObject({ isRemoved: true, removalReason: "moved-out", removalDate: "2024-12-01" });
    expect(withRemoved.items.filter((i) => i.isRemoved)).toHaveLength(1);
  });

  it("filters by birth date, by the start of the address (any digit width) and by household", async () => {
    expect(await ids({ birthDate: "1982-02-02", q: "スズキ" })).toEqual([suzuki.wife]);
    expect(await ids({ address: "神奈川県三浦郡葉山町一色5", includeRemoved: true })).toEqual([departed]);
    expect(await ids({ address: "神奈川県三浦郡葉山町一色5" })).toEqual([]);
    expect((await ids({ householdId: suzuki.householdId })).sort()).toEqual([suzuki.head, suzuki.wife, suzuki.child].sort());
    const number = (await find({ householdId: suzuki.householdId })).items[0]!.householdNumber;
    expect((await ids({ householdNumber: number })).sort()).toEqual([suzuki.head, suzuki.wife, suzuki.child].sort());
  });

  it("treats LIKE wildcards in the query as text", async () => {
    expect(await ids({ q: "%" })).toEqual([]);
    expect(await ids({ address: "_" })).toEqual([]);
  });

  it("pages in a stable order with the total", async () => {
    const first = await find({ address: "神奈川県" }, 1, 4);
    const second = await find({ address: "神奈川県" }, 2, 4);
    expect(first.total).toBe(6);
    expect(second.total).toBe(6);
    expect(first.items).toHaveLength(4);
    expect(second.items).toHaveLength(2);
    expect(new Set([...first.items, ...second.items].map((i) => i.personId)).size).toBe(6);
    expect((await find({ address: "神奈川県" }, 3, 4))).toMatchObject({ items: [], total: 6 });
  });
});
