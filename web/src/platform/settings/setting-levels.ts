// 設定元 (where a setting's value comes from), as staff say it: 全国標準, 県版（神奈川県）,
// 一部事務組合（…）, 団体独自. Resolution order is the server's; this only names the levels.
export type OverrideLevel = "prefecture" | "consortium" | "municipality";
export type SettingLevel = "national" | OverrideLevel;

/** 県版, 都版, 道版, 府版: a prefecture's version is named after the last character of its name. */
export function prefectureVersionName(prefectureName: string | null | undefined): string {
  const last = prefectureName?.slice(-1);
  return last === "都" || last === "道" || last === "府" ? `${last}版` : "県版";
}

/** The level alone, for counts: 全国標準 / 県版 / 一部事務組合 / 団体独自. */
export function levelName(level: SettingLevel, prefectureName?: string | null): string {
  switch (level) {
    case "national":
      return "全国標準";
    case "prefecture":
      return prefectureVersionName(prefectureName);
    case "consortium":
      return "一部事務組合";
    case "municipality":
      return "団体独自";
  }
}

/** The level with the group that set it: 「県版（神奈川県）」「一部事務組合（神奈川県町村情報システム共同事業組合）」. */
export function levelLabel(level: SettingLevel, scopeName: string | null): string {
  if (level === "prefecture") return `${prefectureVersionName(scopeName)}（${scopeName ?? ""}）`;
  if (level === "consortium") return `一部事務組合（${scopeName ?? ""}）`;
  return levelName(level);
}

/** The overriding levels in the order the fit-gap report counts them. */
export const OVERRIDE_LEVELS: readonly OverrideLevel[] = ["prefecture", "consortium", "municipality"];
