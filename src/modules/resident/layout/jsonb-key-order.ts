// jsonb の鍵順 (the key order jsonb stores): PostgreSQL keeps an object's keys sorted — shorter
// keys first, keys of one length by their bytes — and sorts every object it parses into that
// order. For a record of two dozen keys that sort is the dearest part of parsing it (measured:
// a third of jsonb input), and an import parses millions; but PostgreSQL's sort first checks
// whether its input is sorted already and then stops. So the import hands over its JSON with
// each object's keys in that order: the stored values are the same (jsonb keeps no other
// order), PostgreSQL only skips the work.
import { PERSON_FIELDS, type FieldSet } from "../person-record.ts";

/** jsonb's order of object keys: by length, then bytewise (the keys here are ASCII). */
export function compareJsonbKeys(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** The keys sorted as jsonb stores them. */
export function jsonbKeyOrder(keys: readonly string[]): readonly string[] {
  return [...keys].sort(compareJsonbKeys);
}

/**
 * A copy of a flat object with its defined keys in the given order. Should the object hold a key
 * the order does not list, nothing is dropped: its own keys are sorted instead.
 */
export function inKeyOrder<T extends object>(value: T, order: readonly string[]): T {
  const source = value as Record<string, unknown>;
  const ordered: Record<string, unknown> = {};
  let copied = 0;
  for (const key of order) {
    const v = source[key];
    if (v !== undefined) {
      ordered[key] = v;
      copied++;
    }
  }
  let defined = 0;
  for (const key in source) if (source[key] !== undefined) defined++;
  return defined === copied ? (ordered as T) : inJsonbKeyOrder(value);
}

const PERSON_KEY_ORDER = jsonbKeyOrder(PERSON_FIELDS);

/** A record, or the fields a 異動 set, with its keys in jsonb's order; null stays null. */
export function recordInJsonbOrder<T extends FieldSet | null>(record: T): T {
  return record === null ? record : inKeyOrder(record, PERSON_KEY_ORDER);
}

const orders = new Map<string, readonly string[]>();

/** A flat object of any shape with its keys in jsonb's order; the order is sorted once per shape. */
export function inJsonbKeyOrder<T extends object>(value: T): T {
  const keys = Object.keys(value);
  const shape = keys.join(",");
  let order = orders.get(shape);
  if (order === undefined) orders.set(shape, (order = jsonbKeyOrder(keys)));
  return inKeyOrder(value, order);
}
