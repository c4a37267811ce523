// 証明書 (certificates): the contract by which an area or module offers a kind of certificate
// (住民票の写し, 印鑑登録証明書, 課税証明書 …), and issuing one. Issuing checks the staff member's
// role for the kind's module, allocates the serial, renders the PDF, and records the issue with
// the SHA-256 of the bytes and its audit entry — all in one tenant transaction, so a render that
// fails leaves no trace and no gap in the serials. A preview renders the same document with the
// 見本 watermark and no serial; it is not recorded in the register but is audited, since it
// shows a person's data.
import crypto from "node:crypto";
import type { Static, TSchema } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import type { AreaDefinition, Platform, Role } from "../contract.ts";
import type { Tx } from "../db/database.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { hasRole, type Principal } from "../identity/principal.ts";
import { problems } from "../http/problem.ts";
import { isIsoDate } from "../../lib/wareki.ts";
import { todayInJapan } from "../addressee/calendar-date.ts";
import type { DocumentFont, FontId } from "./fonts.ts";
import { A4Document, prepareDocumentFont, type RenderedDocument } from "./pdf.ts";
import { drawCertification, requireCompleteCertifier, resolveCertifier, type Certifier } from "./certifier.ts";
import { newVerificationCode, verificationUrl } from "./verification.ts";
import { allocateSerial, fiscalYearOf } from "./serial.ts";
import { CERTIFICATE_PREVIEWED, recordIssue } from "./issue-register.ts";
import {
  DEFAULT_CHANNEL,
  IDENTITY_DOCUMENTS,
  recordRequest,
  REQUEST_CHANNELS,
  REQUESTER_KINDS,
  type IdentityCheck,
  type RequestChannel,
  type RequesterKind,
} from "./requester.ts";
import { documentProblems } from "./problems.ts";
import { decideDisclosure, DisclosureRefused, type DisclosureDecision, type Requester } from "../protection/check.ts";
import { recordReleaseUse } from "../protection/releases.ts";

export interface CertificateRenderContext<O = unknown> {
  /** The tenant transaction the certificate is issued in: read the subject's data through it. */
  tx: Tx;
  tenantId: string;
  /** The subject by id (e.g. `addressee:000000000000123`), as the request named it. */
  subjectId: string;
  /** The options chosen, validated against the kind's optionsSchema, defaults applied. */
  options: O;
  /** The date the certified facts are stated as of (YYYY-MM-DD). */
  asOf: string;
  /** The 証明書番号, or null for a preview. */
  serial: string | null;
  platform: Platform;
  /** The instant of issue: the PDF's creation date and the register's issued_at. */
  issuedAt: Date;
  /** The date of certification printed on the document: the issue date in Japan. */
  issueDate: string;
  preview: boolean;
  certifier: Certifier;
  font: DocumentFont;
  /** A new A4 document carrying this certificate's metadata, serial, footer and, for a preview, 見本. */
  openDocument(): A4Document;
  /** Draws the closing block: statement (default 「上記のとおり証明する。」), date, certifier, seal. */
  certify(doc: A4Document, statement?: string): void;
  /**
   * 支援措置: names every person (by 宛名番号) the document will print, before drawing them. The
   * platform refuses the issue when one is protected and the request has no usable release, or
   * comes from a 相手方. A kind that renders without calling it is refused as a programming error.
   */
  disclose(addresseeNumbers: readonly string[]): Promise<void>;
}

export interface CertificateDefinition<S extends TSchema = TSchema> {
  /** `<module>.<name>`, e.g. `resident.residence-copy`. */
  id: string;
  /** The certificate's Japanese name, printed as its title and used as the PDF title. */
  name: string;
  /** The module whose role is checked. */
  module: string;
  requiredRole: Role;
  /** The choices a clerk makes (items to show …). No personal data: they are stored and audited. */
  optionsSchema: S;
  render(ctx: CertificateRenderContext<Static<S>>): Promise<RenderedDocument>;
}

