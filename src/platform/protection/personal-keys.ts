// Which keys of a JSON object say where a person lives or who they are. Shared by the response
// guard (which masks the location keys of protected persons) and the event outbox (which
// refuses any payload with such keys: events reach other systems, and under 支援措置 a payload
// that carried an address would be a path around every check).

/** 住所, 方書, 前住所, 転出先, 郵便番号 …: a key naming an address or a postal code (not 宛名). */
export function isLocationKey(key: string): boolean {
  return /address|postal/i.test(key) && !/addressee/i.test(key);
}

/** 氏名, カナ, 生年月日, 個人番号 … */
export function isIdentityKey(key: string): boolean {
  return /name|kana|birth|mynumber/i.test(key);
}

/** The first key, at any depth, that would put a person's whereabouts or identity in a payload. */
export function personalKeyIn(value: unknown, path = ""): string | null {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = personalKeyIn(item, `${path}/${i}`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (isLocationKey(key) || isIdentityKey(key)) return `${path}/${key}`;
      const found = personalKeyIn(inner, `${path}/${key}`);
      if (found) return found;
    }
  }
  return null;
}
