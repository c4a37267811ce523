import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Platform } from "../contract.ts";
import { operatorOf } from "../http/access.ts";
import { actorOf } from "../identity/principal.ts";
import { withOperator } from "../audit/operator.ts";
import { createTenant, listTenants } from "./tenants.ts";

const TenantSummary = Type.Object({ id: Type.String(), name: Type.String(), prefectureName: Type.String() });
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
      return rows.filter((r) => r.status === "active").map((r) => ({ id: r.id, name: r.name, prefectureName: r.prefecture_name }));
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

  app.post(
    "/api/operator/tenants",
    {
      config: { access: { operator: true } },
      schema: {
        tags: ["tenancy"],
        summary: "Onboard a municipality (operator; audited)",
        body: Type.Object(
          {
            id: Type.String({ description: "全国地方公共団体コード (6 digits with check digit)" }),
            name: Type.String({ minLength: 1, maxLength: 64 }),
            nameKana: Type.String({ minLength: 1, maxLength: 128 }),
            population: Type.Optional(Type.Integer({ minimum: 0 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.String(), name: Type.String(), prefectureId: Type.String() }) },
      },
    },
    async (req, reply) => {
      const row = await createTenant(platform.db, actorOf(operatorOf(req)), req.body);
      return reply.status(201).send({ id: row.id, name: row.name, prefectureId: row.prefecture_id });
    },
  );
}
