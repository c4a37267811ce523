import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueCertificate, type CertificateRequest } from "../../../platform/documents/certificate.ts";
import { formatWareki } from "../../../lib/wareki.ts";
import { MY_NUMBER_REVEALED } from "./disclosure.ts";
import {
  auditEntries,
  createTestbed,
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

const KIND = "resident.kisai-jiko";
const NUMBER = myNumberOf("34567890123");
const STATEMENT = "上記の事項は住民票の原本と相違ないことを証明する。";

let tb: Testbed;
let mother: string;
let son: string;
let leaver: string;

const request = (subjectId: string, options: Record<string, unknown> = {}, extra: Partial<CertificateRequest> = {}): CertificateRequest => ({
  subjectId,
  options,
  purpose: "年金の手続",
  requesterKind: "self",
  ...extra,
});

beforeAll(async () => {
  tb = await createTestbed();
  const family = await tb.record({
    kind: "moved-in",
    effectiveDate: "2016-10-01",
    notifiedDate: "2016-10-03",
    address: { postalCode: "2400113", address: "神奈川県三浦郡葉山町長柄100番地", addressLine2: "長柄荘2号室" },
    previousAddress: { address: "神奈川県横浜市中区日本大通1番地" },
    persons: [
      personInput({
        familyName: "𠮷田",
        givenName: "邉子",
        familyNameKana: "ヨシダ",
        givenNameKana: "ナベコ",
        sex: "female",
        birthDate: "1989-01-08",
        relationship: "head",
        registeredDomicile: "神奈川県横浜市中区日本大通1番地",
        domicileHead: "𠮷田 邉子",
        myNumber: NUMBER,
      }),
      personInput({ familyName: "𠮷田", givenName: "翔", familyNameKana: "ヨシダ", givenNameKana: "ショウ", birthDate: "2012-12-12", relationship: "child" }),
    ],
  });
  mother = subjectOf(family, "邉子");
  son = subjectOf(family, "翔");
  const single = await tb.record({
    kind: "moved-in",
    effectiveDate: "2017-01-01",
    notifiedDate: "2017-01-05",
    address: { address: "神奈川県三浦郡葉山町堀内1番地" },
    previousAddress: { address: "静岡県静岡市葵区追手町9番6号" },
    persons: [personInput({ familyName: "山本", givenName: "一", birthDate: "1955-09-09", relationship: "head" })],
  });
  leaver = subjectOf(single, "一");
  await tb.record({
    kind: "moved-out",
    effectiveDate: "2024-02-29",
    notifiedDate: "2024-02-20",
    personIds: [personIdOf(single, "一")],
    destination: { address: "北海道札幌市中央区北1条西2丁目" },
  });
});
afterAll(() => tb.close());

describe("住民票記載事項証明書 (住民基本台帳法 第12条第1項)", () => {
  it("certifies the 氏名 and, by default, 生年月日, 性別 and 住所, with the statement of practice", async () => {
    const response = await tb.clerkSession.request({ method: "POST", url: `/api/certificates/${KIND}/issue`, payload: request(mother) });
    expect(response.statusCode, response.body).toBe(200);
    const text = pdfText(response.rawPayload, "kisai-jiko-default");
    renderPages("kisai-jiko-default");
    const f = flat(text);
    expect(f).toContain("住民票記載事項証明書");
    expect(f).toContain("氏名𠮷田邉子");
    expect(f).toContain("生年月日平成元年1月8日");
    expect(f).toContain("性別女");
    expect(f).toContain("住所神奈川県三浦郡葉山町長柄100番地長柄荘2号室");
    expect(f).toContain(STATEMENT);
    expect(f).toContain(flat(`神奈川県三浦郡葉山町長 ${MAYOR}`));
    expect(text).toContain(`証明書番号 ${response.headers["x-kyodo-certificate-serial"]}`);
    for (const absent of ["本籍", "世帯主", "前住所", "個人番号", NUMBER, "記載事項の基準日"]) expect(f).not.toContain(absent);
  });

  it("prints the chosen items in the order of 第7条, whatever order they were asked in", async () => {
    const issued = await issueCertificate(
      tb.t.platform,
      tb.clerk,
      KIND,
      request(son, { items: ["previousAddress", "domicile", "addressSinceDate", "headOfHousehold", "nameKana"] }),
    );
    const f = flat(pdfText(issued.pdf, "kisai-jiko-items"));
    const expected = [
      "氏名𠮷田翔",
      "フリガナヨシダショウ",
      "世帯主𠮷田邉子",
      "続柄子",
      "本籍本籍の記録なし",
      `住所を定めた年月日${formatWareki("2016-10-01")}`,
      `届出年月日${formatWareki("2016-10-03")}転入届`,
      "前住所神奈川県横浜市中区日本大通1番地",
    ];
    const positions = expected.map((s) => f.indexOf(s));
    expect(positions.every((p) => p >= 0), JSON.stringify(positions)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(f).not.toContain("生年月日");
  });

  it("the 個人番号 is refused to a clerk (403 naming the item) and printed for 管理, audited as a reveal", async () => {
    const before = await issueCount(tb.t);
    await expect(issueCertificate(tb.t.platform, tb.clerk, KIND, request(mother, { items: ["birthDate", "myNumber"] }))).rejects.toMatchObject({
      status: 403,
      code: "certificate-item-not-permitted",
      errors: [{ field: "body/options/items/1", message: "requires resident:admin" }],
    });
    expect(await issueCount(tb.t)).toBe(before);
    const issued = await issueCertificate(tb.t.platform, tb.admin, KIND, request(mother, { items: ["myNumber"] }));
    expect(flat(pdfText(issued.pdf, "kisai-jiko-my-number"))).toContain(`個人番号${NUMBER}`);
    const reveals = (await auditEntries(tb.t, MY_NUMBER_REVEALED)).filter((e) => e.detail.serial === issued.serial);
    expect(reveals.map((e) => e.subject)).toEqual([mother]);
  });

  it("a 除票 gives a 除票記載事項証明書 with the 消除 and the 転出先", async () => {
    const issued = await issueCertificate(tb.t.platform, tb.clerk, KIND, request(leaver, { items: ["address"] }));
    const f = flat(pdfText(issued.pdf, "kisai-jiko-removed"));
    renderPages("kisai-jiko-removed");
    expect(f).toContain("除票記載事項証明書");
    expect(f).toContain("住所神奈川県三浦郡葉山町堀内1番地");
    expect(f).toContain(`消除の年月日・事由${formatWareki("2024-02-29")}転出（${formatWareki("2024-02-20")}届出）`);
    expect(f).toContain("転出先北海道札幌市中央区北1条西2丁目");
    expect(f).toContain("上記の事項は住民票の除票の原本と相違ないことを証明する。");
  });

  it("certifies the items as they stood on an earlier day, and says which day", async () => {
    const issued = await issueCertificate(tb.t.platform, tb.clerk, KIND, request(leaver, { items: ["address"] }, { asOf: "2020-01-01" }));
    const f = flat(pdfText(issued.pdf, "kisai-jiko-as-of"));
    expect(f).toContain("住民票記載事項証明書");
    expect(f).not.toContain("除票");
    expect(f).not.toContain("転出先");
    expect(f).toContain(`記載事項の基準日${formatWareki("2020-01-01")}現在`);
  });

  it("an unknown item is a 400 naming it, and the options must name at least one item", async () => {
    await expect(issueCertificate(tb.t.platform, tb.clerk, KIND, request(mother, { items: ["income"] }))).rejects.toMatchObject({ status: 400 });
    await expect(issueCertificate(tb.t.platform, tb.clerk, KIND, request(mother, { items: [] }))).rejects.toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ field: "body/options/items" })],
    });
  });
});
