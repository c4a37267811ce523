// 支援措置 end to end over HTTP: the dedicated role, the warning and masking on the counter's
// screens, the refusal of certificates, the protected person's own request met at the counter on
// a recorded 本人確認 and refused by mail, by an agent, at コンビニ交付 and 広域交付, the
// supervisor's release for a third party used exactly once, the 相手方 refused even with a
// release, renewal and expiry, and isolation between municipalities.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOWN_A, TOWN_B, addStaff, addOperator, PASSWORD } from "../support/fixtures.ts";
import { login } from "../support/http.ts";
import { todayInJapan } from "../../src/platform/addressee/calendar-date.ts";
import { noticeExpiries } from "../../src/platform/protection/expiry-job.ts";
import { verifyAuditLog } from "../../src/platform/audit/audit-log.ts";
import { dayAfter, periodEnd } from "../../src/platform/protection/period.ts";
import { MASKED } from "../../src/platform/protection/response-guard.ts";
import { SUPPORT_MEASURE_RULE } from "../../src/platform/protection/problems.ts";
import { decideDisclosure, DisclosureRefused } from "../../src/platform/protection/check.ts";
import { createProtectionTown, daysFromToday, PURPOSE, SECRET, SECRET_NEXT, type ProtectionTown } from "./protection-fixture.ts";

let town: ProtectionTown;
beforeAll(async () => {
  town = await createProtectionTown();
});
afterAll(() => town.t.close());

const ISSUE = "/api/certificates/resident.juminhyo/issue";
const issueBody = (subject: string, extra: Record<string, unknown> = {}) => ({
  subjectId: `addressee:${subject}`,
  options: { scope: "person" },
  purpose: "児童手当の申請",
  requesterKind: "self",
  ...extra,
});
/** A third party's request (e.g. a creditor's lawyer), which needs the supervisor's release. */
const thirdParty = (subject: string, extra: Record<string, unknown> = {}) => issueBody(subject, { requesterKind: "third-party", ...extra });
const SEEN = { document: "driver-license", checked: true } as const;

async function auditActions(): Promise<string[]> {
  const rows = await town.t.db.owner.query("SELECT action FROM audit_log WHERE tenant_id = $1 ORDER BY seq::bigint", [TOWN_A.id]);
  return rows.rows.map((r) => r.action as string);
}

