import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestPlatform } from "../../../test/support/platform.ts";
import { TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import type { Session } from "../../../test/support/http.ts";
import type { Tx } from "../db/database.ts";
import { addAddresseeStaff, createAddresseeTestPlatform, loginAs } from "./addressee-test-support.ts";
import { addMailing, resolveMailing, type MailingInput } from "./mailing.ts";
import { registerNonResident } from "./register.ts";
import { mergeAddressees } from "./merge.ts";
import { getAddressee } from "./read.ts";

let t: TestPlatform;
let writer: Session;
let writerB: Session;

beforeAll(async () => {
  t = await createAddresseeTestPlatform();
  await addAddresseeStaff(t, TOWN_A.id, "writer", ["write"]);
  await addAddresseeStaff(t, TOWN_B.id, "writer-b", ["write"]);
  writer = await loginAs(t, TOWN_A.id, "writer");
  writerB = await loginAs(t, TOWN_B.id, "writer-b");
});
afterAll(() => t.close());

const inA = <T>(fn: (tx: Tx) => Promise<T>) => t.db.withTenant(TOWN_A.id, fn, "staff:test-clerk");

async function owner(name = "送付 太郎", nameKana = "ソウフ タロウ") {
  return inA((tx) =>
    registerNonResident(tx, t.platform.events, {
      kind: "person",
      name,
      nameKana,
      birthDate: "1940-01-01",
      postalCode: "1540004",
      address: "東京都世田谷区太子堂1丁目1番1号",
      knownAs: "landowner",
    }),
  );
}

const mailing = (over: Partial<MailingInput>): MailingInput => ({
  business: "tax",
  validFrom: "2025-04-01",
  recipientName: "管理 一郎",
  recipientRole: "納税管理人",
  postalCode: "2400111",
  address: "神奈川県三浦郡葉山町一色1番地",
  ...over,
});

const add = (number: string, input: MailingInput) => inA((tx) => addMailing(tx, t.platform.events, number, input, "納税管理人申告書"));
const resolve = (number: string, business: string, date: string) => inA((tx) => resolveMailing(tx, number, business, date));

describe("送付先 resolved by date", () => {
  it("uses a period on its first and last day, the next period from the day after, and the contact address outside them", async () => {
    const { number } = await owner();
    await add(number, mailing({ validFrom: "2025-04-01", validUntil: "2026-03-31", recipientName: "前任 管理人" }));
    await add(number, mailing({ validFrom: "2026-04-01", validUntil: null, recipientName: "後任 管理人" }));
    expect(await resolve(number, "tax", "2025-03-31")).toMatchObject({
      source: "contact-address",
      recipientName: "送付\u3000太郎",
      address: "東京都世田谷区太子堂1丁目1番1号",
    });
    expect(await resolve(number, "tax", "2025-04-01")).toMatchObject({ source: "mailing", recipientName: "前任\u3000管理人" });
    expect(await resolve(number, "tax", "2026-03-31")).toMatchObject({ source: "mailing", recipientName: "前任\u3000管理人" });
    expect(await resolve(number, "tax", "2026-04-01")).toMatchObject({ source: "mailing", recipientName: "後任\u3000管理人", recipientRole: "納税管理人" });
    expect(await resolve(number, "pension", "2026-04-01")).toMatchObject({ source: "contact-address" });
  });

  it("a 送付先 for the business beats one for every business (*), which applies to the others", async () => {
    const { number } = await owner("後見 対象", "コウケン タイショウ");
    await add(number, mailing({ business: "*", validFrom: "2024-01-01", recipientName: "後見 人", recipientRole: "成年後見人" }));
    await add(number, mailing({ business: "tax", validFrom: "2025-04-01", recipientName: "税 管理人" }));
    expect(await resolve(number, "tax", "2025-04-01")).toMatchObject({ business: "tax", recipientName: "税\u3000管理人" });
    expect(await resolve(number, "tax", "2025-03-31")).toMatchObject({ business: "*", recipientName: "後見\u3000人" });
    expect(await resolve(number, "nhi", "2025-04-01")).toMatchObject({ business: "*", recipientRole: "成年後見人" });
    await inA(async (tx) => {
      expect((await getAddressee(tx, number, { asOf: "2025-04-01", business: "tax" }))?.mailing.recipientName).toBe("税\u3000管理人");
      expect((await getAddressee(tx, number, { asOf: "2025-04-01" }))?.mailing.recipientName).toBe("後見\u3000人");
    });
  });

  it("refuses an overlapping period for the same business, and allows it for another business", async () => {
    const { number } = await owner("重複 期間", "チョウフク キカン");
    await add(number, mailing({ validFrom: "2025-04-01", validUntil: "2025-12-31" }));
    await expect(add(number, mailing({ validFrom: "2025-12-31" }))).rejects.toMatchObject({ status: 409, code: "mailing-period-overlap" });
    await expect(add(number, mailing({ validFrom: "2025-01-01", validUntil: "2025-04-01" }))).rejects.toMatchObject({ code: "mailing-period-overlap" });
    await expect(add(number, mailing({ validFrom: "2026-01-01" }))).resolves.toMatchObject({ version: 1 });
    await expect(add(number, mailing({ business: "pension", validFrom: "2025-06-01" }))).resolves.toMatchObject({ business: "pension" });
  });

  it("after a merge, the merged number's 送付先 serve the survivor unless it has its own", async () => {
    const survivor = await owner("名寄 先", "ナヨセ サキ");
    const merged = await owner("名寄 元", "ナヨセ モト");
    await add(merged.number, mailing({ business: "tax", recipientName: "元の 管理人" }));
    await inA((tx) => mergeAddressees(tx, t.platform.events, { survivor: survivor.number, merged: merged.number, reason: "同一人" }));
    expect(await resolve(survivor.number, "tax", "2025-05-01")).toMatchObject({ recipientName: "元の\u3000管理人" });
    expect(await resolve(merged.number, "tax", "2025-05-01")).toMatchObject({ recipientName: "元の\u3000管理人" });
    await add(survivor.number, mailing({ business: "tax", recipientName: "先の 管理人" }));
    expect(await resolve(merged.number, "tax", "2025-05-01")).toMatchObject({ recipientName: "先の\u3000管理人" });
  });
});

describe("送付先 over HTTP (append-only versions)", () => {
  it("adds, changes and withdraws a 送付先, keeping every version and a history entry for each", async () => {
    const { number } = await owner("版 管理", "ハン カンリ");
    const body = { ...mailing({ validFrom: "2025-04-01" }), reason: "納税管理人申告書" };
    const created = await writer.request({ method: "POST", url: `/api/addressees/${number}/mailing-addresses`, payload: body });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().mailingId as string;
    const changed = await writer.request({
      method: "PUT",
      url: `/api/addressees/${number}/mailing-addresses/${id}`,
      payload: { ...body, address: "神奈川県三浦郡葉山町堀内2番地", reason: "転居届" },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ mailingId: id, version: 2, address: "神奈川県三浦郡葉山町堀内2番地" });
    const withdrawn = await writer.request({ method: "DELETE", url: `/api/addressees/${number}/mailing-addresses/${id}`, payload: { reason: "辞任届" } });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ version: 3, withdrawn: true, reason: "辞任届" });
    const versions = await t.db.owner.query("SELECT version, address, withdrawn FROM addressee_mailing WHERE mailing_id = $1 ORDER BY version", [id]);
    expect(versions.rows).toEqual([
      { version: 1, address: "神奈川県三浦郡葉山町一色1番地", withdrawn: false },
      { version: 2, address: "神奈川県三浦郡葉山町堀内2番地", withdrawn: false },
      { version: 3, address: "神奈川県三浦郡葉山町堀内2番地", withdrawn: true },
    ]);
    expect(await resolve(number, "tax", "2025-05-01")).toMatchObject({ source: "contact-address" });
    const history = await t.db.owner.query("SELECT change FROM addressee_change WHERE number = $1 ORDER BY seq", [BigInt(number).toString()]);
    expect(history.rows.map((r) => r.change)).toEqual(["registered", "mailing-added", "mailing-changed", "mailing-withdrawn"]);
    const again = await writer.request({ method: "DELETE", url: `/api/addressees/${number}/mailing-addresses/${id}`, payload: { reason: "x" } });
    expect(again.statusCode).toBe(404);
  });

  it("rejects a period that ends before it starts, naming the field; another town's clerk gets 404", async () => {
    const { number } = await owner("期間 誤り", "キカン アヤマリ");
    const bad = await writer.request({
      method: "POST",
      url: `/api/addressees/${number}/mailing-addresses`,
      payload: { ...mailing({ validFrom: "2025-04-01", validUntil: "2025-03-31", recipientKana: "kanri" }), reason: "x" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { field: "body/recipientKana", message: expect.stringContaining("katakana") },
      { field: "body/validUntil", message: "must not be before validFrom" },
    ]);
    const order = await writer.request({
      method: "POST",
      url: `/api/addressees/${number}/mailing-addresses`,
      payload: { ...mailing({ validFrom: "2025-04-01", validUntil: "2025-03-31" }), reason: "x" },
    });
    expect(order.json().errors).toEqual([{ field: "body/validUntil", message: "must not be before validFrom" }]);
    const other = await writerB.request({
      method: "POST",
      url: `/api/addressees/${number}/mailing-addresses`,
      payload: { ...mailing({}), reason: "x" },
    });
    expect(other.statusCode).toBe(404);
    const rows = await t.db.owner.query("SELECT count(*)::int AS n FROM addressee_mailing WHERE number = $1", [BigInt(number).toString()]);
    expect(rows.rows[0].n).toBe(0);
  });
});
