import crypto from "node:crypto";
import v8 from "node:v8";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  generatePersons, RELATIONSHIP_LABELS, SYNTHETIC_CSV_COLUMNS, toCsvRows,
  type SyntheticHousehold, type SyntheticOptions,
} from "./synthetic.ts";
import { DEMO_GEOGRAPHY } from "./town-areas.ts";

const AS_OF = "2026-04-01";
const KATAKANA = /^[\u30A1-\u30FA\u30FC]+$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Age on a date under 年齢計算ニ関スル法律: a February 29 birthday falls on March 1 in common years. */
function ageOn(birthDate: string, asOf: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = asOf.split("-").map(Number) as [number, number, number];
  const [birthdayMonth, birthdayDay] = bm === 2 && bd === 29 && !isLeapYear(y) ? [3, 1] : [bm, bd];
  return y - by - (m < birthdayMonth || (m === birthdayMonth && d < birthdayDay) ? 1 : 0);
}

/** The date `years` after an ISO date, as a string that sorts like the date. */
function yearsAfter(isoDate: string, years: number): string {
  return `${Number(isoDate.slice(0, 4)) + years}${isoDate.slice(4)}`;
}

function digest(options: SyntheticOptions): string {
  const hash = crypto.createHash("sha256");
  for (const row of toCsvRows(generatePersons(options))) hash.update(row);
  return hash.digest("hex");
}

/** What one pass over 100,000 persons of 葉山町 shows; violations are kept as examples. */
interface Survey {
  persons: number;
  households: number;
  personNumbersInOrder: boolean;
  householdsWithoutExactlyOneHeadFirst: number;
  parentGapViolations: string[];
  minorSpouses: number;
  nonKatakanaReadings: string[];
  february29: string[];
  invalidDates: string[];
  aged65OrOver: number;
  under15: number;
  outOfRangeAges: number;
  familyNameCharacters: Set<string>;
  badPostalCodes: string[];
  membersWithAnotherFamilyName: number;
  withBuilding: number;
  sizes: Map<number, number>;
}

function survey(households: Iterable<SyntheticHousehold>, asOf: string): Survey {
  const s: Survey = {
    persons: 0, households: 0, personNumbersInOrder: true, householdsWithoutExactlyOneHeadFirst: 0,
    parentGapViolations: [], minorSpouses: 0, nonKatakanaReadings: [], february29: [], invalidDates: [],
    aged65OrOver: 0, under15: 0, outOfRangeAges: 0, familyNameCharacters: new Set(), badPostalCodes: [],
    membersWithAnotherFamilyName: 0, withBuilding: 0, sizes: new Map(),
  };
  const olderBy16 = (parent: { birthDate: string } | undefined, child: { birthDate: string }, what: string) => {
    if (parent && yearsAfter(parent.birthDate, 16) > child.birthDate) s.parentGapViolations.push(what);
  };
  for (const h of households) {
    s.households++;
    s.sizes.set(h.members.length, (s.sizes.get(h.members.length) ?? 0) + 1);
    if (!/^\d{7}$/.test(h.address.postalCode)) s.badPostalCodes.push(h.address.postalCode);
    if (h.address.building) s.withBuilding++;
    const heads = h.members.filter((m) => m.relationship === "head");
    const head = h.members[0];
    if (heads.length !== 1 || head?.relationship !== "head") s.householdsWithoutExactlyOneHeadFirst++;
    const spouse = h.members.find((m) => m.relationship === "wife" || m.relationship === "husband");
    const childGeneration = h.members.filter((m) => ["child", "child-wife", "child-husband"].includes(m.relationship));
    for (const m of h.members) {
      s.persons++;
      if (m.personNumber !== s.persons) s.personNumbersInOrder = false;
      for (const ch of m.familyName) s.familyNameCharacters.add(ch);
      if (m.familyName !== head?.familyName) s.membersWithAnotherFamilyName++;
      for (const kana of [m.familyNameKana, m.givenNameKana]) if (!KATAKANA.test(kana)) s.nonKatakanaReadings.push(kana);
      const parsed = new Date(`${m.birthDate}T00:00:00Z`);
      if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== m.birthDate) s.invalidDates.push(m.birthDate);
      if (m.birthDate.endsWith("-02-29")) s.february29.push(m.birthDate);
      const age = ageOn(m.birthDate, asOf);
      if (age < 0 || age > 105) s.outOfRangeAges++;
      if (age >= 65) s.aged65OrOver++;
      if (age < 15) s.under15++;
      switch (m.relationship) {
        case "child":
          olderBy16(head, m, "head/child");
          olderBy16(spouse, m, "spouse/child");
          break;
        case "father":
        case "mother":
          if (head) olderBy16(m, head, "parent/head");
          break;
        case "grandchild":
          for (const parent of childGeneration) olderBy16(parent, m, "child/grandchild");
          break;
        case "wife":
        case "husband":
        case "child-wife":
        case "child-husband":
          if (age < 18) s.minorSpouses++;
          break;
      }
    }
  }
  return s;
}

