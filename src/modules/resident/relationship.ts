// 続柄 (zokugara): a member's relationship to the 世帯主 (head of household), as the 住民票 states
// it (住民基本台帳法 第7条第4号; wording after the 住民基本台帳事務処理要領: since 1995 every child is
// 子, and a partner not registered as married is 夫（未届）/妻（未届）). Stored as codes, shown in Japanese.

export const RELATIONSHIPS = {
  head: "世帯主",
  wife: "妻",
  husband: "夫",
  "unregistered-wife": "妻（未届）",
  "unregistered-husband": "夫（未届）",
  child: "子",
  "wife-child": "妻の子",
  "husband-child": "夫の子",
  "child-wife": "子の妻",
  "child-husband": "子の夫",
  grandchild: "孫",
  father: "父",
  mother: "母",
  "wife-father": "妻の父",
  "wife-mother": "妻の母",
  "husband-father": "夫の父",
  "husband-mother": "夫の母",
  grandfather: "祖父",
  grandmother: "祖母",
  "elder-brother": "兄",
  "elder-sister": "姉",
  "younger-brother": "弟",
  "younger-sister": "妹",
  uncle: "おじ",
  aunt: "おば",
  nephew: "甥",
  niece: "姪",
  lodger: "同居人",
  "related-person": "縁故者",
} as const;

export type Relationship = keyof typeof RELATIONSHIPS;
export const RELATIONSHIP_CODES = Object.keys(RELATIONSHIPS) as Relationship[];

export const HEAD: Relationship = "head";

/** The order members are listed on a 住民票 of the whole household: the head, then this table's order. */
export function relationshipOrder(relationship: Relationship): number {
  return RELATIONSHIP_CODES.indexOf(relationship);
}
