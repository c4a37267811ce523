import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueCertificate, previewCertificate, type CertificateRequest } from "../../../platform/documents/certificate.ts";
import { formatWareki } from "../../../lib/wareki.ts";
import { todayInJapan } from "../../../platform/addressee/calendar-date.ts";
import type { ChangeView } from "../change-view.ts";
import { MY_NUMBER_REVEALED, RESIDENT_CODE_REVEALED, SHOWN_ON_CERTIFICATE } from "./disclosure.ts";
import {
  auditEntries,
  createTestbed,
  flat,
  issueCount,
  MAYOR,
  myNumberOf,
  numberOf,
  pdfText,
  personIdOf,
  personInput,
  renderPages,
  subjectOf,
  type Testbed,
} from "./certificate-test-support.ts";

const KIND = "resident.juminhyo";
const HOME_1 = { postalCode: "2400112", address: "神奈川県三浦郡葉山町堀内2135番地", addressLine2: "葉山ハイツ101" };
const HOME_2 = { postalCode: "2400111", address: "神奈川県三浦郡葉山町一色1番地" };
const FROM = { postalCode: "1000001", address: "東京都千代田区千代田1番1号" };
const DOMICILE = "東京都千代田区千代田一丁目1番";
const DOMICILE_HEAD = "髙橋 源一郎";
const ICHIRO_NUMBER = myNumberOf("12345678901");
const YOSHIKO_NUMBER = myNumberOf("23456789012");
// 葛 with the variation selector of its registered form: printed and extracted as stored.
const KATSUTA = "葛\u{E0100}太";

let tb: Testbed;
let movedIn: ChangeView;
let born: ChangeView;
let ichiro: string;
let yoshiko: string;
let katsuta: string;
let hana: string;
let neighbour: string;
let movedAway: { taro: string; jiro: string };
let deceased: string;

const request = (subjectId: string, options: Record<string, unknown> = {}, extra: Partial<CertificateRequest> = {}): CertificateRequest => ({
  subjectId,
  options,
  purpose: "児童手当の申請",
  requesterKind: "self",
  ...extra,
});

beforeAll(async () => {
  tb = await createTestbed();
  await tb.designate(Array.from({ length: 40 }, (_, i) => `4000000${String(i).padStart(4, "0")}`));
  movedIn = await tb.record({
    kind: "moved-in",
    effectiveDate: "2019-04-01",
    notifiedDate: "2019-04-05",
    address: HOME_1,
    previousAddress: FROM,
    persons: [
      personInput({
        familyName: "髙橋",
        givenName: "一郎",
        familyNameKana: "タカハシ",
        givenNameKana: "イチロウ",
        birthDate: "1980-05-05",
        relationship: "head",
        registeredDomicile: DOMICILE,
        domicileHead: DOMICILE_HEAD,
        myNumber: ICHIRO_NUMBER,
      }),
      personInput({
        familyName: "髙橋",
        givenName: "𠮷子",
        familyNameKana: "タカハシ",
        givenNameKana: "ヨシコ",
        sex: "female",
        birthDate: "1982-02-28",
        relationship: "wife",
        registeredDomicile: DOMICILE,
        domicileHead: DOMICILE_HEAD,
        myNumber: YOSHIKO_NUMBER,
      }),
      personInput({ familyName: "髙橋", givenName: KATSUTA, familyNameKana: "タカハシ", givenNameKana: "カツタ", birthDate: "2010-06-15", relationship: "child" }),
    ],
  });
  const householdId = movedIn.entries[0]!.after.householdId;
  born = await tb.record({
    kind: "born",
    effectiveDate: "2021-03-10",
    notifiedDate: "2021-03-15",
    householdId,
    person: { familyName: "髙橋", givenName: "花", familyNameKana: "タカハシ", givenNameKana: "ハナ", sex: "female", birthDate: "2021-03-10", relationship: "child" },
  });
  await tb.record({ kind: "address-changed", effectiveDate: "2024-07-01", notifiedDate: "2024-07-05", householdId, address: HOME_2 });
  ichiro = subjectOf(movedIn, "一郎");
  yoshiko = subjectOf(movedIn, "𠮷子");
  katsuta = subjectOf(movedIn, KATSUTA);
  hana = subjectOf(born, "花");

  const other = await tb.record({
    kind: "moved-in",
    effectiveDate: "2020-01-10",
    notifiedDate: "2020-01-10",
    address: { address: "神奈川県三浦郡葉山町長柄1番地" },
    previousAddress: FROM,
    persons: [personInput({ familyName: "佐藤", givenName: "健", birthDate: "1975-01-01", relationship: "head" })],
  });
  neighbour = subjectOf(other, "健");

  const family = await tb.record({
    kind: "moved-in",
    effectiveDate: "2018-01-10",
    notifiedDate: "2018-01-12",
    address: { address: "神奈川県三浦郡葉山町下山口1番地" },
    previousAddress: FROM,
    persons: [
      personInput({ familyName: "渡邉", givenName: "太郎", birthDate: "1960-01-01", relationship: "head" }),
      personInput({ familyName: "渡邉", givenName: "次郎", birthDate: "1990-01-01", relationship: "child" }),
    ],
  });
  movedAway = { taro: subjectOf(family, "太郎"), jiro: subjectOf(family, "次郎") };
  await tb.record({
    kind: "moved-out",
    effectiveDate: "2023-03-31",
    notifiedDate: "2023-03-20",
    personIds: [personIdOf(family, "太郎"), personIdOf(family, "次郎")],
    destination: { postalCode: "5300005", address: "大阪府大阪市北区中之島1丁目3番20号" },
  });

  const single = await tb.record({
    kind: "moved-in",
    effectiveDate: "2015-05-01",
    notifiedDate: "2015-05-01",
    address: { address: "神奈川県三浦郡葉山町木古庭1番地" },
    previousAddress: FROM,
    persons: [personInput({ familyName: "鈴木", givenName: "清", birthDate: "1940-02-02", relationship: "head" })],
  });
  deceased = subjectOf(single, "清");
  await tb.record({ kind: "died", effectiveDate: "2024-01-20", notifiedDate: "2024-01-22", personId: personIdOf(single, "清") });
});
afterAll(() => tb.close());