/** Keeps a kind's options typed inside render while it joins the untyped list of an area. */
export function defineCertificate<S extends TSchema>(definition: CertificateDefinition<S>): CertificateDefinition {
  return definition as unknown as CertificateDefinition;
}

/** The areas' certificate kinds, by id, collected once per list of areas. */
const kindsByAreas = new WeakMap<readonly AreaDefinition[], Map<string, CertificateDefinition>>();

export function certificateKinds(areas: readonly AreaDefinition[]): Map<string, CertificateDefinition> {
  let kinds = kindsByAreas.get(areas);
  if (!kinds) {
    kinds = new Map();
    for (const area of areas) {
      for (const kind of (area as AreaDefinition & { certificates?: CertificateDefinition[] }).certificates ?? []) {
        if (kinds.has(kind.id)) throw new Error(`certificate kind ${kind.id} is declared twice`);
        kinds.set(kind.id, kind);
      }
    }
    kindsByAreas.set(areas, kinds);
  }
  return kinds;
}

/** Who issues: a staff member of the tenant, with roles per module. */
export type IssuingStaff = Pick<Extract<Principal, { kind: "staff" }>, "staffId" | "tenantId" | "roles">;

export interface CertificateRequest {
  subjectId: string;
  options?: unknown;
  /** 利用目的 as stated by the requester. */
  purpose: string;
  requesterKind: RequesterKind;
  /** 請求の方法 (窓口, 郵送, コンビニ交付, 広域交付); default 窓口. */
  channel?: RequestChannel;
  /** 本人確認 at the counter: the kind of photo ID seen. Recorded with the issue. */
  identityCheck?: IdentityCheck;
  /** Who asks, as identified at the counter: checked against the 相手方 of 支援措置. */
  requester?: Requester;
  /** An approved release (支援措置の一時解除) for this subject and kind, asked for by this clerk. */
  releaseId?: string;
  /** Default: the issue date. */
  asOf?: string;
}

export interface IssuedCertificate {
  serial: string;
  pdf: Buffer;
  pageCount: number;
  sha256: string;
  font: { id: FontId; name: string };
  issuedAt: Date;
  /** Variation sequences the font drew with the base glyph (see FONT_NOTES). */
  fallbackVariants: number;
  /** The code printed on it, by which anyone can verify it (GET /verify/{code}). */
  verificationCode: string;
}

export interface PreviewedCertificate {
  pdf: Buffer;
  pageCount: number;
  font: { id: FontId; name: string };
  missingGlyphs: number;
  fallbackVariants: number;
}

/** Subjects are ids, never names: ASCII letters, digits and `:._-`. */
export const SUBJECT_PATTERN = "^[A-Za-z0-9][A-Za-z0-9:._-]{0,99}$";


export function requireKind(platform: Platform, kindId: string): CertificateDefinition {
  const kind = certificateKinds(platform.areas).get(kindId);
  if (!kind) throw documentProblems.unknownKind();
  return kind;
}

export function canIssue(staff: Pick<IssuingStaff, "roles">, kind: CertificateDefinition): boolean {
  return hasRole(staff.roles[kind.module], kind.requiredRole);
}

interface CheckedRequest {
  options: Record<string, unknown>;
  purpose: string;
  asOf: string;
  channel: RequestChannel;
  identityCheck: IdentityCheck | null;
}

