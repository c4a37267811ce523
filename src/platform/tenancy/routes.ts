import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Platform } from "../contract.ts";
import { operatorOf } from "../http/access.ts";
import { actorOf } from "../identity/principal.ts";
import { withOperator } from "../audit/operator.ts";
import { invalidCode, listTenants } from "./tenants.ts";
import { notATenant, onboardTenant, unknownLocalGovernment } from "./onboarding.ts";
import { lookupLocalGovernment, MUNICIPALITY_MASTER } from "./municipality-master.ts";
import { AdministratorRequest, nameAdministrator } from "../identity/account-routes.ts";
import { StaffView } from "../identity/account-schemas.ts";

const TenantSummary = Type.Object({
  id: Type.String({ description: "全国地方公共団体コード" }),
  name: Type.String(),
  nameKana: Type.String({ description: "the name's reading in katakana, for choosing by typing" }),
  prefectureName: Type.String(),
});
const TenantDetail = Type.Object({
  id: Type.String({ description: "全国地方公共団体コード" }),
  name: Type.String(),
  nameKana: Type.String(),
  prefectureId: Type.String(),
  prefectureName: Type.String(),
  population: Type.Integer(),
  status: Type.String(),
  consortia: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  staffCount: Type.Integer(),
});

const MasterKind = Type.Union(
  [Type.Literal("prefecture"), Type.Literal("designated-city"), Type.Literal("municipality"), Type.Literal("special-ward"), Type.Literal("ward")],
  { description: "designated-city: 政令指定都市; special-ward: 東京都の特別区; ward: 政令指定都市の区 (行政区)" },
);
const MasterVersion = Type.Object({
  source: Type.String(),
  sourceUrl: Type.String(),
  package: Type.String(),
  packageVersion: Type.String(),
  compiledOn: Type.String({ format: "date", description: "when the package's list was compiled from 総務省's" }),
  counts: Type.Object({
    prefecture: Type.Integer(),
    "designated-city": Type.Integer(),
    municipality: Type.Integer(),
    "special-ward": Type.Integer(),
    ward: Type.Integer(),
  }),
});
const MasterLookup = Type.Object({
  code: Type.String(),
  kind: MasterKind,
  name: Type.String(),
  nameKana: Type.String(),
  prefectureName: Type.String(),
  city: Type.Optional(Type.Object({ code: Type.String(), name: Type.String() })),
  onboardable: Type.Boolean({ description: "a 市町村 or 特別区 that is not yet a tenant" }),
  isTenant: Type.Boolean(),
  reason: Type.Optional(Type.String({ description: "why it cannot be onboarded (Japanese)" })),
});

