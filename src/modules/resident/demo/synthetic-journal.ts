// 合成異動記録 (a synthetic 異動 journal): the persons and households of the synthetic generator
// (src/platform/demo/synthetic.ts) given a history, as rows of the standard layout
// resident.changes, for the demo registries and for benchmark files of any size.
//
// The history of each household, drawn from its own seeded stream so that one seed gives the
// same journal however many persons are asked for:
//  - a 転入 from another municipality some years ago, of the adults and of the children
//    already born, into the household's address (or, for about one in eight households, into
//    an earlier address in town followed years later by a 転居 to the present one);
//  - a 出生 for every child or grandchild born after the 転入, notified within 14 days
//    (戸籍法 第49条), at the address the household had that day;
//  - for some elderly households a 死亡 in the last five years, notified within 7 days (戸籍法
//    第86条) — a widowed spouse becomes 世帯主 and the other members' 続柄 follow —, and for
//    about three in a hundred households a 転出 of the whole household: both leave 除票;
//  - every 500th household (from the 7th) a 転出 notified a few days before `asOf` for a few
//    weeks after it: a 転出予定.
// Each person's 異動 come in date order; the journal lists households one after another, so a
// million persons stream in constant memory. No 個人番号 is recorded (has_my_number false):
// numbers are stored encrypted per person by the service, which a journal does not carry.
import { DEFAULT_AS_OF, generatePersons, type SyntheticHousehold, type SyntheticPerson } from "../../../platform/demo/synthetic.ts";
import { SeededRandom } from "../../../platform/demo/seeded-random.ts";
import { geographyOf } from "../../../platform/demo/town-areas.ts";
import type { ChangeKind } from "../change-kind.ts";
import type { FieldSet } from "../person-record.ts";
import type { Relationship } from "../relationship.ts";
import type { ChangeRow } from "../layout/change-columns.ts";
import { toChangeRow } from "../layout/journal-export.ts";

export interface SyntheticJournalOptions {
  tenantId: string;
  /** Persons on the registry, 除票 included. */
  persons: number;
  seed: number;
  /** The day the history ends (ages of the generator hold on it); DEFAULT_AS_OF when absent. */
  asOf?: string;
  /** 宛名番号 of the first person; the others follow in order. */
  firstAddresseeNumber?: number;
  /** 世帯番号 of the first household. */
  firstHouseholdNumber?: number;
  /** Who the journal says recorded each 異動. */
  actor?: string;
}

