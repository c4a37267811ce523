// 都道府県 (prefectures) with their 全国地方公共団体コード prefix (JIS X 0401 order, 01–47). The same
// names as the 総務省 master (src/platform/tenancy/municipality-master.ts; a test keeps them equal).
import { localGovernmentCheckDigit } from "./local-government-code.ts";

const NAMES = [
  "北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県", "茨城県", "栃木県", "群馬県",
  "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県", "山梨県", "長野県",
  "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県", "和歌山県",
  "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
  "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県",
] as const;

export interface Prefecture {
  code: string;
  name: string;
}

export const PREFECTURES: readonly Prefecture[] = NAMES.map((name, i) => {
  const five = `${String(i + 1).padStart(2, "0")}000`;
  return { code: `${five}${localGovernmentCheckDigit(five)}`, name };
});

/** The prefecture of a code by its first two digits, or undefined outside 01–47. */
export function prefectureOf(code: string): Prefecture | undefined {
  const number = /^\d{2}/.test(code) ? Number(code.slice(0, 2)) : 0;
  return number >= 1 && number <= PREFECTURES.length ? PREFECTURES[number - 1] : undefined;
}
