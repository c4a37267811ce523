// What the resident certificates' tests share: a platform with the resident module (listed in
// src/main.ts) and its certificate kinds (added here while the module does not list them), two
// municipalities, staff with chosen roles, the mayor in the settings; 異動 recorded through the
// module's service; and the PDFs written to test-results/resident/, read back with pdftotext and
// drawn with pdftoppm.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import type { AreaDefinition } from "../../../platform/contract.ts";
import { formatAddresseeNumber } from "../../../platform/addressee/addressee-number.ts";
import { todayInJapan } from "../../../platform/addressee/calendar-date.ts";
import type { IssuingStaff } from "../../../platform/documents/certificate.ts";
import { createSettingsService } from "../../../platform/settings/service.ts";
import { setMunicipalityOverride } from "../../../platform/settings/overrides.ts";
import { myNumberCheckDigit } from "../../../lib/my-number.ts";
import { modules } from "../../../main.ts";
import { createTestPlatform, type TestPlatform } from "../../../../test/support/platform.ts";
import { addStaff, addTenants, PASSWORD, TOWN_A } from "../../../../test/support/fixtures.ts";
import { login, type Session } from "../../../../test/support/http.ts";
import type { ChangeRequest, PersonInputType } from "../api-schemas.ts";
import type { ChangeView } from "../change-view.ts";
import type { ResidentModule } from "../index.ts";
import type { MyNumberVault } from "../my-number-vault.ts";
import { recordChange, RESIDENT_MODULE_ID } from "../service.ts";
import { createResidentCertificates } from "./index.ts";
import { insertDesignation } from "../resident-code.ts";

export const OUT = path.resolve("test-results/resident");
export const MAYOR = "山田 太郎";

export interface Testbed {
  t: TestPlatform;
  app: FastifyInstance;
  vault: MyNumberVault;
  clerk: IssuingStaff;
  admin: IssuingStaff;
  reader: IssuingStaff;
  clerkSession: Session;
  adminSession: Session;
  /** Records a 異動 in TOWN_A through the module's service. */
  record(request: ChangeRequest): Promise<ChangeView>;
  /** Designates 住民票コード to TOWN_A (as the designation file would); registrations take them in order. */
  designate(codes: string[]): Promise<void>;
  /** The 住民票コード of a certificate subject (`addressee:<宛名番号>`), read as the owner. */
  residentCodeOf(subjectId: string): Promise<string | undefined>;
  close(): Promise<void>;
}

/** The certificate kinds as an area of their own, unless the resident module already lists them. */
function certificateAreas(module: ResidentModule): AreaDefinition[] {
  if (module.certificates?.length) return [];
  return [{ id: "resident-certificates", name: "住民記録の証明書", certificates: createResidentCertificates({ vault: module.vault }) }];
}

export async function createTestbed(): Promise<Testbed> {
  const module = modules.find((m) => m.id === RESIDENT_MODULE_ID) as ResidentModule | undefined;
  if (!module) throw new Error("src/main.ts does not list the resident module");
  const t = await createTestPlatform(certificateAreas(module));
  await addTenants(t.db);
  const staff = async (loginId: string, roles: IssuingStaff["roles"]): Promise<IssuingStaff> => {
    const created = await addStaff(t.db, TOWN_A.id, loginId, roles);
    return { staffId: created.id, tenantId: TOWN_A.id, roles };
  };
  const clerk = await staff("clerk", { [RESIDENT_MODULE_ID]: ["issue"] });
  const admin = await staff("admin", { [RESIDENT_MODULE_ID]: ["admin"] });
  const reader = await staff("reader", { [RESIDENT_MODULE_ID]: ["read"] });
  const registry = createSettingsService(t.platform.areas).registry;
  await t.db.withTenant(TOWN_A.id, async (tx) => {
    const actor = `staff:${admin.staffId}`;
    await setMunicipalityOverride(tx, registry, TOWN_A.id, { key: "platform.mayorTitle", value: "町長", reason: "町である", actor });
    await setMunicipalityOverride(tx, registry, TOWN_A.id, { key: "platform.mayorName", value: MAYOR, reason: "町長就任", actor });
  });
  const app = await t.app();
  fs.mkdirSync(OUT, { recursive: true });
  const deps = { platform: t.platform, vault: module.vault };
  const actor = `staff:${admin.staffId}`;
  return {
    t,
    app,
    vault: module.vault,
    clerk,
    admin,
    reader,
    clerkSession: await login(app, "clerk", PASSWORD, TOWN_A.id),
    adminSession: await login(app, "admin", PASSWORD, TOWN_A.id),
    record: (request) => t.db.withTenant(TOWN_A.id, (tx) => recordChange(tx, deps, request, { actor }), actor),
    designate: async (codes) => {
      await t.db.withTenant(TOWN_A.id, async (tx) => {
        for (const code of codes) await tx.query(insertDesignation(code, "2025-04-01", false));
      });
    },
    residentCodeOf: async (subjectId) =>
      (
        await t.db.owner.query(
          `SELECT c.code FROM resident_code c JOIN resident_person p USING (tenant_id, person_id)
            WHERE p.addressee_number = $1::bigint ORDER BY c.seq DESC LIMIT 1`,
          [numberOf(subjectId)],
        )
      ).rows[0]?.code as string | undefined,
    close: () => t.close(),
  };
}