describe("住民票の写し (住民基本台帳法 第12条): one person, by the HTTP route", () => {
  it("prints the person's items in 和暦 with the name as stored, the certifier and the serial, and leaves out what 第12条第5項 omits unless asked", async () => {
    const response = await tb.clerkSession.request({ method: "POST", url: `/api/certificates/${KIND}/issue`, payload: request(ichiro) });
    expect(response.statusCode, response.body).toBe(200);
    const serial = response.headers["x-kyodo-certificate-serial"] as string;
    const text = pdfText(response.rawPayload, "juminhyo-person");
    const f = flat(text);
    expect(f).toContain("住民票の写し");
    expect(f).toContain("髙橋一郎");
    expect(f).toContain("タカハシイチロウ");
    expect(f).toContain("昭和55年5月5日");
    expect(f).toContain("男");
    expect(f).toContain("神奈川県三浦郡葉山町一色1番地");
    expect(f).toContain(`住民となった年月日${formatWareki("2019-04-01")}`);
    expect(f).toContain(`住所を定めた年月日${formatWareki("2024-07-01")}`);
    expect(f).toContain(`${formatWareki("2024-07-05")}転居届`);
    // 前住所 after the 転居 is the first address in the town, with its 方書.
    expect(f).toContain("前住所神奈川県三浦郡葉山町堀内2135番地葉山ハイツ101");
    expect(f).toContain("記載を省略した事項：世帯主・続柄、本籍・筆頭者、個人番号、住民票コード");
    expect(f).not.toContain(flat(DOMICILE));
    expect(f).not.toContain("40000000");
    expect(f).not.toMatch(/続柄(世帯主|妻|子)/);
    expect(f).not.toContain("記載事項の基準日");
    expect(f).not.toContain(ICHIRO_NUMBER);
    expect(f).not.toContain("𠮷子");
    expect(f).toContain("この写しは、住民票の原本と相違ないことを証明する。");
    expect(f).toContain(flat(`神奈川県三浦郡葉山町長 ${MAYOR}`));
    expect(f).toContain(formatWareki(todayInJapan()));
    expect(text).toContain(`証明書番号 ${serial}`);
    // An address prints its digits in one width, whatever width they were stored in.
    expect(text.replace(/\s+/gu, "")).toContain("前住所神奈川県三浦郡葉山町堀内２１３５番地葉山ハイツ１０１");
    expect(text).not.toMatch(/堀内2135|ハイツ101/u);
  });

  it("records the options without personal data, under the person's addressee subject", async () => {
    const before = await issueCount(tb.t);
    const issued = await issueCertificate(tb.t.platform, tb.clerk, KIND, request(ichiro, { scope: "chosen", members: [numberOf(hana)] }));
    expect(await issueCount(tb.t)).toBe(before + 1);
    const row = await tb.t.db.withTenant(tb.clerk.tenantId, async (tx) =>
      (await tx.query("SELECT subject, options FROM certificate_issue WHERE serial = $1", [issued.serial])).rows[0],
    );
    expect(row.subject).toBe(ichiro);
    expect(row.options).toEqual({
      scope: "chosen",
      members: [numberOf(hana)],
      showRelationship: false,
      showDomicile: false,
      showMyNumber: false,
      showResidentCode: false,
      showPreviousAddress: true,
    });
    expect(JSON.stringify(row)).not.toMatch(/髙橋|花|葉山町/);
  });
});

