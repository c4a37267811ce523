// 届出期間 at the counter and the 期間経過 report (notification-deadline.ts, late-notifications.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestPlatform } from "../../../test/support/platform.ts";
import { TOWN_A, TOWN_B } from "../../../test/support/fixtures.ts";
import type { Session } from "../../../test/support/http.ts";
import { LATE_NOTIFICATION_CSV_HEADER } from "./late-notifications.ts";
import { listPersonChanges } from "./read-model.ts";
import { count, createResidentTestPlatform, inTenant, moveIn, moveInFamily, personInput, purpose, record, residentStaff } from "./resident-test-support.ts";

let t: TestPlatform;
let reader: Session;

beforeAll(async () => {
  t = await createResidentTestPlatform();
  reader = await residentStaff(t, TOWN_A.id, "late-reader", ["read"]);
});
afterAll(() => t.close());

const move = (householdId: string, effectiveDate: string, notifiedDate: string, extra: { lateReason?: string } = {}) =>
  ({ kind: "address-changed", effectiveDate, notifiedDate, householdId, address: { address: `神奈川県三浦郡葉山町一色${effectiveDate.slice(5, 7)}${effectiveDate.slice(8)}番地` }, ...extra }) as const;

describe("a 転居 notified on the 14th day is in time, on the 15th it needs the 遅延の理由", () => {
  it("the 14th day after the move: accepted without a reason, not marked", async () => {
    const family = await moveInFamily(t, "期限内", "キゲンナイ");
    // 2024-06-03 (月) + 14 = 2024-06-17 (月).
    const change = await record(t, move(family.householdId, "2024-06-03", "2024-06-17"));
    expect(change).toMatchObject({ deadlineDate: "2024-06-17", overdue: false, lateReason: null });
  });

  it("the 15th day: refused without the reason (nothing written), then accepted with it and marked 期間経過 in the journal and the history", async () => {
    const family = await moveInFamily(t, "期限後", "キゲンゴ");
    const before = await count(t, "resident_change");
    await expect(record(t, move(family.householdId, "2024-06-03", "2024-06-18"))).rejects.toMatchObject({
      status: 400,
      code: "late-notification-reason",
      titleJa: expect.stringContaining("遅延の理由を入力してください"),
      errors: [{ field: "body/lateReason" }],
    });
    expect(await count(t, "resident_change")).toBe(before);
    const change = await record(t, move(family.householdId, "2024-06-03", "2024-06-18", { lateReason: "  入院していたため  " }));
    expect(change).toMatchObject({ deadlineDate: "2024-06-17", overdue: true, lateReason: "入院していたため" });
    const row = (await t.db.owner.query("SELECT deadline_date::text AS d, overdue, late_reason FROM resident_change WHERE change_id = $1", [change.changeId])).rows[0];
    expect(row).toEqual({ d: "2024-06-17", overdue: true, late_reason: "入院していたため" });
    await inTenant(t, async (tx) => {
      expect((await listPersonChanges(tx, family.child)).at(-1)).toMatchObject({
        kind: "address-changed",
        overdue: true,
        lateReason: "入院していたため",
        reason: "期間経過（届出期限 令和6年6月17日）遅延の理由：入院していたため",
      });
    });
  });

  it("a reason for a 届出 in time, or for a kind without a period, is refused", async () => {
    const family = await moveInFamily(t, "理由不要", "リユウフヨウ");
    await expect(record(t, move(family.householdId, "2024-06-03", "2024-06-17", { lateReason: "念のため" }))).rejects.toMatchObject({ code: "late-reason-only-when-overdue" });
    await expect(
      record(t, { kind: "name-changed", effectiveDate: "2024-06-03", notifiedDate: "2024-08-01", personId: family.wife, familyName: "新姓", lateReason: "遅れた" }),
    ).rejects.toMatchObject({ code: "late-reason-only-when-overdue" });
  });

  it("a 転入 over a month end and into 2月29日 counts calendar days", async () => {
    // 2024-02-15 + 14 = 2024-02-29 (leap day, a Thursday): in time; 2024-03-01 is late.
    await record(t, moveIn([personInput({ familyName: "閏日", familyNameKana: "ウルウビ" })], { effectiveDate: "2024-02-15", notifiedDate: "2024-02-29" }));
    await expect(
      record(t, moveIn([personInput({ familyName: "閏翌", familyNameKana: "ウルウヨク" })], { effectiveDate: "2024-02-15", notifiedDate: "2024-03-01" })),
    ).rejects.toMatchObject({ code: "late-notification-reason" });
    // 2025-01-31 + 14 = 2025-02-14.
    const change = await record(t, moveIn([personInput({ familyName: "月末", familyNameKana: "ゲツマツ" })], { effectiveDate: "2025-01-31", notifiedDate: "2025-02-15", lateReason: "転出証明書の到着待ち" }));
    expect(change).toMatchObject({ deadlineDate: "2025-02-14", overdue: true });
  });
});

