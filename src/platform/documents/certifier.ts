// 証明者 (certifier): the mayor who certifies a document, and the block that closes it —
// 「上記のとおり証明する。」, the date in 和暦, 「神奈川県葉山町長」 then (after an ideographic space)
// the mayor's name, and the 職印 (official seal), drawn here as a placeholder square where the
// seal image is printed or stamped.
// The name and title come from the platform settings, so a change of mayor is a setting change.
import { Type } from "@sinclair/typebox";
import type { Platform, SettingDefinition } from "../contract.ts";
import type { Tx } from "../db/database.ts";
import { getTenant } from "../tenancy/tenants.ts";
import { formatWareki } from "../../lib/wareki.ts";
import { mm, type A4Document } from "./pdf.ts";

export const CERTIFIER_PREFECTURE_KEY = "documents.certifierShowsPrefecture";

export const certifierShowsPrefecture: SettingDefinition<boolean> = {
  key: CERTIFIER_PREFECTURE_KEY,
  label: "証明者欄に都道府県名を冠する",
  description: "証明書の証明者欄を「神奈川県葉山町長」のように都道府県名から記すか（true）、「葉山町長」と記すか（false）。",
  schema: Type.Boolean(),
  nationalDefault: true,
  source: "全国標準なし。既定値は町村の証明書に多い記し方（参考値）。",
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
}

/**
 * The certifier's title: the municipality's name followed by 長 when the mayor's title is the
 * one the name implies (葉山町 + 町長 → 葉山町長, 千代田区 + 区長 → 千代田区長, and the national
 * default 市町村長 for a name ending in 市, 町, 村 or 区); otherwise the name and the title as set.
 */
export function certifierTitle(prefectureName: string, municipalityName: string, mayorTitle: string, showPrefecture: boolean): string {
  const last = municipalityName.slice(-1);
  const implied = mayorTitle === `${last}長` || (mayorTitle === "市町村長" && last !== "" && "市町村区".includes(last));
  const office = implied ? `${municipalityName}長` : `${municipalityName}${mayorTitle}`;
  return showPrefecture && !municipalityName.startsWith(prefectureName) ? `${prefectureName}${office}` : office;
}

/** Reads the certifier of the transaction's tenant from its registration and settings. */
export async function resolveCertifier(tx: Tx, platform: Platform, tenantId: string): Promise<Certifier> {
  const tenant = await getTenant(tx, tenantId);
  if (!tenant) throw new Error("the tenant of the transaction is not registered");
  // One after another: a transaction is one connection, which runs one statement at a time.
  const displayName = await platform.settings.resolve<string | null>(tx, tenantId, "platform.municipalityDisplayName");
  const mayorTitle = await platform.settings.resolve<string>(tx, tenantId, "platform.mayorTitle");
  const mayorName = await platform.settings.resolve<string>(tx, tenantId, "platform.mayorName");
  const showPrefecture = await platform.settings.resolve<boolean>(tx, tenantId, CERTIFIER_PREFECTURE_KEY);
  const municipalityName = displayName ?? tenant.name;
  const prefectureName = tenant.prefecture_name;
  return {
    prefectureName,
    municipalityName,
    issuerName: municipalityName.startsWith(prefectureName) ? municipalityName : `${prefectureName}${municipalityName}`,
    title: certifierTitle(prefectureName, municipalityName, mayorTitle, showPrefecture),
    name: mayorName.trim(),
  };
}

const SEAL_RED = "#c00000";
const IDEOGRAPHIC_SPACE = "\u3000";

export const CERTIFICATION_STATEMENT = "上記のとおり証明する。";

/**
 * The closing block: the statement, the date (YYYY-MM-DD, printed in 和暦), and the certifier
 * with the seal placeholder over the end of the name, as a stamped seal sits.
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
  const x = doc.right - seal;
  const top = y + size / 2 - seal / 2;
  pdf.save().lineWidth(1.2).strokeColor(SEAL_RED).rect(x, top, seal, seal).stroke();
  pdf.fillColor(SEAL_RED);
  doc.textAt("職印", x, top + seal / 2 - 5, { size: 8, align: "center", width: seal });
  pdf.restore().fillColor("black");
  pdf.y = top + seal + mm(4);
}
