// The layouts API: the catalogue of standard layouts and their JSON Schemas (any staff), and a
// municipality's export and import (管理 admin of the platform, audited). An import's body is
// the CSV file itself (text/csv) within the platform's body limit; larger files go through
// `kyodo import`, which has none.
import type { Readable } from "node:stream";
import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Platform } from "../contract.ts";
import { staffOf } from "../http/access.ts";
import { Problem } from "../http/problem.ts";
import { actorOf } from "../identity/principal.ts";
import { catalogOf, type CatalogedLayout } from "./catalog.ts";
import { charsetOf, codePointLabel, LAYOUT_ENCODINGS } from "./file-encoding.ts";
import { exportFileName, exportLayout, findUnencodableCell } from "./export.ts";
import { importLayout } from "./import.ts";
import { layoutJsonSchema } from "./json-schema.ts";
import { describeCellType } from "./reference.ts";

const ADMIN = { module: "platform", role: "admin" } as const;

const LayoutParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100, description: "layout id, e.g. addressee.addressees" }) });
const Encoding = Type.Union(
  LAYOUT_ENCODINGS.map((e) => Type.Literal(e)),
  { default: "utf-8", description: "utf-8 (no BOM) or shift_jis (CP932, Windows-31J)" },
);

const ColumnView = Type.Object({
  name: Type.String({ description: "CSV header name" }),
  label: Type.String(),
  type: Type.String({ description: "the cell's type in words" }),
  required: Type.Boolean(),
  description: Type.Union([Type.String(), Type.Null()]),
});
const LayoutView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  version: Type.String(),
  owner: Type.String({ description: "the area or module that declares the layout" }),
  columns: Type.Array(ColumnView),
});

const ImportErrorView = Type.Object({
  file: Type.String(),
  line: Type.Integer({ minimum: 1, description: "physical line of the CSV file; the header is line 1" }),
  column: Type.Union([Type.String(), Type.Null()], { description: "CSV column name" }),
  columnNumber: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  code: Type.String(),
  message: Type.String(),
});

const problemFields = {
  type: Type.String(),
  status: Type.Integer(),
  code: Type.String(),
  title: Type.String(),
  title_ja: Type.String(),
  detail: Type.Optional(Type.String()),
};
const LayoutInvalid = Type.Object(
  { ...problemFields, errors: Type.Array(ImportErrorView) },
  { description: "code layout-invalid: every error of the file; nothing was written" },
);
const LayoutUnencodable = Type.Object(
  {
    ...problemFields,
    row: Type.Integer({ description: "1-based data row" }),
    line: Type.Integer({ description: "physical line the cell would start on" }),
    column: Type.String(),
    columnNumber: Type.Integer(),
    codePoint: Type.String({ description: "U+XXXX" }),
  },
  { description: "code layout-unencodable: a cell holds a character Shift_JIS (CP932) cannot represent" },
);

const unknownLayout = (id: string) =>
  new Problem(404, "unknown-layout", "No such standard layout", "その標準レイアウトはありません", `layout ${id.slice(0, 100)}`);

function view({ definition, owner, codecs }: CatalogedLayout) {
  return {
    id: definition.id,
    name: definition.name,
    version: definition.version,
    owner,
    columns: codecs.map((codec) => ({
      name: codec.column.name,
      label: codec.column.label,
      type: describeCellType(codec),
      required: codec.column.required,
      description: codec.column.description ?? null,
    })),
  };
}

