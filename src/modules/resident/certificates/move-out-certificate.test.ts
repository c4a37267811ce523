import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueCertificate, previewCertificate, type CertificateRequest } from "../../../platform/documents/certificate.ts";
import { formatWareki } from "../../../lib/wareki.ts";
import { todayInJapan } from "../../../platform/addressee/calendar-date.ts";
import { MY_NUMBER_REVEALED, RESIDENT_CODE_REVEALED, SHOWN_ON_CERTIFICATE } from "./disclosure.ts";
import {
  auditEntries,
  createTestbed,
  daysFromToday,
  flat,
  issueCount,
  MAYOR,
  myNumberOf,
  pdfText,
  personIdOf,
  personInput,
  renderPages,
  subjectOf,
  type Testbed,
} from "./certificate-test-support.ts";

const KIND = "resident.tenshutsu";
const DOMICILE = "神奈川県三浦郡葉山町堀内2135番地";
const HEAD_NUMBER = myNumberOf("45678901234");
const DESTINATION = { postalCode: "9800811", address: "宮城県仙台市青葉区一番町4丁目1番1号", addressLine2: "一番町ビル501" };

let tb: Testbed;
let planned: { head: string; wife: string };
let plannedDate: string;
let done: { head: string; child: string };
let partial: { head: string; daughter: string };
let stayer: string;
let deceased: string;

const request = (subjectId: string, options: Record<string, unknown> = {}, extra: Partial<CertificateRequest> = {}): CertificateRequest => ({
  subjectId,
  options,
  purpose: "転入届に添付",
  requesterKind: "self",
  ...extra,
});

beforeAll(async () => {
  tb = await createTestbed();
  await tb.designate(Array.from({ length: 20 }, (_, i) => `3000000${String(i).padStart(4, "0")}`));
  // A couple who notified today a 転出 ten days ahead: 転出予定.
  const couple = await tb.record({
    kind: "moved-in",
    effectiveDate: "2012-04-01",
    notifiedDate: "2012-04-02",
    address: { address: "神奈川県三浦郡葉山町一色2番地" },
    previousAddress: { address: "東京都港区芝公園4丁目2番8号" },
    persons: [
      personInput({
        familyName: "髙田",
        givenName: "誠",
        familyNameKana: "タカタ",
        givenNameKana: "マコト",
        birthDate: "1970-07-07",
        relationship: "head",
        registeredDomicile: DOMICILE,
        domicileHead: "髙田 誠",
        myNumber: HEAD_NUMBER,
      }),
      personInput({
        familyName: "髙田",
        givenName: "葛\u{E0100}美",
        familyNameKana: "タカタ",
        givenNameKana: "カツミ",
        sex: "female",
        birthDate: "1972-08-08",
        relationship: "wife",
        registeredDomicile: DOMICILE,
        domicileHead: "髙田 誠",
      }),
    ],
  });
  planned = { head: subjectOf(couple, "誠"), wife: subjectOf(couple, "葛\u{E0100}美") };
  plannedDate = daysFromToday(10);
  await tb.record({
    kind: "moved-out",
    effectiveDate: plannedDate,
    notifiedDate: todayInJapan(),
    personIds: [personIdOf(couple, "誠"), personIdOf(couple, "葛\u{E0100}美")],
    destination: DESTINATION,
  });

  // A parent and child who moved out last year and notified it afterwards.
  const pair = await tb.record({
    kind: "moved-in",
    effectiveDate: "2010-01-15",
    notifiedDate: "2010-01-20",
    address: { address: "神奈川県三浦郡葉山町堀内3番地" },
    previousAddress: { address: "千葉県千葉市中央区市場町1番1号" },
    persons: [
      personInput({ familyName: "佐々木", givenName: "剛", birthDate: "1965-03-03", relationship: "head" }),
      personInput({ familyName: "佐々木", givenName: "望", birthDate: "1995-05-05", relationship: "child" }),
    ],
  });
  done = { head: subjectOf(pair, "剛"), child: subjectOf(pair, "望") };
  await tb.record({
    kind: "moved-out",
    effectiveDate: "2025-03-01",
    notifiedDate: "2025-03-05",
    personIds: [personIdOf(pair, "剛"), personIdOf(pair, "望")],
    destination: { address: "千葉県船橋市本町2丁目10番25号" },
  });

  // A daughter leaving alone; her father stays.
  const household = await tb.record({
    kind: "moved-in",
    effectiveDate: "2000-06-01",
    notifiedDate: "2000-06-01",
    address: { address: "神奈川県三浦郡葉山町上山口5番地" },
    previousAddress: { address: "東京都港区芝公園4丁目2番8号" },
    persons: [
      personInput({ familyName: "中村", givenName: "勇", birthDate: "1950-01-01", relationship: "head" }),
      personInput({ familyName: "中村", givenName: "恵", sex: "female", birthDate: "1985-11-11", relationship: "child" }),
    ],
  });
  partial = { head: subjectOf(household, "勇"), daughter: subjectOf(household, "恵") };
  stayer = partial.head;
  await tb.record({
    kind: "moved-out",
    effectiveDate: "2025-09-01",
    notifiedDate: "2025-08-25",
    personIds: [personIdOf(household, "恵")],
    destination: { address: "東京都世田谷区世田谷4丁目21番27号" },
  });

  const single = await tb.record({
    kind: "moved-in",
    effectiveDate: "2001-01-01",
    notifiedDate: "2001-01-01",
    address: { address: "神奈川県三浦郡葉山町木古庭2番地" },
    previousAddress: { address: "東京都港区芝公園4丁目2番8号" },
    persons: [personInput({ familyName: "小林", givenName: "茂", birthDate: "1930-03-03", relationship: "head" })],
  });
  deceased = subjectOf(single, "茂");
  await tb.record({ kind: "died", effectiveDate: "2025-01-01", notifiedDate: "2025-01-03", personId: personIdOf(single, "茂") });
});
afterAll(() => tb.close());

