// The addressee area's errors, each with a stable code and a Japanese and English title. None
// carries a name, an address or a birth date: only field names and 宛名番号.
import { Problem, problems } from "../http/problem.ts";
import type { FieldError } from "./validation.ts";

export const addresseeProblems = {
  /** The same code as a request that fails its schema: one answer shape for "fix these fields". */
  invalid: (errors: FieldError[]) => problems.invalid(errors),
  notFound: () => new Problem(404, "not-found", "addressee not found", "宛名が見つかりません"),
  mailingNotFound: () => new Problem(404, "not-found", "mailing address not found", "送付先が見つかりません"),
  mergeNotFound: () => new Problem(404, "not-found", "merge not found", "名寄せの記録が見つかりません"),
  registryOwned: (fields: string[]) =>
    new Problem(
      409,
      "registry-owned-fields",
      "These fields of a resident come from the resident registry and are changed there",
      "住民の氏名・生年月日・住所等は住民記録で変更してください",
      undefined,
      fields.map((field) => ({ field, message: "owned by the resident registry" })),
    ),
  staleVersion: () =>
    new Problem(409, "stale-version", "The addressee was changed meanwhile; reload and try again", "他の職員が更新しました。再読込してください"),
  alreadyResident: () =>
    new Problem(409, "already-resident", "The addressee is already a resident", "この宛名は既に住民として登録されています"),
  notResident: () => new Problem(409, "not-resident", "The addressee is not a resident", "この宛名は住民ではありません"),
  residenceOrder: () =>
    new Problem(409, "residence-date-order", "The date is before the addressee's last residence change", "異動日が前回の異動日より前です"),
  notAPerson: () => new Problem(409, "not-a-person", "Only a person can be a resident", "住民として登録できるのは個人のみです"),
  mergeRefused: (code: string, titleEn: string, titleJa: string) => new Problem(409, code, titleEn, titleJa),
  mailingOverlap: () =>
    new Problem(
      409,
      "mailing-period-overlap",
      "Another mailing address for this business covers part of the same period",
      "同じ業務の送付先と期間が重なっています",
      undefined,
      [{ field: "body/validFrom", message: "overlaps another mailing address of the same business" }],
    ),
  purposeInvalid: () =>
    new Problem(400, "invalid-purpose", "The purpose header is not valid", "利用目的の指定が正しくありません", undefined, [
      { field: "headers/x-kyodo-purpose", message: "must be 1–200 characters, percent-encoded UTF-8" },
    ]),
};
