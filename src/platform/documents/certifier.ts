// 証明者 (certifier): the mayor who certifies a document, and the block that closes it —
// 「上記のとおり証明する。」, the date in 和暦, 「神奈川県三浦郡葉山町長」 then (after an ideographic
// space) the mayor's name, and the 職印 (official seal) printed over the end of that line.
// The name and title come from the platform settings, so a change of mayor is a setting change;
// the 郡 comes from the postal data (county.ts); the seal is the uploaded image valid on the
// issue date (seal.ts).
//
// A certificate certifies in the mayor's name (住民基本台帳法 第12条第1項: the 市町村長 issues the
// 写し), so an issue without the mayor's name or without a seal is refused (422
// certifier-incomplete, telling the administrator which setting to make) — except in tests and
// development (NODE_ENV test or development), where the placeholder box marks the missing seal.
// Demo towns get a fictional mayor and a drawn seal from the documents area's demo hook.
import { Type } from "@sinclair/typebox";
import SVGtoPDF from "svg-to-pdfkit";
import type { Platform, SettingDefinition } from "../contract.ts";
import type { Tx } from "../db/database.ts";
import { Problem } from "../http/problem.ts";
import { getTenant } from "../tenancy/tenants.ts";
import { formatWareki } from "../../lib/wareki.ts";
import { countyOf } from "./county.ts";
import { mm, type A4Document } from "./pdf.ts";
import { SEAL_RED, sealOn, type SealImage } from "./seal.ts";

export const CERTIFIER_PREFECTURE_KEY = "documents.certifierShowsPrefecture";

export const certifierShowsPrefecture: SettingDefinition<boolean> = {
  key: CERTIFIER_PREFECTURE_KEY,
  label: "証明者欄に都道府県名を冠する",
  description: "証明書の証明者欄を「神奈川県葉山町長」のように都道府県名から記すか（はい）、「葉山町長」と記すか（いいえ）。",
  schema: Type.Boolean(),
  nationalDefault: true,
  source: "全国標準なし。既定値は町村の証明書に多い記し方（参考値）。",
};

export const CERTIFIER_TITLE_KEY = "documents.certifierTitle";

export const certifierTitleSetting: SettingDefinition<string | null> = {
  key: CERTIFIER_TITLE_KEY,
  label: "証明者の職名（全体）",
  description:
    "証明者欄の職名を全体で指定する（例「神奈川県三浦郡葉山町長」）。未設定のときは都道府県名・郡名（郵便番号データによる）・団体名・首長の職名から組み立てる。",
  schema: Type.Union([Type.Null(), Type.String({ minLength: 1, maxLength: 64 })]),
  nationalDefault: null,
  source: "全国標準なし。既定（未設定）は総務省の団体名と日本郵便の郵便番号データの郡名から組み立てることを意味する。",
};

export interface Certifier {
  prefectureName: string;
  /** The display name (platform.municipalityDisplayName) or the registered name. */
  municipalityName: string;
  /** The issuing body as printed in the footer: 神奈川県葉山町. */
  issuerName: string;
  /** 神奈川県葉山町長 */
  title: string;
  /** The mayor's name; empty when the setting is empty (the title stands alone). */
  name: string;
  /** The 職印 valid on the issue date, or null when none was uploaded. */
  seal: SealImage | null;
}

/** Whether a certifier without a name or a seal may still issue: only in tests and development. */
export function allowsIncompleteCertifier(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === "test" || env.NODE_ENV === "development";
}

export const certifierProblems = {
  incomplete: (missing: ("mayorName" | "seal")[]) =>
    new Problem(
      422,
      "certifier-incomplete",
      "The certifier is not set up: certificates cannot be issued without the mayor's name and the official seal",
      "証明者の設定が不足しているため証明書を発行できません（管理者が首長の氏名 platform.mayorName と職印を設定してください）",
      missing.map((m) => (m === "mayorName" ? "set platform.mayorName" : "upload the 職印 valid today (PUT /api/certificates/seals)")).join("; "),
      missing.map((m) => ({ field: m === "mayorName" ? "settings/platform.mayorName" : "seals", message: "not set" })),
    ),
};

/** Refuses an issue whose certifier has no name or no seal, outside tests and development. */
export function requireCompleteCertifier(certifier: Certifier, env: NodeJS.ProcessEnv = process.env): void {
  const missing = [...(certifier.name ? [] : (["mayorName"] as const)), ...(certifier.seal ? [] : (["seal"] as const))];
  if (missing.length && !allowsIncompleteCertifier(env)) throw certifierProblems.incomplete(missing);
}

