// Why a 異動 body is invalid, field by field. The body is one schema per kind joined as a union
// (for the OpenAPI document); a union's validator reports every branch it tried, which buries
// the one real mistake under eleven "kind must be …". So the route lets the union fail quietly
// and asks here: is `kind` one of the kinds, and if so, what is wrong by that kind's own schema.
import { Value } from "@sinclair/typebox/value";
import { CHANGE_BODIES } from "./api-schemas.ts";
import { CHANGE_KINDS, type ChangeKind } from "./change-kind.ts";

export function changeBodyErrors(body: unknown): { field: string; message: string }[] {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return [{ field: "body", message: "must be an object" }];
  const kind = (body as { kind?: unknown }).kind;
  if (typeof kind !== "string" || !CHANGE_KINDS.includes(kind as ChangeKind)) {
    return [{ field: "body/kind", message: `must be one of ${CHANGE_KINDS.join(", ")}` }];
  }
  // One message per field: a missing array is reported both as missing and as not an array.
  const byField = new Map<string, string>();
  for (const e of Value.Errors(CHANGE_BODIES[kind as ChangeKind], body)) if (!byField.has(`body${e.path}`)) byField.set(`body${e.path}`, e.message);
  return [...byField].map(([field, message]) => ({ field, message }));
}
