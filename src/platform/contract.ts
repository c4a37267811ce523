// The contract every platform area and every business module fulfils (architecture §1).
// A module is one object of this shape; the platform composes them and never imports a
// module by name. Areas of the platform itself use the same shape, so "a module" and "a
// platform area" are wired the same way.
import type { FastifyInstance } from "fastify";
import type { TSchema } from "@sinclair/typebox";
import type { Database, Tx } from "./db/database.ts";
import type { Logger } from "pino";
import type { Addressees } from "./addressee/index.ts";
import type { CertificateDefinition } from "./documents/certificate.ts";

/** 閲覧 read, 更新 write, 証明 issue (certificates), 管理 admin. */
export type Role = "read" | "write" | "issue" | "admin";
export const ROLES: readonly Role[] = ["read", "write", "issue", "admin"];
export const ROLE_NAMES_JA: Record<Role, string> = { read: "閲覧", write: "更新", issue: "証明", admin: "管理" };

/** A domain event as stored in the outbox and handed to subscribers. */
export interface DomainEvent<P = Record<string, unknown>> {
  id: string;
  seq: string;
  tenantId: string;
  type: string;
  subject: string;
  payload: P;
  occurredAt: Date;
}

/** Runs inside withTenant(event.tenantId); must be idempotent (the platform also dedupes by id). */
export type EventHandler = (event: DomainEvent, tx: Tx, platform: Platform) => Promise<void>;

// Labels and descriptions of everything an area registers (settings, jobs, event types, layouts)
// are what staff read on the screens, so they are Japanese, with Latin letters only for the
// abbreviations an office writes so itself (PDF, CSV, ID, URL…) and codes; machine keys stay as
// they are and are not shown (src/platform/registry-labels.test.ts checks every registered item).

export interface SettingDefinition<T = unknown> {
  /** Dotted key, prefixed with the area/module id: `platform.mayorName`. */
  key: string;
  /** Japanese name shown on the settings screen: 「首長の氏名」. */
  label: string;
  /** Japanese: what the value does, for the administrator who changes it. */
  description: string;
  schema: TSchema;
  /** The national default (全国標準). */
  nationalDefault: T;
  /** The law or official page that sets the default, or "標準仕様" when the standard does (Japanese). */
  source: string;
}

export interface JobContext {
  /** The municipality's code, or `'platform'` for a platform job (perTenant: false). */
  tenantId: string;
  platform: Platform;
  log: Logger;
}

export interface JobDefinition {
  /** Unique, prefixed with the area/module id: `audit.verify`. */
  name: string;
  /** Japanese name shown on the jobs screen: 「監査ログの検証」. */
  label: string;
  /** Japanese: what a run does. */
  description: string;
  /** Japanese names of the keys of a run's result (`{ chains: "検証した連鎖" }`), for the run history. */
  resultLabels?: Record<string, string>;
  /** Cron expression (platform time zone Asia/Tokyo); omitted for on-demand jobs. */
  cron?: string;
  /** One run per active tenant (true) or one platform-wide run (false). */
  perTenant: boolean;
  run(ctx: JobContext): Promise<Record<string, unknown> | void>;
}

/** One column of a standard data layout (標準レイアウト): CSV header name, meaning and type. */
export interface LayoutColumn {
  /** CSV header (ASCII snake_case, stable across versions). */
  name: string;
  /** Japanese label, for the documentation. */
  label: string;
  /** TypeBox schema of the cell value after parsing (string, integer, date string, enum …). */
  schema: TSchema;
  required: boolean;
  /** Japanese; machine values a cell may hold are quoted in backquotes: `moved-out` 転出. */
  description?: string;
}

/**
 * A standard data layout (architecture §6): how an area's data leaves and re-enters the
 * platform as CSV (UTF-8, or Shift_JIS on request) with a JSON schema. Rows are plain objects
 * keyed by column name with values already parsed to their schema types.
 */
