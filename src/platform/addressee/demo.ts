// デモ用の住登外者 (demo 住登外者): the addressees a demo municipality knows without them being
// residents — landowners who live in other cities (固定資産税), some with a 納税管理人 in town as
// their tax 送付先, guardians (成年後見人) who receive notices for someone else, a former resident
// who still owes tax, a few local companies with 法人番号 (法人住民税), and one landowner entered
// twice so that the 名寄せ screen has a candidate to show. All people and companies are
// fictional; the 法人番号 are made up with a valid check digit. Seeded: one seed gives each
// tenant the same addressees every time.
import type { Platform } from "../contract.ts";
import { corporateNumberCheckDigit } from "../../lib/corporate-number.ts";
import { SeededRandom } from "../demo/seeded-random.ts";
import { FAMILY_NAMES, GIVEN_NAMES, nameEraOf, type NameEntry } from "../demo/name-readings.ts";
import { geographyOf } from "../demo/town-areas.ts";
import type { AddresseeState, Sex } from "./addressee.ts";
import { addMailing } from "./mailing.ts";
import { registerNonResident } from "./register.ts";
import type { AddresseeFields } from "./validation.ts";

// Town areas of other cities where non-resident landowners live. Postal codes recalled from
// Japan Post's 郵便番号データ (KEN_ALL.CSV) for these 町域; demo use only.
const ELSEWHERE: readonly (readonly [address: string, postalCode: string])[] = [
  ["東京都世田谷区太子堂", "1540004"],
  ["東京都杉並区阿佐谷南", "1660004"],
  ["東京都練馬区豊玉北", "1760012"],
  ["神奈川県横浜市中区山下町", "2310023"],
  ["神奈川県川崎市中原区小杉町", "2110063"],
  ["神奈川県藤沢市鵠沼海岸", "2510037"],
  ["神奈川県鎌倉市由比ガ浜", "2480014"],
  ["埼玉県さいたま市浦和区高砂", "3300063"],
  ["千葉県千葉市中央区中央", "2600013"],
  ["愛知県名古屋市中区栄", "4600008"],
  ["大阪府大阪市北区梅田", "5300001"],
  ["北海道札幌市中央区北一条西", "0600001"],
];

const COMPANIES: readonly (readonly [name: string, kana: string, registryKind: string])[] = [
  ["株式会社かもめ不動産", "カブシキガイシャ カモメフドウサン", "01"],
  ["有限会社しおかぜ造園", "ユウゲンガイシャ シオカゼゾウエン", "02"],
  ["合同会社なぎさ設計", "ゴウドウガイシャ ナギサセッケイ", "03"],
  ["一般社団法人みなと文化協会", "イッパンシャダンホウジン ミナトブンカキョウカイ", "05"],
];

const LANDOWNERS = 30;
const WITH_TAX_ADMINISTRATOR = 5;
const DEMO_AS_OF_YEAR = 2026;

function pickName(random: SeededRandom, sex: Sex, birthYear: number): { name: string; nameKana: string } {
  const family: NameEntry = random.pick(FAMILY_NAMES);
  const given: NameEntry = random.pick(GIVEN_NAMES[sex][nameEraOf(birthYear)]);
  return { name: `${family[0]}\u3000${given[0]}`, nameKana: `${family[1]}\u3000${given[1]}` };
}

