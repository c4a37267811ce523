// The one protection check (支援措置の確認): which of the persons a response, a certificate or an
// export would reveal are protected today, and whether a given disclosure may go ahead. Every
// path that reveals a person calls into this file — the JSON response guard (response-guard.ts),
// certificate issue (documents/certificate.ts through CertificateRenderContext.disclose), and
// standard-layout exports (layouts/export.ts) — so the rule lives in one place.
import type { Tx } from "../db/database.ts";
import { formatAddresseeNumber, parseAddresseeNumber } from "../addressee/addressee-number.ts";
import { adversaryKey, type Adversary, type MeasureKind } from "./measures.ts";
import { protectionProblems } from "./problems.ts";
import type { Problem } from "../http/problem.ts";
import { normalizeKana } from "../../lib/kana.ts";
import { releaseForUse, type UsableRelease } from "./releases.ts";
import { isOwnRequest, type IdentityCheck, type RequestChannel, type RequesterKind } from "../documents/requester.ts";

export interface ActiveProtection {
  measureId: string;
  kind: MeasureKind;
  endsOn: string;
  businesses: string[] | null;
  adversaries: Adversary[];
}

const ACTIVE_ON = `starts_on <= $1::date AND ends_on >= $1::date AND (ended_on IS NULL OR ended_on > $1::date)`;

/**
 * Who is shielded on `date`, and by which measures: the persons a measure names, and — because
 * an address is shared by everyone living there — every person registered at the same address
 * (住所 and 方書) as one of them. The law protects household members on request (申出者と同一の
 * 住所を有する者); the platform does not wait for the request before hiding an address that is
 * the victim's too. With `among`, only those numbers are looked at.
 */
async function shielded(tx: Tx, date: string, among: string[] | null): Promise<Map<string, ActiveProtection[]>> {
  const found = new Map<string, ActiveProtection[]>();
  if (among !== null && among.length === 0) return found;
  const measures = await tx.query<{
    measure_id: string;
    kind: MeasureKind;
    ends_on: string;
    businesses: string[] | null;
    adversaries: Adversary[];
    numbers: string[];
  }>(
    `SELECT measure_id::text, kind, ends_on::text, businesses, adversaries, protected_numbers::text[] AS numbers
     FROM protection_measure_current WHERE ${ACTIVE_ON}`,
    [date],
  );
  if (measures.rows.length === 0) return found;
  const byPerson = new Map<string, ActiveProtection[]>();
  for (const r of measures.rows) {
    const protection = { measureId: r.measure_id, kind: r.kind, endsOn: r.ends_on, businesses: r.businesses, adversaries: r.adversaries };
    for (const n of r.numbers) byPerson.set(n, [...(byPerson.get(n) ?? []), protection]);
  }
  const add = (number: string, list: ActiveProtection[]) => {
    const key = formatAddresseeNumber(number);
    const known = found.get(key) ?? [];
    found.set(key, [...known, ...list.filter((p) => !known.some((k) => k.measureId === p.measureId))]);
  };
  const protectedNumbers = [...byPerson.keys()];
  for (const n of protectedNumbers) if (among === null || among.includes(n)) add(n, byPerson.get(n)!);
  const sharing = await tx.query<{ number: string; protected_number: string }>(
    `SELECT a.number::text, pa.number::text AS protected_number
     FROM addressee pa JOIN addressee a ON a.address = pa.address AND a.address_line2 IS NOT DISTINCT FROM pa.address_line2
     WHERE pa.number = ANY($1::bigint[]) AND pa.address IS NOT NULL AND a.kind = 'person' AND a.number <> pa.number
       AND ($2::bigint[] IS NULL OR a.number = ANY($2::bigint[]))`,
    [protectedNumbers, among],
  );
  for (const r of sharing.rows) add(r.number, byPerson.get(r.protected_number)!);
  return found;
}

/** Active measures by 15-digit 宛名番号, for the numbers among `numbers` that are shielded on `date`. */
export async function protectionsOf(tx: Tx, numbers: Iterable<string>, date: string): Promise<Map<string, ActiveProtection[]>> {
  const wanted = [...new Set([...numbers].map(parseAddresseeNumber).filter((n): n is string => n !== null))];
  return shielded(tx, date, wanted);
}

/** Every 15-digit 宛名番号 under an active measure of the tenant on `date`: for screening exports. */
export async function protectedNumbersOn(tx: Tx, date: string): Promise<Set<string>> {
  return new Set((await shielded(tx, date, null)).keys());
}

/** Whether a measure covers a business (module id); a measure with no list covers every one. */
export function covers(p: ActiveProtection, business: string): boolean {
  return p.businesses === null || p.businesses.includes(business);
}

/** Who is asking at the counter, as far as the clerk identified them (本人確認). */
export interface Requester {
  addresseeNumber?: string | undefined;
  nameKana?: string | undefined;
  birthDate?: string | undefined;
}

export function isAdversary(p: ActiveProtection, requester: Requester | undefined): boolean {
  if (!requester) return false;
  const number = requester.addresseeNumber ? parseAddresseeNumber(requester.addresseeNumber) : null;
  const key = requester.nameKana && requester.birthDate ? adversaryKey(requester.nameKana, requester.birthDate) : null;
  return p.adversaries.some(
    (a) =>
      (number !== null && a.addresseeNumber !== null && parseAddresseeNumber(a.addresseeNumber) === number) ||
      (key !== null && a.nameKana !== null && a.birthDate !== null && adversaryKey(a.nameKana, a.birthDate) === key),
  );
}

/**
 * The requester as given, plus — when given by カナ and birth date — every person of the register
 * with that reading and birth date, so that a 相手方 recorded by 宛名番号 is recognised when he
 * shows an ID without his number being known at the counter.
 */
