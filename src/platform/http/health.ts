import type { FastifyInstance } from "fastify";
import { Type } from "@sinclair/typebox";
import type { Platform } from "../contract.ts";
import { schemaVersion } from "../db/migrate.ts";

export function healthRoutes(app: FastifyInstance, platform: Platform): void {
  app.get(
    "/healthz",
    {
      config: { access: { public: true } },
      schema: {
        tags: ["platform"],
        summary: "Liveness and database state",
        response: {
          200: Type.Object({
            status: Type.Literal("ok"),
            database: Type.Union([Type.Literal("embedded"), Type.Literal("external")]),
            schemaVersion: Type.Integer({ description: "number of applied migrations" }),
          }),
        },
      },
    },
    async () => ({ status: "ok" as const, database: platform.db.mode, schemaVersion: await schemaVersion(platform.db.app) }),
  );
}