const DAY_MS = 86_400_000;
const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The same date `years` later; February 29 becomes February 28 in a common year. */
function yearsAfter(iso: string, years: number): string {
  const year = Number(iso.slice(0, 4)) + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${String(year).padStart(4, "0")}${iso.slice(4) === "-02-29" && !leap ? "-02-28" : iso.slice(4)}`;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/** An RFC 4122 version-4 UUID from the seeded stream: deterministic, unique in practice. */
function uuidFrom(random: SeededRandom): string {
  const b: number[] = [];
  for (let i = 0; i < 4; i++) {
    const x = (random.next() * 0x1_0000_0000) >>> 0;
    b.push(x >>> 24, (x >>> 16) & 0xff, (x >>> 8) & 0xff, x & 0xff);
  }
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.map((x) => HEX[x]!);
  return `${h[0]}${h[1]}${h[2]}${h[3]}-${h[4]}${h[5]}-${h[6]}${h[7]}-${h[8]}${h[9]}-${h[10]}${h[11]}${h[12]}${h[13]}${h[14]}${h[15]}`;
}

// Where people come from and go to: other municipalities (postal codes from Japan Post's
// 郵便番号データ as recalled for these 町域; demo use only).
const ELSEWHERE: readonly (readonly [address: string, postalCode: string])[] = [
  ["東京都世田谷区太子堂", "1540004"],
  ["東京都杉並区阿佐谷南", "1660004"],
  ["神奈川県横浜市中区山下町", "2310023"],
  ["神奈川県川崎市中原区小杉町", "2110063"],
  ["神奈川県藤沢市鵠沼海岸", "2510037"],
  ["神奈川県鎌倉市由比ガ浜", "2480014"],
  ["神奈川県横須賀市本町", "2380041"],
  ["埼玉県さいたま市浦和区高砂", "3300063"],
  ["千葉県千葉市中央区中央", "2600013"],
  ["静岡県静岡市葵区追手町", "4200853"],
  ["愛知県名古屋市中区栄", "4600008"],
  ["大阪府大阪市北区梅田", "5300001"],
];

/** Relationships of the members who are not descendants of the household: present at the 転入. */
const FOUNDERS: ReadonlySet<Relationship> = new Set<Relationship>(["head", "wife", "husband", "father", "mother", "child-wife", "child-husband"]);

interface Address {
  postalCode: string | null;
  address: string;
  addressLine2: string | null;
}

interface Member {
  person: SyntheticPerson;
  personId: string;
  addresseeNumber: string;
  relationship: Relationship;
}

interface Planned {
  kind: ChangeKind;
  effectiveDate: string;
  notifiedDate: string;
  /** Persons and what the 異動 sets for each. */
  entries: { member: Member; set: FieldSet }[];
}

/** Order of kinds on the same day: one cannot be born before the household has moved in. */
const SAME_DAY_ORDER: Record<string, number> = { "moved-in": 0, born: 1, "address-changed": 2, died: 3, "moved-out": 4 };

function elsewhere(random: SeededRandom): Address {
  const [area, postalCode] = random.pick(ELSEWHERE);
  return { postalCode, address: `${area}${random.int(1, 5)}丁目${random.int(1, 30)}番${random.int(1, 20)}号`, addressLine2: null };
}

/** A different address in the same town: another 丁目・番 or 番地. */
function earlierAddressInTown(tenantId: string, random: SeededRandom): Address {
  const geography = geographyOf(tenantId);
  const town = random.pick(geography.towns);
  const block = town.chome > 0 ? `${random.int(1, town.chome)}丁目${random.int(1, town.maxNumber)}番${random.int(1, 25)}号` : `${random.int(1, town.maxNumber)}番地`;
  return { postalCode: town.postalCode, address: `${geography.prefecture}${geography.municipality ?? ""}${town.name}${block}`, addressLine2: null };
}

function addressOf(h: SyntheticHousehold): Address {
  const a = h.address;
  return { postalCode: a.postalCode, address: `${a.prefecture}${a.municipality ?? ""}${a.town}${a.block}`, addressLine2: a.building };
}

/** The 続柄 of the others when a widowed spouse becomes 世帯主 (the head's parents become in-laws). */
function afterHeadsDeath(relationship: Relationship, headWasMale: boolean): Relationship {
  if (relationship === "father") return headWasMale ? "husband-father" : "wife-father";
  if (relationship === "mother") return headWasMale ? "husband-mother" : "wife-mother";
  return relationship;
}

const clampDay = (day: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, day));

/** The 異動 of one household, in date order. */
function historyOf(h: SyntheticHousehold, members: Member[], asOf: string, random: SeededRandom): { planned: Planned[]; householdId: string } {
  const householdId = uuidFrom(random);
  const today = dayOf(asOf);
  const lastDay = today - 1;
  const home = addressOf(h);
  const founders = members.filter((m) => FOUNDERS.has(m.relationship));
  const adultFrom = Math.max(...founders.map((m) => dayOf(yearsAfter(m.person.birthDate, 18))));
  const earliest = Math.max(adultFrom, dayOf(yearsAfter(asOf, -50)));
  const latest = today - 60;
  const moveIn = earliest >= latest ? clampDay(earliest, 0, lastDay) : random.int(earliest, latest);
  const moveInDate = isoOf(moveIn);
  const noticeAfter = (day: number, maxDelay: number) => isoOf(clampDay(day + random.int(0, maxDelay), day, Math.max(day, lastDay)));

  const moves = moveIn + 365 < latest && random.chance(0.12);
  const moveDay = moves ? random.int(moveIn + 365, latest) : null;
  const first = moves ? earlierAddressInTown(h.tenantId, random) : home;
  const addressOn = (day: number) => (moveDay !== null && day > moveDay ? home : first);

  const a = h.address;
  const domicile = random.chance(0.55)
    ? `${a.prefecture}${a.municipality ?? ""}${a.town}${random.int(1, 3000)}番地`
    : `${random.pick(ELSEWHERE)[0]}${random.int(1, 9)}番`;
  const head = members[0]!;
  const domicileHead = `${head.person.familyName}\u3000${head.person.givenName}`;
  // Every field of the record, written out: a first registration sets them all.
  const registration = (m: Member, address: Address, since: string, previous: Address | null): FieldSet => ({
    familyName: m.person.familyName,
    givenName: m.person.givenName,
    familyNameKana: m.person.familyNameKana,
    givenNameKana: m.person.givenNameKana,
    sex: m.person.sex,
    birthDate: m.person.birthDate,
    householdId,
    relationship: m.relationship,
    postalCode: address.postalCode,
    address: address.address,
    addressLine2: address.addressLine2,
    addressSinceDate: since,
    becameResidentDate: since,
    previousPostalCode: previous?.postalCode ?? null,
    previousAddress: previous?.address ?? null,
    previousAddressLine2: previous?.addressLine2 ?? null,
    registeredDomicile: domicile,
    domicileHead,
    status: "resident",
    removalReason: null,
    removalDate: null,
    plannedMoveOutDate: null,
    destinationPostalCode: null,
    destinationAddress: null,
    destinationAddressLine2: null,
    hasMyNumber: false,
  });

  const planned: Planned[] = [];
  const bornBefore = members.filter((m) => FOUNDERS.has(m.relationship) || dayOf(m.person.birthDate) <= moveIn);
  const previous = elsewhere(random);
  planned.push({
    kind: "moved-in",
    effectiveDate: moveInDate,
    notifiedDate: noticeAfter(moveIn, 14),
    entries: bornBefore.map((m) => ({ member: m, set: registration(m, first, moveInDate, previous) })),
  });
  for (const m of members) {
    if (bornBefore.includes(m)) continue;
    const birth = dayOf(m.person.birthDate);
    planned.push({
      kind: "born",
      effectiveDate: m.person.birthDate,
      notifiedDate: noticeAfter(birth, 14),
      entries: [{ member: m, set: registration(m, addressOn(birth), m.person.birthDate, null) }],
    });
  }
  if (moveDay !== null) {
    const date = isoOf(moveDay);
    planned.push({
      kind: "address-changed",
      effectiveDate: date,
      notifiedDate: noticeAfter(moveDay, 14),
      entries: members
        .filter((m) => dayOf(m.person.birthDate) <= moveDay)
        .map((m) => ({
          member: m,
          set: {
            postalCode: home.postalCode,
            address: home.address,
            addressLine2: home.addressLine2,
            addressSinceDate: date,
            previousPostalCode: first.postalCode,
            previousAddress: first.address,
            previousAddressLine2: first.addressLine2,
          },
        })),
    });
  }
  planned.sort((a, b) => (a.effectiveDate === b.effectiveDate ? SAME_DAY_ORDER[a.kind]! - SAME_DAY_ORDER[b.kind]! : a.effectiveDate < b.effectiveDate ? -1 : 1));

  const lastEvent = dayOf(planned.at(-1)!.effectiveDate);
  const plannedMoveOut = h.householdNumber % 500 === 7;
  if (plannedMoveOut) {
    // 転出予定: notified a few days ago for a move a few weeks ahead (住民基本台帳法 第24条).
    const notified = clampDay(today - random.int(1, 5), lastEvent, lastDay);
    planned.push(moveOut(members, isoOf(today + random.int(10, 40)), isoOf(notified), random));
  } else if (lastEvent + 30 < latest && random.chance(0.03)) {
    const day = random.int(lastEvent + 30, latest);
    planned.push(moveOut(members, isoOf(day), isoOf(clampDay(day - random.int(0, 14), lastEvent, day)), random));
  } else {
    const death = deathOf(members, asOf, random);
    if (death && lastEvent + 1 < latest) {
      const day = random.int(Math.max(lastEvent + 1, today - 5 * 365), latest);
      planned.push(died(members, death, isoOf(day), noticeAfter(day, 7)));
    }
  }
  return { planned, householdId };
}

function moveOut(members: Member[], effectiveDate: string, notifiedDate: string, random: SeededRandom): Planned {
  const destination = elsewhere(random);
  return {
    kind: "moved-out",
    effectiveDate,
    notifiedDate,
    entries: members.map((m) => ({
      member: m,
      set: {
        status: "removed",
        removalReason: "moved-out",
        removalDate: effectiveDate,
        plannedMoveOutDate: effectiveDate,
        destinationPostalCode: destination.postalCode,
        destinationAddress: destination.address,
        destinationAddressLine2: null,
      },
    })),
  };
}

/** Who of an elderly household died, if anyone: the head only when no one or only a spouse would need a new head. */
function deathOf(members: Member[], asOf: string, random: SeededRandom): Member | null {
  const elderly = members.filter((m) => m.person.birthDate <= yearsAfter(asOf, -75));
  if (elderly.length === 0 || !random.chance(0.08)) return null;
  const candidate = random.pick(elderly);
  if (candidate.relationship !== "head") return candidate;
  const spouse = members.some((m) => m.relationship === "wife" || m.relationship === "husband");
  return members.length === 1 || spouse ? candidate : null;
}

function died(members: Member[], who: Member, effectiveDate: string, notifiedDate: string): Planned {
  const entries: Planned["entries"] = [{ member: who, set: { status: "removed", removalReason: "died", removalDate: effectiveDate } }];
  if (who.relationship === "head") {
    const headWasMale = who.person.sex === "male";
    for (const m of members) {
      if (m === who) continue;
      const relationship = m.relationship === "wife" || m.relationship === "husband" ? "head" : afterHeadsDeath(m.relationship, headWasMale);
      if (relationship !== m.relationship) entries.push({ member: m, set: { relationship } });
    }
  }
  return { kind: "died", effectiveDate, notifiedDate, entries };
}

/** A time in office hours on the notified day in Japan, when the clerk recorded it (RFC 3339, UTC). */
function recordedAt(day: string, random: SeededRandom): string {
  const seconds = random.int(8 * 3600 + 30 * 60, 17 * 3600 + 15 * 60);
  return new Date(Date.parse(`${day}T00:00:00+09:00`) + seconds * 1000).toISOString().replace(".000Z", "Z");
}

/**
 * Streams the journal of `persons` synthetic persons as rows of resident.changes, household by
 * household. The same options always give the same rows.
 */
export function* generateJournal(options: SyntheticJournalOptions): Generator<ChangeRow, void, undefined> {
  const asOf = options.asOf ?? DEFAULT_AS_OF;
  const firstAddressee = options.firstAddresseeNumber ?? 1;
  const firstHousehold = options.firstHouseholdNumber ?? 1;
  const actor = options.actor ?? "system:demo";
  for (const h of generatePersons({ tenantId: options.tenantId, count: options.persons, seed: options.seed, asOf })) {
    const random = new SeededRandom(options.seed, `resident-journal:${options.tenantId}:${h.householdNumber}`);
    const members: Member[] = h.members.map((person) => ({
      person,
      personId: uuidFrom(random),
      addresseeNumber: String(firstAddressee + person.personNumber - 1),
      relationship: person.relationship,
    }));
    const { planned } = historyOf(h, members, asOf, random);
    const householdNumber = String(firstHousehold + h.householdNumber - 1);
    for (const change of planned) {
      const changeId = uuidFrom(random);
      const at = recordedAt(change.notifiedDate, random);
      for (const { member, set } of [...change.entries].sort((a, b) => Number(a.member.addresseeNumber) - Number(b.member.addresseeNumber))) {
        const row = toChangeRow({
          change_id: changeId,
          kind: change.kind,
          effective_date: change.effectiveDate,
          notified_date: change.notifiedDate,
          recorded_at: at,
          actor,
          reason: null,
          person_id: member.personId,
          addressee_number: member.addresseeNumber,
          set,
          household_number: householdNumber,
        });
        // 宛名番号 without leading zeros (the layout takes 1–15 digits): a smaller file.
        row.addressee_number = member.addresseeNumber;
        yield row;
      }
    }
  }
}