async function requesterIdentities(tx: Tx, requester: Requester | undefined): Promise<Requester[]> {
  if (!requester) return [];
  if (!requester.nameKana || !requester.birthDate) return [requester];
  const found = await tx.query<{ number: string }>(
    "SELECT number::text FROM addressee WHERE kind = 'person' AND kana_key = $1 AND birth_date = $2::date",
    [normalizeKana(requester.nameKana), requester.birthDate],
  );
  return [requester, ...found.rows.map((r) => ({ addresseeNumber: r.number }))];
}

export interface DisclosureRequest {
  /** The business (module id) whose document or data it is. */
  business: string;
  /** The certificate kind, for matching a release. */
  certificateKind: string;
  /** The request's subject, `addressee:<番号>`: a release is for one subject and kind. */
  subjectNumber: string | null;
  requester?: Requester | undefined;
  /** 請求者の区分: 本人・同一世帯, 代理人・使者, 第三者, 職務上請求. */
  requesterKind: RequesterKind;
  /** 請求の方法: 窓口, 郵送, コンビニ交付, 広域交付. */
  channel: RequestChannel;
  /** The photo ID the clerk saw at the counter, if any. */
  identityCheck?: IdentityCheck | undefined;
  releaseId?: string | undefined;
  date: string;
  /** `staff:<id>`: a release is used by the clerk who asked for it. */
  actor: string;
}

export interface DisclosureDecision {
  protectedNumbers: string[];
  measureIds: string[];
  release: UsableRelease | null;
  /** Let through as the protected person's own request after a strict 本人確認 at the counter. */
  identityChecked: boolean;
}

export type RefusalReason =
  | "release-required"
  | "requester-is-adversary"
  | "release-not-usable"
  | "identity-check-required"
  | "channel-refused"
  | "agent-refused";

/** Thrown by a refused disclosure: what to audit (ids only), and the problem to answer with. */
export class DisclosureRefused extends Error {
  constructor(
    readonly problem: Problem,
    readonly reason: RefusalReason,
    readonly measureIds: string[],
  ) {
    super(problem.message);
  }
}

/**
 * Decides whether persons may be disclosed in a document, as 総務省's DV等支援措置 (住民基本台帳事務
 * 処理要領 第5-10「ドメスティック・バイオレンス、ストーカー行為等、児童虐待及びこれらに準ずる行為の
 * 被害者の保護のための措置」) is applied at towns' counters (e.g. 高岡市, 加西市, 養父市):
 *   - no protected person printed → allowed;
 *   - the requester is a 相手方 of a measure → refused, release or not (相手方からの請求は不当な
 *     目的によるものとして拒否する);
 *   - 本人等の請求 (本人 or 同一世帯, 住民基本台帳法 第12条): only at the counter (窓口), and only
 *     after a strict 本人確認 each time — a photo ID seen and recorded — then without a release.
 *     By mail, at コンビニ交付 or 広域交付 it is refused (なりすまし防止: the counter is the only
 *     place the ID can be compared with the person);
 *   - 代理人・使者 → refused (委任状による請求には応じない: anyone could carry a letter);
 *   - 第三者 and 職務上請求 (第12条の2, 第12条の3) → the strict review: an approved, unused,
 *     unexpired supervisor's release for this subject and kind, asked for by this clerk. コンビニ
 *     交付 and 広域交付 serve 本人等 only, so a third party's request there is refused as well.
 */
export async function decideDisclosure(tx: Tx, numbers: readonly string[], request: DisclosureRequest): Promise<DisclosureDecision> {
  const protections = await protectionsOf(tx, numbers, request.date);
  const relevant = [...protections.entries()]
    .map(([n, list]) => [n, list.filter((p) => covers(p, request.business))] as const)
    .filter(([, list]) => list.length > 0);
  if (relevant.length === 0) return { protectedNumbers: [], measureIds: [], release: null, identityChecked: false };
  const measures = [...new Set(relevant.flatMap(([, list]) => list.map((p) => p.measureId)))];
  const protectedNumbers = relevant.map(([n]) => n);
  const requesters = await requesterIdentities(tx, request.requester);
  if (relevant.some(([, list]) => list.some((p) => requesters.some((r) => isAdversary(p, r))))) {
    throw new DisclosureRefused(protectionProblems.requesterIsAdversary(), "requester-is-adversary", measures);
  }
  if (request.requesterKind === "agent") throw new DisclosureRefused(protectionProblems.agentRefused(), "agent-refused", measures);
  if (isOwnRequest(request.requesterKind)) {
    if (request.channel !== "counter") {
      throw new DisclosureRefused(protectionProblems.channelRefused(request.channel), "channel-refused", measures);
    }
    if (!request.identityCheck?.checked) {
      throw new DisclosureRefused(protectionProblems.identityCheckRequired(), "identity-check-required", measures);
    }
    return { protectedNumbers, measureIds: measures, release: null, identityChecked: true };
  }
  if (request.channel === "convenience-store" || request.channel === "wide-area") {
    throw new DisclosureRefused(protectionProblems.channelRefused(request.channel), "channel-refused", measures);
  }
  if (!request.releaseId) throw new DisclosureRefused(protectionProblems.releaseRequired(), "release-required", measures);
  const release = await releaseForUse(tx, request.releaseId, {
    subjectNumber: request.subjectNumber,
    certificateKind: request.certificateKind,
    actor: request.actor,
  });
  if ("refused" in release) {
    throw new DisclosureRefused(protectionProblems.releaseNotUsable(release.refused), "release-not-usable", measures);
  }
  return { protectedNumbers, measureIds: measures, release, identityChecked: false };
}