describe("住民票の写し of the household (世帯全員) and of chosen members", () => {
  it("lists every member in 住民票 order with 世帯主, 続柄 and 本籍・筆頭者 when asked", async () => {
    const issued = await issueCertificate(
      tb.t.platform,
      tb.clerk,
      KIND,
      request(hana, { scope: "household", showRelationship: true, showDomicile: true }),
    );
    const f = flat(pdfText(issued.pdf, "juminhyo-household"));
    renderPages("juminhyo-household");
    expect(issued.pageCount).toBe(1);
    const order = ["髙橋一郎", "髙橋𠮷子", `髙橋${KATSUTA}`, "髙橋花"].map((name) => f.indexOf(name));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(f).toContain("世帯主髙橋一郎");
    expect(f).toMatch(/続柄世帯主/);
    expect(f).toMatch(/続柄妻/);
    expect(f.match(/続柄子/g)).toHaveLength(2);
    expect(f).toContain(`本籍${flat(DOMICILE)}`);
    expect(f).toContain(`筆頭者${flat(DOMICILE_HEAD)}`);
    expect(f).toContain("記載を省略した事項：個人番号、住民票コード");
    // 花 was born here: she became a resident on her birthday.
    expect(f).toContain(`髙橋花生年月日${formatWareki("2021-03-10")}`);
    expect(f).toContain(`住民となった年月日${formatWareki("2021-03-10")}`);
    expect(f).toContain("この写しは、世帯全員の住民票の原本と相違ないことを証明する。");
  });

  it("audits each member shown besides the subject, naming the certificate's serial", async () => {
    const issued = await issueCertificate(tb.t.platform, tb.clerk, KIND, request(yoshiko, { scope: "household" }));
    const shown = (await auditEntries(tb.t, SHOWN_ON_CERTIFICATE)).filter((e) => e.detail.serial === issued.serial);
    expect(shown.map((e) => e.subject).sort()).toEqual([ichiro, katsuta, hana].sort());
    expect(shown.every((e) => e.actor === `staff:${tb.clerk.staffId}` && e.detail.certificateSubject === yoshiko)).toBe(true);
  });

  it("prints the subject and the chosen members only", async () => {
    const issued = await issueCertificate(tb.t.platform, tb.clerk, KIND, request(ichiro, { scope: "chosen", members: [numberOf(katsuta)] }));
    const f = flat(pdfText(issued.pdf, "juminhyo-chosen"));
    expect(f).toContain("髙橋一郎");
    expect(f).toContain(`髙橋${KATSUTA}`);
    expect(f).not.toContain("𠮷子");
    expect(f).not.toContain("髙橋花");
  });

  it("refuses a chosen member from another household, naming the member (400), and members without scope chosen", async () => {
    await expect(issueCertificate(tb.t.platform, tb.clerk, KIND, request(ichiro, { scope: "chosen", members: [numberOf(neighbour)] }))).rejects.toMatchObject({
      status: 400,
      code: "not-a-household-member",
      errors: [{ field: "body/options/members/0" }],
    });
    await expect(issueCertificate(tb.t.platform, tb.clerk, KIND, request(ichiro, { members: [numberOf(hana)] }))).rejects.toMatchObject({
      status: 400,
      errors: [{ field: "body/options/members" }],
    });
  });
});