function birthDate(random: SeededRandom, fromYear: number, toYear: number): string {
  const year = random.int(fromYear, toYear);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function elsewhere(random: SeededRandom): { postalCode: string; address: string } {
  const [area, postalCode] = random.pick(ELSEWHERE);
  return { postalCode, address: `${area}${random.int(1, 4)}丁目${random.int(1, 30)}番${random.int(1, 20)}号` };
}

function inTown(random: SeededRandom, tenantId: string): { postalCode: string; address: string } {
  const geography = geographyOf(tenantId);
  const town = random.pick(geography.towns);
  const block = town.chome > 0 ? `${random.int(1, town.chome)}丁目${random.int(1, town.maxNumber)}番${random.int(1, 25)}号` : `${random.int(1, town.maxNumber)}番地`;
  return { postalCode: town.postalCode, address: `${geography.prefecture}${geography.municipality ?? ""}${town.name}${block}` };
}

function person(random: SeededRandom, fromYear: number, toYear: number): AddresseeFields {
  const sex: Sex = random.chance(0.5) ? "male" : "female";
  const born = birthDate(random, fromYear, toYear);
  return { kind: "person", ...pickName(random, sex, Number(born.slice(0, 4))), sex, birthDate: born };
}

/** A made-up 法人番号 with a valid check digit: 登記所 0210, the company kind, a serial. */
function corporateNumber(random: SeededRandom, registryKind: string): string {
  const base = `0210${registryKind}${String(random.int(1, 999_999)).padStart(6, "0")}`;
  return `${corporateNumberCheckDigit(base)}${base}`;
}

/**
 * Registers the demo 住登外者 and organisations of one tenant (idempotence is the caller's: call
 * once, when the demo is first seeded). Returns the numbers created.
 */
export async function seedAddresseeDemo(platform: Platform, tenantId: string, seed: number): Promise<string[]> {
  const random = new SeededRandom(seed, `addressee:${tenantId}`);
  const { events } = platform;
  return platform.db.withTenant(
    tenantId,
    async (tx) => {
      const created: AddresseeState[] = [];
      const register = async (fields: AddresseeFields, reason: string) => {
        const state = await registerNonResident(tx, events, fields, { reason });
        created.push(state);
        return state;
      };

      for (let i = 0; i < LANDOWNERS; i++) {
        const owner = await register(
          { ...person(random, 1932, 1992), ...elsewhere(random), knownAs: "landowner", knownAsNote: "町内に土地・家屋を所有" },
          "固定資産税の課税のため (デモデータ)",
        );
        if (i < WITH_TAX_ADMINISTRATOR) {
          const administrator = person(random, 1950, 1985);
          await addMailing(
            tx,
            events,
            owner.number,
            {
              business: "tax",
              validFrom: `${DEMO_AS_OF_YEAR - random.int(1, 8)}-04-01`,
              recipientName: administrator.name,
              recipientKana: administrator.nameKana,
              recipientRole: "納税管理人",
              ...inTown(random, tenantId),
            },
            "納税管理人申告書による (デモデータ)",
          );
        }
      }

      // The first landowner, entered a second time by another section that typed the カナ in
      // hiragana: the same person to the 名寄せ check (same normalised カナ and birth date).
      const first = created[0]!;
      await register(
        {
          kind: "person",
          name: first.name,
          nameKana: first.nameKana.replace(/[\u30A1-\u30F6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60)),
          birthDate: first.birthDate,
          sex: first.sex,
          ...elsewhere(random),
          knownAs: "creditor",
          knownAsNote: "用地買収の支払先",
        },
        "用地取得事務 (デモデータ)",
      );

      for (let i = 0; i < 2; i++) {
        await register(
          { ...person(random, 1955, 1985), ...elsewhere(random), knownAs: "guardian", knownAsNote: "成年後見人 (家庭裁判所の審判による)" },
          "後見登記による (デモデータ)",
        );
      }
      await register(
        { ...person(random, 1970, 1998), ...elsewhere(random), knownAs: "former-resident", knownAsNote: "転出後の住民税未納" },
        "滞納整理のため (デモデータ)",
      );

      for (const [name, nameKana, registryKind] of COMPANIES) {
        await register(
          {
            kind: "organisation",
            name,
            nameKana,
            corporateNumber: corporateNumber(random, registryKind),
            ...inTown(random, tenantId),
            knownAs: "taxpayer",
            knownAsNote: "法人住民税",
          },
          "法人設立届出書による (デモデータ)",
        );
      }
      return created.map((s) => s.number);
    },
    "system:demo",
  );
}