describe("synthetic residents (合成住民データ) of a demo town", () => {
  let hayama: Survey;

  beforeAll(() => {
    hayama = survey(generatePersons({ tenantId: "143014", count: 100_000, seed: 42, asOf: AS_OF }), AS_OF);
  });

  it("produces exactly the persons asked for, numbered 1…count in stream order", () => {
    expect(hayama.persons).toBe(100_000);
    expect(hayama.personNumbersInOrder).toBe(true);
    expect(hayama.households).toBeGreaterThan(30_000);
    expect(hayama.households).toBeLessThan(60_000);
  });

  it("every household has exactly one head of household (世帯主), listed first", () => {
    expect(hayama.householdsWithoutExactlyOneHeadFirst).toBe(0);
  });

  it("parents are at least 16 years older than their children, and grandparents than parents", () => {
    expect(hayama.parentGapViolations).toEqual([]);
  });

  it("spouses are adults", () => {
    expect(hayama.minorSpouses).toBe(0);
  });

  it("household sizes look like a Japanese town: many singles and couples, few large households", () => {
    const share = (size: number) => (hayama.sizes.get(size) ?? 0) / hayama.households;
    expect(share(1)).toBeGreaterThan(0.2);
    expect(share(2)).toBeGreaterThan(0.2);
    expect(share(1) + share(2)).toBeLessThan(0.75);
    expect(share(3) + share(4)).toBeGreaterThan(0.15);
    const sixOrMore = [...hayama.sizes].filter(([size]) => size >= 6).reduce((n, [, count]) => n + count, 0);
    expect(sixOrMore / hayama.households).toBeLessThan(0.05);
  });

  it("readings (フリガナ) are katakana only", () => {
    expect(hayama.nonKatakanaReadings).toEqual([]);
  });

  it("February 29 birth dates occur, and only in leap years", () => {
    expect(hayama.february29.length).toBeGreaterThan(0);
    expect(hayama.february29.filter((d) => !isLeapYear(Number(d.slice(0, 4))))).toEqual([]);
  });

  it("every birth date is a real calendar date, and every age lies between 0 and 105", () => {
    expect(hayama.invalidDates).toEqual([]);
    expect(hayama.outOfRangeAges).toBe(0);
  });

  it("ages fit an ageing town's pyramid: 25–45% aged 65 or over, 8–16% under 15", () => {
    expect(hayama.aged65OrOver / hayama.persons).toBeGreaterThan(0.25);
    expect(hayama.aged65OrOver / hayama.persons).toBeLessThan(0.45);
    expect(hayama.under15 / hayama.persons).toBeGreaterThan(0.08);
    expect(hayama.under15 / hayama.persons).toBeLessThan(0.16);
  });

  it("some family names carry the 異体字 registries must reproduce: 髙, 﨑, 邉, 邊 and 𠮷 (U+20BB7)", () => {
    for (const ch of ["髙", "﨑", "邉", "邊", "\u{20BB7}"]) expect(hayama.familyNameCharacters).toContain(ch);
  });

  it("members of a household share the head's family name", () => {
    expect(hayama.membersWithAnotherFamilyName).toBe(0);
  });

  it("all postal codes have seven digits, and some households live in flats (方書)", () => {
    expect(hayama.badPostalCodes).toEqual([]);
    expect(hayama.withBuilding / hayama.households).toBeGreaterThan(0.05);
    expect(hayama.withBuilding / hayama.households).toBeLessThan(0.5);
  });
});

describe("addresses in the tenant's municipality", () => {
  it.each(Object.entries(DEMO_GEOGRAPHY))("a household of %s lives in one of its real 町名 with its postal code", (tenantId, geography) => {
    const byName = new Map(geography.towns.map((t) => [t.name, t.postalCode]));
    for (const h of generatePersons({ tenantId, count: 2_000, seed: 3, asOf: AS_OF })) {
      expect(h.address.municipality).toBe(geography.municipality);
      expect(byName.get(h.address.town)).toBe(h.address.postalCode);
      expect(h.address.block).toMatch(/^([一二三四五六七八九十]+丁目\d+番\d+号|\d+番地\d*)$/);
    }
  });

  it("a tenant with no known geography gets generic 町名 with 7-digit codes of its prefecture's area", () => {
    for (const h of generatePersons({ tenantId: "131016", count: 2_000, seed: 3, asOf: AS_OF })) {
      expect(h.address.prefecture).toBe("東京都");
      expect(h.address.municipality).toBeNull();
      expect(h.address.postalCode).toMatch(/^100\d{4}$/);
    }
  });
});