describe("protection records", () => {
  it("only the dedicated role creates one: a clerk who may issue everything is refused", async () => {
    const refused = await town.sessions.clerk.request({
      method: "POST",
      url: "/api/protection/measures",
      payload: { kind: "dv", applicantNumber: town.tanaka, acceptedOn: todayInJapan(), reason: "試行" },
    });
    expect(refused.statusCode).toBe(403);
    const list = await town.sessions.clerk.request({ method: "GET", url: "/api/protection/measures" });
    expect(list.statusCode).toBe(403);
  });

  it("runs one year from the day accepted, protects the applicant and the household members named, and is audited", async () => {
    const measure = await town.sessions.shien.request({ method: "GET", url: `/api/protection/measures/${town.measureId}` });
    expect(measure.statusCode).toBe(200);
    const { current, names } = measure.json();
    expect(current.protectedNumbers).toEqual([town.victim, town.child]);
    expect(current.status).toBe("active");
    expect(current.startsOn).toBe(todayInJapan());
    expect(current.endsOn > daysFromToday(363) && current.endsOn <= daysFromToday(366)).toBe(true);
    expect(names[town.victim]).toBe("鈴木\u3000花子");
    expect(await auditActions()).toContain("protection.measure-created");
  });

  it("refuses a renewal before the last month, and a period of more than a year, naming the field", async () => {
    const early = await town.sessions.shien.request({
      method: "POST",
      url: `/api/protection/measures/${town.measureId}/renew`,
      payload: { acceptedOn: todayInJapan(), reason: "延長の申出" },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe("protection.renewal-not-open");
    const tooLong = await town.sessions.shien.request({
      method: "POST",
      url: "/api/protection/measures",
      payload: { kind: "dv", applicantNumber: town.tanaka, acceptedOn: todayInJapan(), endsOn: daysFromToday(400), reason: "申出" },
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors.map((e: { field: string }) => e.field)).toContain("body/endsOn");
  });
});

describe("the counter's screens", () => {
  it("mark the protected person in search results and mask the address for a clerk", async () => {
    const search = await town.sessions.clerk.request({ method: "GET", url: "/api/resident/persons?q=スズキ", headers: PURPOSE });
    expect(search.statusCode).toBe(200);
    expect(search.headers["x-kyodo-protected"]).toBe("2");
    const victim = search.json().items.find((i: { addresseeNumber: string }) => i.addresseeNumber === town.victim);
    expect(victim.protection).toMatchObject({ active: true });
    expect(victim.address).toBe(MASKED);
    expect(search.body).not.toContain(SECRET.address);
  });

  it("mask the person view, its household and history, and leave other people's results alone", async () => {
    const view = await town.sessions.clerk.request({ method: "GET", url: `/api/resident/persons/${town.victimPersonId}`, headers: PURPOSE });
    expect(view.statusCode).toBe(200);
    expect(view.body).not.toContain(SECRET.address);
    expect(view.body).not.toContain(SECRET_NEXT.address);
    expect(view.json().protection).toMatchObject({ active: true });
    const other = await town.sessions.clerk.request({ method: "GET", url: "/api/resident/persons?q=ヤマダ", headers: PURPOSE });
    expect(other.headers["x-kyodo-protected"]).toBeUndefined();
    expect(other.body).toContain("葉山町堀内1000番地");
  });

  it("leave the protected household out of a search by address, where a match alone would say where they live", async () => {
    const url = `/api/resident/persons?address=${encodeURIComponent("神奈川県三浦郡葉山町一色")}`;
    const byClerk = await town.sessions.clerk.request({ method: "GET", url, headers: PURPOSE });
    expect(byClerk.statusCode).toBe(200);
    expect(byClerk.json().items.map((i: { addresseeNumber: string }) => i.addresseeNumber)).not.toContain(town.victim);
    expect(byClerk.headers["x-kyodo-protected"]).toBe("2");
    const byShien = await town.sessions.shien.request({ method: "GET", url, headers: PURPOSE });
    expect(byShien.json().items.map((i: { addresseeNumber: string }) => i.addresseeNumber)).toContain(town.victim);
  });

  it("show the 支援措置担当 the address, still marked", async () => {
    const view = await town.sessions.shien.request({ method: "GET", url: `/api/resident/persons/${town.victimPersonId}`, headers: PURPOSE });
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain(SECRET.address);
    expect(view.json().protection).toMatchObject({ active: true });
  });
});

describe("certificates", () => {
  it("refuse a protected person's 住民票の写し to a third party without a release, audit the refusal, and leave no gap in the serials", async () => {
    const refused = await town.sessions.clerk.request({ method: "POST", url: ISSUE, payload: thirdParty(town.victim) });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("protection.release-required");
    expect(refused.json().title_ja).toContain(SUPPORT_MEASURE_RULE);
    expect(refused.body).not.toContain("鈴木");
    expect(await auditActions()).toContain("protection.blocked");
    const other = await town.sessions.clerk.request({ method: "POST", url: ISSUE, payload: issueBody(town.adversary) });
    expect(other.statusCode).toBe(200);
    expect(String(other.headers["x-kyodo-certificate-serial"])).toMatch(/-000001$/);
  });

  it("let one certificate through to a third party with a supervisor's release, asked for by the clerk, approved by someone else, used once", async () => {
    const asked = await town.sessions.clerk.request({
      method: "POST",
      url: "/api/protection/releases",
      payload: {
        subjectNumber: town.victim,
        certificateKind: "resident.juminhyo",
        requesterKind: "third-party",
        requesterNote: "〇〇法律事務所 弁護士（事件番号を確認）",
        reason: "裁判所に提出する書類で、相手方に住所が伝わるおそれがない",
      },
    });
    expect(asked.statusCode).toBe(201);
    const releaseId = asked.json().releaseId as string;
    const early = await town.sessions.clerk.request({ method: "POST", url: ISSUE, payload: thirdParty(town.victim, { releaseId }) });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe("protection.release-not-usable");
    const byClerk = await town.sessions.clerk.request({
      method: "POST",
      url: `/api/protection/releases/${releaseId}/decision`,
      payload: { approved: true, note: "承認" },
    });
    expect(byClerk.statusCode).toBe(403);
    const approved = await town.sessions.supervisor.request({
      method: "POST",
      url: `/api/protection/releases/${releaseId}/decision`,
      payload: { approved: true, note: "本人確認済み、承認する" },
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().state).toBe("approved");
    const anotherClerk = await town.sessions.clerk2.request({ method: "POST", url: ISSUE, payload: thirdParty(town.victim, { releaseId }) });
    expect(anotherClerk.json().code).toBe("protection.release-not-usable");
    const issued = await town.sessions.clerk.request({ method: "POST", url: ISSUE, payload: thirdParty(town.victim, { releaseId }) });
    expect(issued.statusCode).toBe(200);
    expect(issued.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const again = await town.sessions.clerk.request({ method: "POST", url: ISSUE, payload: thirdParty(town.victim, { releaseId }) });
    expect(again.json().code).toBe("protection.release-not-usable");
    const used = await town.sessions.clerk.request({ method: "GET", url: `/api/protection/releases/${releaseId}` });
    expect(used.json()).toMatchObject({ state: "used", subjectName: "鈴木\u3000花子", use: { serial: issued.headers["x-kyodo-certificate-serial"] } });
    const actions = await auditActions();
    for (const action of ["protection.release-requested", "protection.release-approved", "protection.release-used"]) expect(actions).toContain(action);
  });

  it("refuse the 相手方 even with an approved release", async () => {
    const asked = await town.sessions.clerk.request({
      method: "POST",
      url: "/api/protection/releases",
      payload: {
        subjectNumber: town.victim,
        certificateKind: "resident.juminhyo",
        requesterKind: "third-party",
        requesterNote: "債権者を名乗る者",
        reason: "債権回収のため",
      },
    });
    const releaseId = asked.json().releaseId as string;
    await town.sessions.supervisor.request({
      method: "POST",
      url: `/api/protection/releases/${releaseId}/decision`,
      payload: { approved: true, note: "承認" },
    });
    const refused = await town.sessions.clerk.request({
      method: "POST",
      url: ISSUE,
      payload: issueBody(town.victim, { releaseId, requesterKind: "third-party", requester: { nameKana: "ﾔﾏﾀﾞ ﾀﾛｳ", birthDate: "1985-01-10" } }),
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("protection.requester-is-adversary");
    // A 相手方 known by 宛名番号 asking for his own household's certificate is refused when it would print her.
    const byNumber = await town.sessions.clerk.request({
      method: "POST",
      url: ISSUE,
      payload: issueBody(town.child, { options: { scope: "household" }, requester: { addresseeNumber: town.adversary } }),
    });
    expect(byNumber.json().code).toBe("protection.requester-is-adversary");
  });

  it("shield everyone registered at a protected person's address: their own 住民票 would print it too", async () => {
    const household = await town.sessions.clerk.request({
      method: "POST",
      url: ISSUE,
      payload: thirdParty(town.tanaka, { options: { scope: "household" } }),
    });
    expect(household.json().code).toBe("protection.release-required");
    const alone = await town.sessions.clerk.request({ method: "POST", url: ISSUE, payload: thirdParty(town.tanaka) });
    expect(alone.json().code).toBe("protection.release-required");
    // His own request is a protected household's own request: at the counter, on a 本人確認.
    const own = await town.sessions.clerk.request({ method: "POST", url: ISSUE, payload: issueBody(town.tanaka, { requesterKind: "self" }) });
    expect(own.json().code).toBe("protection.identity-check-required");
    const search = await town.sessions.clerk.request({ method: "GET", url: "/api/resident/persons?q=タナカ", headers: PURPOSE });
    const husband = search.json().items.find((i: { addresseeNumber: string }) => i.addresseeNumber === town.tanaka);
    expect(husband.protection).toMatchObject({ active: true });
    expect(husband.address).toBe(MASKED);
  });
});

describe("the protected person's own request (支援措置, 住民基本台帳事務処理要領 第5-10)", () => {
  async function requestRow(serial: string) {
    const [year, number] = serial.split("-").map(Number);
    const rows = await town.t.db.owner.query(
      `SELECT r.channel, r.identity_document, r.identity_checked_by::text, r.identity_checked_at, i.issued_at, i.issued_by::text
         FROM certificate_issue_request r JOIN certificate_issue i USING (tenant_id, fiscal_year, number)
        WHERE r.tenant_id = $1 AND r.fiscal_year = $2 AND r.number = $3`,
      [TOWN_A.id, year, number],
    );
    return rows.rows[0] as Record<string, unknown> | undefined;
  }

  it("is issued at the counter after a photo ID is seen and recorded, without a release; the check is stored with the issue and audited", async () => {
    const before = (await auditActions()).filter((a) => a === "protection.release-used").length;
    const issued = await town.sessions.clerk.request({
      method: "POST",
      url: ISSUE,
      payload: issueBody(town.victim, { channel: "counter", identityCheck: SEEN }),
    });
    expect(issued.statusCode).toBe(200);
    expect(issued.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    const serial = String(issued.headers["x-kyodo-certificate-serial"]);
    const row = await requestRow(serial);
    expect(row).toMatchObject({ channel: "counter", identity_document: "driver-license" });
    expect(row!.identity_checked_by).toBe(row!.issued_by);
    expect((row!.identity_checked_at as Date).getTime()).toBe((row!.issued_at as Date).getTime());
    // No release was used, and the audit names the kind of document — nothing read from it.
    expect((await auditActions()).filter((a) => a === "protection.release-used")).toHaveLength(before);
    const audit = await town.t.db.owner.query(
      "SELECT subject, detail FROM audit_log WHERE tenant_id = $1 AND action = 'protection.identity-checked' ORDER BY seq::bigint DESC LIMIT 1",
      [TOWN_A.id],
    );
    expect(audit.rows[0]).toMatchObject({
      subject: `addressee:${town.victim}`,
      detail: { serial, kind: "resident.juminhyo", channel: "counter", identityDocument: "driver-license" },
    });
    expect(JSON.stringify(audit.rows[0])).not.toMatch(/鈴木|スズキ|葉山町/);
  });

  it("needs the check each time, also for a member of the household asking; an unchecked or unknown document is refused", async () => {
    const again = await town.sessions.clerk.request({ method: "POST", url: ISSUE, payload: issueBody(town.victim, { channel: "counter" }) });
    expect(again.statusCode).toBe(403);
    expect(again.json().code).toBe("protection.identity-check-required");
    expect(again.json().title_ja).toContain(SUPPORT_MEASURE_RULE);
    const household = await town.sessions.clerk.request({
      method: "POST",
      url: ISSUE,
      payload: issueBody(town.child, { requesterKind: "same-household", options: { scope: "household" }, identityCheck: { document: "my-number-card", checked: true } }),
    });
    expect(household.statusCode).toBe(200);
    for (const identityCheck of [{ document: "driver-license", checked: false }, { document: "library-card", checked: true }]) {
      const bad = await town.sessions.clerk.request({ method: "POST", url: ISSUE, payload: issueBody(town.victim, { identityCheck }) });
      expect(bad.statusCode, JSON.stringify(identityCheck)).toBe(400);
    }
  });

  it("is refused by mail, at コンビニ交付 and at 広域交付, naming the channel and the rule; an ID check recorded on a mail request is a mistake", async () => {
    for (const [channel, name] of [["mail", "郵送"], ["convenience-store", "コンビニ交付"], ["wide-area", "広域交付"]] as const) {
      const refused = await town.sessions.clerk.request({ method: "POST", url: ISSUE, payload: issueBody(town.victim, { channel }) });
      expect(refused.statusCode, channel).toBe(403);
      expect(refused.json().code).toBe("protection.channel-refused");
      expect(refused.json().title_ja).toContain(`${name}では受け付けられません`);
      expect(refused.json().title_ja).toContain(SUPPORT_MEASURE_RULE);
      expect(refused.body).not.toContain("鈴木");
    }
    // A photo ID is compared with the person at the counter: a check recorded on a mail request is a mistake.
    const mailed = await town.sessions.clerk.request({ method: "POST", url: ISSUE, payload: issueBody(town.victim, { channel: "mail", identityCheck: SEEN }) });
    expect(mailed.statusCode).toBe(400);
    expect(mailed.json().errors.map((e: { field: string }) => e.field)).toContain("body/identityCheck");
  });

  it("is refused from an agent or messenger, with or without a letter of attorney, and a third party cannot use コンビニ交付 or 広域交付", async () => {
    const agent = await town.sessions.clerk.request({ method: "POST", url: ISSUE, payload: issueBody(town.victim, { requesterKind: "agent", identityCheck: SEEN }) });
    expect(agent.statusCode).toBe(403);
    expect(agent.json().code).toBe("protection.agent-refused");
    expect(agent.json().title_ja).toContain("代理人・使者");
    const store = await town.sessions.clerk.request({ method: "POST", url: ISSUE, payload: thirdParty(town.victim, { channel: "convenience-store" }) });
    expect(store.json().code).toBe("protection.channel-refused");
    // A third party by mail is examined like one at the counter: the release is still the way.
    const mail = await town.sessions.clerk.request({ method: "POST", url: ISSUE, payload: thirdParty(town.victim, { channel: "mail" }) });
    expect(mail.json().code).toBe("protection.release-required");
  });

  it("is refused to the 相手方 who claims to be the person, ID or not", async () => {
    const refused = await town.sessions.clerk.request({
      method: "POST",
      url: ISSUE,
      payload: issueBody(town.victim, { identityCheck: SEEN, requester: { addresseeNumber: town.adversary } }),
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe("protection.requester-is-adversary");
  });

  it("every refusal is audited with its channel, and an unprotected person's certificate by mail is issued with its channel recorded", async () => {
    const blocked = await town.t.db.owner.query(
      "SELECT detail FROM audit_log WHERE tenant_id = $1 AND action = 'protection.blocked' ORDER BY seq::bigint",
      [TOWN_A.id],
    );
    const reasons = new Set(blocked.rows.map((r) => (r.detail as { reason: string }).reason));
    for (const reason of ["identity-check-required", "channel-refused", "agent-refused", "requester-is-adversary", "release-required"]) expect(reasons).toContain(reason);
    expect(blocked.rows.some((r) => (r.detail as { channel?: string }).channel === "wide-area")).toBe(true);
    const mailed = await town.sessions.clerk.request({ method: "POST", url: ISSUE, payload: issueBody(town.adversary, { channel: "mail" }) });
    expect(mailed.statusCode).toBe(200);
    expect(await requestRow(String(mailed.headers["x-kyodo-certificate-serial"]))).toMatchObject({ channel: "mail", identity_document: null, identity_checked_by: null });
  });

  it("applies on the measure's last day and no longer the day after (edge dates of the period)", async () => {
    const measure = await town.sessions.shien.request({ method: "GET", url: `/api/protection/measures/${town.measureId}` });
    const { startsOn, endsOn } = measure.json().current as { startsOn: string; endsOn: string };
    const decide = (date: string) =>
      town.t.db.withTenant(TOWN_A.id, (tx) =>
        decideDisclosure(tx, [town.victim], {
          business: "resident",
          certificateKind: "resident.juminhyo",
          subjectNumber: town.victim,
          requesterKind: "self",
          channel: "mail",
          date,
          actor: "staff:test",
        }),
      );
    for (const date of [startsOn, endsOn]) {
      const refused = await decide(date).catch((e: unknown) => e);
      expect(refused, date).toBeInstanceOf(DisclosureRefused);
      expect((refused as DisclosureRefused).reason).toBe("channel-refused");
    }
    expect(await decide(dayAfter(endsOn))).toMatchObject({ protectedNumbers: [], identityChecked: false, release: null });
    expect(await decide(daysFromToday(-1))).toMatchObject({ protectedNumbers: [] });
  });

  it("keeps the request records append-only: the application can neither change nor delete them", async () => {
    for (const sql of ["UPDATE certificate_issue_request SET channel = 'counter'", "DELETE FROM certificate_issue_request"]) {
      await expect(town.t.db.withTenant(TOWN_A.id, (tx) => tx.query(sql)), sql).rejects.toThrow(/permission denied/);
    }
  });
});

describe("expiry and the end of a measure", () => {
  it("warns once of a measure ending within the notice days and of one that lapsed, and a rerun adds nothing", async () => {
    const ending = await town.sessions.shien.request({
      method: "POST",
      url: "/api/protection/measures",
      payload: { kind: "other", applicantNumber: town.adversary, acceptedOn: daysFromToday(-340), reason: "申出" },
    });
    expect(ending.statusCode).toBe(201);
    const lapsed = await town.sessions.shien.request({
      method: "POST",
      url: "/api/protection/measures",
      payload: { kind: "other", applicantNumber: town.tanaka, acceptedOn: daysFromToday(-10), endsOn: daysFromToday(-1), reason: "申出" },
    });
    expect(lapsed.statusCode).toBe(201);
    const first = await town.t.db.withTenant(TOWN_A.id, (tx) => noticeExpiries(tx, todayInJapan(), 30));
    expect(first).toEqual({ expiring: 1, expired: 1 });
    const second = await town.t.db.withTenant(TOWN_A.id, (tx) => noticeExpiries(tx, todayInJapan(), 30));
    expect(second).toEqual({ expiring: 0, expired: 0 });
    // Within the last month the renewal is accepted: another year from the day after the end.
    const endsOn = ending.json().endsOn as string;
    const renewed = await town.sessions.shien.request({
      method: "POST",
      url: `/api/protection/measures/${ending.json().measureId}/renew`,
      payload: { acceptedOn: todayInJapan(), reason: "延長の申出" },
    });
    expect(renewed.statusCode).toBe(200);
    // Another year from the day after the end, with no gap: the measure still protects today.
    expect(renewed.json()).toMatchObject({ version: 2, startsOn: ending.json().startsOn, status: "active" });
    expect(renewed.json().endsOn).toBe(periodEnd(dayAfter(endsOn)));
    const tooLate = await town.sessions.shien.request({
      method: "POST",
      url: `/api/protection/measures/${lapsed.json().measureId}/renew`,
      payload: { acceptedOn: todayInJapan(), reason: "延長の申出" },
    });
    expect(tooLate.json().code).toBe("protection.renewal-too-late");
  });

  it("stops protecting from the day a measure is ended, keeping every version", async () => {
    // 山田 lives alone; the measure renewed above is the only one naming him.
    const list = await town.sessions.shien.request({ method: "GET", url: `/api/protection/measures?addresseeNumber=${town.adversary}` });
    expect(list.json().items).toHaveLength(1);
    const id = list.json().items[0].measureId as string;
    const blocked = await town.sessions.clerk.request({ method: "POST", url: ISSUE, payload: issueBody(town.adversary) });
    expect(blocked.statusCode).toBe(403);
    const ended = await town.sessions.shien.request({
      method: "POST",
      url: `/api/protection/measures/${id}/end`,
      payload: { endedOn: todayInJapan(), reason: "本人から終了の申出" },
    });
    expect(ended.json().status).toBe("ended");
    const versions = await town.sessions.shien.request({ method: "GET", url: `/api/protection/measures/${id}` });
    expect(versions.json().versions.map((v: { change: string }) => v.change)).toEqual(["ended", "renewed", "created"]);
    const allowed = await town.sessions.clerk.request({ method: "POST", url: ISSUE, payload: issueBody(town.adversary) });
    expect(allowed.statusCode).toBe(200);
  });
});

describe("the audit log after all of the above", () => {
  it("is an intact hash chain: refusals audited in their own transactions and batched reads keep every link", async () => {
    const result = await town.t.db.withOperatorRole((tx) => verifyAuditLog(tx));
    expect(result.problem).toBeNull();
    expect(result.entries).toBeGreaterThan(50);
  });
});

describe("isolation and the operators' report", () => {
  it("another municipality's 支援措置担当 sees none of these measures", async () => {
    await addStaff(town.t.db, TOWN_B.id, "shien-b", { protection: ["write"] });
    const b = await login(town.app, "shien-b", PASSWORD, TOWN_B.id);
    const list = await b.request({ method: "GET", url: "/api/protection/measures?status=all" });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([]);
    const one = await b.request({ method: "GET", url: `/api/protection/measures/${town.measureId}` });
    expect(one.statusCode).toBe(404);
  });

  it("gives operators counts per municipality and no person", async () => {
    await addOperator(town.t.db);
    const ops = await login(town.app, "ops", PASSWORD);
    const report = await ops.request({ method: "GET", url: "/api/operator/protection" });
    expect(report.statusCode).toBe(200);
    const a = report.json().find((r: { tenantId: string }) => r.tenantId === TOWN_A.id);
    expect(a.active).toBeGreaterThanOrEqual(2);
    expect(report.body).not.toContain(town.victim);
  });
});
