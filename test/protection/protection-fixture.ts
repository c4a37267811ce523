// The 支援措置 tests' town: a victim (鈴木 花子) and her child living at an address nobody may
// learn, under a measure against her former husband (山田 太郎, also in town); a second family
// (田中) where only the wife is protected, so that a certificate for the husband that would
// print her must be refused; and staff for every part of the flow.
import type { FastifyInstance } from "fastify";
import { createTestPlatform, type TestPlatform } from "../support/platform.ts";
import { addStaff, addTenants, PASSWORD, TOWN_A } from "../support/fixtures.ts";
import { login, type Session } from "../support/http.ts";
import type { Role } from "../../src/platform/contract.ts";
import { formatAddresseeNumber } from "../../src/platform/addressee/addressee-number.ts";
import { todayInJapan } from "../../src/platform/addressee/calendar-date.ts";
import { residentModule } from "../../src/modules/resident/index.ts";
import { recordChange, RESIDENT_MODULE_ID } from "../../src/modules/resident/service.ts";
import type { ChangeRequest, PersonInputType } from "../../src/modules/resident/api-schemas.ts";
import type { ChangeView } from "../../src/modules/resident/change-view.ts";

export const SECRET = { postalCode: "2400111", address: "神奈川県三浦郡葉山町一色九九九番地", addressLine2: "秘匿荘二〇二号" };
export const SECRET_NEXT = { postalCode: "0600001", address: "北海道札幌市中央区北一条西九九九番地" };
const HAYAMA = { postalCode: "2400112", address: "神奈川県三浦郡葉山町堀内1000番地" };
const TANAKA_HOME = { postalCode: "2400113", address: "神奈川県三浦郡葉山町長柄5番地" };
const EARLIER = { postalCode: "1600022", address: "東京都新宿区新宿1丁目1番地" };

export function daysFromToday(days: number): string {
  const [y, m, d] = todayInJapan().split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function person(p: Partial<PersonInputType> & Pick<PersonInputType, "familyName" | "givenName" | "familyNameKana" | "givenNameKana">): PersonInputType {
  return { sex: "female", birthDate: "1990-05-05", relationship: "head", ...p };
}

export interface ProtectionTown {
  t: TestPlatform;
  app: FastifyInstance;
  /** 宛名番号 (15 digits). */
  victim: string;
  child: string;
  adversary: string;
  tanaka: string;
  tanakaWife: string;
  /** person ids */
  victimPersonId: string;
  childPersonId: string;
  tanakaPersonId: string;
  victimHouseholdId: string;
  measureId: string;
  sessions: Record<"clerk" | "clerk2" | "supervisor" | "shien" | "all", Session>;
}

const MODULE_ROLES = (roles: Role[]) => ({ [RESIDENT_MODULE_ID]: roles, addressee: roles, platform: roles });

export async function createProtectionTown(): Promise<ProtectionTown> {
  const t = await createTestPlatform();
  await addTenants(t.db);
  const actor = "staff:test-clerk";
  const record = (request: ChangeRequest): Promise<ChangeView> =>
    t.db.withTenant(TOWN_A.id, (tx) => recordChange(tx, { platform: t.platform, vault: residentModule.vault }, request, { actor }), actor);
  const movedIn = (persons: PersonInputType[], address: typeof HAYAMA & { addressLine2?: string }) =>
    record({ kind: "moved-in", effectiveDate: "2025-04-01", notifiedDate: "2025-04-03", address, previousAddress: EARLIER, persons });

  const yamada = await movedIn([person({ familyName: "山田", givenName: "太郎", familyNameKana: "ヤマダ", givenNameKana: "タロウ", sex: "male", birthDate: "1985-01-10" })], HAYAMA);
  const suzuki = await movedIn(
    [
      person({ familyName: "鈴木", givenName: "花子", familyNameKana: "スズキ", givenNameKana: "ハナコ" }),
      person({ familyName: "鈴木", givenName: "一郎", familyNameKana: "スズキ", givenNameKana: "イチロウ", sex: "male", birthDate: "2015-06-06", relationship: "child" }),
    ],
    SECRET,
  );
  const tanaka = await movedIn(
    [
      person({ familyName: "田中", givenName: "誠", familyNameKana: "タナカ", givenNameKana: "マコト", sex: "male", birthDate: "1970-03-03" }),
      person({ familyName: "田中", givenName: "幸子", familyNameKana: "タナカ", givenNameKana: "サチコ", birthDate: "1972-04-04", relationship: "wife" }),
    ],
    TANAKA_HOME,
  );
  const [victimEntry, childEntry] = suzuki.entries;
  // A 転出予定: 転出証明書 applies, and it would print where they are going.
  await record({
    kind: "moved-out",
    effectiveDate: daysFromToday(20),
    notifiedDate: todayInJapan(),
    personIds: [victimEntry!.personId, childEntry!.personId],
    destination: SECRET_NEXT,
  } as ChangeRequest);

  const staff = async (loginId: string, roles: Record<string, Role[]>) => {
    await addStaff(t.db, TOWN_A.id, loginId, roles);
  };
  await staff("clerk", MODULE_ROLES(["write", "issue"]));
  await staff("clerk2", MODULE_ROLES(["write", "issue"]));
  await staff("supervisor", { ...MODULE_ROLES(["admin"]), protection: ["admin"] });
  await staff("shien", { ...MODULE_ROLES(["read"]), protection: ["write"] });
  await staff("all", MODULE_ROLES(["admin"]));
  const app = await t.app();
  const sessions = {
    clerk: await login(app, "clerk", PASSWORD, TOWN_A.id),
    clerk2: await login(app, "clerk2", PASSWORD, TOWN_A.id),
    supervisor: await login(app, "supervisor", PASSWORD, TOWN_A.id),
    shien: await login(app, "shien", PASSWORD, TOWN_A.id),
    all: await login(app, "all", PASSWORD, TOWN_A.id),
  };
  const n = (v: ChangeView, i: number) => formatAddresseeNumber(v.entries[i]!.addresseeNumber);
  const town = {
    t,
    app,
    victim: n(suzuki, 0),
    child: n(suzuki, 1),
    adversary: n(yamada, 0),
    tanaka: n(tanaka, 0),
    tanakaWife: n(tanaka, 1),
    victimPersonId: victimEntry!.personId,
    childPersonId: childEntry!.personId,
    tanakaPersonId: tanaka.entries[0]!.personId,
    victimHouseholdId: String(victimEntry!.after.householdId),
    measureId: "",
    sessions,
  };
  const created = await sessions.shien.request({
    method: "POST",
    url: "/api/protection/measures",
    payload: {
      kind: "dv",
      applicantNumber: town.victim,
      withNumbers: [town.child],
      adversaries: [{ addresseeNumber: town.adversary, relation: "元配偶者" }],
      acceptedOn: todayInJapan(),
      reason: "配偶者暴力相談支援センターの意見あり",
    },
  });
  if (created.statusCode !== 201) throw new Error(`measure not created: ${created.body}`);
  town.measureId = created.json().measureId as string;
  const second = await sessions.shien.request({
    method: "POST",
    url: "/api/protection/measures",
    payload: { kind: "stalking", applicantNumber: town.tanakaWife, acceptedOn: todayInJapan(), reason: "警察署の意見あり" },
  });
  if (second.statusCode !== 201) throw new Error(`measure not created: ${second.body}`);
  return town;
}

export const PURPOSE = { "x-kyodo-purpose": encodeURIComponent("窓口での住民票確認") };