describe("転出証明書 (住民基本台帳法施行令 第23条・第24条)", () => {
  it("for a planned 転出 lists everyone leaving with it, with 転出先, 転出予定年月日, 続柄 and 本籍・筆頭者, by the HTTP route", async () => {
    const response = await tb.clerkSession.request({ method: "POST", url: `/api/certificates/${KIND}/issue`, payload: request(planned.wife) });
    expect(response.statusCode, response.body).toBe(200);
    const text = pdfText(response.rawPayload, "tenshutsu-planned");
    renderPages("tenshutsu-planned");
    const f = flat(text);
    expect(f).toContain("転出証明書");
    expect(f).toContain("住所神奈川県三浦郡葉山町一色2番地");
    expect(f).toContain("世帯主髙田誠");
    expect(f).toContain("転出先宮城県仙台市青葉区一番町4丁目1番1号一番町ビル501");
    expect(f).toContain(`転出予定年月日${formatWareki(plannedDate)}`);
    expect(f).toContain(`届出年月日${formatWareki(todayInJapan())}`);
    expect(f.indexOf("髙田誠生年月日")).toBeGreaterThanOrEqual(0);
    expect(f.indexOf("髙田葛\u{E0100}美生年月日")).toBeGreaterThan(f.indexOf("髙田誠生年月日"));
    expect(f).toContain("続柄世帯主");
    expect(f).toContain("続柄妻");
    expect(f.split(`本籍${flat(DOMICILE)}`).length - 1).toBe(2);
    expect(f).toContain("筆頭者髙田誠");
    expect(f).toContain("前住所東京都港区芝公園4丁目2番8号");
    // 施行令第23条: nothing of the 住民票 is left out, the 個人番号 included.
    expect(f).not.toContain("記載を省略した事項");
    expect(f).toContain(`個人番号${HEAD_NUMBER}`);
    expect(f).toContain("転入先の市区町村長に提出してください");
    expect(f).toContain("上記のとおり転出の届出があったことを証明する。");
    expect(f).toContain(flat(`神奈川県三浦郡葉山町長 ${MAYOR}`));
    expect(text).toContain(`証明書番号 ${response.headers["x-kyodo-certificate-serial"]}`);
  });

  it("for a 転出 done and notified afterwards says 転出年月日; wholeMove false prints the subject only", async () => {
    const issued = await issueCertificate(tb.t.platform, tb.clerk, KIND, request(done.child, { wholeMove: false }));
    const f = flat(pdfText(issued.pdf, "tenshutsu-done"));
    expect(f).toContain(`転出年月日${formatWareki("2025-03-01")}`);
    expect(f).not.toContain("転出予定年月日");
    expect(f).toContain(`届出年月日${formatWareki("2025-03-05")}`);
    expect(f).toContain("転出先千葉県船橋市本町2丁目10番25号");
    expect(f).toContain("佐々木望生年月日");
    expect(f).not.toContain("佐々木剛生年月日");
    expect(f).toContain("世帯主佐々木剛");
    const whole = await issueCertificate(tb.t.platform, tb.clerk, KIND, request(done.child));
    const g = flat(pdfText(whole.pdf, "tenshutsu-done-whole"));
    expect(g).toContain("佐々木剛生年月日");
    expect(g).toContain("佐々木望生年月日");
    const shown = (await auditEntries(tb.t, SHOWN_ON_CERTIFICATE)).filter((e) => e.detail.serial === whole.serial);
    expect(shown.map((e) => e.subject)).toEqual([done.head]);
  });

  it("a member leaving alone gets a certificate of her own, naming the head who stays", async () => {
    const issued = await issueCertificate(tb.t.platform, tb.clerk, KIND, request(partial.daughter));
    const f = flat(pdfText(issued.pdf, "tenshutsu-partial"));
    expect(f).toContain("中村恵生年月日");
    expect(f).not.toContain("中村勇生年月日");
    expect(f).toContain("世帯主中村勇");
    expect(f).toContain("続柄子");
  });

  it("is refused (422) for a person with no 転出 — a resident staying, or one who died — and nothing is recorded", async () => {
    const before = await issueCount(tb.t);
    const response = await tb.clerkSession.request({ method: "POST", url: `/api/certificates/${KIND}/issue`, payload: request(stayer) });
    expect(response.statusCode).toBe(422);
    expect(response.json().code).toBe("no-move-out-to-certify");
    await expect(issueCertificate(tb.t.platform, tb.clerk, KIND, request(deceased))).rejects.toMatchObject({
      status: 422,
      code: "no-move-out-to-certify",
    });
    await expect(previewCertificate(tb.t.platform, tb.clerk, KIND, request(stayer))).rejects.toMatchObject({ status: 422 });
    expect(await issueCount(tb.t)).toBe(before);
  });

  it("is refused (422) as of a day before the 転出 was notified", async () => {
    await expect(issueCertificate(tb.t.platform, tb.clerk, KIND, request(done.head, {}, { asOf: "2025-02-28" }))).rejects.toMatchObject({
      status: 422,
      code: "no-move-out-to-certify",
    });
  });

  it("住民基本台帳法施行令 第23条: prints every mover's 住民票コード and 個人番号 for the issuing clerk, each printed value audited", async () => {
    const issued = await issueCertificate(tb.t.platform, tb.clerk, KIND, request(planned.head));
    const f = flat(pdfText(issued.pdf, "tenshutsu-codes"));
    expect(f).toContain(`個人番号${HEAD_NUMBER}`);
    expect(f).toContain("個人番号記録なし");
    const headCode = await tb.residentCodeOf(planned.head);
    const wifeCode = await tb.residentCodeOf(planned.wife);
    expect(headCode).toMatch(/^3000000\d{4}$/);
    expect(f).toContain(`住民票コード${headCode}`);
    expect(f).toContain(`住民票コード${wifeCode}`);
    expect(f).not.toContain("記載を省略した事項");
    const reveals = (await auditEntries(tb.t, MY_NUMBER_REVEALED)).filter((e) => e.detail.serial === issued.serial);
    expect(reveals.map((e) => e.subject)).toEqual([planned.head]);
    const codes = (await auditEntries(tb.t, RESIDENT_CODE_REVEALED)).filter((e) => e.detail.serial === issued.serial);
    expect(codes.map((e) => e.subject).sort()).toEqual([planned.head, planned.wife].sort());
  });

  it("takes no option to leave them out: showMyNumber is refused as an unknown option (400)", async () => {
    const response = await tb.clerkSession.request({ method: "POST", url: `/api/certificates/${KIND}/issue`, payload: request(planned.head, { showMyNumber: false }) });
    expect(response.statusCode).toBe(400);
  });
});
