// 住所の改行位置 (where an address may wrap on screen): between its parts — 都道府県, 郡, 市区町村,
// the 政令市's 区, the 町字, the 番地・号 and the 方書 — never inside one, so a narrow column reads
// 「神奈川県／三浦郡／葉山町／堀内／1番地」 rather than a break every few characters. The parts are
// found by their endings; an address that does not follow the pattern stays one part and wraps
// as text does.

const PREFECTURE = /^(東京都|北海道|(?:京都|大阪)府|[^\s\u3000]{2,3}県)/;
const DISTRICT = /^[^\s\u3000]{1,5}?郡/;
const MUNICIPALITY = /^[^\s\u3000]{1,5}?[市区町村]/;
const WARD = /^[^\s\u3000]{1,4}?区/;
/** The 町字 ends where the 丁目 or the 番地 begins (a digit of either width, or 〇丁目 in 漢数字). */
const TOWN = /^[^\s\u3000]+?(?=[0-9０-９]|[一二三四五六七八九十]+丁目)/;

/** The address's parts in order; joined, they give the text back unchanged. */
export function addressParts(text: string): string[] {
  const parts: string[] = [];
  const [main = "", ...rest] = text.split(/(?=[\s\u3000])/);
  let left = main;
  const take = (pattern: RegExp) => {
    const match = left.match(pattern);
    // A part is taken only when something follows it: 「葉山町」 alone is one part.
    if (match && match[0].length < left.length) {
      parts.push(match[0]);
      left = left.slice(match[0].length);
    }
  };
  take(PREFECTURE);
  take(DISTRICT);
  const beforeMunicipality = left;
  take(MUNICIPALITY);
  if (left !== beforeMunicipality && parts.at(-1)?.endsWith("市")) take(WARD);
  take(TOWN);
  if (left) parts.push(left);
  return [...parts, ...rest];
}
