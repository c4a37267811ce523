// 合成住民データ (synthetic residents): fictional persons of a municipality, grouped into
// 世帯 (households) with a 世帯主 (head) and each member's 続柄 (relationship to the head), for the
// demo and for benchmarks. Deterministic: one seed and one as-of date always give the same
// persons. Streaming: households are produced one at a time, so a million persons need no more
// memory than ten.
//
// What makes the data plausible rather than random:
//  - ages follow the pyramid of an ageing coastal town (age-pyramid.ts); a household is drawn
//    from its head's age (young singles, families, elderly couples and widows living alone), as
//    the census tables of households by the head's age show;
//  - a child is at least 18 years younger than each parent in the household and at most 45
//    years younger than its mother; spouses are adults;
//  - names come with their katakana readings, given names fit the birth era, and some family
//    names carry 異体字 (髙, 﨑, 邉, 𠮷) as real registries do (name-readings.ts);
//  - addresses use the municipality's real 町名 with 丁目/番/号 or 番地, some with a 方書
//    (building and room), and a 7-digit postal code (town-areas.ts).
import { SeededRandom, WeightedTable } from "./seeded-random.ts";
import { headOfHouseholdAges, residentAges } from "./age-pyramid.ts";
import {
  FAMILY_NAMES, FAMILY_NAME_VARIANTS, GIVEN_NAMES, LOCAL_FAMILY_NAMES, nameEraOf,
  type NameEntry, type NameEra,
} from "./name-readings.ts";
import { geographyOf, type TownArea } from "./town-areas.ts";

/** Ages are computed on this date unless asOf is given; fixed, so that a seed reproduces. */
export const DEFAULT_AS_OF = "2026-04-01";

export type Sex = "male" | "female";

/** 続柄 (relationship to the head of household), as the 住民票 records it. */
export type Relationship =
  | "head" | "wife" | "husband" | "child" | "father" | "mother" | "grandchild" | "child-wife" | "child-husband";

/**
 * The words printed on a 住民票. The head's own 続柄 reads 世帯主 (住民基本台帳事務処理要領
 * 第2-1-(2)-ア); children of either sex are 子 (the same 要領, since 1995).
 */
export const RELATIONSHIP_LABELS: Readonly<Record<Relationship, string>> = {
  head: "世帯主",
  wife: "妻",
  husband: "夫",
  child: "子",
  father: "父",
  mother: "母",
  grandchild: "孫",
  "child-wife": "子の妻",
  "child-husband": "子の夫",
};

export interface SyntheticPerson {
  /** 1, 2, 3… across the whole stream. */
  personNumber: number;
  householdNumber: number;
  relationship: Relationship;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  sex: Sex;
  /** ISO date (生年月日). */
  birthDate: string;
}

export interface SyntheticAddress {
  postalCode: string;
  prefecture: string;
  /** 郡 + 町村 (e.g. 三浦郡葉山町); null for a tenant whose geography is generic. */
  municipality: string | null;
  /** 町名 or 大字. */
  town: string;
  townKana: string;
  /** 丁目・番・号 or 番地 (e.g. 三丁目5番12号, 2135番地3). */
  block: string;
  /** 方書 (building and room), when the household lives in a flat. */
  building: string | null;
}

export interface SyntheticHousehold {
  tenantId: string;
  householdNumber: number;
  address: SyntheticAddress;
  /** The head first, then the other members. */
  members: SyntheticPerson[];
}

export interface SyntheticOptions {
  tenantId: string;
  /** Exactly this many persons are produced (the last household may be cut short). */
  count: number;
  seed: number;
  /** ISO date on which the ages of the pyramid hold; DEFAULT_AS_OF when absent. */
  asOf?: string;
}

type HouseholdKind =
  | "single"
  | "couple"
  | "couple-with-children"
  | "single-parent"
  | "with-heads-parents"
  | "three-generations"
  | "parent-with-adult-child";

/** Household kinds by the head's age: [up to this age, weights]. Shaped after 国勢調査 2020. */
const KINDS_BY_HEAD_AGE: readonly (readonly [number, WeightedTable<HouseholdKind>])[] = [
  [24, new WeightedTable<HouseholdKind>([["single", 85], ["couple", 7], ["couple-with-children", 6], ["single-parent", 2]])],
  [34, new WeightedTable<HouseholdKind>([
    ["single", 50], ["couple", 15], ["couple-with-children", 29], ["single-parent", 5], ["with-heads-parents", 1],
  ])],
  [49, new WeightedTable<HouseholdKind>([
    ["single", 24], ["couple", 10], ["couple-with-children", 50], ["single-parent", 9], ["with-heads-parents", 7],
  ])],
  [64, new WeightedTable<HouseholdKind>([
    ["single", 24], ["couple", 22], ["couple-with-children", 37], ["single-parent", 8], ["with-heads-parents", 9],
  ])],
  [74, new WeightedTable<HouseholdKind>([
    ["single", 24], ["couple", 44], ["couple-with-children", 16], ["three-generations", 7], ["parent-with-adult-child", 9],
  ])],
  [Infinity, new WeightedTable<HouseholdKind>([
    ["single", 36], ["couple", 34], ["couple-with-children", 6], ["three-generations", 8], ["parent-with-adult-child", 16],
  ])],
];

