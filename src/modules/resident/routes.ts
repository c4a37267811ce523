// The resident API (住民記録), roles of the module `resident`: search, person, household and
// history (閲覧 read), recording a 異動 (更新 write), revealing a 個人番号 (管理 admin). Every read
// of a person appends to the audit log, one entry per person shown, with subject
// `addressee:<宛名番号>` and the purpose from the `x-kyodo-purpose` header (the addressee area's
// convention, access-purpose.ts); every 異動 is audited by the service.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Platform } from "../../platform/contract.ts";
import type { Tx } from "../../platform/db/database.ts";
import { appendAudit, appendAuditEntries } from "../../platform/audit/audit-log.ts";
import { staffOf } from "../../platform/http/access.ts";
import { problems } from "../../platform/http/problem.ts";
import { actorOf } from "../../platform/identity/principal.ts";
import { addresseeSubject, formatAddresseeNumber } from "../../platform/addressee/addressee-number.ts";
import { PURPOSE_HEADER, purposeFrom, requiredPurpose } from "../../platform/addressee/access-purpose.ts";
import { isCalendarDate, todayInJapan } from "../../platform/addressee/calendar-date.ts";
import { toKatakanaName } from "../../lib/kana.ts";
import {
  AsOfQuery,
  ChangeBody,
  ChangeCheckSchema,
  ChangeSchema,
  PersonHistoryItemSchema,
  HouseholdSchema,
  MoveInCandidateSchema,
  MoveInCandidatesQuery,
  MyNumberSchema,
  OptionalPurposeHeaders,
  IdParams,
  LateNotificationReportSchema,
  LateNotificationsQuery,
  PersonViewSchema,
  PurposeHeaders,
  SearchQuery,
  SearchResultSchema,
  type ChangeRequest,
} from "./api-schemas.ts";
import { changeBodyErrors } from "./change-body-errors.ts";
import type { MyNumberVault } from "./my-number-vault.ts";
import { residentProblems } from "./problems.ts";
import { getHouseholdAsOf, getPersonAsOf, listPersonChanges, relationshipLabel, type HouseholdAsOf } from "./read-model.ts";
import { criteriaUsed, searchResidents } from "./search.ts";
import { planChange, recordChange, RESIDENT_MODULE_ID } from "./service.ts";
import { deadlineOf } from "./notification-deadline.ts";
import { lateNotificationsCsv, listLateNotifications, type LateNotificationReport } from "./late-notifications.ts";
import { PERSON_FIELDS } from "./person-record.ts";

const access = (role: "read" | "write" | "admin") => ({ module: RESIDENT_MODULE_ID, role });
const TAGS = ["resident"];

function householdView(h: HouseholdAsOf) {
  const home = h.head?.record ?? h.members[0]?.record ?? null;
  return {
    householdId: h.householdId,
    householdNumber: h.householdNumber,
    asOf: h.asOf,
    headPersonId: h.head?.personId ?? null,
    postalCode: home?.postalCode ?? null,
    address: home?.address ?? null,
    addressLine2: home?.addressLine2 ?? null,
    members: h.members.map((m) => ({
      personId: m.personId,
      addresseeNumber: m.addresseeNumber,
      familyName: m.record.familyName,
      givenName: m.record.givenName,
      familyNameKana: m.record.familyNameKana,
      givenNameKana: m.record.givenNameKana,
      sex: m.record.sex,
      birthDate: m.record.birthDate,
      relationship: m.record.relationship,
      relationshipJa: relationshipLabel(m.record.relationship),
    })),
  };
}

/** The answer to a 異動 body that failed the union schema: the errors by the kind's own schema. */
function invalidBody(req: FastifyRequest) {
  const errors = changeBodyErrors(req.body);
  if (errors.length > 0) return problems.invalid(errors);
  const error = req.validationError!;
  const validation = (error as { validation?: { instancePath: string; message?: string }[] }).validation ?? [];
  const context = (error as { validationContext?: string }).validationContext ?? "body";
  return problems.invalid(validation.map((v) => ({ field: `${context}${v.instancePath}`, message: v.message ?? "invalid" })));
}

function asOfDate(asOf: string | undefined): string {
  if (asOf === undefined) return todayInJapan();
  if (!isCalendarDate(asOf)) throw problems.invalid([{ field: "querystring/asOf", message: "must be an existing calendar date (YYYY-MM-DD)" }]);
  return asOf;
}

