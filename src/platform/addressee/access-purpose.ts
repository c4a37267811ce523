// 利用目的 (purpose of use): every read or write of a person's data is recorded in the audit log
// with why it happened. Decision: the purpose travels in the `x-kyodo-purpose` request header,
// percent-encoded UTF-8 (encodeURIComponent("固定資産税の賦課")), because HTTP header values are
// Latin-1 only and a GET has no body. Reads must send it; a write may, and otherwise its
// recorded reason (the body's `reason`) is the purpose.
import { addresseeProblems } from "./problems.ts";
import { textFault } from "../../lib/text.ts";

export const PURPOSE_HEADER = "x-kyodo-purpose";
const MAX_PURPOSE_LENGTH = 200;

/** The decoded purpose, or undefined when the header is absent; 400 when it is malformed. */
export function purposeFrom(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const raw = Array.isArray(header) ? header[0] : header;
  let purpose: string;
  try {
    purpose = decodeURIComponent(raw ?? "").trim();
  } catch {
    throw addresseeProblems.purposeInvalid();
  }
  // Decoding can produce what a header itself cannot carry: %00, an unpaired surrogate.
  if (purpose === "" || purpose.length > MAX_PURPOSE_LENGTH || textFault(purpose)) throw addresseeProblems.purposeInvalid();
  return purpose;
}

/** The purpose of a read: the header is required (the schema already says so). */
export function requiredPurpose(header: string | string[] | undefined): string {
  const purpose = purposeFrom(header);
  if (purpose === undefined) throw addresseeProblems.purposeInvalid();
  return purpose;
}
