// 帳票の見本データ (the documents area's demo): each demo town gets a fictional mayor (the real
// towns' mayors are not named here), a drawn 職印 valid from the first of the fiscal year, and the
// address of its verification page (the demo server's own, from HOST and PORT), all through the
// settings service and the seal register as an administrator would set them. Existing values are
// left alone, as the demo contract asks.
import type { Platform } from "../contract.ts";
import { setMunicipalityOverride } from "../settings/overrides.ts";
import { createSettingsService } from "../settings/service.ts";
import { getTenant } from "../tenancy/tenants.ts";
import { todayInJapan } from "../addressee/calendar-date.ts";
import { prepareDocumentFont } from "./pdf.ts";
import { addSealVersion, demoSealSvg, listSealVersions } from "./seal.ts";
import { fiscalYearOf } from "./serial.ts";
import { VERIFICATION_BASE_URL_KEY } from "./verification.ts";

/** Fictional mayors: common family and given names, none of a real mayor of a demo town. */
const FAMILY = ["海野", "森下", "浜田", "石川", "小池", "宮本"];
const GIVEN = ["一郎", "恵子", "健二", "真理", "浩", "陽子"];

export function demoMayorName(seed: number): string {
  return `${FAMILY[seed % FAMILY.length]}\u3000${GIVEN[(seed * 5 + 1) % GIVEN.length]}`;
}

export async function seedDocumentsDemo(platform: Platform, tenantId: string, seed: number): Promise<void> {
  const registry = createSettingsService(platform.areas).registry;
  const actor = "system:demo";
  const font = await prepareDocumentFont();
  const host = process.env.HOST ?? "127.0.0.1";
  const port = process.env.PORT ?? "8080";
  await platform.db.withTenant(
    tenantId,
    async (tx) => {
      const tenant = await getTenant(tx, tenantId);
      if (!tenant) return;
      // The title stays the national 市町村長, which the certifier reads as 「葉山町長」.
      const isSet = async (key: string) => (await platform.settings.resolve<string>(tx, tenantId, key)) !== "";
      if (!(await isSet("platform.mayorName"))) {
        await setMunicipalityOverride(tx, registry, tenantId, { key: "platform.mayorName", value: demoMayorName(seed), reason: "見本データ（架空の首長）", actor });
      }
      if (!(await isSet(VERIFICATION_BASE_URL_KEY))) {
        await setMunicipalityOverride(tx, registry, tenantId, { key: VERIFICATION_BASE_URL_KEY, value: `http://${host}:${port}`, reason: "見本データ（このサーバー）", actor });
      }
      if ((await listSealVersions(tx)).length === 0) {
        const validFrom = `${fiscalYearOf(todayInJapan())}-04-01`;
        const svg = demoSealSvg(font, tenant.name);
        await addSealVersion(tx, { mediaType: "image/svg+xml", bytes: Buffer.from(svg), validFrom, validTo: null, reason: "見本データ（描画した架空の職印）", actor });
      }
    },
    actor,
  );
}
