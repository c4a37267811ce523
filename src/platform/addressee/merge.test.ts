import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestPlatform } from "../../../test/support/platform.ts";
import { TOWN_A } from "../../../test/support/fixtures.ts";
import type { Session } from "../../../test/support/http.ts";
import type { Tx } from "../db/database.ts";
import { addAddresseeStaff, createAddresseeTestPlatform, loginAs, purpose } from "./addressee-test-support.ts";
import { createRegistryLink } from "./registry-link.ts";
import { getAddressee } from "./read.ts";
import { STATE_FIELDS } from "./addressee.ts";

let t: TestPlatform;
let admin: Session;
let writer: Session;

beforeAll(async () => {
  t = await createAddresseeTestPlatform();
  await addAddresseeStaff(t, TOWN_A.id, "nayose", ["admin"]);
  await addAddresseeStaff(t, TOWN_A.id, "writer", ["write"]);
  admin = await loginAs(t, TOWN_A.id, "nayose");
  writer = await loginAs(t, TOWN_A.id, "writer");
});
afterAll(() => t.close());

const inA = <T>(fn: (tx: Tx) => Promise<T>) => t.db.withTenant(TOWN_A.id, fn);

async function register(body: Record<string, unknown>) {
  const response = await writer.request({ method: "POST", url: "/api/addressees", payload: body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Record<string, unknown> & { number: string };
}

const person = (over: Record<string, unknown> = {}) => ({
  kind: "person",
  name: "小林 正",
  nameKana: "コバヤシ タダシ",
  birthDate: "1944-04-04",
  postalCode: "2510037",
  address: "神奈川県藤沢市鵠沼海岸3丁目1番1号",
  knownAs: "landowner",
  ...over,
});

async function view(number: string) {
  const response = await admin.request({ method: "GET", url: `/api/addressees/${number}`, headers: purpose("名寄せ確認") });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Record<string, unknown> & { number: string; history: { change: string }[] };
}

const stateOnly = (v: Record<string, unknown>) => Object.fromEntries(["number", ...STATE_FIELDS].map((f) => [f, v[f]]));

async function duplicates() {
  const response = await admin.request({ method: "GET", url: "/api/addressees/duplicates", headers: purpose("名寄せ") });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { matchedOn: string; a: { number: string }; b: { number: string } }[];
}

describe("名寄せ candidates", () => {
  it("lists persons with the same normalised カナ and birth date, and organisations with the same 法人番号", async () => {
    const a = await register(person());
    const b = await register(person({ nameKana: "ｺﾊﾞﾔｼ ﾀﾀﾞｼ", address: "東京都杉並区阿佐谷南1丁目1番1号", knownAs: "creditor" }));
    await register(person({ birthDate: "1944-04-05" }));
    const orgA = await register({ kind: "organisation", name: "株式会社かもめ", nameKana: "カブシキガイシャ カモメ", corporateNumber: "1180301018771", knownAs: "taxpayer" });
    const orgB = await register({ kind: "organisation", name: "カモメ(株)", nameKana: "カモメ", corporateNumber: "1-1803-0101-8771", knownAs: "taxpayer" });
    const pairs = await duplicates();
    expect(pairs.map((p) => [p.matchedOn, p.a.number, p.b.number])).toEqual(
      expect.arrayContaining([
        ["kana-and-birth-date", a.number, b.number],
        ["corporate-number", orgA.number, orgB.number],
      ]),
    );
    expect(pairs).toHaveLength(2);
    const audited = await t.db.owner.query("SELECT subject FROM audit_log WHERE action = 'addressee.duplicates-listed'");
    expect(audited.rows.map((r) => r.subject).sort()).toEqual([a.number, b.number, orgA.number, orgB.number].map((n) => `addressee:${n}`).sort());
  });

  it("a clerk without the admin role can neither list candidates nor merge (403)", async () => {
    expect((await writer.request({ method: "GET", url: "/api/addressees/duplicates", headers: purpose() })).statusCode).toBe(403);
    const merge = await writer.request({ method: "POST", url: "/api/addressees/merge", payload: { survivor: "1", merged: "2", reason: "x" } });
    expect(merge.statusCode).toBe(403);
    expect(Number((await t.db.owner.query("SELECT count(*) AS n FROM addressee_merge")).rows[0].n)).toBe(0);
  });
});

describe("merge and undo", () => {
  it("merging keeps both numbers resolvable to the survivor, and undo restores both exactly as they were", async () => {
    const survivor = await register(person({ name: "統合 先", nameKana: "トウゴウ サキ", birthDate: "1950-05-05" }));
    const merged = await register(person({ name: "統合 先", nameKana: "とうごう さき", birthDate: "1950-05-05", knownAs: "benefit" }));
    const survivorBefore = stateOnly(await view(survivor.number));
    const mergedBefore = stateOnly(await view(merged.number));

    const response = await admin.request({
      method: "POST",
      url: "/api/addressees/merge",
      payload: { survivor: survivor.number, merged: merged.number, reason: "同一人と確認 (本人申出)" },
    });
    expect(response.statusCode, response.body).toBe(201);
    const merge = response.json() as { id: string };
    expect(merge).toMatchObject({ survivor: survivor.number, merged: merged.number, undoneAt: null, actor: expect.stringMatching(/^staff:/) });

    const throughMerged = await view(merged.number);
    expect(throughMerged).toMatchObject({ number: survivor.number, requestedNumber: merged.number, mergedFrom: [merged.number] });
    expect(stateOnly(await view(survivor.number))).toEqual(survivorBefore);
    await inA(async (tx) => {
      expect(await getAddressee(tx, merged.number)).toMatchObject({ number: survivor.number, requestedNumber: merged.number });
      expect(await getAddressee(tx, survivor.number)).toMatchObject({ number: survivor.number });
    });
    const found = await admin.request({ method: "GET", url: `/api/addressees?number=${merged.number}`, headers: purpose() });
    expect(found.json().items).toEqual([expect.objectContaining({ number: merged.number, mergedInto: survivor.number })]);
    expect((await duplicates()).some((p) => p.b.number === merged.number || p.a.number === merged.number)).toBe(false);

    const events = await t.db.owner.query("SELECT type, subject, payload FROM event_outbox WHERE type LIKE 'addressee.merge%'");
    expect(events.rows).toEqual([
      {
        type: "addressee.merged",
        subject: `addressee:${merged.number}`,
        payload: { mergeId: merge.id, survivor: survivor.number, merged: merged.number },
      },
    ]);
    const audit = await t.db.owner.query("SELECT subject, detail FROM audit_log WHERE action = 'addressee.merged' ORDER BY seq");
    expect(audit.rows).toEqual([
      { subject: `addressee:${survivor.number}`, detail: { mergeId: merge.id, role: "survivor" } },
      { subject: `addressee:${merged.number}`, detail: { mergeId: merge.id, role: "merged" } },
    ]);

    // Writing through the merged number changes the survivor; the merged record stays frozen.
    const patched = await writer.request({ method: "PATCH", url: `/api/addressees/${merged.number}`, payload: { knownAsNote: "統合後の補足", reason: "補足" } });
    expect(patched.json()).toMatchObject({ number: survivor.number, knownAsNote: "統合後の補足" });

    const undo = await admin.request({ method: "POST", url: `/api/addressees/merges/${merge.id}/undo`, payload: { reason: "別人と判明" } });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(undo.json()).toMatchObject({ id: merge.id, undoReason: "別人と判明", undoneAt: expect.any(String) });
    const mergedAfter = await view(merged.number);
    expect(mergedAfter.number).toBe(merged.number);
    expect(stateOnly(mergedAfter)).toEqual(mergedBefore);
    expect(stateOnly(await view(survivor.number))).toEqual({ ...survivorBefore, knownAsNote: "統合後の補足" });
    expect(mergedAfter.history.map((h) => h.change)).toEqual(["registered", "merged", "merge-undone"]);
    expect((await view(survivor.number)).history.map((h) => h.change)).toEqual(["registered", "merge-survived", "corrected", "merge-undone"]);
    const undoneEvent = await t.db.owner.query("SELECT payload FROM event_outbox WHERE type = 'addressee.merge-undone'");
    expect(undoneEvent.rows).toEqual([{ payload: { mergeId: merge.id, survivor: survivor.number, merged: merged.number } }]);

    const again = await admin.request({ method: "POST", url: `/api/addressees/merges/${merge.id}/undo`, payload: { reason: "x" } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("merge-already-undone");
    const unknown = await admin.request({ method: "POST", url: "/api/addressees/merges/999999/undo", payload: { reason: "x" } });
    expect(unknown.statusCode).toBe(404);
  });

  it("a merged-away number is never handed out again", async () => {
    const a = await register(person({ name: "番号 保持", nameKana: "バンゴウ ホジ" }));
    const b = await register(person({ name: "番号 保持", nameKana: "バンゴウ ホジ" }));
    await admin.request({ method: "POST", url: "/api/addressees/merge", payload: { survivor: a.number, merged: b.number, reason: "同一人" } });
    const next = await register(person({ name: "次の 人", nameKana: "ツギノ ヒト" }));
    expect(BigInt(next.number)).toBeGreaterThan(BigInt(b.number));
    expect((await view(b.number)).number).toBe(a.number);
  });

  it("refuses merging a resident away, a person into an organisation, an addressee into itself or twice", async () => {
    const registry = createRegistryLink(t.platform.events);
    const resident = await inA((tx) =>
      registry.registerResident(tx, { name: "住民 花", nameKana: "ジュウミン ハナ", birthDate: "1990-01-01", address: "葉山町一色1番地", since: "2020-01-01" }),
    );
    const other = await register(person({ name: "住民 花", nameKana: "ジュウミン ハナ", birthDate: "1990-01-01" }));
    const org = await register({ kind: "organisation", name: "合同会社なぎさ", nameKana: "ゴウドウガイシャ ナギサ", knownAs: "taxpayer" });
    const merge = (survivor: string, merged: string) =>
      admin.request({ method: "POST", url: "/api/addressees/merge", payload: { survivor, merged, reason: "確認" } });
    expect((await merge(other.number, resident.number)).json().code).toBe("merged-is-resident");
    expect((await merge(org.number, other.number)).json().code).toBe("kind-mismatch");
    const self = await merge(other.number, other.number);
    expect(self.statusCode).toBe(400);
    expect(self.json().errors).toEqual([{ field: "body/merged", message: "must differ from survivor" }]);
    expect((await merge(resident.number, other.number)).statusCode).toBe(201);
    expect((await merge(org.number, other.number)).json().code).toBe("already-merged");
    expect((await merge("999999999", other.number)).statusCode).toBe(404);
  });
});