const CHILDREN_COUNT = new WeightedTable<number>([[1, 45], [2, 43], [3, 12]]);

/** Parents are at least this much older than their children (and the tests hold them to 16). */
const MIN_PARENT_GAP = 18;
/** A mother is at most this much older than her child. */
const MAX_MOTHER_GAP = 45;
const ADULT = 18;

const KANJI_DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"] as const;
const BUILDING_PREFIXES = ["コーポ", "ハイツ", "メゾン", "パレス", "サンハイツ", "グリーンハイツ", "レジデンス", "シーサイド"] as const;

interface Draft {
  relationship: Relationship;
  sex: Sex;
  age: number;
}

const oppositeSex = (sex: Sex): Sex => (sex === "male" ? "female" : "male");

function kindFor(headAge: number, random: SeededRandom): HouseholdKind {
  for (const [upTo, table] of KINDS_BY_HEAD_AGE) if (headAge <= upTo) return table.draw(random);
  return "single";
}

function headSex(kind: HouseholdKind, age: number, random: SeededRandom): Sex {
  switch (kind) {
    case "single":
      // Women outlive men: most elderly people living alone are widows.
      return random.chance(age >= 75 ? 0.68 : age >= 65 ? 0.55 : 0.42) ? "female" : "male";
    case "single-parent":
      return random.chance(0.85) ? "female" : "male";
    case "parent-with-adult-child":
      return random.chance(0.7) ? "female" : "male";
    default:
      // Most married couples register the husband as 世帯主.
      return random.chance(0.93) ? "male" : "female";
  }
}

/** A spouse's age: wives are on average about two years younger than husbands. */
function spouseAge(age: number, sex: Sex, random: SeededRandom): number {
  const husbandMinusWife = random.int(-1, 5) + random.int(-2, 2);
  const delta = sex === "male" ? -husbandMinusWife : husbandMinusWife;
  return Math.min(105, Math.max(ADULT, age + delta));
}

function spouseOf(person: Draft, random: SeededRandom): Draft {
  return {
    relationship: person.sex === "male" ? "wife" : "husband",
    sex: oppositeSex(person.sex),
    age: spouseAge(person.age, person.sex, random),
  };
}

/** Children of the given parents (one or two), each young enough for every parent. */
function children(parents: readonly Draft[], count: number, random: SeededRandom, relationship: Relationship): Draft[] {
  let mother: Draft | undefined;
  let youngest = Infinity;
  for (const p of parents) {
    if (p.sex === "female") mother = p;
    youngest = Math.min(youngest, p.age);
  }
  const lo = mother ? mother.age - MAX_MOTHER_GAP : youngest - 55;
  const hi = youngest - MIN_PARENT_GAP;
  const result: Draft[] = [];
  for (let i = 0; i < count; i++) {
    const age = residentAges.draw(random, lo, hi);
    if (age === null) break;
    result.push({ relationship, sex: random.chance(0.512) ? "male" : "female", age });
  }
  // Older children first, as a registry lists them.
  return result.sort((a, b) => b.age - a.age);
}