/** Validates what the HTTP schema cannot: the kind's options, and the dates. 400 with fields. */
function checkRequest(kind: CertificateDefinition, request: CertificateRequest, issueDate: string): CheckedRequest {
  const errors: { field: string; message: string }[] = [];
  if (!new RegExp(SUBJECT_PATTERN).test(request.subjectId)) errors.push({ field: "body/subjectId", message: "must be an id" });
  const purpose = request.purpose.trim();
  if (purpose.length < 1 || purpose.length > 200) errors.push({ field: "body/purpose", message: "1 to 200 characters" });
  if (!REQUESTER_KINDS.includes(request.requesterKind)) errors.push({ field: "body/requesterKind", message: "unknown kind" });
  const channel = request.channel ?? DEFAULT_CHANNEL;
  if (!REQUEST_CHANNELS.includes(channel)) errors.push({ field: "body/channel", message: "unknown channel" });
  const identityCheck = request.identityCheck ?? null;
  if (identityCheck !== null && (!IDENTITY_DOCUMENTS.includes(identityCheck.document) || identityCheck.checked !== true)) {
    errors.push({ field: "body/identityCheck", message: "a document of the list, checked" });
  } else if (identityCheck !== null && channel !== "counter") {
    // The record says a clerk compared a photo ID with the person in front of them.
    errors.push({ field: "body/identityCheck", message: "本人確認書類の確認は窓口での請求にだけ記録します" });
  }
  const asOf = request.asOf ?? issueDate;
  if (!isIsoDate(asOf)) errors.push({ field: "body/asOf", message: "must be an existing date YYYY-MM-DD" });
  else if (asOf > issueDate) errors.push({ field: "body/asOf", message: "must not be after the issue date" });
  const options = Value.Default(kind.optionsSchema, Value.Clone(request.options ?? {}));
  if (!Value.Check(kind.optionsSchema, options) || typeof options !== "object" || options === null || Array.isArray(options)) {
    for (const e of Value.Errors(kind.optionsSchema, options)) errors.push({ field: `body/options${e.path}`, message: e.message });
    if (!errors.some((e) => e.field.startsWith("body/options"))) errors.push({ field: "body/options", message: "must be an object" });
  }
  if (errors.length) throw documentProblems.invalid(errors);
  return { options: options as Record<string, unknown>, purpose, asOf, channel, identityCheck };
}

function authorise(staff: IssuingStaff, kind: CertificateDefinition): void {
  if (!canIssue(staff, kind)) throw problems.forbidden(`${kind.module}:${kind.requiredRole}`);
}

/** The instant of issue, to the second: PDF dates have no finer unit, so the register matches the PDF. */
function now(): Date {
  return new Date(Math.floor(Date.now() / 1000) * 1000);
}

function renderContext(
  platform: Platform,
  kind: CertificateDefinition,
  base: { tx: Tx; tenantId: string; subjectId: string; checked: CheckedRequest; issuedAt: Date; serial: string | null; verification?: { code: string; url: string } },
  certifier: Certifier,
  font: DocumentFont,
  disclose: (addresseeNumbers: readonly string[]) => Promise<void>,
): CertificateRenderContext {
  const issueDate = todayInJapan(base.issuedAt);
  const preview = base.serial === null;
  return {
    tx: base.tx,
    tenantId: base.tenantId,
    subjectId: base.subjectId,
    options: base.checked.options,
    asOf: base.checked.asOf,
    serial: base.serial,
    platform,
    issuedAt: base.issuedAt,
    issueDate,
    preview,
    certifier,
    font,
    openDocument: () =>
      new A4Document({
        title: kind.name,
        createdAt: base.issuedAt,
        font,
        headerRight: preview ? "見本（証明書番号なし）" : `証明書番号 ${base.serial}`,
        footerLeft: certifier.issuerName,
        ...(preview ? { watermark: "見本" } : {}),
        ...(base.verification ? { verification: base.verification } : {}),
      }),
    certify: (doc, statement) => drawCertification(doc, certifier, issueDate, statement),
    disclose,
  };
}

const ADDRESSEE_SUBJECT = /^addressee:(\d{1,15})$/;

/**
 * The 支援措置 gate of one render: `disclose` decides on the persons a kind says it prints;
 * `decision` is what was decided (null until a kind disclosed anyone). Refusals are audited by
 * withDisclosureAudit after the rollback.
 */
