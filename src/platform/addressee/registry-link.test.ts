import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestPlatform } from "../../../test/support/platform.ts";
import { TOWN_A } from "../../../test/support/fixtures.ts";
import type { Tx } from "../db/database.ts";
import { createAddresseeTestPlatform } from "./addressee-test-support.ts";
import { createRegistryLink, type RegistryLink } from "./registry-link.ts";
import { registerNonResident } from "./register.ts";
import { getAddressee } from "./read.ts";
import { listChanges } from "./history.ts";
import { mergeAddressees } from "./merge.ts";

let t: TestPlatform;
let registry: RegistryLink;

beforeAll(async () => {
  t = await createAddresseeTestPlatform();
  registry = createRegistryLink(t.platform.events);
});
afterAll(() => t.close());

const inA = <T>(fn: (tx: Tx) => Promise<T>) => t.db.withTenant(TOWN_A.id, fn, "staff:test-clerk");
const count = async (sql: string, values: unknown[] = []) => Number((await t.db.owner.query(sql, values)).rows[0].n);

async function nonResident(name: string, nameKana: string, birthDate: string) {
  return inA((tx) =>
    registerNonResident(tx, t.platform.events, {
      kind: "person",
      name,
      nameKana,
      birthDate,
      postalCode: "2310023",
      address: "神奈川県横浜市中区山下町1番地",
      knownAs: "landowner",
    }),
  );
}

const town = { postalCode: "2400111", address: "神奈川県三浦郡葉山町一色100番地" };

