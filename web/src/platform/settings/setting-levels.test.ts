import { describe, expect, it } from "vitest";
import { levelLabel, levelName, prefectureVersionName } from "./setting-levels.ts";

describe("where a setting's value comes from, in Japanese", () => {
  it("each level has its name, with the group that set it", () => {
    expect(levelLabel("national", null)).toBe("全国標準");
    expect(levelLabel("prefecture", "神奈川県")).toBe("県版（神奈川県）");
    expect(levelLabel("consortium", "神奈川県町村情報システム共同事業組合")).toBe("一部事務組合（神奈川県町村情報システム共同事業組合）");
    expect(levelLabel("municipality", "葉山町")).toBe("団体独自");
  });

  it("Tokyo, Hokkaido, Osaka and Kyoto have 都版・道版・府版 instead of 県版", () => {
    expect(prefectureVersionName("東京都")).toBe("都版");
    expect(prefectureVersionName("北海道")).toBe("道版");
    expect(prefectureVersionName("京都府")).toBe("府版");
    expect(levelLabel("prefecture", "大阪府")).toBe("府版（大阪府）");
    expect(levelName("prefecture", "東京都")).toBe("都版");
    expect(levelName("prefecture")).toBe("県版");
  });
});
