import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestPlatform } from "../../../test/support/platform.ts";
import type { ChangeRequest } from "./api-schemas.ts";
import { CHANGE_KINDS } from "./change-kind.ts";
import { RULE_TABLE, rulesFor } from "./rules/rule-table.ts";
import { counts, createResidentTestPlatform, daysFromToday, moveIn, moveInFamily, personInput, record } from "./resident-test-support.ts";

let t: TestPlatform;
let family: Awaited<ReturnType<typeof moveInFamily>>;
let removed: Awaited<ReturnType<typeof moveInFamily>>;
let withNumber: string;

const VALID_MY_NUMBER = "123456789018";

beforeAll(async () => {
  t = await createResidentTestPlatform();
  family = await moveInFamily(t, "規則", "キソク");
  removed = await moveInFamily(t, "除票", "ジョヒョウ");
  await record(t, { kind: "died", effectiveDate: "2024-06-01", notifiedDate: "2024-06-01", personId: removed.child });
  const numbered = await record(t, moveIn([personInput({ familyName: "番号", familyNameKana: "バンゴウ", myNumber: VALID_MY_NUMBER })], { address: { address: "葉山町別所" } }));
  withNumber = numbered.entries[0]!.personId;
});
afterAll(() => t.close());

const newcomer = (overrides: Parameters<typeof personInput>[0] = {}) => personInput({ familyName: "新規", familyNameKana: "シンキ", ...overrides });

/** Each rule with a request that breaks it (and no rule before it in the table). */
const CASES: [string, () => ChangeRequest, string[]][] = [
  ["calendar-dates", () => moveIn([newcomer({ birthDate: "1990-02-30" })]), ["body/persons/0/birthDate"]],
  ["name-characters", () => moveIn([newcomer({ givenName: "太\uE000" })]), ["body/persons/0/givenName"]],
  ["kana-format", () => moveIn([newcomer({ familyNameKana: "Shinki" })]), ["body/persons/0/familyNameKana"]],
  ["postal-code-format", () => moveIn([newcomer()], { address: { postalCode: "240-01", address: "葉山町" } }), ["body/persons/0/postalCode"]],
  ["my-number-check-digit", () => moveIn([newcomer({ myNumber: "123456789017" })]), ["body/persons/0/myNumber"]],
  ["birth-not-in-future", () => moveIn([newcomer({ birthDate: daysFromToday(1) })], { effectiveDate: daysFromToday(0), notifiedDate: daysFromToday(0) }), ["body/persons/0/birthDate"]],
  ["effective-not-in-future", () => moveIn([newcomer()], { effectiveDate: daysFromToday(1), notifiedDate: daysFromToday(0) }), ["body/effectiveDate"]],
  ["notified-not-in-future", () => moveIn([newcomer()], { notifiedDate: daysFromToday(2) }), ["body/notifiedDate"]],
  ["notified-not-before-effective", () => moveIn([newcomer()], { effectiveDate: "2024-04-10", notifiedDate: "2024-04-09" }), ["body/notifiedDate"]],
  ["late-reason-only-when-overdue", () => moveIn([newcomer()], { lateReason: "入院していたため" }), ["body/lateReason"]],
  [
    "born-on-effective-date",
    () => ({ kind: "born", effectiveDate: "2025-01-02", notifiedDate: "2025-01-05", householdId: family.householdId, person: { ...newcomer({ birthDate: "2025-01-01", relationship: "child" }) } }),
    ["body/person/birthDate"],
  ],
  [
    "not-already-resident",
    () => moveIn([newcomer({ addresseeNumber: family.change.entries[0]!.addresseeNumber })], { effectiveDate: "2025-01-01", notifiedDate: "2025-01-01" }),
    ["body/persons/0"],
  ],
  [
    "not-already-removed",
    () => ({ kind: "moved-out", effectiveDate: "2024-07-01", notifiedDate: "2024-07-01", personIds: [removed.child], destination: { address: "大阪府" } }),
    ["body/personIds/0"],
  ],
  [
    "effective-date-in-order",
    () => ({ kind: "name-changed", effectiveDate: "2024-03-31", notifiedDate: "2024-04-01", personId: family.wife, familyName: "旧" }),
    ["body/effectiveDate"],
  ],
  [
    "effective-not-before-registration",
    () => ({ kind: "ex-officio-correction", effectiveDate: "2024-03-31", reason: "誤記", corrections: [{ personId: family.wife, fields: { givenName: "華子" } }] }),
    ["body/effectiveDate"],
  ],
  ["effective-not-before-birth", () => moveIn([newcomer({ birthDate: "2024-05-01" })], { effectiveDate: "2024-04-30", notifiedDate: "2024-05-02" }), ["body/persons/0"]],
  [
    "death-not-before-birth",
    () => ({ kind: "ex-officio-correction", effectiveDate: "2024-04-01", reason: "生年月日の誤記", corrections: [{ personId: removed.child, fields: { birthDate: "2024-07-01" } }] }),
    ["body/corrections/0/fields/birthDate"],
  ],
  ["change-has-effect", () => ({ kind: "name-changed", effectiveDate: "2024-05-01", notifiedDate: "2024-05-01", personId: family.wife, givenName: "花子" }), ["body"]],
  ["address-must-change", () => ({ kind: "address-changed", effectiveDate: "2024-05-01", notifiedDate: "2024-05-01", householdId: family.householdId, address: { postalCode: "2400112", address: "神奈川県三浦郡葉山町堀内1000番地", addressLine2: "葉山ハイツ101号" } }), ["body/address"]],
  ["no-duplicate-registration", () => moveIn([personInput({ familyName: "規則", familyNameKana: "ｷｿｸ" })], { effectiveDate: "2024-05-01", notifiedDate: "2024-05-01" }), ["body/persons/0"]],
  ["my-number-unique", () => moveIn([newcomer({ myNumber: "1234 5678 9018" })]), ["body/persons/0/myNumber"]],
  ["household-has-head", () => moveIn([newcomer({ relationship: "child" })]), ["body/relationships"]],
  [
    "household-needs-new-head",
    () => ({ kind: "moved-out", effectiveDate: "2024-05-01", notifiedDate: "2024-05-01", personIds: [family.head], destination: { address: "大阪府" } }),
    ["body/relationships"],
  ],
  ["late-notification-reason", () => moveIn([newcomer()], { effectiveDate: "2024-04-01", notifiedDate: "2024-04-16" }), ["body/lateReason"]],
  [
    "household-shares-address",
    () => moveIn([newcomer({ relationship: "lodger" })], { householdId: family.householdId, address: { address: "神奈川県三浦郡葉山町長柄1番地" }, effectiveDate: "2024-05-01", notifiedDate: "2024-05-01" }),
    ["body/address"],
  ],
  ["address-in-national-master", () => moveIn([newcomer()], { previousAddress: { address: "東京都葉山町1番地" } }), ["body/previousAddress/address"]],
];

