// 設定項目リファレンス (settings reference): the Markdown page of every setting, generated from
// the same declarations that resolve values and build the fit-gap report, so the documented
// defaults and sources cannot drift from the code.
import type { AreaDefinition } from "../contract.ts";

/** A table cell: pipes escaped, line breaks folded, so any text stays inside its cell. */
function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** A JSON value as a code span: backslashes stay literal there, only pipes need escaping. */
function code(value: unknown): string {
  return `\`${JSON.stringify(value).replace(/\|/g, "\\|")}\``;
}

export function settingsReference(areas: readonly AreaDefinition[]): string {
  const lines = [
    "# 設定項目 (settings reference)",
    "",
    "Generated from the setting definitions of the platform areas and business modules; do not edit by hand.",
    "",
    "Every setting has a national default (全国標準) and may be overridden per prefecture (県版), consortium",
    "(一部事務組合・町村会) or municipality (個別). The value that applies to a municipality is the first found in the",
    "order municipality → consortium → prefecture → national default. When a municipality belongs to two consortia",
    "that both override a setting, the consortium whose group id sorts first wins; the other override is still shown",
    "by `GET /api/settings`. Every override is recorded with who, when and why (`GET /api/settings/{key}/history`),",
    "and the fit-gap report (`GET /api/settings/fit-gap`) counts the settings whose value differs from the default.",
  ];
  for (const area of areas) {
    const settings = [...(area.settings ?? [])].sort((a, b) => (a.key < b.key ? -1 : 1));
    if (!settings.length) continue;
    lines.push("", `## ${cell(area.name)} (\`${area.id}\`)`, "", "| key | label | default | source | description |", "|---|---|---|---|---|");
    for (const s of settings) {
      lines.push(`| \`${s.key}\` | ${cell(s.label)} | ${code(s.nationalDefault)} | ${cell(s.source)} | ${cell(s.description)} |`);
    }
  }
  return `${lines.join("\n")}\n`;
}
