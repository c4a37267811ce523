// 団体の選択 at log-in: with every municipality of Japan on one platform (1,741), staff type part
// of the name (葉山, 葉山町, 神奈川県葉山町), its reading in katakana or hiragana (ハヤマ, はやま)
// or its 全国地方公共団体コード (14382, or the six digits with the check digit) and choose from
// the best matches, instead of scrolling a list.
import { normalizeKana } from "../../../../src/lib/kana.ts";

export interface TenantSummary {
  id: string;
  name: string;
  nameKana: string;
  prefectureName: string;
}

/** How many matches the list shows: enough to choose among 町 of the same name in several 県. */
export const MAX_CHOICES = 12;

interface Keyed {
  tenant: TenantSummary;
  name: string;
  fullName: string;
  kana: string;
}

export function keyTenants(tenants: readonly TenantSummary[]): Keyed[] {
  return tenants.map((tenant) => ({
    tenant,
    name: normalizeKana(tenant.name),
    fullName: normalizeKana(`${tenant.prefectureName}${tenant.name}`),
    kana: normalizeKana(tenant.nameKana),
  }));
}

/**
 * The municipalities matching what was typed, best first: an exact code, then names and readings
 * that start with the text, then those that contain it; within a rank, by code (the national
 * order, north to south). Empty text matches nothing (the list opens as the user types).
 */
export function matchTenants(keyed: readonly Keyed[], typed: string, limit = MAX_CHOICES): TenantSummary[] {
  const text = normalizeKana(typed.normalize("NFKC"));
  if (!text) return [];
  const rank = (k: Keyed): number => {
    if (/^[0-9]+$/.test(text)) return k.tenant.id === text || k.tenant.id.slice(0, 5) === text ? 0 : k.tenant.id.startsWith(text) ? 1 : -1;
    if (k.name === text || k.fullName === text) return 0;
    if (k.name.startsWith(text) || k.kana.startsWith(text) || k.fullName.startsWith(text)) return 1;
    if (k.name.includes(text) || k.kana.includes(text) || k.fullName.includes(text)) return 2;
    return -1;
  };
  return keyed
    .map((k) => ({ k, r: rank(k) }))
    .filter((m) => m.r >= 0)
    .sort((a, b) => a.r - b.r || a.k.tenant.id.localeCompare(b.k.tenant.id))
    .slice(0, limit)
    .map((m) => m.k.tenant);
}

/** The text a chosen municipality shows in the field (the prefecture tells apart 府中市 and 府中町). */
export function tenantLabel(tenant: TenantSummary): string {
  return `${tenant.prefectureName} ${tenant.name}`;
}
