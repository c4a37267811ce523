// The resident certificates' errors, each with a stable code and a Japanese and English title.
// None carries a name, an address, a date of the person or a 個人番号: only fields, options and roles.
import { Problem, problems } from "../../../platform/http/problem.ts";

export const certificateProblems = {
  subjectNotAddressee: () =>
    problems.invalid([{ field: "body/subjectId", message: "must be addressee:<宛名番号> of a resident (15 digits)" }]),
  /** An option (or item) the issuing staff member's roles do not allow, named by its field. */
  itemNotPermitted: (fields: { field: string; role: string }[]) =>
    new Problem(
      403,
      "certificate-item-not-permitted",
      "Your roles do not allow printing this item on the certificate",
      "この事項を証明書に記載する権限がありません",
      `requires ${[...new Set(fields.map((f) => f.role))].join(", ")}`,
      fields.map((f) => ({ field: f.field, message: `requires ${f.role}` })),
    ),
  membersWithoutChosenScope: () =>
    problems.invalid([{ field: "body/options/members", message: "members may be given only with scope chosen" }]),
  chosenScopeWithoutMembers: () =>
    problems.invalid([{ field: "body/options/members", message: "scope chosen needs at least one member" }]),
  /** The 個人番号 of a person removed by death is not printed on their 除票の写し (disclosure.ts). */
  myNumberAfterDeath: (field: string) =>
    new Problem(
      422,
      "my-number-not-printed-after-death",
      "The 個人番号 is not printed for a person removed by death",
      "死亡により消除された方の個人番号は記載できません",
      undefined,
      [{ field, message: "the record was removed by death" }],
    ),
  /** Nor is their 住民票コード (the same practice, disclosure.ts). */
  residentCodeAfterDeath: (field: string) =>
    new Problem(
      422,
      "resident-code-not-printed-after-death",
      "The 住民票コード is not printed for a person removed by death",
      "死亡により消除された方の住民票コードは記載できません",
      undefined,
      [{ field, message: "the record was removed by death" }],
    ),
  /** 転出証明書 for a person with no 転出 recorded by the date (住民基本台帳法施行令 第24条). */
  noMoveOut: () =>
    new Problem(
      422,
      "no-move-out-to-certify",
      "The person has no 転出 (planned or done) recorded on that date",
      "転出の届出がないため転出証明書を交付できません",
    ),
  /** A 除票 has no 転出 to certify when it was removed for another reason. */
  removedOtherwise: () =>
    new Problem(
      422,
      "no-move-out-to-certify",
      "The person left the registry by death or 職権消除, not by 転出",
      "転出以外の事由で消除されているため転出証明書を交付できません",
    ),
};