export interface LayoutDefinition<Row extends Record<string, unknown> = Record<string, unknown>> {
  /** `<area>.<name>`, e.g. `addressee.addressees`. */
  id: string;
  /** Japanese name: 「宛名（団体内統合宛名）」. */
  name: string;
  version: string;
  columns: LayoutColumn[];
  /**
   * The column holding the 宛名番号 of the person a row is about, or null for rows about no
   * person. Required, so that no layout escapes 支援措置: an export to a third party withholds
   * the rows of protected persons by this column (layouts/export.ts).
   */
  personColumn: string | null;
  /** Streams the tenant's rows, in a stable order, inside a tenant transaction. */
  exportRows(tx: Tx): AsyncIterable<Row>;
  /** Cross-row and database checks after per-cell validation; returns errors by row index. */
  validateRows?(tx: Tx, rows: Row[]): Promise<{ row: number; column: string; message: string }[]>;
  /** Writes validated rows inside the caller's tenant transaction (which rolls back on any error). */
  importRows(tx: Tx, rows: Row[], platform: Platform): Promise<{ imported: number }>;
}

/** A kind of domain event an area or module publishes, named for the 連携状況 screen. */
export interface EventTypeDefinition {
  /** Dotted, prefixed with the area/module id: `resident.moved-in`. */
  type: string;
  /** Japanese name shown to staff: 「転入」. */
  label: string;
}

export interface AreaDefinition {
  id: string;
  /** Japanese name (the subscriber's name on the 連携状況 screen): 「住民記録」. */
  name: string;
  migrations?: URL;
  settings?: SettingDefinition[];
  routes?: (app: FastifyInstance, platform: Platform) => void | Promise<void>;
  subscriptions?: Record<string, EventHandler>;
  /** The event types this area or module publishes, with their Japanese names. */
  events?: EventTypeDefinition[];
  jobs?: JobDefinition[];
  layouts?: LayoutDefinition[];
  /** Certificate kinds (証明書) this area or module issues as PDF (src/platform/documents). */
  certificates?: CertificateDefinition[];
  /** Demo data for one demo municipality (`kyodo serve --demo`); must leave existing data alone. */
  demo?: (platform: Platform, tenantId: string, seed: number) => Promise<void>;
}

/** A business module (業務アプリケーション): an area that is also listed in the staff UI. */
export interface BusinessModule extends AreaDefinition {
  kind: "module";
}

export interface SettingsService {
  resolve<T = unknown>(tx: Tx, tenantId: string, key: string): Promise<T>;
}

export interface EventPublisher {
  /** Writes the event to the outbox in the caller's (tenant) transaction. */
  publish(tx: Tx, event: { type: string; subject: string; payload: Record<string, unknown> }): Promise<string>;
}

export interface Platform {
  db: Database;
  log: Logger;
  areas: readonly AreaDefinition[];
  settings: SettingsService;
  events: EventPublisher;
  /** 団体内統合宛名: the one register of people and organisations, by 宛名番号 (architecture §3a). */
  addressees: Addressees;
}

/** Roles are granted per business module, plus "platform" for the platform's own screens. */
export const PLATFORM_ROLE_MODULE = "platform";
/** The addressee register (団体内統合宛名) is a platform area with roles of its own. */
export const ADDRESSEE_ROLE_MODULE = "addressee";
/**
 * 支援措置 (protection of DV and other victims), roles granted only on purpose, never as part of
 * "every module": 閲覧 read sees measures and protected addresses unmasked, 更新 write manages
 * measures (支援措置担当), 管理 admin also approves releases (the supervisor).
 */
export const PROTECTION_ROLE_MODULE = "protection";

export function roleModules(platform: Pick<Platform, "areas">): string[] {
  return [
    PLATFORM_ROLE_MODULE,
    ADDRESSEE_ROLE_MODULE,
    PROTECTION_ROLE_MODULE,
    ...platform.areas.filter((a) => "kind" in a && a.kind === "module").map((a) => a.id),
  ];
}
