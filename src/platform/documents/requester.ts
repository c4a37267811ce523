// 請求者の区分 (requester kind): who asked for a certificate, as the 住民基本台帳法 tells requests
// apart — 本人 and 同一世帯 (第12条, 本人等の請求), 代理人 (a person acting for them, 第12条第2項
// 第2号), 第三者 (第12条の3, 本人等以外の者の申出) and 職務上請求 (public bodies, 第12条の2, and
// 特定事務受任者 such as lawyers, 第12条の3第2項). The register keeps the kind, never the person.
import { Type, type Static } from "@sinclair/typebox";

export const RequesterKindSchema = Type.Union(
  [
    Type.Literal("self"),
    Type.Literal("same-household"),
    Type.Literal("agent"),
    Type.Literal("third-party"),
    Type.Literal("official"),
  ],
  { description: "本人 self, 同一世帯 same-household, 代理人 agent, 第三者 third-party, 職務上請求 official" },
);

export type RequesterKind = Static<typeof RequesterKindSchema>;

export const REQUESTER_KINDS: readonly RequesterKind[] = RequesterKindSchema.anyOf.map((s) => s.const);

export const REQUESTER_KIND_NAMES_JA: Record<RequesterKind, string> = {
  self: "本人",
  "same-household": "同一世帯",
  agent: "代理人",
  "third-party": "第三者",
  official: "職務上請求",
};
