// Every string of every request is checked here, once, before any route sees it: a NUL, an
// unpaired surrogate or a control character is a 400 naming the field, never a database error.
// Runs right after the access check (access.ts), so an anonymous caller still learns nothing.
import type { FastifyRequest } from "fastify";
import { TEXT_FAULT_MESSAGES, textFault } from "../../lib/text.ts";
import { problems } from "./problem.ts";

type FieldError = { field: string; message: string };

function collect(value: unknown, path: string, errors: FieldError[]): void {
  if (errors.length >= 20) return;
  if (typeof value === "string") {
    const fault = textFault(value);
    if (fault) errors.push({ field: path, message: TEXT_FAULT_MESSAGES[fault] });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => collect(item, `${path}/${i}`, errors));
  } else if (value !== null && typeof value === "object" && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      const fault = textFault(key);
      if (fault) errors.push({ field: path, message: `property names ${TEXT_FAULT_MESSAGES[fault]}` });
      else collect(item, `${path}/${key}`, errors);
    }
  }
}

/** The text faults of a request's parameters, query string and JSON body, by field. */
export function requestTextErrors(req: Pick<FastifyRequest, "params" | "query" | "body" | "headers">): FieldError[] {
  const errors: FieldError[] = [];
  collect(req.params, "params", errors);
  collect(req.query, "querystring", errors);
  // Only parsed JSON: raw uploads (CSV files) are checked by their readers, by line and column.
  if (req.body !== null && typeof req.body === "object" && !Buffer.isBuffer(req.body)) collect(req.body, "body", errors);
  return errors;
}

export async function checkInputText(req: FastifyRequest): Promise<void> {
  const errors = requestTextErrors(req);
  if (errors.length) throw problems.invalid(errors);
}