function disclosureGate(tx: Tx, kind: CertificateDefinition, request: CertificateRequest, checked: CheckedRequest, actor: string, date: string) {
  const gate = {
    decision: null as DisclosureDecision | null,
    async disclose(numbers: readonly string[]): Promise<void> {
      const decision = await decideDisclosure(tx, numbers, {
        business: kind.module,
        certificateKind: kind.id,
        subjectNumber: ADDRESSEE_SUBJECT.exec(request.subjectId)?.[1] ?? null,
        requester: request.requester,
        requesterKind: request.requesterKind,
        channel: checked.channel,
        identityCheck: checked.identityCheck ?? undefined,
        releaseId: request.releaseId,
        date,
        actor,
      });
      gate.decision = {
        protectedNumbers: [...(gate.decision?.protectedNumbers ?? []), ...decision.protectedNumbers],
        measureIds: [...(gate.decision?.measureIds ?? []), ...decision.measureIds],
        release: decision.release ?? gate.decision?.release ?? null,
        identityChecked: decision.identityChecked || (gate.decision?.identityChecked ?? false),
      };
    },
    /** After render: a kind must have said whom it prints. */
    checked(): DisclosureDecision {
      if (!gate.decision) throw new Error(`certificate kind ${kind.id} rendered without disclosing its persons (ctx.disclose)`);
      return gate.decision;
    },
  };
  return gate;
}

/** Runs an issue or preview; a 支援措置 refusal is audited in a transaction of its own (the issue's rolled back). */
async function withDisclosureAudit<T>(
  platform: Platform,
  staff: IssuingStaff,
  kind: CertificateDefinition,
  request: CertificateRequest,
  purpose: string,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof DisclosureRefused)) throw error;
    const actor = `staff:${staff.staffId}`;
    await platform.db.withTenant(
      staff.tenantId,
      (tx) =>
        appendAudit(tx, {
          actor,
          action: "protection.blocked",
          subject: request.subjectId,
          purpose,
          detail: {
            kind: kind.id,
            reason: error.reason,
            measureIds: error.measureIds,
            requesterKind: request.requesterKind,
            channel: request.channel ?? DEFAULT_CHANNEL,
            ...(request.identityCheck ? { identityDocument: request.identityCheck.document } : {}),
            ...(request.releaseId ? { releaseId: request.releaseId } : {}),
          },
        }),
      actor,
    );
    throw error.problem;
  }
}

/**
 * 支援措置: a protected person's own certificate issued on a strict 本人確認 at the counter is
 * audited as such — the document kind, the channel and the measures, never anything read from
 * the ID (the checking clerk and the time are the entry's actor and time).
 */
async function recordIdentityCheckedIssue(
  tx: Tx,
  actor: string,
  subject: string,
  kind: string,
  serial: string,
  checked: CheckedRequest,
  disclosed: DisclosureDecision,
): Promise<void> {
  await appendAudit(tx, {
    actor,
    action: "protection.identity-checked",
    subject,
    purpose: checked.purpose,
    detail: { serial, kind, channel: checked.channel, identityDocument: checked.identityCheck!.document, measureIds: disclosed.measureIds },
  });
}

const sha256 = (bytes: Buffer): string => crypto.createHash("sha256").update(bytes).digest("hex");

/**
 * Issues a certificate: role, serial, render, record and audit in one transaction. Refuses
 * (422, nothing recorded) when the font cannot draw a character, rather than print a box.
 */
