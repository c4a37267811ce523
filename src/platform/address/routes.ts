// The address API: 町字 candidates from the town's master (〒 or 町字 typed), 〒 → address from
// Japan Post's data (national), an address normalised and checked, and the mapping report.
import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Platform } from "../contract.ts";
import { ADDRESSEE_ROLE_MODULE } from "../contract.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { staffOf } from "../http/access.ts";
import { problems } from "../http/problem.ts";
import { actorOf } from "../identity/principal.ts";
import { addresseeSubject } from "../addressee/addressee-number.ts";
import { PURPOSE_HEADER, requiredPurpose } from "../addressee/access-purpose.ts";
import { todayInJapan } from "../addressee/calendar-date.ts";
import {
  CandidatesQuery,
  CandidatesResult,
  NormaliseBody,
  NormaliseResult,
  PostalParams,
  PostalResult,
  UnmatchedHeaders,
  UnmatchedQuery,
  UnmatchedResult,
} from "./api-schemas.ts";
import { findCandidates } from "./candidates.ts";
import { normaliseAddress } from "./address-check.ts";
import { lookupPostalCode } from "./postal-data.ts";
import { loadTownMaster } from "./town-master.ts";
import { unmatchedAddresses } from "./unmatched.ts";

const TAGS = ["address"];

export function addressRoutes(fastify: FastifyInstance, platform: Platform): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    "/api/address/candidates",
    {
      config: { access: { module: ADDRESSEE_ROLE_MODULE, role: "read" } },
      schema: {
        tags: TAGS,
        summary: "町字 of this municipality's master matching a 〒 or the start of a 町字 (no personal data)",
        querystring: CandidatesQuery,
        response: { 200: CandidatesResult },
      },
    },
    async (req) => {
      const me = staffOf(req);
      const date = req.query.date ?? todayInJapan();
      return platform.db.withTenant(me.tenantId, async (tx) => {
        const master = await loadTownMaster(tx, date);
        return { hasMaster: master !== null, items: master === null ? [] : findCandidates(master, req.query.q) };
      });
    },
  );

  app.get(
    "/api/address/postal/:code",
    {
      config: { access: { authenticated: true } },
      schema: {
        tags: TAGS,
        summary: "The address of a postal code anywhere in Japan (日本郵便 郵便番号データ, offline)",
        params: PostalParams,
        response: { 200: PostalResult },
      },
    },
    async (req) => {
      const found = await lookupPostalCode(req.params.code.replace("-", ""));
      if (!found) throw problems.notFound("postal code");
      return { ...found, address: `${found.prefecture}${found.city}${found.area ?? ""}` };
    },
  );

  app.post(
    "/api/address/normalise",
    {
      config: { access: { module: ADDRESSEE_ROLE_MODULE, role: "read" } },
      schema: {
        tags: TAGS,
        summary: "An address in its stored form, checked against this town's 町字マスター (in-town) or the national master",
        body: NormaliseBody,
        response: { 200: NormaliseResult },
      },
    },
    async (req) => {
      const me = staffOf(req);
      const { address, scope } = req.body;
      const date = req.body.date ?? todayInJapan();
      return platform.db.withTenant(me.tenantId, (tx) => normaliseAddress(tx, address, scope, date));
    },
  );

  app.get(
    "/api/address/unmatched",
    {
      config: { access: { module: ADDRESSEE_ROLE_MODULE, role: "admin" } },
      schema: {
        tags: TAGS,
        summary: "Addressees whose current address does not match the 町字マスター or the national master, by 宛名番号 (audited)",
        headers: UnmatchedHeaders,
        querystring: UnmatchedQuery,
        response: { 200: UnmatchedResult },
      },
    },
    async (req) => {
      const purpose = requiredPurpose(req.headers[PURPOSE_HEADER]);
      const me = staffOf(req);
      const actor = actorOf(me);
      const { page, pageSize } = req.query;
      const today = todayInJapan();
      return platform.db.withTenant(
        me.tenantId,
        async (tx) => {
          const master = await loadTownMaster(tx, today);
          const { checked, items } = await unmatchedAddresses(tx, master, today);
          const shown = items.slice((page - 1) * pageSize, page * pageSize);
          for (const item of shown) {
            await appendAudit(tx, { actor, action: "address.unmatched-listed", subject: addresseeSubject(item.addresseeNumber), purpose, detail: { problem: item.problem } });
          }
          return { hasMaster: master !== null, checked, total: items.length, page, pageSize, items: shown };
        },
        actor,
      );
    },
  );
}
