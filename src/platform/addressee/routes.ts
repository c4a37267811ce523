// The addressee API (団体内統合宛名): search and view (閲覧 read), register 住登外者, correct and
// manage 送付先 (更新 write), list duplicates, merge and undo (管理 admin) — roles of the module
// `addressee`. Every read or write of a person appends to the audit log, one entry per
// addressee, with subject `addressee:<宛名番号>` and the purpose (access-purpose.ts).
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Platform } from "../contract.ts";
import type { Tx } from "../db/database.ts";
import { appendAudit } from "../audit/audit-log.ts";
import { staffOf } from "../http/access.ts";
import { actorOf } from "../identity/principal.ts";
import { normalizeCorporateNumber } from "../../lib/corporate-number.ts";
import { ADDRESSEE_AREA_ID } from "./addressee.ts";
import { addresseeSubject } from "./addressee-number.ts";
import { PURPOSE_HEADER, purposeFrom, requiredPurpose } from "./access-purpose.ts";
import { isCalendarDate } from "./calendar-date.ts";
import {
  CorrectBody,
  DuplicatePairSchema,
  DuplicatesQuery,
  MailingBody,
  MailingParams,
  MailingSchema,
  MergeBody,
  MergeSchema,
  NumberParams,
  OptionalPurposeHeaders,
  PurposeHeaders,
  ReasonBody,
  RegisterBody,
  SearchQuery,
  SearchResult,
  ViewSchema,
} from "./api-schemas.ts";
import { listDuplicates } from "./duplicates.ts";
import { addMailing, changeMailing, withdrawMailing } from "./mailing.ts";
import { mergeAddressees, undoMerge, type MergeRecord } from "./merge.ts";
import { addresseeProblems } from "./problems.ts";
import { correctAddressee, registerNonResident } from "./register.ts";
import { criteriaUsed, search } from "./search.ts";
import { viewAddressee, type AddresseeView } from "./view.ts";

const access = (role: "read" | "write" | "admin") => ({ module: ADDRESSEE_AREA_ID, role });
const TAGS = ["addressee"];

function publicMerge({ survivorBefore: _s, mergedBefore: _m, ...rest }: MergeRecord) {
  return rest;
}