export function residentRoutes(fastify: FastifyInstance, platform: Platform, vault: MyNumberVault): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const deps = { platform, vault };

  /** Runs fn in the staff member's tenant, with their actor recorded on the transaction. */
  function inTenant<T>(req: FastifyRequest, fn: (tx: Tx, actor: string) => Promise<T>): Promise<T> {
    const me = staffOf(req);
    const actor = actorOf(me);
    return platform.db.withTenant(me.tenantId, (tx) => fn(tx, actor), actor);
  }

  async function audit(tx: Tx, actor: string, action: string, number: string | null, purpose: string, detail: Record<string, unknown> = {}) {
    await appendAudit(tx, { actor, action, subject: number === null ? null : addresseeSubject(number), purpose, detail });
  }

  app.get(
    "/api/resident/persons",
    {
      config: { access: access("read") },
      schema: {
        tags: TAGS,
        summary: "Search residents by name (kanji or カナ, any width), birth date, address or household; 除票 on request (audited)",
        headers: PurposeHeaders,
        querystring: SearchQuery,
        response: { 200: SearchResultSchema },
      },
    },
    async (req) => {
      const purpose = requiredPurpose(req.headers[PURPOSE_HEADER]);
      const { page, pageSize, ...criteria } = req.query;
      const used = criteriaUsed(criteria);
      if (used.length === 0) throw problems.invalid([{ field: "querystring", message: "give at least one of q, birthDate, address, householdId, householdNumber" }]);
      if (criteria.birthDate !== undefined && !isCalendarDate(criteria.birthDate)) {
        throw problems.invalid([{ field: "querystring/birthDate", message: "must be an existing calendar date (YYYY-MM-DD)" }]);
      }
      return inTenant(req, async (tx, actor) => {
        const result = await searchResidents(tx, criteria, page, pageSize);
        const detail = { criteria: used, includeRemoved: criteria.includeRemoved, total: result.total };
        // One entry per person listed (or one for an empty result), appended as one batch.
        const subjects = result.items.length ? result.items.map((i) => addresseeSubject(i.addresseeNumber)) : [null];
        await appendAuditEntries(tx, subjects.map((subject) => ({ actor, action: "resident.searched", subject, purpose, detail })));
        return result;
      });
    },
  );

  app.get(
    "/api/resident/persons/:id",
    {
      config: { access: access("read") },
      schema: {
        tags: TAGS,
        summary: "A person's record as of a date (today by default), with the household, 除票 status and full 異動 history (audited)",
        headers: PurposeHeaders,
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: PersonViewSchema },
      },
    },
    async (req) => {
      const purpose = requiredPurpose(req.headers[PURPOSE_HEADER]);
      const asOf = asOfDate(req.query.asOf);
      return inTenant(req, async (tx, actor) => {
        const person = await getPersonAsOf(tx, req.params.id, asOf);
        if (!person) {
          if ((await listPersonChanges(tx, req.params.id)).length === 0) throw residentProblems.personNotFound();
          throw residentProblems.notOnRegistryOnDate();
        }
        const household = (await getHouseholdAsOf(tx, person.record.householdId, asOf))!;
        const history = await listPersonChanges(tx, person.personId);
        await appendAuditEntries(tx, [
          { actor, action: "resident.viewed", subject: addresseeSubject(person.addresseeNumber), purpose, detail: { asOf } },
          ...household.members
            .filter((m) => m.personId !== person.personId)
            .map((m) => ({ actor, action: "resident.viewed-as-household-member", subject: addresseeSubject(m.addresseeNumber), purpose, detail: { asOf } })),
        ]);
        return {
          personId: person.personId,
          addresseeNumber: person.addresseeNumber,
          householdNumber: person.householdNumber,
          asOf,
          isResident: person.isResident,
          isRemovedRecord: person.isRemovedRecord,
          relationshipJa: relationshipLabel(person.record.relationship),
          record: person.record,
          household: householdView(household),
          scheduled: person.scheduled,
          history,
        };
      });
    },
  );

  app.get(
    "/api/resident/persons/:id/changes",
    {
      config: { access: access("read") },
      schema: {
        tags: TAGS,
        summary: "Every 異動 of a person, in order of 異動日, with the fields set and the record before and after (audited)",
        headers: PurposeHeaders,
        params: IdParams,
        response: { 200: Type.Array(PersonHistoryItemSchema) },
      },
    },
    async (req) => {
      const purpose = requiredPurpose(req.headers[PURPOSE_HEADER]);
      return inTenant(req, async (tx, actor) => {
        const person = await getPersonAsOf(tx, req.params.id, "9999-12-31");
        if (!person) throw residentProblems.personNotFound();
        const history = await listPersonChanges(tx, person.personId);
        await audit(tx, actor, "resident.history-viewed", person.addresseeNumber, purpose);
        return history.map((item) => ({ addresseeNumber: person.addresseeNumber, ...item }));
      });
    },
  );

  app.get(
    "/api/resident/households/:id",
    {
      config: { access: access("read") },
      schema: {
        tags: TAGS,
        summary: "A household (世帯) as of a date: its 世帯主 and members with their 続柄 (audited per member)",
        headers: PurposeHeaders,
        params: IdParams,
        querystring: AsOfQuery,
        response: { 200: HouseholdSchema },
      },
    },
    async (req) => {
      const purpose = requiredPurpose(req.headers[PURPOSE_HEADER]);
      const asOf = asOfDate(req.query.asOf);
      return inTenant(req, async (tx, actor) => {
        const household = await getHouseholdAsOf(tx, req.params.id, asOf);
        if (!household) throw residentProblems.householdNotFound();
        for (const m of household.members) {
          await audit(tx, actor, "resident.household-viewed", m.addresseeNumber, purpose, { asOf, householdNumber: household.householdNumber });
        }
        return householdView(household);
      });
    },
  );

  app.post(
    "/api/resident/changes",
    {
      config: { access: access("write") },
      attachValidation: true,
      schema: {
        tags: TAGS,
        summary: "Record a 異動 (転入, 転出, 転居, 出生, 死亡, 世帯変更, 氏名変更, 職権記載・修正・消除); a refusal names its rule",
        headers: OptionalPurposeHeaders,
        body: ChangeBody,
        response: { 201: ChangeSchema },
      },
    },
    async (req, reply) => {
      if (req.validationError) throw invalidBody(req);
      const purpose = purposeFrom(req.headers[PURPOSE_HEADER]);
      const change = await inTenant(req, (tx, actor) => recordChange(tx, deps, req.body as ChangeRequest, { actor, ...(purpose ? { purpose } : {}) }));
      return reply.status(201).send(change);
    },
  );

  app.post(
    "/api/resident/changes/check",
    {
      config: { access: access("write") },
      attachValidation: true,
      schema: {
        tags: TAGS,
        summary: "Check a 異動 against every rule without recording it (for forms that validate as you type)",
        body: ChangeBody,
        response: { 200: ChangeCheckSchema },
      },
    },
    async (req) => {
      if (req.validationError) throw invalidBody(req);
      return inTenant(req, async (tx) => {
        const plan = await planChange(tx, deps, req.body as ChangeRequest);
        const deadline = deadlineOf(plan);
        return {
          ok: true as const,
          deadline,
          entries: plan.persons.map((p) => ({ personId: p.isNew ? null : p.personId, fields: PERSON_FIELDS.filter((f) => f in p.set) })),
        };
      });
    },
  );

  app.get(
    "/api/resident/move-in-candidates",
    {
      config: { access: access("write") },
      schema: {
        tags: TAGS,
        summary: "住登外者 and former residents with the same カナ and birth date, for the clerk to confirm on a 転入 (audited)",
        headers: PurposeHeaders,
        querystring: MoveInCandidatesQuery,
        response: { 200: Type.Array(MoveInCandidateSchema) },
      },
    },
    async (req) => {
      const purpose = requiredPurpose(req.headers[PURPOSE_HEADER]);
      if (!isCalendarDate(req.query.birthDate)) throw problems.invalid([{ field: "querystring/birthDate", message: "must be an existing calendar date (YYYY-MM-DD)" }]);
      return inTenant(req, async (tx, actor) => {
        const candidates = await platform.addressees.registry.findMoveInCandidates(tx, { kanaName: toKatakanaName(req.query.kana), birthDate: req.query.birthDate });
        for (const c of candidates) await audit(tx, actor, "resident.move-in-candidates-listed", c.number, purpose);
        return candidates.map((c) => ({
          addresseeNumber: formatAddresseeNumber(c.number),
          name: c.name,
          nameKana: c.nameKana,
          birthDate: c.birthDate,
          sex: c.sex,
          postalCode: c.address.postalCode,
          address: c.address.address,
          addressLine2: c.address.addressLine2,
          residentUntil: c.residentUntil,
          isFormerResident: c.residentUntil !== null,
        }));
      });
    },
  );

  /** The period of a report: two existing days, the first not after the last, at most a year apart. */
  function reportPeriod(query: { from: string; to: string }): { from: string; to: string } {
    const errors: { field: string; message: string }[] = [];
    for (const key of ["from", "to"] as const) {
      if (!isCalendarDate(query[key])) errors.push({ field: `querystring/${key}`, message: "must be an existing calendar date (YYYY-MM-DD)" });
    }
    if (errors.length === 0 && query.from > query.to) errors.push({ field: "querystring/to", message: "must not be before from" });
    if (errors.length === 0 && Date.parse(query.to) - Date.parse(query.from) > 366 * 86_400_000) {
      errors.push({ field: "querystring/to", message: "the period is at most one year" });
    }
    if (errors.length > 0) throw problems.invalid(errors);
    return query;
  }

  /** Reads the report and audits one entry per person listed (or one for an empty report). */
  async function lateReport(req: FastifyRequest, period: { from: string; to: string }, action: string): Promise<LateNotificationReport> {
    const purpose = requiredPurpose(req.headers[PURPOSE_HEADER]);
    return inTenant(req, async (tx, actor) => {
      const report = await listLateNotifications(tx, period.from, period.to);
      const detail = { from: period.from, to: period.to, notifications: report.notificationCount };
      const subjects = report.items.flatMap((i) => i.persons.map((p) => addresseeSubject(p.addresseeNumber)));
      await appendAuditEntries(tx, (subjects.length ? subjects : [null]).map((subject) => ({ actor, action, subject, purpose, detail })));
      return report;
    });
  }

  app.get(
    "/api/resident/late-notifications",
    {
      config: { access: access("read") },
      schema: {
        tags: TAGS,
        summary: "期間経過の届出: 転入・転居・世帯変更 notified after their 14-day period in a period of 届出日, for the 簡易裁判所 (住民基本台帳法 第52条第2項; audited)",
        headers: PurposeHeaders,
        querystring: LateNotificationsQuery,
        response: { 200: LateNotificationReportSchema },
      },
    },
    (req) => lateReport(req, reportPeriod(req.query), "resident.late-notifications-listed"),
  );

  app.get(
    "/api/resident/late-notifications/csv",
    {
      config: { access: access("read") },
      schema: {
        tags: TAGS,
        summary: "The 期間経過 report as a CSV file, one row per person, free text neutralised against spreadsheet formulas (ADR 0018; audited)",
        headers: PurposeHeaders,
        querystring: LateNotificationsQuery,
        response: {
          200: { description: "CSV (UTF-8 with BOM, CRLF)", content: { "text/csv": { schema: Type.String() } } },
        },
      },
    },
    async (req, reply) => {
      const period = reportPeriod(req.query);
      const report = await lateReport(req, period, "resident.late-notifications-exported");
      return reply
        .header("content-type", "text/csv; charset=utf-8; header=present")
        .header("content-disposition", `attachment; filename="late-notifications-${period.from}-${period.to}.csv"`)
        .header("cache-control", "no-store")
        .send(lateNotificationsCsv(report));
    },
  );

  app.get(
    "/api/resident/persons/:id/my-number",
    {
      config: { access: access("admin") },
      schema: {
        tags: TAGS,
        summary: "Reveal a person's 個人番号 (管理 only; every reveal is audited as resident.my-number-revealed)",
        headers: PurposeHeaders,
        params: IdParams,
        response: { 200: MyNumberSchema },
      },
    },
    async (req, reply) => {
      const purpose = requiredPurpose(req.headers[PURPOSE_HEADER]);
      const revealed = await inTenant(req, async (tx, actor) => {
        const person = await getPersonAsOf(tx, req.params.id, "9999-12-31");
        if (!person) throw residentProblems.personNotFound();
        const myNumber = await vault.reveal(tx, person.personId);
        if (myNumber === null) throw residentProblems.myNumberNotHeld();
        await audit(tx, actor, "resident.my-number-revealed", person.addresseeNumber, purpose);
        return { personId: person.personId, addresseeNumber: person.addresseeNumber, myNumber };
      });
      return reply.header("cache-control", "no-store").send(revealed);
    },
  );
}
