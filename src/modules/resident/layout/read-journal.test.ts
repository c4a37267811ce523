import { describe, expect, it } from "vitest";
import type { ChangeRow } from "./change-columns.ts";
import { BIRTH, C, DEATH, H1, HOME, journal, P, registration, row } from "./journal-fixture.ts";
import { JournalReplay } from "./journal-replay.ts";
import { readJournal, type Journal } from "./read-journal.ts";

function accepted(rows: ChangeRow[]): Journal {
  const reading = readJournal(rows);
  if ("errors" in reading) throw new Error(`refused: ${JSON.stringify(reading.errors)}`);
  return reading.journal;
}

function refusals(rows: ChangeRow[]): { row: number; column: string; message: string }[] {
  const reading = readJournal(rows);
  if (!("errors" in reading)) throw new Error("expected the journal to be refused");
  return reading.errors;
}

const HEAD_CHANGE = { id: C(8), kind: "head-changed" as const, effectiveDate: "2025-01-01", notifiedDate: "2025-01-02" };

describe("reading a journal: what the service would have recorded", () => {
  it("keeps only the values an entry changes, as the service does, so a file that repeats unchanged values imports the same journal", () => {
    const move = { id: C(4), kind: "address-changed" as const, effectiveDate: "2024-06-01", notifiedDate: "2024-06-02" };
    const moved = {
      postalCode: HOME.postalCode,
      address: "神奈川県三浦郡葉山町堀内2000番地",
      addressLine2: null,
      addressSinceDate: "2024-06-01",
      previousPostalCode: HOME.postalCode,
      previousAddress: HOME.address,
      previousAddressLine2: HOME.addressLine2,
    };
    // The household that is left (一 and 三; 二 died) moves together.
    const rows = [...journal(), row(move, 1, moved), row(move, 3, moved)];
    const replay = new JournalReplay(accepted(rows));
    const steps = rows.map(() => replay.step());
    expect(Object.keys(steps[4]!.set)).toEqual(["address", "addressLine2", "addressSinceDate", "previousPostalCode", "previousAddress", "previousAddressLine2"]);
    expect(steps[4]!.afterOnDate).toMatchObject({ address: "神奈川県三浦郡葉山町堀内2000番地", addressLine2: null, postalCode: HOME.postalCode });
  });

  it("applies a 職権修正 dated back only to the fields no later 異動 set, as the fold does", () => {
    const rows = [
      ...journal(),
      row({ id: C(4), kind: "name-changed", effectiveDate: "2024-06-01", notifiedDate: "2024-06-01" }, 1, { givenName: "新", givenNameKana: "アラタ" }),
      row({ id: C(5), kind: "ex-officio-correction", effectiveDate: "2020-04-01", notifiedDate: null, reason: "誤記訂正" }, 1, {
        givenNameKana: "イチ",
        domicileHead: "山田　一郎",
      }),
    ];
    const facts = accepted(rows).facts[0]!;
    expect(facts.latest).toMatchObject({ givenName: "新", givenNameKana: "アラタ", domicileHead: "山田　一郎" });
    expect(facts.last).toEqual({ effectiveDate: "2024-06-01", change: 3 });
  });

  it("records each person's residence: began at the registration, ended at the removal", () => {
    const facts = accepted(journal()).facts;
    expect(facts.map((f) => f.residence)).toEqual([
      [{ event: "began", date: "2020-04-01", reason: null }],
      [
        { event: "began", date: "2020-04-01", reason: null },
        { event: "ended", date: "2024-01-10", reason: "died" },
      ],
      [{ event: "began", date: "2021-05-05", reason: null }],
    ]);
  });
});