describe("個人番号 on the 写し: only for 管理 (resident:admin), and audited as a reveal", () => {
  it("a clerk asking for the 個人番号 gets 403 naming the option, and nothing is recorded or revealed", async () => {
    const before = await issueCount(tb.t);
    const revealed = (await auditEntries(tb.t, MY_NUMBER_REVEALED)).length;
    const response = await tb.clerkSession.request({
      method: "POST",
      url: `/api/certificates/${KIND}/issue`,
      payload: request(ichiro, { showMyNumber: true }),
    });
    expect(response.statusCode).toBe(403);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    const problem = response.json();
    expect(problem.code).toBe("certificate-item-not-permitted");
    expect(problem.errors).toEqual([{ field: "body/options/showMyNumber", message: "requires resident:admin" }]);
    expect(response.body).not.toContain(ICHIRO_NUMBER);
    expect(await issueCount(tb.t)).toBe(before);
    expect((await auditEntries(tb.t, MY_NUMBER_REVEALED)).length).toBe(revealed);
    await expect(previewCertificate(tb.t.platform, tb.clerk, KIND, request(ichiro, { showMyNumber: true }))).rejects.toMatchObject({ status: 403 });
  });

  it("住民票コード on request (第12条第5項): a clerk may ask; each member's code printed, each audited with the serial, and it leaves the omitted list", async () => {
    const response = await tb.clerkSession.request({
      method: "POST",
      url: `/api/certificates/${KIND}/issue`,
      payload: request(ichiro, { scope: "chosen", members: [numberOf(yoshiko)], showResidentCode: true }),
    });
    expect(response.statusCode, response.body).toBe(200);
    const serial = response.headers["x-kyodo-certificate-serial"];
    const f = flat(pdfText(response.rawPayload, "juminhyo-resident-code"));
    const ichiroCode = await tb.residentCodeOf(ichiro);
    const yoshikoCode = await tb.residentCodeOf(yoshiko);
    expect(ichiroCode).toMatch(/^4000000\d{4}$/);
    expect(yoshikoCode).not.toBe(ichiroCode);
    expect(f).toContain(`住民票コード${ichiroCode}`);
    expect(f).toContain(`住民票コード${yoshikoCode}`);
    expect(f).toContain("記載を省略した事項：世帯主・続柄、本籍・筆頭者、個人番号");
    expect(f).not.toContain("個人番号、住民票コード");
    const reveals = (await auditEntries(tb.t, RESIDENT_CODE_REVEALED)).filter((e) => e.detail.serial === serial);
    expect(reveals.map((e) => e.subject).sort()).toEqual([ichiro, yoshiko].sort());
    expect(JSON.stringify(reveals)).not.toContain(ichiroCode);
  });

  it("an administrator gets the 個人番号 of each member printed, each reveal audited with the serial", async () => {
    const response = await tb.adminSession.request({
      method: "POST",
      url: `/api/certificates/${KIND}/issue`,
      payload: request(ichiro, { scope: "chosen", members: [numberOf(yoshiko), numberOf(katsuta)], showMyNumber: true }),
    });
    expect(response.statusCode, response.body).toBe(200);
    const serial = response.headers["x-kyodo-certificate-serial"];
    const f = flat(pdfText(response.rawPayload, "juminhyo-my-number"));
    expect(f).toContain(`個人番号${ICHIRO_NUMBER}`);
    expect(f).toContain(`個人番号${YOSHIKO_NUMBER}`);
    // 葛󠄀太 has none on record: the copy says so rather than print a blank.
    expect(f).toContain("個人番号記録なし");
    expect(f).toContain("記載を省略した事項：世帯主・続柄、本籍・筆頭者、住民票コード");
    const reveals = (await auditEntries(tb.t, MY_NUMBER_REVEALED)).filter((e) => e.detail.serial === serial);
    expect(reveals.map((e) => e.subject).sort()).toEqual([ichiro, yoshiko].sort());
    expect(JSON.stringify(reveals)).not.toContain(ICHIRO_NUMBER);
  });
});