describe("転入 of a known 住登外者 (registry link)", () => {
  it("finds the 住登外者 as a candidate by カナ (any width) and birth date, and no one else", async () => {
    const known = await nonResident("鈴木 一郎", "スズキ イチロウ", "1975-03-10");
    await nonResident("鈴木 一郎", "スズキ イチロウ", "1975-03-11");
    const candidates = await inA((tx) => registry.findMoveInCandidates(tx, { kanaName: "ｽｽﾞｷ ｲﾁﾛｳ", birthDate: "1975-03-10" }));
    expect(candidates).toEqual([expect.objectContaining({ number: known.number, knownAs: "landowner", residentUntil: null })]);
    expect(await inA((tx) => registry.findMoveInCandidates(tx, { kanaName: "スズキ ジロウ", birthDate: "1975-03-10" }))).toEqual([]);
  });

  it("linking reuses the 宛名番号, makes the person a resident from the 異動日 and keeps the history", async () => {
    const known = await nonResident("田村 花", "タムラ ハナ", "1990-08-08");
    const addresseesBefore = await count("SELECT count(*) AS n FROM addressee");
    const linked = await inA((tx) =>
      registry.registerResident(tx, {
        addresseeNumber: known.number,
        name: "田村 花",
        nameKana: "タムラ ハナ",
        birthDate: "1990-08-08",
        sex: "female",
        ...town,
        since: "2026-04-01",
        reason: "転入届",
      }),
    );
    expect(linked).toEqual({ number: known.number, created: false });
    expect(await count("SELECT count(*) AS n FROM addressee")).toBe(addresseesBefore);
    await inA(async (tx) => {
      const before = await getAddressee(tx, known.number, { asOf: "2026-03-31" });
      const after = await getAddressee(tx, known.number, { asOf: "2026-04-01" });
      expect(before?.residence).toEqual({ isResident: false, since: null, until: null, endReason: null });
      expect(before?.address.address).toBe("神奈川県横浜市中区山下町1番地");
      expect(after?.residence).toEqual({ isResident: true, since: "2026-04-01", until: null, endReason: null });
      expect(after?.address).toEqual({ ...town, addressLine2: null });
      expect(after?.knownAs).toBe("landowner");
      const history = await listChanges(tx, known.number);
      expect(history.map((h) => h.change)).toEqual(["registered", "resident-linked"]);
      expect(history[1]).toMatchObject({
        actor: "staff:test-clerk",
        reason: "転入届",
        fields: ["sex", "postalCode", "address", "residentSince"],
        before: { residentSince: null, address: "神奈川県横浜市中区山下町1番地" },
        after: { residentSince: "2026-04-01", address: town.address },
      });
    });
    const event = await t.db.owner.query("SELECT payload FROM event_outbox WHERE subject = $1 AND type = 'addressee.changed'", [
      `addressee:${known.number}`,
    ]);
    expect(event.rows).toEqual([
      { payload: { number: known.number, change: "resident-linked", fields: ["sex", "postalCode", "address", "residentSince"] } },
    ]);
    // Once a resident, the person is no longer a move-in candidate, and cannot be registered twice.
    expect(await inA((tx) => registry.findMoveInCandidates(tx, { kanaName: "タムラ ハナ", birthDate: "1990-08-08" }))).toEqual([]);
    await expect(
      inA((tx) => registry.registerResident(tx, { addresseeNumber: known.number, name: "田村 花", nameKana: "タムラ ハナ", birthDate: "1990-08-08", ...town, since: "2026-05-01" })),
    ).rejects.toMatchObject({ status: 409, code: "already-resident" });
  });

  it("a person with no confirmed candidate gets a new 宛名番号 and an addressee.registered event", async () => {
    const created = await inA((tx) =>
      registry.registerResident(tx, { name: "新井 誠", nameKana: "アライ マコト", birthDate: "2001-01-01", ...town, since: "2026-04-02" }),
    );
    expect(created.created).toBe(true);
    const event = await t.db.owner.query("SELECT type, payload FROM event_outbox WHERE subject = $1", [`addressee:${created.number}`]);
    expect(event.rows).toEqual([
      { type: "addressee.registered", payload: { number: created.number, kind: "person", resident: true, knownAs: null } },
    ]);
  });

  it("refuses a registration with bad data, naming each field, and writes nothing", async () => {
    const before = await count("SELECT count(*) AS n FROM addressee");
    await expect(
      inA((tx) => registry.registerResident(tx, { name: "", nameKana: "abc", birthDate: "2026-02-30", address: "", since: "2026-04-31" })),
    ).rejects.toMatchObject({
      status: 400,
      errors: [
        { field: "name", message: "required" },
        { field: "nameKana", message: expect.stringContaining("katakana") },
        { field: "birthDate", message: expect.stringContaining("calendar date") },
        { field: "since", message: expect.stringContaining("calendar date") },
        { field: "address", message: "required" },
      ],
    });
    expect(await count("SELECT count(*) AS n FROM addressee")).toBe(before);
  });

  it("an organisation cannot become a resident", async () => {
    const org = await inA((tx) =>
      registerNonResident(tx, t.platform.events, { kind: "organisation", name: "有限会社テスト", nameKana: "ユウゲンガイシャ テスト", knownAs: "taxpayer" }),
    );
    await expect(
      inA((tx) => registry.registerResident(tx, { addresseeNumber: org.number, name: "x", nameKana: "エックス", birthDate: "2000-01-01", ...town, since: "2026-01-01" })),
    ).rejects.toMatchObject({ status: 409, code: "not-a-person" });
  });

  it("a 住登外者 merged into another is linked through the survivor's number", async () => {
    const survivor = await nonResident("合併 一", "ガッペイ ハジメ", "1966-06-06");
    const duplicate = await nonResident("合併 一", "ガッペイ ハジメ", "1966-06-06");
    await inA((tx) => mergeAddressees(tx, t.platform.events, { survivor: survivor.number, merged: duplicate.number, reason: "同一人" }));
    const linked = await inA((tx) =>
      registry.registerResident(tx, { addresseeNumber: duplicate.number, name: "合併 一", nameKana: "ガッペイ ハジメ", birthDate: "1966-06-06", ...town, since: "2026-04-01" }),
    );
    expect(linked.number).toBe(survivor.number);
  });
});