function compose(kind: HouseholdKind, headAge: number, random: SeededRandom): Draft[] {
  const head: Draft = { relationship: "head", sex: headSex(kind, headAge, random), age: headAge };
  switch (kind) {
    case "single":
      return [head];
    case "couple":
      return [head, spouseOf(head, random)];
    case "couple-with-children": {
      const spouse = spouseOf(head, random);
      return [head, spouse, ...children([head, spouse], CHILDREN_COUNT.draw(random), random, "child")];
    }
    case "single-parent":
      return [head, ...children([head], random.chance(0.6) ? 1 : 2, random, "child")];
    case "with-heads-parents": {
      const members = [head];
      const spouse = random.chance(0.85) ? spouseOf(head, random) : null;
      if (spouse) members.push(spouse);
      if (random.chance(0.75)) {
        members.push(...children(spouse ? [head, spouse] : [head], CHILDREN_COUNT.draw(random), random, "child"));
      }
      // Often only the mother is still alive: women live longer.
      const which = random.next();
      const lo = headAge + 20;
      const hi = headAge + MAX_MOTHER_GAP;
      if (which < 0.55) {
        const age = residentAges.draw(random, lo, hi + 10);
        if (age !== null) members.push({ relationship: "father", sex: "male", age });
      }
      if (which >= 0.15) {
        const age = residentAges.draw(random, lo, hi);
        if (age !== null) members.push({ relationship: "mother", sex: "female", age });
      }
      return members;
    }
    case "three-generations": {
      const members = [head];
      const spouse = random.chance(0.7) ? spouseOf(head, random) : null;
      if (spouse) members.push(spouse);
      const [child] = children(spouse ? [head, spouse] : [head], 1, random, "child");
      if (!child || child.age < ADULT + 2) return members;
      // A son usually stays on with his wife (子の妻); sometimes a daughter with her husband.
      child.sex = random.chance(0.8) ? "male" : "female";
      const childSpouse: Draft = {
        relationship: child.sex === "male" ? "child-wife" : "child-husband",
        sex: oppositeSex(child.sex),
        age: spouseAge(child.age, child.sex, random),
      };
      members.push(child, childSpouse);
      members.push(...children([child, childSpouse], CHILDREN_COUNT.draw(random), random, "grandchild"));
      return members;
    }
    case "parent-with-adult-child":
      return [head, ...children([head], random.chance(0.8) ? 1 : 2, random, "child")];
  }
}

/** Epoch day (days since 1970-01-01, UTC) of a calendar date. */
function epochDay(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The same calendar date `years` earlier; February 29 becomes February 28 in a common year.
 * 年齢計算ニ関スル法律 with 民法143条: a person born on February 29 turns a year older at the end of
 * February 28 in a common year, so on February 28 they have not yet reached the new age.
 */
function yearsBefore(year: number, month: number, day: number, years: number): number {
  const y = year - years;
  return epochDay(y, month, month === 2 && day === 29 && !isLeapYear(y) ? 28 : day);
}

/** For each age, the first and last birth date (epoch days) of a person of that age on asOf. */
function birthWindows(asOf: string): { first: Int32Array; last: Int32Array } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [NaN, NaN, NaN];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (!match || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError("asOf must be an ISO date (YYYY-MM-DD)");
  }
  const first = new Int32Array(106);
  const last = new Int32Array(106);
  for (let age = 0; age <= 105; age++) {
    last[age] = yearsBefore(year, month, day, age);
    first[age] = yearsBefore(year, month, day, age + 1) + 1;
  }
  return { first, last };
}

function familyNameTable(): WeightedTable<NameEntry> {
  // Frequencies of Japanese family names fall off roughly as a power of their rank.
  const weightOfRank = (rank: number) => 100 / Math.pow(rank, 0.8);
  const weights = new Map<string, number>();
  const entries: [NameEntry, number][] = FAMILY_NAMES.map((entry, i) => {
    weights.set(entry[0], weightOfRank(i + 1));
    return [entry, weightOfRank(i + 1)];
  });
  for (const entry of LOCAL_FAMILY_NAMES) entries.push([entry, weightOfRank(60)]);
  for (const [name, kana, plainForm, share] of FAMILY_NAME_VARIANTS) {
    const plain = weights.get(plainForm);
    if (plain === undefined) throw new Error(`variant ${name} names an unknown plain form`);
    entries.push([[name, kana], plain * share]);
  }
  return new WeightedTable(entries);
}

/**
 * Streams the households of `count` synthetic persons living in the tenant's municipality.
 * The same options always give the same households, member for member.
 */