/** Rules that need data this file does not load, each tested in its own file. */
const TESTED_ELSEWHERE: Record<string, string> = {
  // Applies only once a town has imported its 町字マスター; the town here has none.
  "address-in-town-master": "rules/address-master.test.ts",
};

describe("異動 validation: each rule refuses with its own code, names the fields and writes nothing", () => {
  it.each(CASES)("%s", async (code, request, fields) => {
    const before = await counts(t);
    const refusal = await record(t, request()).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toMatchObject({ code, errors: fields.map((field) => expect.objectContaining({ field })) });
    expect(refusal).toHaveProperty("status", expect.any(Number));
    expect(await counts(t)).toEqual(before);
  });

  it("every rule in rules/ has a case above, is in the table, and is named after its file", async () => {
    const files = fs.readdirSync(new URL("./rules/", import.meta.url)).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !["rule.ts", "rule-table.ts"].includes(f));
    expect(RULE_TABLE.map(([rule]) => `${rule.code}.ts`).sort()).toEqual(files.sort());
    expect([...CASES.map(([code]) => code), ...Object.keys(TESTED_ELSEWHERE)].sort()).toEqual(RULE_TABLE.map(([rule]) => rule.code).sort());
    for (const [code, file] of Object.entries(TESTED_ELSEWHERE)) expect(fs.readFileSync(new URL(`./${file}`, import.meta.url), "utf8"), file).toContain(code);
    for (const [rule] of RULE_TABLE) expect(rule.law, rule.code).not.toBe("");
  });

  it("every kind checks its dates, and only 転出 may be dated after today", () => {
    for (const kind of CHANGE_KINDS) {
      const codes = rulesFor(kind).map((r) => r.code);
      expect(codes[0]).toBe("calendar-dates");
      expect(codes.includes("effective-not-in-future")).toBe(kind !== "moved-out");
    }
  });

  it("a future 異動日 is refused in words that say so, not as a problem of the 記録日", async () => {
    await expect(record(t, moveIn([newcomer()], { effectiveDate: daysFromToday(1), notifiedDate: daysFromToday(0) }))).rejects.toMatchObject({
      code: "effective-not-in-future",
      titleJa: "異動日が未来の日付です。届出の日までに起きた異動だけを記録できます",
    });
  });

  it("a 転出 dated ahead is accepted: it is a 転出予定", async () => {
    const change = await record(t, {
      kind: "moved-out",
      effectiveDate: daysFromToday(7),
      notifiedDate: daysFromToday(0),
      personIds: [withNumber],
      destination: { address: "東京都" },
    });
    expect(change.entries[0]!.after).toMatchObject({ plannedMoveOutDate: daysFromToday(7) });
  });
});

describe("requests naming what is not there", () => {
  it("an unknown person or household answers 404 and writes nothing", async () => {
    const before = await counts(t);
    const unknown = "00000000-0000-4000-8000-000000000000";
    await expect(record(t, { kind: "died", effectiveDate: "2024-05-01", notifiedDate: "2024-05-01", personId: unknown })).rejects.toMatchObject({
      status: 404,
      code: "person-not-found",
      errors: [{ field: "body/personId" }],
    });
    await expect(record(t, moveIn([newcomer()], { householdId: unknown }))).rejects.toMatchObject({ status: 404, code: "household-not-found" });
    await expect(record(t, moveIn([newcomer({ addresseeNumber: "999999999" })]))).rejects.toMatchObject({ status: 404, code: "addressee-not-found" });
    expect(await counts(t)).toEqual(before);
  });

  it("a relationship for someone outside the household, or a person named twice, is refused", async () => {
    const other = await moveInFamily(t, "他世帯", "タセタイ");
    await expect(
      record(t, { kind: "head-changed", effectiveDate: "2024-05-01", notifiedDate: "2024-05-01", householdId: family.householdId, relationships: [{ personId: other.head, relationship: "lodger" }] }),
    ).rejects.toMatchObject({ status: 400, code: "not-a-household-member", errors: [{ field: "body/relationships/0" }] });
    await expect(
      record(t, { kind: "moved-out", effectiveDate: "2024-05-01", notifiedDate: "2024-05-01", personIds: [other.child, other.child], destination: { address: "東京都" } }),
    ).rejects.toMatchObject({ status: 400, code: "person-listed-twice" });
  });
});