describe("GET /api/resident/late-notifications: the 期間経過 届出 of a period, for the 簡易裁判所", () => {
  it("lists the late 届出 notified in the period with their persons and counts, audits each person, and exports a neutralised CSV", async () => {
    const family = await moveInFamily(t, "報告", "ホウコク");
    await record(t, move(family.householdId, "2024-09-02", "2024-10-01", { lateReason: "=HYPERLINK(\"http://x\")" }));
    // In time, and late but notified outside the period: neither is listed.
    const other = await moveInFamily(t, "報告外", "ホウコクガイ");
    await record(t, move(other.householdId, "2024-09-02", "2024-09-10"));
    await record(t, move(other.householdId, "2024-10-01", "2024-11-15", { lateReason: "遅れた" }));
    // Another town's late 届出 never shows.
    const elsewhere = await moveInFamily(t, "他町", "タチョウ", TOWN_B.id);
    await record(t, move(elsewhere.householdId, "2024-09-02", "2024-10-01", { lateReason: "他町の理由" }), TOWN_B.id);

    const response = await reader.request({ method: "GET", url: "/api/resident/late-notifications?from=2024-10-01&to=2024-10-31", headers: purpose("過料事件の通知") });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({
      from: "2024-10-01",
      to: "2024-10-31",
      notificationCount: 1,
      personCount: 3,
      byKind: [{ kind: "address-changed", kindJa: "転居", notifications: 1, persons: 3 }],
      items: [{ kind: "address-changed", effectiveDate: "2024-09-02", notifiedDate: "2024-10-01", deadlineDate: "2024-09-17", daysLate: 14, lateReason: "=HYPERLINK(\"http://x\")" }],
    });
    expect(report.items[0].persons.map((p: { familyName: string }) => p.familyName)).toEqual(["報告", "報告", "報告"]);
    const audited = (await t.db.owner.query("SELECT subject, purpose FROM audit_log WHERE tenant_id = $1 AND action = 'resident.late-notifications-listed'", [TOWN_A.id])).rows;
    expect(audited).toHaveLength(3);
    expect(audited[0]).toMatchObject({ purpose: "過料事件の通知", subject: expect.stringMatching(/^addressee:\d{15}$/) });

    const csv = await reader.request({ method: "GET", url: "/api/resident/late-notifications/csv?from=2024-10-01&to=2024-10-31", headers: purpose("過料事件の通知") });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toContain("attachment");
    const lines = csv.body.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(LATE_NOTIFICATION_CSV_HEADER.join(","));
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain("令和6年10月1日,令和6年9月2日,令和6年9月17日,14,転居,");
    // The reason that would start a formula is written as text (ADR 0018).
    expect(lines[1]!.endsWith(`"'=HYPERLINK(""http://x"")"`)).toBe(true);
    expect((await t.db.owner.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'resident.late-notifications-exported'")).rows[0].n).toBe(3);
  });

  it("asks for a purpose and an existing period of at most a year", async () => {
    expect((await reader.request({ method: "GET", url: "/api/resident/late-notifications?from=2024-10-01&to=2024-10-31" })).statusCode).toBe(400);
    const reversed = await reader.request({ method: "GET", url: "/api/resident/late-notifications?from=2024-10-31&to=2024-10-01", headers: purpose() });
    expect(reversed.json()).toMatchObject({ code: "invalid-request", errors: [{ field: "querystring/to" }] });
    const badDay = await reader.request({ method: "GET", url: "/api/resident/late-notifications?from=2024-02-30&to=2024-10-01", headers: purpose() });
    expect(badDay.json()).toMatchObject({ errors: [{ field: "querystring/from" }] });
    expect((await reader.request({ method: "GET", url: "/api/resident/late-notifications?from=2023-01-01&to=2024-10-01", headers: purpose() })).statusCode).toBe(400);
    const empty = await reader.request({ method: "GET", url: "/api/resident/late-notifications?from=2020-01-01&to=2020-01-31", headers: purpose() });
    expect(empty.json()).toMatchObject({ notificationCount: 0, personCount: 0, items: [] });
  });
});