describe("住民票の写し as of a date (記載事項の基準日)", () => {
  it("as of a day before the 転居 shows the address of that day and its own 前住所", async () => {
    const issued = await issueCertificate(tb.t.platform, tb.clerk, KIND, request(ichiro, { scope: "household" }, { asOf: "2023-01-01" }));
    const f = flat(pdfText(issued.pdf, "juminhyo-as-of"));
    expect(f).toContain(`${formatWareki("2021-03-15")}出生届`);
    expect(f).toContain("住所神奈川県三浦郡葉山町堀内2135番地葉山ハイツ101");
    expect(f).toContain(`前住所${flat(FROM.address)}`);
    expect(f).not.toContain("一色1番地");
    expect(f).toContain("記載事項の基準日令和5年1月1日現在");
    expect(f).toContain(`${formatWareki("2019-04-05")}転入届`);
  });

  it("as of a day before a birth, the household is without the child; before registration the person is not found (404)", async () => {
    const issued = await issueCertificate(tb.t.platform, tb.clerk, KIND, request(ichiro, { scope: "household" }, { asOf: "2020-06-01" }));
    const f = flat(pdfText(issued.pdf, "juminhyo-before-birth"));
    expect(f).toContain(`髙橋${KATSUTA}`);
    expect(f).not.toContain("髙橋花");
    await expect(issueCertificate(tb.t.platform, tb.clerk, KIND, request(hana, {}, { asOf: "2020-06-01" }))).rejects.toMatchObject({
      status: 404,
      code: "not-on-registry-on-date",
    });
  });
});

describe("住民票の除票の写し (第15条の4)", () => {
  it("a person who moved out prints as a 除票 with the 消除 and the 転出先, with those who left together", async () => {
    const issued = await issueCertificate(tb.t.platform, tb.clerk, KIND, request(movedAway.jiro, { scope: "household", showRelationship: true }));
    const text = pdfText(issued.pdf, "juminhyo-removed");
    renderPages("juminhyo-removed");
    const f = flat(text);
    expect(f).toContain("住民票の除票の写し");
    expect(f).toContain("渡邉太郎");
    expect(f).toContain("渡邉次郎");
    expect(f).toContain("世帯主渡邉太郎");
    expect(f).toContain(`消除の年月日・事由${formatWareki("2023-03-31")}転出（${formatWareki("2023-03-20")}届出）`);
    expect(f).toContain("転出先大阪府大阪市北区中之島1丁目3番20号");
    expect(f).toContain("この写しは、住民票の除票の原本と相違ないことを証明する。");
  });

  it("the same person as of the day before the 転出 is still on the 住民票", async () => {
    const issued = await issueCertificate(tb.t.platform, tb.clerk, KIND, request(movedAway.taro, {}, { asOf: "2023-03-30" }));
    const f = flat(pdfText(issued.pdf, "juminhyo-before-removal"));
    expect(f).toContain("住民票の写し");
    expect(f).not.toContain("除票");
    expect(f).not.toContain("大阪府");
  });

  it("a person who died prints as a 除票 by 死亡", async () => {
    const issued = await issueCertificate(tb.t.platform, tb.clerk, KIND, request(deceased));
    const f = flat(pdfText(issued.pdf, "juminhyo-died"));
    expect(f).toContain("住民票の除票の写し");
    expect(f).toContain(`${formatWareki("2024-01-20")}死亡（${formatWareki("2024-01-22")}届出）`);
    expect(f).not.toContain("転出先");
  });

  it("the 個人番号 of a person removed by death is not printed: asking for it is refused (422), even for 管理", async () => {
    await expect(issueCertificate(tb.t.platform, tb.admin, KIND, request(deceased, { showMyNumber: true }))).rejects.toMatchObject({
      status: 422,
      code: "my-number-not-printed-after-death",
      errors: [{ field: "body/options/showMyNumber" }],
    });
    const revealed = (await auditEntries(tb.t, MY_NUMBER_REVEALED)).filter((e) => e.subject === deceased);
    expect(revealed).toEqual([]);
  });

  it("nor is their 住民票コード: asking for it is refused (422), naming the option", async () => {
    await expect(issueCertificate(tb.t.platform, tb.clerk, KIND, request(deceased, { showResidentCode: true }))).rejects.toMatchObject({
      status: 422,
      code: "resident-code-not-printed-after-death",
      errors: [{ field: "body/options/showResidentCode" }],
    });
    expect((await auditEntries(tb.t, RESIDENT_CODE_REVEALED)).filter((e) => e.subject === deceased)).toEqual([]);
  });
});