describe("reading a journal: what it refuses", () => {
  it("a kind setting a field that is not its own: a 転居 does not change a name", () => {
    const rows = [...journal(), row({ id: C(4), kind: "address-changed", effectiveDate: "2024-06-01", notifiedDate: "2024-06-01" }, 1, { familyName: "佐藤" })];
    expect(refusals(rows)).toEqual([{ row: 4, column: "family_name", message: "a address-changed does not set this field for this person" }]);
  });

  it("a first registration that does not set every field, and a registration that leaves a 消除日", () => {
    const partial = registration(4, { relationship: "head", birthDate: "1990-01-01", householdId: "44444444-4444-4444-8444-444444444444" }, "2024-03-01") as Record<string, unknown>;
    delete partial.domicileHead;
    const rows = [
      ...journal(),
      row({ id: C(4), kind: "moved-in", effectiveDate: "2024-03-01", notifiedDate: "2024-03-01" }, 4, partial),
      row({ id: C(5), kind: "moved-in", effectiveDate: "2024-03-01", notifiedDate: "2024-03-01" }, 5, {
        ...registration(5, { relationship: "head", birthDate: "1991-01-01", householdId: "22222222-2222-4222-8222-222222222222" }, "2024-03-01"),
        removalDate: "2024-03-01",
      }),
    ];
    rows[4] = { ...rows[4]!, household_number: "4" };
    rows[5] = { ...rows[5]!, household_number: "2" };
    expect(refusals(rows)).toEqual([
      { row: 4, column: "fields", message: "a person's first 異動 sets every field of the record (fields *)" },
      { row: 5, column: "removal_reason", message: "a registration leaves no 消除事由, 消除日 or 転出予定日 on the record" },
    ]);
  });

  it("a change that leaves a household two 世帯主, and a 出生 into a household without members", () => {
    const rows = [
      ...journal(),
      row(HEAD_CHANGE, 3, { householdId: H1, relationship: "head" }),
      row({ ...BIRTH, id: C(9), effectiveDate: "2025-02-02", notifiedDate: "2025-02-03" }, 6, {
        ...registration(6, { relationship: "child", birthDate: "2025-02-02", householdId: "33333333-3333-4333-8333-333333333333" }, "2025-02-02"),
      }),
    ];
    rows[5] = { ...rows[5]!, household_number: "3" };
    expect(refusals(rows)).toEqual([
      { row: 4, column: "relationship", message: "leaves household 1 with 2 世帯主: a household has exactly one" },
      { row: 5, column: "household_id", message: "the household has no members to join" },
      { row: 5, column: "relationship", message: "leaves household 3 with 0 世帯主: a household has exactly one" },
    ]);
  });

  it("カナ not in katakana, and a 名 without its 名カナ", () => {
    const rows = [...journal(), row({ id: C(4), kind: "name-changed", effectiveDate: "2024-06-01", notifiedDate: "2024-06-01" }, 1, { familyNameKana: "やまだ", givenNameKana: "" })];
    expect(refusals(rows)).toEqual([
      { row: 4, column: "family_name_kana", message: "must be full-width katakana" },
      { row: 4, column: "given_name_kana", message: "is required when there is a 名" },
    ]);
  });

  it("a 異動 whose rows disagree on its own columns, and a person twice in one 異動", () => {
    const rows = journal();
    rows[1] = { ...rows[1]!, effective_date: "2020-04-02" };
    rows.push({ ...rows[3]!, person_id: P(2) });
    expect(refusals(rows)).toEqual([
      { row: 1, column: "effective_date", message: "differs from the first row of the same 異動" },
      { row: 4, column: "person_id", message: "this person has another row in the same 異動" },
    ]);
  });

  it("a 宛名番号 given to two persons, and a 職権 異動 without its reason", () => {
    const rows = journal();
    rows[2] = { ...rows[2]!, addressee_number: "000000000000001" };
    rows[3] = { ...rows[3]!, kind: "ex-officio-erasure", notified_date: null, reason: null };
    expect(refusals(rows)).toEqual([
      { row: 2, column: "addressee_number", message: "belongs to another person_id in this file: one person per 宛名番号" },
      { row: 3, column: "reason", message: "a 職権 異動 needs its reason" },
    ]);
  });

  it("a removal that is not the 異動's own: a 死亡 recorded as 転出, or dated on another day", () => {
    const rows = journal();
    rows[3] = row(DEATH, 2, { status: "removed", removalReason: "moved-out", removalDate: "2024-01-09" });
    expect(refusals(rows)).toEqual([
      { row: 3, column: "removal_reason", message: "must be died for a died" },
      { row: 3, column: "removal_date", message: "must be the 異動日" },
    ]);
  });
});
