// 住民記録 (jūmin kiroku, the resident registry): the first business module. Persons and their
// households (世帯, 世帯主, 続柄), addresses with 方書, 本籍 and 筆頭者, 個人番号 (encrypted), and the
// append-only 異動 journal from which every record is derived, so the registry answers "as of
// date D" for any D. Every resident is linked to one addressee (宛名番号, architecture §3a)
// through platform.addressees.registry; events name people by 宛名番号 only.
//
// Refinements of the design, decided here:
//  - One person per 宛名番号: a former resident who moves back in keeps their record and history;
//    the 転入 reopens it (status resident again) rather than creating a second person.
//  - 異動 are recorded in 異動日 order per person (rule effective-date-in-order); only a 職権修正
//    may be dated back, and it corrects its fields from that day on (fold.ts).
//  - Only a 転出 may lie ahead (転出予定). The projection (resident_current) holds the fold of
//    every entry, so it already shows the 転出 — removal_date says whether it has begun, and
//    search and "as of" answers treat the person as a resident until then.
//  - The death or 転出 of a 世帯主 whose household keeps members must name the new head in the
//    same change (`relationships`), else household-has-head refuses it.
//  - 職権修正 cannot change status or household (those are 異動 of their own kinds).
//  - 住民票コード: designated codes (a standard layout; a demo pool in demo towns), one written at a
//    person's first registration and kept for life (resident-code.ts).
//  - 個人番号: see my-number-vault.ts (env KYODO_MY_NUMBER_KEY; a public development key outside
//    production; revealed only to 管理 (resident:admin), always audited).
import type { BusinessModule } from "../../platform/contract.ts";
import { createResidentCertificates } from "./certificates/index.ts";
import { residentLayouts } from "./layout/index.ts";
import { todayInJapan } from "../../platform/addressee/calendar-date.ts";
import { residentCodeLayout } from "./resident-code-layout.ts";
import { seedDemoResidentCodes } from "./resident-code.ts";
import { seedResidentDemo } from "./demo/index.ts";
import { createMyNumberVault, myNumberKeyFromEnv, type MyNumberKeyProvider, type MyNumberVault } from "./my-number-vault.ts";
import { residentRoutes } from "./routes.ts";
import { RESIDENT_MODULE_ID } from "./service.ts";
import { residentEventTypes } from "./events.ts";
import { JOURNAL_IMPORTED } from "./layout/index.ts";

export interface ResidentModuleOptions {
  /** Where the 個人番号 key comes from (default: KYODO_MY_NUMBER_KEY, see my-number-vault.ts). */
  myNumberKey?: MyNumberKeyProvider;
}

export interface ResidentModule extends BusinessModule {
  /** The 個人番号 store, for certificate builders that print it (with permission, audited). */
  vault: MyNumberVault;
}

export function createResidentModule(options: ResidentModuleOptions = {}): ResidentModule {
  const vault = createMyNumberVault(options.myNumberKey ?? (() => myNumberKeyFromEnv()));
  return {
    kind: "module",
    id: RESIDENT_MODULE_ID,
    name: "住民記録",
    migrations: new URL("./migrations/", import.meta.url),
    routes: (app, platform) => {
      // Resolving the key here makes `kyodo serve` refuse to start without one in production.
      vault.key();
      residentRoutes(app, platform, vault);
    },
    certificates: createResidentCertificates({ vault }),
    layouts: [...residentLayouts, residentCodeLayout],
    events: [...residentEventTypes, { type: JOURNAL_IMPORTED, label: "異動履歴の取込" }],
    demo: async (platform, tenantId, seed) => {
      await seedResidentDemo(platform, tenantId, { seed });
      // Demo 住民票コード for every demo person, the registry just seeded or one seeded before.
      await platform.db.withTenant(tenantId, (tx) => seedDemoResidentCodes(tx, seed, todayInJapan()), "system:demo");
    },
    vault,
  };
}

export const residentModule = createResidentModule();

export { RESIDENT_EVENTS } from "./events.ts";
export { getHouseholdAsOf, getPersonAsOf, listPersonChanges } from "./read-model.ts";
export { rebuildProjection } from "./projection.ts";
export { recordChange } from "./service.ts";
