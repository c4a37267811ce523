// 検証コード (verification codes): how anyone holding a certificate — a bank, a landlord, a
// court — checks it without asking the municipality: the code printed on it (with a QR code) is
// looked up on the platform's public page, which answers only what the holder can already read
// on the paper plus whether it is genuine: this serial was issued on this date by this
// municipality, it was (not) voided, and (when given the PDF or its SHA-256) the document is the
// one issued, byte for byte. No names, addresses or kinds of subject: the answer holds no
// personal data (ADR 0019).
//
// Code: `<団体コード>-XXXX-XXXX-XXXX`, 60 random bits in Crockford's base 32 (no I, L, O, U, so it
// reads aloud and types without confusion). The 団体コード tells the public lookup which tenant's
// register to ask; the random part makes codes unguessable, so the lookup needs no secret and
// enumerating it is hopeless (2^60 codes per town), which keeps it cheap to rate-limit.
import crypto from "node:crypto";
import { Type } from "@sinclair/typebox";
import type { Platform, SettingDefinition } from "../contract.ts";
import type { Tx } from "../db/database.ts";
import { formatWareki } from "../../lib/wareki.ts";
import { todayInJapan } from "../addressee/calendar-date.ts";
import { getTenant } from "../tenancy/tenants.ts";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const VERIFICATION_CODE_PATTERN = "^[0-9]{6}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$";
const CODE = new RegExp(VERIFICATION_CODE_PATTERN);

export const VERIFICATION_BASE_URL_KEY = "documents.verificationBaseUrl";

export const verificationBaseUrl: SettingDefinition<string> = {
  key: VERIFICATION_BASE_URL_KEY,
  label: "証明書検証ページのURL",
  description:
    "証明書に印字する検証用QRコードの宛先（このプラットフォームの公開URL、例 https://kyodo.example.lg.jp）。末尾に /verify/<検証コード> を付けて印字する。",
  schema: Type.String({ maxLength: 200, pattern: "^(https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?)?$" }),
  nationalDefault: "",
  source: "全国標準なし（プラットフォームごとの値）。空のときは /verify/<検証コード> のみを印字する。",
};

/** A new code of the tenant: its 団体コード and 60 random bits. */
export function newVerificationCode(tenantId: string): string {
  const bytes = crypto.randomBytes(8);
  let value = bytes.readBigUInt64BE() >> 4n;
  const chars: string[] = [];
  for (let i = 0; i < 12; i++) {
    chars.unshift(CROCKFORD[Number(value & 31n)]!);
    value >>= 5n;
  }
  const random = chars.join("");
  return `${tenantId}-${random.slice(0, 4)}-${random.slice(4, 8)}-${random.slice(8)}`;
}

/** The code as typed: upper case, O→0, I/L→1, without spaces; null when it cannot be one. */
export function normaliseVerificationCode(text: string): string | null {
  const compact = text.toUpperCase().replace(/[\s-]/gu, "").replace(/O/gu, "0").replace(/[IL]/gu, "1");
  if (!/^[0-9]{6}[0-9A-Z]{12}$/u.test(compact)) return null;
  const code = `${compact.slice(0, 6)}-${compact.slice(6, 10)}-${compact.slice(10, 14)}-${compact.slice(14)}`;
  return CODE.test(code) ? code : null;
}

export async function verificationUrl(tx: Tx, platform: Platform, tenantId: string, code: string): Promise<string> {
  const base = await platform.settings.resolve<string>(tx, tenantId, VERIFICATION_BASE_URL_KEY);
  return `${base}/verify/${code}`;
}

export interface VerificationAnswer {
  code: string;
  serial: string;
  municipality: { code: string; name: string };
  /** The issue date in Japan, and as printed (和暦). */
  issuedOn: string;
  issuedOnWareki: string;
  voided: boolean;
  /** Whether the given SHA-256 is the issued PDF's; null when none was given. */
  hashMatches: boolean | null;
}

/** Looks the code up in its tenant's register; undefined for an unknown code (or town). */
export async function verifyCertificate(platform: Platform, code: string, sha256: string | null): Promise<VerificationAnswer | undefined> {
  const tenantId = code.slice(0, 6);
  return platform.db.withTenant(tenantId, async (tx) => {
    const row = (
      await tx.query<{ serial: string; issued_at: Date; sha256: string; voided: boolean }>(
        `SELECT i.serial, i.issued_at, i.sha256, v.voided_at IS NOT NULL AS voided
         FROM certificate_issue i LEFT JOIN certificate_void v USING (tenant_id, fiscal_year, number)
         WHERE i.verification_code = $1`,
        [code],
      )
    ).rows[0];
    if (!row) return undefined;
    const tenant = await getTenant(tx, tenantId);
    if (!tenant) return undefined;
    const issuedOn = todayInJapan(row.issued_at);
    const name = tenant.name.startsWith(tenant.prefecture_name) ? tenant.name : `${tenant.prefecture_name}${tenant.name}`;
    return {
      code,
      serial: row.serial,
      municipality: { code: tenantId, name },
      issuedOn,
      issuedOnWareki: formatWareki(issuedOn),
      voided: row.voided,
      hashMatches: sha256 === null ? null : crypto.timingSafeEqual(Buffer.from(sha256.toLowerCase()), Buffer.from(row.sha256)),
    };
  }, "public:verify");
}
