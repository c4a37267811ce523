// The documents area's errors, each with a stable code and a Japanese and English title. None
// carries a name or the characters of one: only kinds, serials, counts and field names.
import { Problem, problems } from "../http/problem.ts";

export const documentProblems = {
  unknownKind: () => new Problem(404, "unknown-certificate-kind", "No such certificate kind", "この種類の証明書はありません"),
  issueNotFound: () => new Problem(404, "not-found", "certificate issue not found", "交付記録が見つかりません"),
  invalid: (errors: { field: string; message: string }[]) => problems.invalid(errors),
  fontCannotRender: (count: number, fontName: string) =>
    new Problem(
      422,
      "font-cannot-render",
      "The document font has no glyph for some characters; the certificate was not issued",
      "帳票フォントで表示できない文字があるため証明書を発行できません",
      `${count} distinct character(s) missing from ${fontName}; see the preview`,
    ),
  alreadyVoided: () =>
    problems.conflict("certificate-already-voided", "The certificate is already voided", "この証明書は既に取り消されています"),
};
