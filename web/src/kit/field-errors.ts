// Field errors of a problem+json answer keyed by form field: the server names fields as
// "body/loginId" or "body/roles/resident" (schema validation) or "id" (domain rules); a form
// wants "loginId".
import type { ApiProblem } from "./api-client.ts";

export function fieldOf(serverField: string): string {
  const parts = serverField.split("/").filter((p) => p !== "");
  if (parts[0] === "body" || parts[0] === "querystring" || parts[0] === "params") parts.shift();
  return parts[0] ?? "";
}

/**
 * One Japanese message per form field named in the problem: the form's own wording for the field
 * when it has one (schema messages are English), else the problem's Japanese title (domain rules
 * such as a wrong check digit have a precise one). Fields the form does not have are left out;
 * the caller shows the problem's title for the whole form when nothing was placed.
 */
export function fieldErrorsOf(
  problem: ApiProblem,
  fields: readonly string[],
  wording: Partial<Record<string, string>> = {},
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const error of problem.errors) {
    const field = fieldOf(error.field);
    if (fields.includes(field) && !(field in result)) result[field] = wording[field] ?? problem.titleJa;
  }
  return result;
}