/**
 * The certifier's title: the municipality's name followed by 長 when the mayor's title is the
 * one the name implies (葉山町 + 町長 → 葉山町長, 千代田区 + 区長 → 千代田区長, and the national
 * default 市町村長 for a name ending in 市, 町, 村 or 区); otherwise the name and the title as set.
 */
export function certifierTitle(
  prefectureName: string,
  municipalityName: string,
  mayorTitle: string,
  showPrefecture: boolean,
  county: string | null = null,
): string {
  const last = municipalityName.slice(-1);
  const implied = mayorTitle === `${last}長` || (mayorTitle === "市町村長" && last !== "" && "市町村区".includes(last));
  const office = implied ? `${municipalityName}長` : `${municipalityName}${mayorTitle}`;
  // The 郡 belongs between the prefecture and the town: printed with the prefecture, not alone.
  if (!showPrefecture || municipalityName.startsWith(prefectureName)) return office;
  return `${prefectureName}${county && !municipalityName.startsWith(county) ? county : ""}${office}`;
}

/** Reads the certifier of the transaction's tenant from its registration and settings, with the seal valid on `date`. */
export async function resolveCertifier(tx: Tx, platform: Platform, tenantId: string, date: string): Promise<Certifier> {
  const tenant = await getTenant(tx, tenantId);
  if (!tenant) throw new Error("the tenant of the transaction is not registered");
  // One after another: a transaction is one connection, which runs one statement at a time.
  const displayName = await platform.settings.resolve<string | null>(tx, tenantId, "platform.municipalityDisplayName");
  const mayorTitle = await platform.settings.resolve<string>(tx, tenantId, "platform.mayorTitle");
  const mayorName = await platform.settings.resolve<string>(tx, tenantId, "platform.mayorName");
  const showPrefecture = await platform.settings.resolve<boolean>(tx, tenantId, CERTIFIER_PREFECTURE_KEY);
  const fullTitle = await platform.settings.resolve<string | null>(tx, tenantId, CERTIFIER_TITLE_KEY);
  const municipalityName = displayName ?? tenant.name;
  const prefectureName = tenant.prefecture_name;
  const county = await countyOf(Number(tenantId.slice(0, 2)), tenant.name);
  return {
    prefectureName,
    municipalityName,
    issuerName: municipalityName.startsWith(prefectureName) ? municipalityName : `${prefectureName}${municipalityName}`,
    title: fullTitle ?? certifierTitle(prefectureName, municipalityName, mayorTitle, showPrefecture, county),
    name: mayorName.trim(),
    seal: await sealOn(tx, date),
  };
}

const IDEOGRAPHIC_SPACE = "\u3000";

export const CERTIFICATION_STATEMENT = "上記のとおり証明する。";

/**
 * The closing block: the statement, the date (YYYY-MM-DD, printed in 和暦), and the certifier
 * with the seal over the last characters of the name, as a stamped seal sits; without a seal
 * (tests, development, previews before one is uploaded) a placeholder box says 職印.
 */
export function drawCertification(doc: A4Document, certifier: Certifier, date: string, statement = CERTIFICATION_STATEMENT): void {
  const seal = mm(21);
  doc.keepTogether(mm(12) + doc.measure(statement, doc.contentWidth) + mm(34) + seal / 2);
  doc.gap(12).paragraph(statement);
  doc.gap(6);
  doc.textAt(formatWareki(date), doc.left + mm(10), doc.y);
  doc.gap(14);
  const line = certifier.name ? `${certifier.title}${IDEOGRAPHIC_SPACE}${certifier.name}` : certifier.title;
  const size = 13;
  const y = doc.y;
  const right = doc.right - mm(14);
  doc.textAt(line, doc.left, y, { size, align: "right", width: right - doc.left, characterSpacing: 1 });
  const { pdf } = doc;
  // Its left edge on the middle of the last character: the name stays readable, the seal overlaps it.
  const x = right - size * 0.6;
  const top = y + size / 2 - seal / 2;
  pdf.save();
  if (certifier.seal?.mediaType === "image/svg+xml") {
    SVGtoPDF(pdf as unknown as Parameters<typeof SVGtoPDF>[0], certifier.seal.data, x, top, { width: seal, height: seal, preserveAspectRatio: "xMidYMid meet" });
  } else if (certifier.seal) {
    pdf.image(Buffer.from(certifier.seal.data, "base64"), x, top, { fit: [seal, seal], align: "center", valign: "center" });
  } else {
    pdf.lineWidth(1.2).strokeColor(SEAL_RED).rect(x, top, seal, seal).stroke();
    pdf.fillColor(SEAL_RED);
    doc.textAt("職印", x, top + seal / 2 - 5, { size: 8, align: "center", width: seal });
  }
  pdf.restore().fillColor("black");
  pdf.y = top + seal + mm(4);
}
