// The JSON body parser: Fastify's own (which refuses __proto__ and constructor poisoning),
// after a depth check that runs before anything recurses. No request of the API nests deeper
// than a few levels; 50,000 levels once overflowed the stack while a schema was cloned.
import type { FastifyInstance } from "fastify";
import { Problem } from "./problem.ts";

export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of arrays and objects in a JSON text, scanned without recursion. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

export const tooDeep = () =>
  new Problem(400, "json-too-deep", "The request body nests too deeply", "送信データの入れ子が深すぎます",
    `at most ${MAX_JSON_DEPTH} levels of arrays and objects`);

export function registerJsonBodyParser(app: FastifyInstance, bodyLimit: number): void {
  const parse = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string", bodyLimit }, (req, body, done) => {
    const text = body as string;
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) return done(tooDeep(), undefined);
    return parse(req, text, done);
  });
}