describe("determinism and streaming", () => {
  it("the same seed and as-of date give identical persons", () => {
    const options = { tenantId: "143219", count: 20_000, seed: 7, asOf: AS_OF };
    expect(digest(options)).toBe(digest(options));
  });

  it("different seeds, and different tenants with one seed, give different persons", () => {
    const base = { tenantId: "143219", count: 5_000, seed: 7, asOf: AS_OF };
    expect(digest({ ...base, seed: 8 })).not.toBe(digest(base));
    expect(digest({ ...base, tenantId: "143413" })).not.toBe(digest(base));
  });

  it("the default as-of date is fixed, so that a seed alone reproduces the persons", () => {
    expect(digest({ tenantId: "143421", count: 3_000, seed: 1 })).toBe(digest({ tenantId: "143421", count: 3_000, seed: 1 }));
  });

  it("yields the first household without generating the rest, even when asked for a trillion persons", () => {
    const first = generatePersons({ tenantId: "143421", count: 1e12, seed: 1 }).next();
    expect(first.done).toBe(false);
    expect(first.value?.members[0]?.personNumber).toBe(1);
  });

  it("100,000 persons stream through in constant memory", () => {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    let persons = 0;
    let heapAt10k = 0;
    let heapAt100k = 0;
    for (const h of generatePersons({ tenantId: "143014", count: 100_000, seed: 5, asOf: AS_OF })) {
      const before = persons;
      persons += h.members.length;
      if (before < 10_000 && persons >= 10_000) {
        gc();
        heapAt10k = process.memoryUsage().heapUsed;
      }
      if (persons === 100_000) {
        gc();
        heapAt100k = process.memoryUsage().heapUsed;
      }
    }
    expect(persons).toBe(100_000);
    // Keeping the 90,000 persons in between would take about 20 MB; the only growth
    // allowed is the bounded cache of formatted birth dates (at most 106 × 366 strings).
    expect(heapAt100k - heapAt10k).toBeLessThan(8 * 1024 * 1024);
  });
});

describe("CSV rows for COPY", () => {
  it("one row per person, with the declared columns, and an empty field for no 方書", () => {
    const households = [...generatePersons({ tenantId: "143014", count: 500, seed: 9, asOf: AS_OF })];
    const rows = [...toCsvRows(households)];
    expect(rows).toHaveLength(500);
    const persons = households.flatMap((h) => h.members.map((m) => ({ h, m })));
    rows.forEach((row, i) => {
      const { h, m } = persons[i]!;
      const fields = row.replace(/\n$/, "").split(",");
      expect(fields).toHaveLength(SYNTHETIC_CSV_COLUMNS.length);
      const record = Object.fromEntries(SYNTHETIC_CSV_COLUMNS.map((c, j) => [c, fields[j]]));
      expect(record).toEqual({
        tenant_id: "143014", person_number: String(m.personNumber), household_number: String(h.householdNumber),
        relationship: m.relationship, family_name: m.familyName, given_name: m.givenName,
        family_name_kana: m.familyNameKana, given_name_kana: m.givenNameKana, sex: m.sex === "male" ? "1" : "2",
        birth_date: m.birthDate, postal_code: h.address.postalCode, town: h.address.town, block: h.address.block,
        building: h.address.building ?? "",
      });
    });
  });

  it("every relationship has the word a 住民票 prints, 世帯主 for the head", () => {
    expect(RELATIONSHIP_LABELS.head).toBe("世帯主");
    expect(RELATIONSHIP_LABELS["child-wife"]).toBe("子の妻");
  });
});

describe("bad options", () => {
  it.each([
    [{ tenantId: "14301", count: 1, seed: 1 }, /tenantId/],
    [{ tenantId: "143014", count: -1, seed: 1 }, /count/],
    [{ tenantId: "143014", count: 1, seed: 1.5 }, /seed/],
    [{ tenantId: "143014", count: 1, seed: 1, asOf: "2025-02-29" }, /asOf/],
    [{ tenantId: "993014", count: 1, seed: 1 }, /prefecture/],
  ])("%o is refused", (options, message) => {
    expect(() => generatePersons(options).next()).toThrow(message);
  });
});