export function tenancyRoutes(fastify: FastifyInstance, platform: Platform): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    "/api/tenants",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["tenancy"],
        summary: "Municipalities on this platform (public: names and codes only, for the log-in form)",
        response: { 200: Type.Array(TenantSummary) },
      },
    },
    async () => {
      const rows = await platform.db.withoutTenant((tx) => listTenants(tx));
      return rows
        .filter((r) => r.status === "active")
        .map((r) => ({ id: r.id, name: r.name, nameKana: r.name_kana, prefectureName: r.prefecture_name }));
    },
  );

  app.get(
    "/api/operator/tenants",
    {
      config: { access: { operator: true } },
      schema: {
        tags: ["tenancy"],
        summary: "All tenants with their groups and staff counts (operator; audited)",
        response: { 200: Type.Array(TenantDetail) },
      },
    },
    async (req) => {
      const actor = actorOf(operatorOf(req));
      return withOperator(platform.db, { actor, action: "tenancy.tenants-listed" }, async (tx) => {
        const rows = await listTenants(tx);
        const counts = await tx.query(
          "SELECT tenant_id, count(*)::int AS n FROM staff_account WHERE disabled_at IS NULL GROUP BY tenant_id",
        );
        const byTenant = new Map(counts.rows.map((r) => [r.tenant_id as string, r.n as number]));
        return rows.map((r) => ({
          id: r.id,
          name: r.name,
          nameKana: r.name_kana,
          prefectureId: r.prefecture_id,
          prefectureName: r.prefecture_name,
          population: r.population,
          status: r.status,
          consortia: r.groups.map((g) => ({ id: g.id, name: g.name })),
          staffCount: byTenant.get(r.id) ?? 0,
        }));
      });
    },
  );

  app.get(
    "/api/operator/municipality-master",
    {
      config: { access: { operator: true } },
      schema: {
        tags: ["tenancy"],
        summary: "The 全国地方公共団体コード master onboarding checks codes against: its source, version and counts",
        response: { 200: MasterVersion },
      },
    },
    async () => MUNICIPALITY_MASTER,
  );

  app.get(
    "/api/operator/municipality-master/:id",
    {
      config: { access: { operator: true } },
      schema: {
        tags: ["tenancy"],
        summary: "Look a code up in the master: its name and reading, and whether it can be onboarded",
        params: Type.Object({ id: Type.String({ maxLength: 12, description: "全国地方公共団体コード, as a tenant's id" }) }),
        response: { 200: MasterLookup },
      },
    },
    async (req) => {
      const code = req.params.id;
      const bad = invalidCode("id", code);
      if (bad) throw bad;
      const entry = lookupLocalGovernment(code);
      if (!entry) throw unknownLocalGovernment("id", 404);
      const isTenant = await platform.db.withoutTenant(async (tx) => (await tx.query("SELECT 1 FROM tenant WHERE id = $1", [code])).rowCount === 1);
      const refused = notATenant("id", entry);
      const reason = refused?.titleJa ?? (isTenant ? "この団体は既に登録されています" : undefined);
      return {
        code: entry.code,
        kind: entry.kind,
        name: entry.name,
        nameKana: entry.nameKana,
        prefectureName: entry.prefectureName,
        ...(entry.city ? { city: entry.city } : {}),
        onboardable: !refused && !isTenant,
        isTenant,
        ...(reason ? { reason } : {}),
      };
    },
  );

  app.post(
    "/api/operator/tenants",
    {
      config: { access: { operator: true } },
      schema: {
        tags: ["tenancy"],
        summary: "Onboard a municipality (operator; audited): a 市町村 or 特別区 of the 全国地方公共団体コード master, under the master's name",
        body: Type.Object(
          {
            id: Type.String({ maxLength: 12, description: "全国地方公共団体コード (6 digits with check digit) of a 市町村 or 特別区" }),
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "taken from the master; if sent, must equal it" })),
            nameKana: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: "taken from the master; if sent, must read the same" })),
            population: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000 })),
            administrator: Type.Optional(
              Type.Object(AdministratorRequest.properties, {
                additionalProperties: false,
                description:
                  "the municipality's first administrator (共通基盤 and every business 管理, 支援措置 never): " +
                  "the answer carries an activation code, once, to hand over out of band",
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            id: Type.String(),
            name: Type.String(),
            prefectureId: Type.String(),
            administrator: Type.Optional(
              Type.Object({
                account: StaffView,
                activationCode: Type.String({ description: "shown once; stored only as a hash" }),
                expiresAt: Type.String({ format: "date-time" }),
              }),
            ),
          }),
        },
      },
    },
    async (req, reply) => {
      const actor = actorOf(operatorOf(req));
      const { administrator, ...tenant } = req.body;
      const row = await onboardTenant(platform.db, actor, tenant);
      const created = { id: row.id, name: row.name, prefectureId: row.prefecture_id };
      if (!administrator) return reply.status(201).send(created);
      const issued = await nameAdministrator(platform, actor, row.id, { ...administrator, reason: "団体の追加 (onboarding)" });
      return reply.status(201).send({
        ...created,
        administrator: { account: issued.account, activationCode: issued.temporaryPassword, expiresAt: issued.expiresAt },
      });
    },
  );
}