export async function issueCertificate(
  platform: Platform,
  staff: IssuingStaff,
  kindId: string,
  request: CertificateRequest,
): Promise<IssuedCertificate> {
  const kind = requireKind(platform, kindId);
  authorise(staff, kind);
  const issuedAt = now();
  const issueDate = todayInJapan(issuedAt);
  const checked = checkRequest(kind, request, issueDate);
  const font = await prepareDocumentFont();
  const actor = `staff:${staff.staffId}`;
  return withDisclosureAudit(platform, staff, kind, request, checked.purpose, () => platform.db.withTenant(
    staff.tenantId,
    async (tx) => {
      const serial = await allocateSerial(tx, fiscalYearOf(issueDate));
      const certifier = await resolveCertifier(tx, platform, staff.tenantId, issueDate);
      requireCompleteCertifier(certifier);
      const code = newVerificationCode(staff.tenantId);
      const verification = { code, url: await verificationUrl(tx, platform, staff.tenantId, code) };
      const base = { tx, tenantId: staff.tenantId, subjectId: request.subjectId, checked, issuedAt, serial: serial.text, verification };
      const gate = disclosureGate(tx, kind, request, checked, actor, issueDate);
      const rendered = await kind.render(renderContext(platform, kind, base, certifier, font, gate.disclose));
      const disclosed = gate.checked();
      if (rendered.missingGlyphs > 0) throw documentProblems.fontCannotRender(rendered.missingGlyphs, rendered.font.name);
      if (disclosed.release) await recordReleaseUse(tx, disclosed.release, actor, serial.text);
      const hash = sha256(rendered.pdf);
      await recordIssue(tx, {
        serial,
        kind: kind.id,
        subject: request.subjectId,
        options: checked.options,
        purpose: checked.purpose,
        requesterKind: request.requesterKind,
        asOf: checked.asOf,
        staffId: staff.staffId,
        actor,
        issuedAt,
        pageCount: rendered.pageCount,
        byteCount: rendered.pdf.length,
        sha256: hash,
        font: rendered.font.id,
        verificationCode: code,
      });
      await recordRequest(tx, serial, { channel: checked.channel, identityCheck: checked.identityCheck, staffId: staff.staffId, at: issuedAt });
      if (disclosed.identityChecked) await recordIdentityCheckedIssue(tx, actor, request.subjectId, kind.id, serial.text, checked, disclosed);
      return {
        serial: serial.text,
        pdf: rendered.pdf,
        pageCount: rendered.pageCount,
        sha256: hash,
        font: rendered.font,
        issuedAt,
        fallbackVariants: rendered.fallbackVariants,
        verificationCode: code,
      };
    },
    actor,
  ));
}

/** Renders the certificate with the 見本 watermark and no serial; audited, not registered. */
export async function previewCertificate(
  platform: Platform,
  staff: IssuingStaff,
  kindId: string,
  request: CertificateRequest,
): Promise<PreviewedCertificate> {
  const kind = requireKind(platform, kindId);
  authorise(staff, kind);
  const issuedAt = now();
  const issueDate = todayInJapan(issuedAt);
  const checked = checkRequest(kind, request, issueDate);
  const font = await prepareDocumentFont();
  const actor = `staff:${staff.staffId}`;
  return withDisclosureAudit(platform, staff, kind, request, checked.purpose, () => platform.db.withTenant(
    staff.tenantId,
    async (tx) => {
      const certifier = await resolveCertifier(tx, platform, staff.tenantId, issueDate);
      const base = { tx, tenantId: staff.tenantId, subjectId: request.subjectId, checked, issuedAt, serial: null };
      // A preview shows the same persons as the issue, so it passes the same gate; it does not use up a release.
      const gate = disclosureGate(tx, kind, request, checked, actor, issueDate);
      const rendered = await kind.render(renderContext(platform, kind, base, certifier, font, gate.disclose));
      gate.checked();
      await appendAudit(tx, {
        actor,
        action: CERTIFICATE_PREVIEWED,
        subject: request.subjectId,
        purpose: checked.purpose,
        detail: { kind: kind.id, requesterKind: request.requesterKind, asOf: checked.asOf, options: checked.options },
      });
      return {
        pdf: rendered.pdf,
        pageCount: rendered.pageCount,
        font: rendered.font,
        missingGlyphs: rendered.missingGlyphs,
        fallbackVariants: rendered.fallbackVariants,
      };
    },
    actor,
  ));
}