describe("転出 and 死亡 keep the addressee", () => {
  async function resident(name: string, nameKana: string, birthDate: string, since = "2010-04-01") {
    return inA((tx) => registry.registerResident(tx, { name, nameKana, birthDate, ...town, since }));
  }

  it("a move-out ends residence on the 異動日, keeps the number and takes the forwarding address from that day", async () => {
    const { number } = await resident("転出 太郎", "テンシュツ タロウ", "1985-02-02");
    await inA((tx) =>
      registry.markResidentRemoved(tx, number, {
        reason: "moved-out",
        date: "2026-03-15",
        forwardingAddress: { postalCode: "5300001", address: "大阪府大阪市北区梅田1丁目1番1号", addressLine2: null },
      }),
    );
    await inA(async (tx) => {
      const day = await getAddressee(tx, number, { asOf: "2026-03-14" });
      const after = await getAddressee(tx, number, { asOf: "2026-03-15" });
      expect(day?.residence).toEqual({ isResident: true, since: "2010-04-01", until: null, endReason: null });
      expect(day?.address.address).toBe(town.address);
      expect(after?.residence).toEqual({ isResident: false, since: "2010-04-01", until: "2026-03-15", endReason: "moved-out" });
      expect(after?.address.address).toBe("大阪府大阪市北区梅田1丁目1番1号");
      expect(after?.number).toBe(number);
    });
    // A former resident is a 住登外者 again: the next 転入 finds and reuses the same number.
    const candidates = await inA((tx) => registry.findMoveInCandidates(tx, { kanaName: "テンシュツ タロウ", birthDate: "1985-02-02" }));
    expect(candidates).toEqual([expect.objectContaining({ number, residentUntil: "2026-03-15", residentEndReason: "moved-out" })]);
    await expect(
      inA((tx) => registry.registerResident(tx, { addresseeNumber: number, name: "転出 太郎", nameKana: "テンシュツ タロウ", birthDate: "1985-02-02", ...town, since: "2026-03-01" })),
    ).rejects.toMatchObject({ code: "residence-date-order" });
    const back = await inA((tx) =>
      registry.registerResident(tx, { addresseeNumber: number, name: "転出 太郎", nameKana: "テンシュツ タロウ", birthDate: "1985-02-02", ...town, since: "2026-09-01" }),
    );
    expect(back).toEqual({ number, created: false });
    await inA(async (tx) => {
      expect((await getAddressee(tx, number, { asOf: "2026-06-01" }))?.residence.isResident).toBe(false);
      expect((await getAddressee(tx, number, { asOf: "2026-09-01" }))?.residence).toMatchObject({ isResident: true, since: "2026-09-01" });
    });
  });

  it("a death ends residence, keeps the addressee and its history; a second removal is refused", async () => {
    const { number } = await resident("死亡 花子", "シボウ ハナコ", "1930-10-10");
    await inA((tx) => registry.markResidentRemoved(tx, number, { reason: "died", date: "2026-02-01" }));
    await inA(async (tx) => {
      const record = await getAddressee(tx, number, { asOf: "2026-02-01" });
      expect(record).toMatchObject({ number, name: "死亡\u3000花子", residence: { isResident: false, endReason: "died", until: "2026-02-01" } });
      expect((await listChanges(tx, number)).map((c) => c.change)).toEqual(["registered", "resident-removed"]);
    });
    await expect(inA((tx) => registry.markResidentRemoved(tx, number, { reason: "died", date: "2026-02-02" }))).rejects.toMatchObject({
      code: "not-resident",
    });
  });

  it("a removal dated before residence began is refused", async () => {
    const { number } = await resident("順序 確認", "ジュンジョ カクニン", "1999-09-09", "2020-01-01");
    await expect(inA((tx) => registry.markResidentRemoved(tx, number, { reason: "moved-out", date: "2019-12-31" }))).rejects.toMatchObject({
      code: "residence-date-order",
    });
  });

  it("a 転居 recorded by the registry changes the address from its 異動日", async () => {
    const { number } = await resident("転居 次郎", "テンキョ ジロウ", "1977-07-07");
    const fields = await inA((tx) =>
      registry.recordResidentChange(tx, number, { address: "神奈川県三浦郡葉山町堀内200番地", postalCode: "2400112", effectiveDate: "2025-10-01" }),
    );
    expect(fields).toEqual(["postalCode", "address"]);
    await inA(async (tx) => {
      expect((await getAddressee(tx, number, { asOf: "2025-09-30" }))?.address.address).toBe(town.address);
      expect((await getAddressee(tx, number, { asOf: "2025-10-01" }))?.address.address).toBe("神奈川県三浦郡葉山町堀内200番地");
    });
  });
});
