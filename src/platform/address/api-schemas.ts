// Request and response schemas of the address API (bounded: http/schema-bounds.ts).
import { Type, type Static } from "@sinclair/typebox";

export const CandidatesQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 100, description: "〒 (7 digits, a hyphen allowed) or the start of a 町字, with or without the municipality" }),
    date: Type.Optional(Type.String({ format: "date", description: "the day the 町字 must be in force (default: today)" })),
  },
  { additionalProperties: false },
);

export const Candidate = Type.Object({
  machiazaId: Type.String({ description: "町字ID" }),
  townArea: Type.String({ description: "町字 (大字・町名 + 丁目名 + 小字名)" }),
  townAreaKana: Type.Union([Type.String(), Type.Null()]),
  address: Type.String({ description: "都道府県 + 郡 + 市区町村 + 町字: what the address starts with" }),
  postalCode: Type.Union([Type.String(), Type.Null()]),
  addressing: Type.Union([Type.Literal("lot-number"), Type.Literal("residence-indication")], {
    description: "lot-number: 地番 (2135番地3); residence-indication: 住居表示 (5番12号)",
  }),
});

export const CandidatesResult = Type.Object({
  hasMaster: Type.Boolean({ description: "false when the municipality has imported no 町字マスター" }),
  items: Type.Array(Candidate),
});

export const PostalParams = Type.Object({ code: Type.String({ pattern: "^[0-9]{3}-?[0-9]{4}$" }) }, { additionalProperties: false });

export const PostalResult = Type.Object({
  postalCode: Type.String(),
  prefecture: Type.String(),
  city: Type.String({ description: "郡 + 市区町村 (+ 区)" }),
  area: Type.Union([Type.String(), Type.Null()], { description: "町域" }),
  address: Type.String({ description: "prefecture + city + area" }),
});

export const NormaliseBody = Type.Object(
  {
    address: Type.String({ minLength: 1, maxLength: 200 }),
    scope: Type.Union([Type.Literal("in-town"), Type.Literal("national")]),
    date: Type.Optional(Type.String({ format: "date" })),
  },
  { additionalProperties: false },
);

export const NormaliseResult = Type.Object({
  ok: Type.Boolean(),
  address: Type.Union([Type.String(), Type.Null()], { description: "the stored form, when ok" }),
  machiazaId: Type.Union([Type.String(), Type.Null()]),
  problem: Type.Union([Type.String(), Type.Null()]),
  message: Type.Union([Type.String(), Type.Null()], { description: "for the clerk, in Japanese" }),
});

export const UnmatchedQuery = Type.Object(
  {
    page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  },
  { additionalProperties: false },
);

export const UnmatchedHeaders = Type.Object({
  "x-kyodo-purpose": Type.String({ minLength: 1, maxLength: 1000, description: "利用目的 (percent-encoded UTF-8), recorded in the audit log" }),
});

export const UnmatchedItem = Type.Object({
  addresseeNumber: Type.String({ description: "宛名番号 (15 digits)" }),
  isResident: Type.Boolean(),
  problem: Type.String({ description: "other-municipality, unknown-town-area, block-not-numbers, unknown-prefecture, unknown-municipality" }),
  message: Type.String(),
});

export const UnmatchedResult = Type.Object({
  hasMaster: Type.Boolean(),
  checked: Type.Integer(),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  items: Type.Array(UnmatchedItem),
});

export type CandidateType = Static<typeof Candidate>;
export type UnmatchedItemType = Static<typeof UnmatchedItem>;