describe("a large household", () => {
  it("twelve members continue onto further pages, each printed once, with page numbers", async () => {
    const children = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"].map((n, i) =>
      personInput({ familyName: "大家", givenName: `${n}男`, birthDate: `${2000 + i}-04-0${(i % 9) + 1}`, relationship: "child" }),
    );
    const big = await tb.record({
      kind: "moved-in",
      effectiveDate: "2022-04-01",
      notifiedDate: "2022-04-01",
      address: { address: "神奈川県三浦郡葉山町上山口1番地" },
      previousAddress: FROM,
      persons: [
        personInput({ familyName: "大家", givenName: "父", birthDate: "1970-01-01", relationship: "head" }),
        personInput({ familyName: "大家", givenName: "母", sex: "female", birthDate: "1972-01-01", relationship: "wife" }),
        ...children,
      ],
    });
    const issued = await issueCertificate(tb.t.platform, tb.clerk, KIND, request(subjectOf(big, "父"), { scope: "household", showRelationship: true }));
    expect(issued.pageCount).toBeGreaterThan(1);
    const f = flat(pdfText(issued.pdf, "juminhyo-large"));
    for (const name of ["大家父", "大家母", ...children.map((c) => `大家${c.givenName}`)]) {
      expect(f.split(`${name}生年月日`).length - 1, name).toBe(1);
    }
    const first = flat(pdfText(issued.pdf, "juminhyo-large", 1));
    const last = flat(pdfText(issued.pdf, "juminhyo-large", issued.pageCount));
    expect(first).toContain("大家父");
    expect(first).toContain(`1/${issued.pageCount}`);
    expect(last).toContain("大家十男");
    expect(last).toContain(`${issued.pageCount}/${issued.pageCount}`);
    expect(last).toContain("世帯全員の住民票の原本と相違ないことを証明する。");
    expect(first).not.toContain("相違ないことを証明する");
    renderPages("juminhyo-large");
  });
});

describe("the kinds and the preview (見本)", () => {
  it("GET /api/certificates/kinds lists the three resident certificates, issuable by a clerk", async () => {
    const kinds = (await tb.clerkSession.request({ method: "GET", url: "/api/certificates/kinds" })).json().kinds as { id: string; name: string; canIssue: boolean }[];
    const resident = kinds.filter((k) => k.id.startsWith("resident."));
    expect(resident.map((k) => [k.id, k.name, k.canIssue])).toEqual([
      ["resident.juminhyo", "住民票の写し", true],
      ["resident.kisai-jiko", "住民票記載事項証明書", true],
      ["resident.tenshutsu", "転出証明書", true],
    ]);
  });

  it("a preview carries the 見本 watermark and no serial, is not recorded, and still audits the members shown", async () => {
    const before = await issueCount(tb.t);
    const preview = await previewCertificate(tb.t.platform, tb.clerk, KIND, request(katsuta, { scope: "household", showRelationship: true }));
    const text = pdfText(preview.pdf, "juminhyo-preview");
    renderPages("juminhyo-preview");
    expect(flat(text)).toContain("見本");
    expect(text).toContain("見本（証明書番号なし）");
    expect(preview.missingGlyphs).toBe(0);
    expect(await issueCount(tb.t)).toBe(before);
    const shown = (await auditEntries(tb.t, SHOWN_ON_CERTIFICATE)).filter((e) => e.detail.preview === true && e.detail.certificateSubject === katsuta);
    expect(shown.map((e) => e.subject).sort()).toEqual([ichiro, yoshiko, hana].sort());
  });
});

describe("what the subject must be", () => {
  it("an addressee subject is required (400); an unknown 宛名番号 is 404", async () => {
    await expect(issueCertificate(tb.t.platform, tb.clerk, KIND, request(personIdOf(movedIn, "一郎")))).rejects.toMatchObject({
      status: 400,
      errors: [{ field: "body/subjectId" }],
    });
    await expect(issueCertificate(tb.t.platform, tb.clerk, KIND, request("addressee:999999999999999"))).rejects.toMatchObject({
      status: 404,
      code: "person-not-found",
    });
  });

  it("a member of staff with only 閲覧 (read) cannot issue (403)", async () => {
    await expect(issueCertificate(tb.t.platform, tb.reader, KIND, request(ichiro))).rejects.toMatchObject({ status: 403, code: "forbidden" });
  });
});
