// 利用目的は業務ごと (a purpose per journey): a purpose is stated for one journey — one person
// (subject) and one kind of work on them: viewing, one kind of 届出, issuing 証明書 — so that the
// audit log never records a purpose stated for someone or something else. Opening another person,
// or another kind of 届出 or the 証明書 screen, asks again, with the likely purpose preselected.
// Two moves keep the purpose without asking, because they continue the same journey: the first
// person opened from a search (or a form without a person, such as 転入届) takes the purpose stated
// there, and coming back to the view of the person the purpose was stated for keeps it.
// Pure functions: access-purpose.ts keeps the binding and follows the browser's path.
import { COMMON_PURPOSES, OTHER_PURPOSE } from "./access-purpose.ts";

/** One journey: the person it is about (null before one is chosen) and the kind of work. */
export interface Journey {
  subject: string | null;
  kind: string;
}

/** A purpose and the journey it was stated for (or carried to). */
export interface PurposeBinding {
  journey: Journey;
  purpose: string;
}

/** The kind of a journey that only shows the person. */
export const VIEW = "view";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^[0-9][0-9-]*$/;

/**
 * The journey of a screen's path: `/<area>/<person>[/<work>…]` is work on one person (a person's
 * id or 宛名番号 as the second part), anything else a journey without a person named by its path:
 * `/residents/<id>` views, `/residents/<id>/changes/moved-out` is the 転出届, `/residents` the search.
 */
export function journeyAt(path: string): Journey {
  const parts = path.split("/").filter(Boolean);
  const [area, second, ...rest] = parts;
  if (area && second && (UUID.test(second) || NUMBER.test(second))) {
    return { subject: `${area}:${second.toLowerCase()}`, kind: rest.length ? rest.join("/") : VIEW };
  }
  return { subject: null, kind: `/${parts.join("/")}` };
}

export function sameJourney(a: Journey, b: Journey): boolean {
  return a.subject === b.subject && a.kind === b.kind;
}

/**
 * The binding after entering `journey`: the same journey keeps it; the first person opened after a
 * journey without a person, and the view of the person the purpose was stated for, carry it over;
 * anything else leaves it as it was — the purpose is then asked (purposeFor gives null).
 */
export function enterJourney(binding: PurposeBinding | null, journey: Journey): PurposeBinding | null {
  if (binding === null || sameJourney(binding.journey, journey)) return binding;
  const carried =
    journey.kind === VIEW && journey.subject !== null && (binding.journey.subject === null || binding.journey.subject === journey.subject);
  return carried ? { journey, purpose: binding.purpose } : binding;
}

/** The purpose in force on `journey`, or null when it must be asked. */
export function purposeFor(binding: PurposeBinding | null, journey: Journey): string | null {
  const entered = enterJourney(binding, journey);
  return entered !== null && sameJourney(entered.journey, journey) ? entered.purpose : null;
}

/** The purpose a kind of work is most often done for, by the last part of its path. */
const USUAL_PURPOSES: readonly [RegExp, string][] = [
  [/(^|\/)certificate$/, "証明書の交付"],
  [/(^|\/)changes\/[^/]+$/, "異動届の受付"],
  [/^\/residents\/(move-in|ex-officio-entry)$/, "異動届の受付"],
  [/^\/addressees\/new$/, "宛名の登録・訂正"],
  [/^\/addressees\/duplicates$/, "名寄せ・宛名の整備"],
];

/**
 * The purpose to preselect when asking on `journey`: the one its kind of work is usually done for
 * (証明書 → 証明書の交付, a 届出 → 異動届の受付 …), else the last one stated (a clerk looking up
 * several people for the same task), else none.
 */
export function likelyPurpose(binding: PurposeBinding | null, journey: Journey): string | null {
  const usual = USUAL_PURPOSES.find(([kind]) => kind.test(journey.kind))?.[1];
  return usual ?? binding?.purpose ?? null;
}

/** The form's two fields for a purpose as composed (composePurpose's inverse). */
export function splitPurpose(purpose: string): { choice: string; detail: string } {
  if (COMMON_PURPOSES.includes(purpose) && purpose !== OTHER_PURPOSE) return { choice: purpose, detail: "" };
  const listed = COMMON_PURPOSES.find((p) => p !== OTHER_PURPOSE && purpose.startsWith(`${p}：`));
  if (listed) return { choice: listed, detail: purpose.slice(listed.length + 1) };
  return { choice: OTHER_PURPOSE, detail: purpose };
}
