// 支援措置 on every JSON response (the staff screens and the API): by construction, not by each
// route remembering. Architecture §3a makes every person in a response carry their 宛名番号
// (`addresseeNumber`, or `number` in the addressee register's own views), so the platform can
// see who a response shows. For each person under an active measure it
//   - marks the person's object with `protection` (the screens' warning reads it) and sets the
//     `x-kyodo-protected` header (the count), so a screen can warn without knowing the route;
//   - masks where they live: every string under a key naming an address or postal code in the
//     person's object (and everything inside it), and the same keys directly on any object that
//     contains a protected person (a household shares its members' address). One address reads
//     once: its 住所 key becomes 「住所（支援措置により非表示）」 and its 郵便番号, 方書 and search key
//     become null, so a screen that joins 〒, 住所 and 方書 shows the mask a single time
//     (maskAddresses below);
// unless the staff member holds `protection:read` (支援措置担当), who sees the address, marked.
// A search by address is different: that a protected person matched "葉山町一色…" is itself
// where they live, so such a list leaves them out (for everyone but the 支援措置担当).
// "Protected" includes everyone registered at a protected person's address (check.ts).
import type { FastifyReply, FastifyRequest } from "fastify";
import { PROTECTION_ROLE_MODULE, type Platform } from "../contract.ts";
import { hasRole } from "../identity/principal.ts";
import { todayInJapan } from "../addressee/calendar-date.ts";
import { protectionsOf, type ActiveProtection } from "./check.ts";
import { isLocationKey } from "./personal-keys.ts";
import { formatAddresseeNumber } from "../addressee/addressee-number.ts";

export const PROTECTED_HEADER = "x-kyodo-protected";
/** What a masked address reads, once per address (住所・郵便番号・方書 together). */
export const MASKED = "住所（支援措置により非表示）";
/** What another masked value under a location key reads (e.g. 住所を定めた日). */
export const MASKED_OTHER = "（支援措置により非表示）";


/** `addresseeNumber` is a 宛名番号 in any width; a bare `number` only in the 15-digit form. */
const PERSON_KEYS = { addresseeNumber: /^\d{1,15}$/, number: /^\d{15}$/ } as const;
const MAY_HOLD_PERSON = /"addresseeNumber":"\d{1,15}"|"number":"\d{15}"/;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The person an object is about, as a 15-digit 宛名番号, or null. */
function personNumberOf(node: { [key: string]: Json }): string | null {
  for (const [key, form] of Object.entries(PERSON_KEYS)) {
    const value = node[key];
    if (typeof value === "string" && form.test(value)) return formatAddresseeNumber(value);
  }
  return null;
}

function collectNumbers(node: Json, into: Set<string>): void {
  if (Array.isArray(node)) for (const item of node) collectNumbers(item, into);
  else if (node !== null && typeof node === "object") {
    const number = personNumberOf(node);
    if (number) into.add(number);
    for (const value of Object.values(node)) if (value !== null && typeof value === "object") collectNumbers(value, into);
  }
}

/** The parts of an address that go with its 住所 key: 郵便番号, 方書 (address line 2) and a search key. */
const ADDRESS_PART = /(postal_?code|postal|address_?line_?\d+|address_?key)$/i;
/** Location keys that hold no address, such as 住所を定めた日 (addressSinceDate). */
const NOT_AN_ADDRESS = /(Date|Since|At|Changed|_date|_at)$/;

/** "previousPostalCode" and "previousAddress" both belong to the address "previous". */
function addressOf(key: string): string {
  return key.replace(ADDRESS_PART, "").replace(/_?address$/i, "").replace(/_/g, "").toLowerCase();
}

/**
 * Masks the location keys of one object, each address once: the key naming the address itself
 * gets MASKED and its parts become null; parts without their address key (a bare postal code)
 * give the first of them MASKED. Other location keys (dates) read MASKED_OTHER.
 */
function maskOwnKeys(node: { [key: string]: Json }): void {
  const keys = Object.keys(node).filter((key) => typeof node[key] === "string" && isLocationKey(key));
  const named = new Set(keys.filter((key) => !ADDRESS_PART.test(key) && !NOT_AN_ADDRESS.test(key)).map(addressOf));
  for (const key of keys) {
    if (NOT_AN_ADDRESS.test(key) && !ADDRESS_PART.test(key)) node[key] = MASKED_OTHER;
    else if (!ADDRESS_PART.test(key)) node[key] = MASKED;
    else if (named.has(addressOf(key))) node[key] = null;
    else {
      node[key] = MASKED;
      named.add(addressOf(key));
    }
  }
}

function maskEverything(node: Json): void {
  if (Array.isArray(node)) for (const item of node) maskEverything(item);
  else if (node !== null && typeof node === "object") {
    maskOwnKeys(node);
    for (const value of Object.values(node)) if (value !== null && typeof value === "object") maskEverything(value);
  }
}

/** The warning a screen shows: that a measure applies and until when, never why or against whom. */
function marker(list: ActiveProtection[]) {
  return { active: true, until: list.map((p) => p.endsOn).sort().at(-1)!, measures: list.length };
}

/**
 * Marks (and, unless `reveal`, masks) protected persons in a parsed body; with `dropFromLists`,
 * takes them out of every list instead. Returns how many it marked or dropped.
 */
export function guardBody(body: Json, protections: Map<string, ActiveProtection[]>, reveal: boolean, dropFromLists = false): number {
  let marked = 0;
  const walk = (node: Json): boolean => {
    if (Array.isArray(node)) {
      let any = false;
      for (let i = node.length - 1; i >= 0; i--) {
        const item = node[i]!;
        const own = item !== null && typeof item === "object" && !Array.isArray(item) ? personNumberOf(item) : null;
        if (dropFromLists && own !== null && protections.has(own)) {
          node.splice(i, 1);
          marked++;
          continue;
        }
        any = walk(item) || any;
      }
      return any;
    }
    if (node === null || typeof node !== "object") return false;
    const number = personNumberOf(node);
    const own = number !== null ? protections.get(number) : undefined;
    let inside = false;
    for (const value of Object.values(node)) if (value !== null && typeof value === "object") inside = walk(value) || inside;
    if (own) {
      marked++;
      if (!reveal) maskEverything(node);
      node.protection = marker(own);
      return true;
    }
    if (inside && !reveal) maskOwnKeys(node);
    return inside;
  };
  walk(body);
  return marked;
}

/** The onSend hook: JSON bodies for staff, after the route has built them. */
export function protectResponses(platform: Platform) {
  return async (req: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    const principal = req.principal;
    if (!principal || principal.kind !== "staff" || reply.statusCode >= 300) return payload;
    if (typeof payload !== "string" || !MAY_HOLD_PERSON.test(payload)) return payload;
    if (!String(reply.getHeader("content-type") ?? "").startsWith("application/json")) return payload;
    const body = JSON.parse(payload) as Json;
    const numbers = new Set<string>();
    collectNumbers(body, numbers);
    const protections = await platform.db.withTenant(principal.tenantId, (tx) => protectionsOf(tx, numbers, todayInJapan()));
    if (protections.size === 0) return payload;
    const reveal = hasRole(principal.roles[PROTECTION_ROLE_MODULE], "read");
    const byLocation = Object.keys((req.query as Record<string, unknown> | undefined) ?? {}).some(isLocationKey);
    const marked = guardBody(body, protections, reveal, byLocation && !reveal);
    reply.header(PROTECTED_HEADER, String(marked));
    return JSON.stringify(body);
  };
}