export function addresseeRoutes(fastify: FastifyInstance, platform: Platform): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { events } = platform;

  /** Runs fn in the staff member's tenant, with their actor recorded on the transaction. */
  function inTenant<T>(req: FastifyRequest, fn: (tx: Tx, actor: string) => Promise<T>): Promise<T> {
    const me = staffOf(req);
    const actor = actorOf(me);
    return platform.db.withTenant(me.tenantId, (tx) => fn(tx, actor), actor);
  }

  async function audit(
    tx: Tx,
    actor: string,
    action: string,
    number: string | null,
    purpose: string,
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    await appendAudit(tx, { actor, action, subject: number === null ? null : addresseeSubject(number), purpose, detail });
  }

  async function mustView(tx: Tx, number: string): Promise<AddresseeView> {
    const view = await viewAddressee(tx, number);
    if (!view) throw addresseeProblems.notFound();
    return view;
  }

  app.get(
    "/api/addressees",
    {
      config: { access: access("read") },
      schema: {
        tags: TAGS,
        summary: "Search addressees by name (kanji or カナ, any width), birth date, 宛名番号, 法人番号 or address (audited)",
        headers: PurposeHeaders,
        querystring: SearchQuery,
        response: { 200: SearchResult },
      },
    },
    async (req) => {
      const purpose = requiredPurpose(req.headers[PURPOSE_HEADER]);
      const { page, pageSize, ...criteria } = req.query;
      if (criteria.corporateNumber) criteria.corporateNumber = normalizeCorporateNumber(criteria.corporateNumber);
      const used = criteriaUsed(criteria);
      if (used.length === 0) {
        throw addresseeProblems.invalid([{ field: "querystring", message: "give at least one of name, birthDate, number, corporateNumber, kind, address" }]);
      }
      if (criteria.birthDate !== undefined && !isCalendarDate(criteria.birthDate)) {
        throw addresseeProblems.invalid([{ field: "querystring/birthDate", message: "must be an existing calendar date (YYYY-MM-DD)" }]);
      }
      return inTenant(req, async (tx, actor) => {
        const result = await search(tx, criteria, page, pageSize);
        if (result.items.length === 0) await audit(tx, actor, "addressee.searched", null, purpose, { criteria: used, total: 0 });
        for (const item of result.items) {
          await audit(tx, actor, "addressee.searched", item.number, purpose, { criteria: used, total: result.total });
        }
        return result;
      });
    },
  );

  app.get(
    "/api/addressees/duplicates",
    {
      config: { access: access("admin") },
      schema: {
        tags: TAGS,
        summary: "名寄せ candidates: persons with the same カナ and birth date, organisations with the same 法人番号 (audited)",
        headers: PurposeHeaders,
        querystring: DuplicatesQuery,
        response: { 200: Type.Array(DuplicatePairSchema) },
      },
    },
    async (req) => {
      const purpose = requiredPurpose(req.headers[PURPOSE_HEADER]);
      const { page, pageSize } = req.query;
      return inTenant(req, async (tx, actor) => {
        const pairs = await listDuplicates(tx, { limit: pageSize, offset: (page - 1) * pageSize });
        const listed = [...new Set(pairs.flatMap((p) => [p.a.number, p.b.number]))];
        for (const number of listed) await audit(tx, actor, "addressee.duplicates-listed", number, purpose);
        return pairs;
      });
    },
  );

  app.get(
    "/api/addressees/:number",
    {
      config: { access: access("read") },
      schema: {
        tags: TAGS,
        summary: "One addressee with its names, addresses, residence, 送付先, merges and history (audited)",
        headers: PurposeHeaders,
        params: NumberParams,
        response: { 200: ViewSchema },
      },
    },
    async (req) => {
      const purpose = requiredPurpose(req.headers[PURPOSE_HEADER]);
      return inTenant(req, async (tx, actor) => {
        const view = await mustView(tx, req.params.number);
        const detail = view.requestedNumber !== view.number ? { requested: view.requestedNumber } : {};
        await audit(tx, actor, "addressee.viewed", view.number, purpose, detail);
        return view;
      });
    },
  );

  app.post(
    "/api/addressees",
    {
      config: { access: access("write") },
      schema: {
        tags: TAGS,
        summary: "Register a 住登外者 (a person or organisation not on the resident registry) with the reason it is known",
        headers: OptionalPurposeHeaders,
        body: RegisterBody,
        response: { 201: ViewSchema },
      },
    },
    async (req, reply) => {
      const purpose = purposeFrom(req.headers[PURPOSE_HEADER]);
      const { reason, ...fields } = req.body;
      const view = await inTenant(req, async (tx, actor) => {
        const state = await registerNonResident(tx, events, fields, { reason: reason ?? null });
        await audit(tx, actor, "addressee.registered", state.number, purpose ?? reason ?? `住登外者登録 (${state.knownAs})`, {
          kind: state.kind,
          knownAs: state.knownAs,
        });
        return mustView(tx, state.number);
      });
      return reply.status(201).send(view);
    },
  );

  app.patch(
    "/api/addressees/:number",
    {
      config: { access: access("write") },
      schema: {
        tags: TAGS,
        summary: "Correct an addressee, or record a change of name or address from a date (a resident's registry fields excepted)",
        headers: OptionalPurposeHeaders,
        params: NumberParams,
        body: CorrectBody,
        response: { 200: ViewSchema },
      },
    },
    async (req) => {
      const purpose = purposeFrom(req.headers[PURPOSE_HEADER]);
      return inTenant(req, async (tx, actor) => {
        const { state, fields } = await correctAddressee(tx, events, req.params.number, req.body);
        await audit(tx, actor, "addressee.corrected", state.number, purpose ?? req.body.reason, { fields });
        return mustView(tx, state.number);
      });
    },
  );

  app.post(
    "/api/addressees/:number/mailing-addresses",
    {
      config: { access: access("write") },
      schema: {
        tags: TAGS,
        summary: "Add a 送付先 for a business (or * for all) and period",
        headers: OptionalPurposeHeaders,
        params: NumberParams,
        body: MailingBody,
        response: { 201: MailingSchema },
      },
    },
    async (req, reply) => {
      const purpose = purposeFrom(req.headers[PURPOSE_HEADER]);
      const { reason, ...input } = req.body;
      const created = await inTenant(req, async (tx, actor) => {
        const mailing = await addMailing(tx, events, req.params.number, input, reason);
        await audit(tx, actor, "addressee.mailing-added", mailing.number, purpose ?? reason, {
          mailingId: mailing.mailingId,
          business: mailing.business,
        });
        return mailing;
      });
      return reply.status(201).send(created);
    },
  );

  app.put(
    "/api/addressees/:number/mailing-addresses/:mailingId",
    {
      config: { access: access("write") },
      schema: {
        tags: TAGS,
        summary: "Change a 送付先 (kept as a new version; the old one stays in the history)",
        headers: OptionalPurposeHeaders,
        params: MailingParams,
        body: MailingBody,
        response: { 200: MailingSchema },
      },
    },
    async (req) => {
      const purpose = purposeFrom(req.headers[PURPOSE_HEADER]);
      const { reason, ...input } = req.body;
      return inTenant(req, async (tx, actor) => {
        const mailing = await changeMailing(tx, events, req.params.number, req.params.mailingId, input, reason);
        await audit(tx, actor, "addressee.mailing-changed", mailing.number, purpose ?? reason, {
          mailingId: mailing.mailingId,
          business: mailing.business,
        });
        return mailing;
      });
    },
  );

  app.delete(
    "/api/addressees/:number/mailing-addresses/:mailingId",
    {
      config: { access: access("write") },
      schema: {
        tags: TAGS,
        summary: "Withdraw a 送付先 (recorded as a withdrawn version, with the reason)",
        headers: OptionalPurposeHeaders,
        params: MailingParams,
        body: ReasonBody,
        response: { 200: MailingSchema },
      },
    },
    async (req) => {
      const purpose = purposeFrom(req.headers[PURPOSE_HEADER]);
      return inTenant(req, async (tx, actor) => {
        const mailing = await withdrawMailing(tx, events, req.params.number, req.params.mailingId, req.body.reason);
        await audit(tx, actor, "addressee.mailing-withdrawn", mailing.number, purpose ?? req.body.reason, {
          mailingId: mailing.mailingId,
          business: mailing.business,
        });
        return mailing;
      });
    },
  );

  app.post(
    "/api/addressees/merge",
    {
      config: { access: access("admin") },
      schema: {
        tags: TAGS,
        summary: "名寄せ: merge one addressee into another; the merged number keeps resolving to the survivor (audited)",
        headers: OptionalPurposeHeaders,
        body: MergeBody,
        response: { 201: MergeSchema },
      },
    },
    async (req, reply) => {
      const purpose = purposeFrom(req.headers[PURPOSE_HEADER]) ?? req.body.reason;
      const merge = await inTenant(req, async (tx, actor) => {
        const record = await mergeAddressees(tx, events, req.body);
        await audit(tx, actor, "addressee.merged", record.survivor, purpose, { mergeId: record.id, role: "survivor" });
        await audit(tx, actor, "addressee.merged", record.merged, purpose, { mergeId: record.id, role: "merged" });
        return record;
      });
      return reply.status(201).send(publicMerge(merge));
    },
  );

  app.post(
    "/api/addressees/merges/:id/undo",
    {
      config: { access: access("admin") },
      schema: {
        tags: TAGS,
        summary: "Undo a merge: both addressees stand for themselves again, as they were (audited)",
        headers: OptionalPurposeHeaders,
        params: Type.Object({ id: Type.String({ pattern: "^\\d{1,18}$" }) }),
        body: ReasonBody,
        response: { 200: MergeSchema },
      },
    },
    async (req) => {
      const purpose = purposeFrom(req.headers[PURPOSE_HEADER]) ?? req.body.reason;
      const merge = await inTenant(req, async (tx, actor) => {
        const record = await undoMerge(tx, events, req.params.id, req.body.reason);
        await audit(tx, actor, "addressee.merge-undone", record.survivor, purpose, { mergeId: record.id, role: "survivor" });
        await audit(tx, actor, "addressee.merge-undone", record.merged, purpose, { mergeId: record.id, role: "merged" });
        return record;
      });
      return publicMerge(merge);
    },
  );
}