export function* generatePersons(options: SyntheticOptions): Generator<SyntheticHousehold, void, undefined> {
  const { tenantId, count, seed } = options;
  if (!/^\d{6}$/.test(tenantId)) throw new RangeError("tenantId must be a 6-digit local government code");
  if (!Number.isInteger(count) || count < 0) throw new RangeError("count must be a non-negative integer");
  if (!Number.isInteger(seed)) throw new RangeError("seed must be an integer");
  const windows = birthWindows(options.asOf ?? DEFAULT_AS_OF);
  const geography = geographyOf(tenantId);
  const towns = new WeightedTable<TownArea>(geography.towns.map((t) => [t, t.weight]));
  const familyNames = familyNameTable();
  const random = new SeededRandom(seed, tenantId);
  // Birth dates repeat (106 years hold about 39,000 days); format each day once.
  const firstDay = windows.first[105] as number;
  const isoByDay: (string | undefined)[] = new Array((windows.last[0] as number) - firstDay + 1);
  const isoDate = (day: number): string =>
    (isoByDay[day - firstDay] ??= new Date(day * 86_400_000).toISOString().slice(0, 10));

  let personNumber = 0;
  let householdNumber = 0;
  while (personNumber < count) {
    const headAge = headOfHouseholdAges.draw(random, ADULT, 105) ?? ADULT;
    const kind = kindFor(headAge, random);
    const drafts = compose(kind, headAge, random).slice(0, count - personNumber);
    householdNumber++;
    const [familyName, familyNameKana] = familyNames.draw(random);
    const members: SyntheticPerson[] = [];
    const givenNamesUsed: string[] = [];
    for (const draft of drafts) {
      const first = windows.first[draft.age] as number;
      const birthDay = first + random.int(0, (windows.last[draft.age] as number) - first);
      const birthDate = isoDate(birthDay);
      const era: NameEra = nameEraOf(Number(birthDate.slice(0, 4)));
      const pool = GIVEN_NAMES[draft.sex][era];
      // Parents do not give a child the name of someone already in the household.
      let given = random.pick(pool);
      for (let tries = 0; tries < 5 && givenNamesUsed.includes(given[0]); tries++) given = random.pick(pool);
      givenNamesUsed.push(given[0]);
      members.push({
        personNumber: ++personNumber,
        householdNumber,
        relationship: draft.relationship,
        familyName,
        givenName: given[0],
        familyNameKana,
        givenNameKana: given[1],
        sex: draft.sex,
        birthDate,
      });
    }
    yield {
      tenantId,
      householdNumber,
      address: address(geography.prefecture, geography.municipality, towns.draw(random), kind, headAge, random),
      members,
    };
  }
}

function address(
  prefecture: string, municipality: string | null, town: TownArea, kind: HouseholdKind, headAge: number,
  random: SeededRandom,
): SyntheticAddress {
  const block = town.chome > 0
    ? `${kanjiNumber(random.int(1, town.chome))}丁目${random.int(1, town.maxNumber)}番${random.int(1, 25)}号`
    : `${random.int(1, town.maxNumber)}番地${random.chance(0.45) ? random.int(1, 30) : ""}`;
  // Young people living alone and young families rent flats; older households own houses.
  const flatShare =
    kind === "single" && headAge < 40 ? 0.65
    : kind === "single" ? 0.25
    : (kind === "couple" || kind === "couple-with-children" || kind === "single-parent") && headAge < 45 ? 0.35
    : 0.08;
  const building = random.chance(town.chome > 0 ? Math.min(0.9, flatShare * 1.3) : flatShare)
    ? `${random.pick(BUILDING_PREFIXES)}${town.name} ${random.int(1, 4)}0${random.int(1, 8)}号室`
    : null;
  return { postalCode: town.postalCode, prefecture, municipality, town: town.name, townKana: town.kana, block, building };
}

/** 1…99 in kanji numerals, as 丁目 are written (三丁目, 十二丁目). */
function kanjiNumber(n: number): string {
  if (n <= 10) return KANJI_DIGITS[n] as string;
  const tens = Math.floor(n / 10);
  return `${tens > 1 ? KANJI_DIGITS[tens] : ""}十${KANJI_DIGITS[n % 10]}`;
}

/** Columns of toCsvRows, in order: the table a COPY loads must have these. */
export const SYNTHETIC_CSV_COLUMNS = [
  "tenant_id", "person_number", "household_number", "relationship", "family_name", "given_name",
  "family_name_kana", "given_name_kana", "sex", "birth_date", "postal_code", "town", "block", "building",
] as const;

/** Sex as ISO/IEC 5218 codes (1 male, 2 female), the coding of the 住民記録 standard layouts. */
const SEX_CODE: Readonly<Record<Sex, string>> = { male: "1", female: "2" };

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * One CSV line (RFC 4180, with a trailing newline, no header) per person, in the order of
 * SYNTHETIC_CSV_COLUMNS, for `COPY … FROM … WITH (FORMAT csv)`. An absent 方書 is an empty,
 * unquoted field, which COPY reads as NULL.
 */
export function* toCsvRows(households: Iterable<SyntheticHousehold>): Generator<string, void, undefined> {
  for (const h of households) {
    const a = h.address;
    const place = `${a.postalCode},${csvField(a.town)},${csvField(a.block)},${a.building === null ? "" : csvField(a.building)}`;
    for (const p of h.members) {
      yield `${h.tenantId},${p.personNumber},${p.householdNumber},${p.relationship},${csvField(p.familyName)},${csvField(p.givenName)},${csvField(p.familyNameKana)},${csvField(p.givenNameKana)},${SEX_CODE[p.sex]},${p.birthDate},${place}\n`;
    }
  }
}
