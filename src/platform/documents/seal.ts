// 職印 (shokuin, the official seal of the mayor) as the images certificates print: uploaded by an
// administrator (PNG or SVG), each upload a new version with the dates it is valid from and to,
// never overwritten (migration 0002). A certificate prints the seal valid on its issue date over
// the end of the certifier line, as a stamped 住民票 shows it.
//
// SVG is accepted only as a drawing: no scripts, no event handlers, no external references, no
// DTD (an entity could read files or expand without end); it is printed by svg-to-pdfkit and
// shown to staff only as an <img>, where an SVG cannot run code anyway.
import crypto from "node:crypto";
import type { Tx } from "../db/database.ts";
import { Problem } from "../http/problem.ts";
import type { DocumentFont } from "./fonts.ts";
import { wordOutline } from "./ground-pattern.ts";

export type SealMediaType = "image/png" | "image/svg+xml";
export const SEAL_MAX_BYTES = 512 * 1024;
export const SEAL_RED = "#c8102e";

export interface SealImage {
  mediaType: SealMediaType;
  /** PNG as base64, SVG as its text: both survive the copy into a render thread. */
  data: string;
}

export interface SealVersion {
  version: number;
  mediaType: SealMediaType;
  sha256: string;
  byteCount: number;
  validFrom: string;
  validTo: string | null;
  reason: string;
  uploadedBy: string;
  uploadedAt: string;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export const sealProblems = {
  invalidImage: (message: string) =>
    new Problem(400, "invalid-seal-image", "The seal image is not an accepted PNG or SVG", "職印の画像が受け付けられる PNG または SVG ではありません", message, [
      { field: "body/image", message },
    ]),
};

/** Checks the bytes against the declared type; returns the reason they are refused, or null. */
export function refuseSealImage(mediaType: SealMediaType, bytes: Buffer): string | null {
  if (bytes.length === 0 || bytes.length > SEAL_MAX_BYTES) return `must be 1 to ${SEAL_MAX_BYTES} bytes`;
  if (mediaType === "image/png") return bytes.subarray(0, 8).equals(PNG_SIGNATURE) ? null : "not a PNG file";
  const text = bytes.toString("utf8");
  if (!/^\s*(<\?xml[^>]*\?>\s*)?<svg[\s>]/u.test(text) || !/<\/svg>\s*$/u.test(text)) return "not an SVG document";
  if (/<!DOCTYPE|<!ENTITY/iu.test(text)) return "an SVG with a DTD is refused";
  if (/<script|<foreignObject|\son[a-z]+\s*=/iu.test(text)) return "an SVG with scripts is refused";
  if (/(?:href|src)\s*=\s*["']\s*(?!#)/iu.test(text) || /url\(\s*["']?(?!#)/iu.test(text)) return "an SVG with external references is refused";
  return null;
}

interface SealRow {
  version: number;
  media_type: SealMediaType;
  sha256: string;
  byte_count: number;
  valid_from: string;
  valid_to: string | null;
  reason: string;
  uploaded_by: string;
  uploaded_at: Date;
}

const SEAL_COLUMNS = `version, media_type, sha256, octet_length(image) AS byte_count, valid_from::text AS valid_from,
  valid_to::text AS valid_to, reason, uploaded_by, uploaded_at`;

function view(r: SealRow): SealVersion {
  return {
    version: r.version,
    mediaType: r.media_type,
    sha256: r.sha256,
    byteCount: r.byte_count,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    reason: r.reason,
    uploadedBy: r.uploaded_by,
    uploadedAt: r.uploaded_at.toISOString(),
  };
}

export interface SealUpload {
  mediaType: SealMediaType;
  bytes: Buffer;
  validFrom: string;
  validTo: string | null;
  reason: string;
  actor: string;
}

/** Appends a version (the next number, under a per-tenant lock). The caller audits. */
export async function addSealVersion(tx: Tx, upload: SealUpload): Promise<SealVersion> {
  const refused = refuseSealImage(upload.mediaType, upload.bytes);
  if (refused) throw sealProblems.invalidImage(refused);
  await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('certificate-seal:' || current_setting('kyodo.tenant_id', true), 0))");
  const sha256 = crypto.createHash("sha256").update(upload.bytes).digest("hex");
  const inserted = await tx.query<SealRow>(
    `INSERT INTO certificate_seal (tenant_id, version, media_type, image, sha256, valid_from, valid_to, reason, uploaded_by)
     SELECT current_setting('kyodo.tenant_id', true), coalesce(max(version), 0) + 1, $1, $2, $3, $4, $5, $6, $7 FROM certificate_seal
     RETURNING ${SEAL_COLUMNS}`,
    [upload.mediaType, upload.bytes, sha256, upload.validFrom, upload.validTo, upload.reason, upload.actor],
  );
  return view(inserted.rows[0]!);
}

/** Every version, newest first. */
export async function listSealVersions(tx: Tx): Promise<SealVersion[]> {
  return (await tx.query<SealRow>(`SELECT ${SEAL_COLUMNS} FROM certificate_seal ORDER BY version DESC`)).rows.map(view);
}

export async function sealImageOf(tx: Tx, version: number): Promise<{ mediaType: SealMediaType; bytes: Buffer } | undefined> {
  const row = (await tx.query<{ media_type: SealMediaType; image: Buffer }>("SELECT media_type, image FROM certificate_seal WHERE version = $1", [version])).rows[0];
  return row && { mediaType: row.media_type, bytes: row.image };
}

/** The seal valid on a date (YYYY-MM-DD): the highest version whose period holds it. */
export async function sealOn(tx: Tx, date: string): Promise<SealImage | null> {
  const row = (
    await tx.query<{ media_type: SealMediaType; image: Buffer }>(
      `SELECT media_type, image FROM certificate_seal
       WHERE valid_from <= $1::date AND (valid_to IS NULL OR valid_to >= $1::date)
       ORDER BY version DESC LIMIT 1`,
      [date],
    )
  ).rows[0];
  if (!row) return null;
  return { mediaType: row.media_type, data: row.media_type === "image/png" ? row.image.toString("base64") : row.image.toString("utf8") };
}

/**
 * A plausible demo seal: a red square with a double border and the text 「<name>之印」 in columns
 * read from the right, as a 篆書 seal is laid out, drawn from the document font's outlines (so
 * the SVG holds paths only and needs no font to print). Fictional: for demo towns only.
 */
export function demoSealSvg(font: DocumentFont, municipalityName: string): string {
  const text = [...`${municipalityName}長之印`];
  const columns = text.length <= 4 ? 2 : 3;
  const rows = Math.ceil(text.length / columns);
  const side = 100;
  const inner = 82;
  const cellWidth = inner / columns;
  const cellHeight = inner / rows;
  const glyphs: string[] = [];
  text.forEach((c, i) => {
    const column = Math.floor(i / rows);
    const row = i % rows;
    const cx = side - 9 - cellWidth * (column + 0.5);
    const cy = 9 + cellHeight * (row + 0.5);
    // Drawn as wide as the cell, then stretched to its height, as seal script fills its square.
    const k = cellHeight / cellWidth;
    glyphs.push(`<path transform="matrix(1 0 0 ${k.toFixed(4)} 0 ${(cy * (1 - k)).toFixed(2)})" d="${wordOutline(font, c, cellWidth * 1.04, cx, cy)}"/>`);
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" width="${side}" height="${side}">`,
    `<rect x="2" y="2" width="96" height="96" rx="3" fill="none" stroke="${SEAL_RED}" stroke-width="4"/>`,
    `<rect x="6.5" y="6.5" width="87" height="87" rx="1" fill="none" stroke="${SEAL_RED}" stroke-width="1.2"/>`,
    `<g fill="${SEAL_RED}">${glyphs.join("")}</g>`,
    "</svg>",
  ].join("");
}