export function layoutRoutes(fastify: FastifyInstance, platform: Platform): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const catalog = catalogOf(platform);
  const layoutOf = (id: string) => {
    const found = catalog.get(id);
    if (!found) throw unknownLayout(id);
    return found;
  };

  // The file itself is the body; the route decodes it, in the encoding the query names.
  app.addContentTypeParser("text/csv", { parseAs: "buffer" }, (_req, body, done) => done(null, body));

  app.get(
    "/api/layouts",
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ["layouts"],
        summary: "Every standard data layout with its columns (any staff)",
        response: { 200: Type.Array(LayoutView) },
      },
    },
    async () => catalog.layouts.map(view),
  );

  app.get(
    "/api/layouts/:id/schema.json",
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: ["layouts"],
        summary: "JSON Schema (draft 2020-12) of one row of the layout (any staff)",
        params: LayoutParams,
        response: { 200: Type.Object({}, { additionalProperties: true, description: "JSON Schema document" }) },
      },
    },
    async (req, reply) => {
      const schema = layoutJsonSchema(layoutOf(req.params.id).definition);
      return reply.type("application/schema+json").send(JSON.stringify(schema));
    },
  );

  app.get(
    "/api/layouts/:id/export",
    {
      config: { access: ADMIN },
      schema: {
        tags: ["layouts"],
        summary: "The municipality's data in the layout as a CSV file (管理 admin; audited)",
        params: LayoutParams,
        querystring: Type.Object({ encoding: Encoding }),
        response: {
          200: {
            description: "CSV with a header row and CRLF line ends, streamed",
            content: { "text/csv": { schema: Type.Unsafe<Readable>({ type: "string" }) } },
          },
          422: LayoutUnencodable,
        },
      },
    },
    async (req, reply) => {
      const me = staffOf(req);
      const { definition } = layoutOf(req.params.id);
      const { encoding } = req.query;
      if (encoding === "shift_jis") {
        // Checked before the first byte is sent, so the answer can still be a precise error.
        const unencodable = await findUnencodableCell(platform, me.tenantId, definition.id);
        if (unencodable) {
          const problem = new Problem(422, "layout-unencodable", "A cell cannot be written in Shift_JIS",
            "Shift_JISで表せない文字があります", unencodable.message);
          return reply.status(422).type("application/problem+json").send({
            ...problem.toBody(),
            row: unencodable.row,
            line: unencodable.line,
            column: unencodable.column,
            columnNumber: unencodable.columnNumber,
            codePoint: codePointLabel(unencodable.codePoint),
          });
        }
      }
      const fileName = exportFileName(definition.id, me.tenantId);
      const stream = exportLayout(platform, me.tenantId, definition.id, { encoding, actor: actorOf(me), fileName });
      return reply
        .header("content-type", `text/csv; charset=${charsetOf(encoding)}; header=present`)
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .send(stream);
    },
  );

  app.post(
    "/api/layouts/:id/import",
    {
      config: { access: ADMIN },
      schema: {
        tags: ["layouts"],
        summary: "Import a CSV file (body text/csv) into the municipality: all rows or none (管理 admin; audited)",
        params: LayoutParams,
        querystring: Type.Object({
          encoding: Encoding,
          fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: "the file's name, repeated in every error" })),
        }),
        response: { 200: Type.Object({ imported: Type.Integer({ minimum: 0 }) }), 422: LayoutInvalid },
      },
    },
    async (req, reply) => {
      const me = staffOf(req);
      const { definition } = layoutOf(req.params.id);
      if (!Buffer.isBuffer(req.body)) {
        throw new Problem(415, "unsupported-media-type", "Send the file as text/csv", "CSVファイル (text/csv) を送信してください");
      }
      const fileName = req.query.fileName ?? `${definition.id}.csv`;
      const result = await importLayout(platform, me.tenantId, definition.id, req.body, {
        encoding: req.query.encoding,
        fileName,
        actor: actorOf(me),
      });
      if ("imported" in result) return { imported: result.imported };
      const problem = new Problem(422, "layout-invalid", "The file does not fit the layout; nothing was imported",
        "ファイルの内容に誤りがあるため取り込みませんでした", `${result.errors.length} errors`);
      return reply.status(422).type("application/problem+json").send({ ...problem.toBody(), errors: result.errors });
    },
  );
}