/** A valid 個人番号 from eleven digits (番号法施行令 第8条 check digit). */
export const myNumberOf = (eleven: string): string => `${eleven}${myNumberCheckDigit(eleven)}`;

export function personInput(p: Partial<PersonInputType> & Pick<PersonInputType, "familyName" | "givenName" | "birthDate" | "relationship">): PersonInputType {
  return { familyNameKana: "テスト", givenNameKana: "タロウ", sex: "male", ...p };
}

/** `addressee:<宛名番号>` of the person the change registered with this given name. */
export function subjectOf(change: ChangeView, givenName: string): string {
  const entry = change.entries.find((e) => e.after.givenName === givenName);
  if (!entry) throw new Error("no such person in the change");
  return `addressee:${formatAddresseeNumber(entry.addresseeNumber)}`;
}

export function personIdOf(change: ChangeView, givenName: string): string {
  const entry = change.entries.find((e) => e.after.givenName === givenName);
  if (!entry) throw new Error("no such person in the change");
  return entry.personId;
}

export function numberOf(subjectId: string): string {
  return subjectId.slice("addressee:".length);
}

/** An ISO date `days` after today in Japan. */
export function daysFromToday(days: number): string {
  const [y, m, d] = todayInJapan().split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Writes the PDF under test-results/resident/ and returns its text (all pages, or one). */
export function pdfText(pdf: Buffer, name: string, page?: number): string {
  const file = path.join(OUT, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  const pages = page === undefined ? [] : ["-f", String(page), "-l", String(page)];
  return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", ...pages, file, "-"]).toString("utf8");
}

/**
 * The text without any white space (names carry an ideographic space; lines wrap in cells),
 * with full-width digits read as ASCII: addresses print theirs full-width (printed-values.ts),
 * dates in ASCII, and the tests compare the facts. residence-copy.test.ts checks the width.
 */
export const flat = (text: string): string =>
  text.replace(/\s+/gu, "").replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/(?<=[0-9])－(?=[0-9])/gu, "-");

/** Draws every page of a PDF written by pdfText as PNG (80 dpi) for a person to look at. */
export function renderPages(name: string): string[] {
  const prefix = path.join(OUT, name);
  execFileSync("pdftoppm", ["-png", "-r", "80", `${prefix}.pdf`, prefix]);
  return fs.readdirSync(OUT).filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png"));
}

export async function issueCount(t: TestPlatform): Promise<number> {
  return t.db.withTenant(TOWN_A.id, async (tx) => (await tx.query("SELECT count(*)::int AS n FROM certificate_issue")).rows[0].n as number);
}

export async function auditEntries(t: TestPlatform, action: string): Promise<{ subject: string; actor: string; detail: Record<string, unknown> }[]> {
  return t.db.withTenant(TOWN_A.id, async (tx) => (await tx.query("SELECT subject, actor, detail FROM audit_log WHERE action = $1 ORDER BY seq", [action])).rows);
}
