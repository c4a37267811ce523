// 住民・住登外の別 (an addressee's standing): a resident of the municipality (since when), a
// 住登外者 — never a resident, or no longer one after 転出 or 死亡 — or a number merged into
// another by 名寄せ. Derived from the dates the resident registry recorded, as of today in Japan.
import type { AddresseeState } from "../../../../src/platform/addressee/addressee.ts";
import { todayInJapan } from "../../../../src/platform/addressee/calendar-date.ts";
import { END_REASON_LABELS } from "./addressee-labels.ts";
import { warekiDateJa } from "../../kit/wareki-date.ts";

export interface AddresseeStanding {
  /** 住民, 住登外, 転出（住登外）, 死亡（住登外）, 名寄せ済み */
  label: string;
  tone: "ok" | "info" | "warning";
  /** The day and event behind it: 「令和2年4月1日から住民」. */
  detail: string | null;
}

type Residence = Pick<AddresseeState, "residentSince" | "residentUntil" | "residentEndReason" | "mergedInto">;

export function standingOf(state: Residence, today = todayInJapan()): AddresseeStanding {
  if (state.mergedInto !== null) {
    return { label: "名寄せ済み", tone: "warning", detail: `宛名番号 ${state.mergedInto} に統合` };
  }
  const { residentSince: since, residentUntil: until, residentEndReason: reason } = state;
  if (since !== null && since > today) return { label: "住登外", tone: "info", detail: `${warekiDateJa(since)}から住民（予定）` };
  if (since !== null && (until === null || until > today)) {
    const ending = until !== null && reason !== null ? `。${warekiDateJa(until)}${END_REASON_LABELS[reason]}予定` : "";
    return { label: "住民", tone: "ok", detail: `${warekiDateJa(since)}から住民${ending}` };
  }
  if (until !== null && reason !== null) {
    return { label: `${END_REASON_LABELS[reason]}（住登外）`, tone: "warning", detail: `${warekiDateJa(until)}${END_REASON_LABELS[reason]}` };
  }
  return { label: "住登外", tone: "info", detail: null };
}
