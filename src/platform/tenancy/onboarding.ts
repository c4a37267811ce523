// 団体の追加 (onboarding): a municipality becomes a tenant only by a code that the 総務省 master
// knows as a 市町村 or 特別区, under the master's name and reading (ADR 0017).
import type { Database } from "../db/database.ts";
import { normalizeKana } from "../../lib/kana.ts";
import { Problem } from "../http/problem.ts";
import { lookupLocalGovernment, MUNICIPALITY_MASTER, notATenantBecause, type MasterEntry } from "./municipality-master.ts";
import { createTenant, invalidCode, type TenantRow } from "./tenants.ts";

export interface OnboardingInput {
  id: string;
  /** When given, must be the master's name: a script that still sends one learns of a mismatch. */
  name?: string;
  nameKana?: string;
  population?: number;
}

const MASTER_LABEL = `総務省 全国地方公共団体コード (${MUNICIPALITY_MASTER.package} ${MUNICIPALITY_MASTER.packageVersion}, ${MUNICIPALITY_MASTER.compiledOn})`;

export const unknownLocalGovernment = (field: string, status = 422) =>
  new Problem(status, "unknown-local-government-code", "No local government has this code",
    "この団体コードの地方公共団体はありません（全国地方公共団体コードにない番号です）", undefined,
    [{ field, message: `not in the municipality master: ${MASTER_LABEL}` }]);

/** Why the entry cannot be a tenant (a prefecture, a 行政区), or null when it can. */
export function notATenant(field: string, entry: MasterEntry): Problem | null {
  const reason = notATenantBecause(entry);
  if (reason === "prefecture") {
    return new Problem(422, "not-a-municipality", "A prefecture is not a tenant (prefectures group tenants)",
      `${entry.name}は都道府県です。団体として登録できるのは市区町村です`, undefined,
      [{ field, message: "prefecture code: prefectures are groups of tenants" }]);
  }
  if (reason === "ward" && entry.city) {
    return new Problem(422, "not-a-municipality", "A ward of a designated city is part of the city's tenant",
      `${entry.city.name}${entry.name}は政令指定都市の区（行政区）です。${entry.city.name}（${entry.city.code}）として登録してください`,
      undefined, [{ field, message: `ward of a designated city (地方自治法第252条の20): onboard the city ${entry.city.code}` }]);
  }
  return null;
}

/** The master's entry for a code that may be onboarded, or the problem that says why not. */
export function onboardingEntry(input: Pick<OnboardingInput, "id" | "name" | "nameKana">): MasterEntry {
  const bad = invalidCode("id", input.id);
  if (bad) throw bad;
  const entry = lookupLocalGovernment(input.id);
  if (!entry) throw unknownLocalGovernment("id");
  const refused = notATenant("id", entry);
  if (refused) throw refused;
  const differs: { field: string; message: string }[] = [];
  if (input.name !== undefined && input.name.trim() !== entry.name) {
    differs.push({ field: "name", message: `the master names ${input.id} ${entry.name}` });
  }
  if (input.nameKana !== undefined && normalizeKana(input.nameKana) !== normalizeKana(entry.nameKana)) {
    differs.push({ field: "nameKana", message: `the master reads ${input.id} ${entry.nameKana}` });
  }
  if (differs.length) {
    throw new Problem(422, "name-differs-from-master", "The name differs from the municipality master",
      `団体名が全国地方公共団体コードの名称（${entry.name}・${entry.nameKana}）と異なります`, undefined, differs);
  }
  return entry;
}

/** Onboards a municipality under the master's name and reading (audited as tenancy.tenant-created). */
export async function onboardTenant(db: Database, actor: string, input: OnboardingInput): Promise<TenantRow> {
  const entry = onboardingEntry(input);
  return createTenant(db, actor, {
    id: entry.code,
    name: entry.name,
    nameKana: entry.nameKana,
    ...(input.population === undefined ? {} : { population: input.population }),
  });
}
