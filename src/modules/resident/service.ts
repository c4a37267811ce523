// 異動の記録 (recording a change): the one way the resident registry changes. In the caller's
// tenant transaction, under the tenant's journal lock: the kind turns the request into an
// intent, the plan computes every person's record before and after, the kind's rules judge it
// (rules/rule-table.ts) and only then is anything written — households, persons, the change and
// its entries, the projection, 個人番号, the addressee register, one event and one audit entry
// per person. A refusal throws before the first write, and any later error rolls the whole
// transaction back, so nothing partial is ever kept.
import type { Platform } from "../../platform/contract.ts";
import type { Tx } from "../../platform/db/database.ts";
import { appendAudit } from "../../platform/audit/audit-log.ts";
import { addresseeSubject } from "../../platform/addressee/addressee-number.ts";
import { todayInJapan } from "../../platform/addressee/calendar-date.ts";
import { registerAddressee, syncAddressee } from "./addressee-sync.ts";
import type { ChangeRequest } from "./api-schemas.ts";
import { CHANGE_KIND_NAMES_JA, REGISTRATION_KINDS } from "./change-kind.ts";
import { completePlan, newId, type ChangeIntent, type ChangePlan } from "./change-plan.ts";
import { DEADLINE_KINDS, deadlineOf, type DeadlineVerdict } from "./notification-deadline.ts";
import { publishResidentEvent } from "./events.ts";
import { compareEntries } from "./fold.ts";
import { buildIntent } from "./kinds/index.ts";
import type { MyNumberVault } from "./my-number-vault.ts";
import { changedFields, PERSON_FIELDS, type PersonField } from "./person-record.ts";
import { projectionRow, saveProjection } from "./projection.ts";
import { allocateHouseholdNumber, insertChange, insertEntry, insertHousehold, insertPerson, lockJournal } from "./queries.ts";
import { RegistryState } from "./registry-state.ts";
import { assignResidentCode } from "./resident-code.ts";
import { refusal, type RuleContext } from "./rules/rule.ts";
import { rulesFor } from "./rules/rule-table.ts";
import { IN_TOWN_ADDRESS_KINDS } from "./rules/address-in-town-master.ts";
import { nationalAddressFields } from "./rules/address-in-national-master.ts";
import { checkInTown, checkNational, loadTownMaster } from "../../platform/address/index.ts";
import type { ChangeView } from "./change-view.ts";

export const RESIDENT_MODULE_ID = "resident";

export interface ResidentDeps {
  platform: Pick<Platform, "events" | "addressees">;
  vault: MyNumberVault;
}

export interface ChangeContext {
  /** Who records the change (`staff:<id>`), kept in the journal and the audit log. */
  actor: string;
  /** 利用目的 for the audit log; the reason, else the kind's name, when absent. */
  purpose?: string;
}

/** Runs the kind's rules in table order; the first that finds violations refuses the change. */
export async function checkRules(ctx: RuleContext): Promise<void> {
  for (const rule of rulesFor(ctx.plan.kind)) {
    const violations = await rule.check(ctx);
    if (violations.length > 0) throw refusal(rule, violations);
  }
}

/**
 * Writes the typed addresses in their stored form before the plan is made (ADR 0022): the
 * in-town address as the 町字マスター writes it (番地・号 in one form), 前住所・転出先・本籍 with the
 * 都道府県 and widths folded. An address that does not match is left as typed for the rules
 * (address-in-town-master, address-in-national-master) to refuse.
 */
async function normaliseAddresses(tx: Tx, intent: ChangeIntent): Promise<void> {
  const master = IN_TOWN_ADDRESS_KINDS.includes(intent.kind) ? await loadTownMaster(tx, intent.effectiveDate) : null;
  for (const p of intent.persons) {
    if (master !== null && typeof p.set.address === "string") {
      const verdict = checkInTown(p.set.address, master);
      if (verdict.ok && verdict.address !== null) p.set.address = verdict.address;
    }
    for (const f of nationalAddressFields(intent.kind)) {
      const value = p.set[f];
      if (typeof value !== "string" || value === "") continue;
      const verdict = checkNational(value);
      if (verdict.ok && verdict.address !== null) (p.set as Record<string, unknown>)[f] = verdict.address;
    }
  }
}

/** Plans and judges a change without writing anything (the rules' verdict, or the plan). */
export async function planChange(tx: Tx, deps: ResidentDeps, request: ChangeRequest): Promise<ChangePlan> {
  await tx.query(lockJournal());
  const state = new RegistryState(tx);
  const intent = await buildIntent({ state, addressees: deps.platform.addressees }, request);
  await normaliseAddresses(tx, intent);
  const plan = await completePlan(state, intent, REGISTRATION_KINDS.includes(request.kind));
  await checkRules({ tx, plan, today: todayInJapan(), vault: deps.vault });
  return plan;
}

export async function recordChange(tx: Tx, deps: ResidentDeps, request: ChangeRequest, context: ChangeContext): Promise<ChangeView> {
  const plan = await planChange(tx, deps, request);
  const { registry } = deps.platform.addressees;

  for (const householdId of plan.newHouseholds) {
    const number = (await tx.query(allocateHouseholdNumber())).rows[0].number as string;
    await tx.query(insertHousehold(householdId, number));
  }

  const numbers = new Map<string, string>();
  for (const p of plan.persons) {
    if (p.isRegistration) {
      const number = await registerAddressee(registry, tx, plan, p);
      if (p.isNew) await tx.query(insertPerson(p.personId, number));
      numbers.set(p.personId, number);
    } else {
      numbers.set(p.personId, p.loaded!.addresseeNumber);
    }
  }

  // The removal of a 世帯主 with others staying is two changes: the removal, and the 世帯主変更 of
  // those who stay (住民基本台帳法 第25条), each with its own history line, in this transaction.
  const parts = splitPlan(plan);
  const views: ChangeView[] = [];
  for (const part of parts) views.push(await writePart(tx, deps, plan, part, numbers, context));
  const [main, headChange] = views as [ChangeView, ChangeView | undefined];
  return headChange ? { ...main, headChange } : main;
}

/** One change to write: its journal row and the persons it touches. */
interface ChangePart {
  changeId: string;
  kind: ChangePlan["kind"];
  notifiedDate: string | null;
  reason: string | null;
  deadline: DeadlineVerdict | null;
  lateReason: string | null;
  persons: ChangePlan["persons"];
}

const HEAD_CHANGE_REASONS: Partial<Record<ChangePlan["kind"], { chosen: string; automatic: string }>> = {
  "moved-out": { chosen: "世帯主の転出による世帯主変更", automatic: "世帯主の転出により世帯員が一人となったため（世帯主変更届を要しない）" },
  died: { chosen: "世帯主の死亡による世帯主変更", automatic: "世帯主の死亡により世帯員が一人となったため（世帯主変更届を要しない）" },
  "ex-officio-erasure": { chosen: "世帯主の職権消除による世帯主の変更", automatic: "世帯主の職権消除により世帯員が一人となったため" },
};

/**
 * The plan as the changes it writes: itself, or — when the 世帯主 leaves and others stay — the
 * removal and the 世帯主変更 (a 職権修正 after a 職権消除, which has no 届出日). The 届出期間 and the
 * 遅延の理由 belong to the change that has the period: the 転入・転居・世帯変更 itself, or the
 * 世帯主変更 recorded with a 転出 or 死亡.
 */
function splitPlan(plan: ChangePlan): ChangePart[] {
  const deadline = deadlineOf(plan);
  const linked = plan.persons.filter((p) => p.inHeadChange);
  const whole: ChangePart = {
    changeId: plan.changeId,
    kind: plan.kind,
    notifiedDate: plan.notifiedDate,
    reason: plan.reason,
    deadline: DEADLINE_KINDS.includes(plan.kind) ? deadline : null,
    lateReason: DEADLINE_KINDS.includes(plan.kind) ? plan.lateReason : null,
    persons: plan.persons,
  };
  if (!plan.headChange || linked.length === 0) return [whole];
  const exOfficio = plan.kind === "ex-officio-erasure";
  const texts = HEAD_CHANGE_REASONS[plan.kind]!;
  return [
    { ...whole, deadline: null, lateReason: null, persons: plan.persons.filter((p) => !p.inHeadChange) },
    {
      changeId: newId(),
      kind: exOfficio ? "ex-officio-correction" : "head-changed",
      notifiedDate: exOfficio ? null : plan.notifiedDate,
      reason: plan.headChange.automatic ? texts.automatic : texts.chosen,
      deadline,
      lateReason: deadline ? plan.lateReason : null,
      persons: linked,
    },
  ];
}

async function writePart(
  tx: Tx,
  deps: ResidentDeps,
  plan: ChangePlan,
  part: ChangePart,
  numbers: Map<string, string>,
  context: ChangeContext,
): Promise<ChangeView> {
  const overdue = part.deadline?.overdue ?? false;
  const inserted = (
    await tx.query(
      insertChange({
        changeId: part.changeId,
        kind: part.kind,
        effectiveDate: plan.effectiveDate,
        notifiedDate: part.notifiedDate,
        actor: context.actor,
        reason: part.reason,
        deadlineDate: part.deadline?.deadlineDate ?? null,
        overdue,
        lateReason: overdue ? part.lateReason : null,
      }),
    )
  ).rows[0];
  const seq = inserted.seq as string;
  const entry = { effectiveDate: plan.effectiveDate, seq };

  for (const p of part.persons) {
    const number = numbers.get(p.personId)!;
    await tx.query(
      insertEntry({ changeId: part.changeId, personId: p.personId, seq, effectiveDate: plan.effectiveDate, set: p.set, before: p.beforeOnDate, after: p.afterOnDate }),
    );
    const previous = p.loaded?.entries.at(-1);
    const last = previous && compareEntries(previous, entry) > 0 ? previous : entry;
    await saveProjection(tx, projectionRow(p.personId, number, p.latestAfter, last));
    if (p.myNumber !== undefined) await deps.vault.store(tx, p.personId, p.myNumber, part.changeId);
    // 住民票コード at the first registration, kept for life (resident-code.ts, 住基法 第30条の3).
    if (p.isRegistration) await assignResidentCode(tx, p.personId, part.changeId);
    if (!p.isRegistration && p.latestBefore) await syncAddressee(deps.platform.addressees.registry, tx, plan, p, number);
  }

  const purpose = context.purpose ?? part.reason ?? `${CHANGE_KIND_NAMES_JA[part.kind]}の記録`;
  for (const p of part.persons) {
    const number = numbers.get(p.personId)!;
    const fields = changedFields(p.beforeOnDate, p.set);
    const removalReason = p.latestBefore?.status !== "removed" && p.latestAfter.status === "removed" ? p.latestAfter.removalReason : null;
    await publishResidentEvent(deps.platform.events, tx, p.event, number, {
      changeId: part.changeId,
      kind: part.kind,
      effectiveDate: plan.effectiveDate,
      fields,
      householdId: p.latestAfter.householdId,
      ...(removalReason ? { removalReason } : {}),
    });
    await appendAudit(tx, {
      actor: context.actor,
      action: "resident.change-recorded",
      subject: addresseeSubject(number),
      purpose,
      detail: { changeId: part.changeId, kind: part.kind, fields, ...(overdue ? { overdue } : {}) },
    });
  }

  return {
    changeId: part.changeId,
    seq,
    kind: part.kind,
    kindJa: CHANGE_KIND_NAMES_JA[part.kind],
    effectiveDate: plan.effectiveDate,
    notifiedDate: part.notifiedDate,
    recordedAt: new Date(inserted.recorded_at as Date).toISOString(),
    actor: context.actor,
    reason: part.reason,
    deadlineDate: part.deadline?.deadlineDate ?? null,
    overdue,
    lateReason: overdue ? part.lateReason : null,
    entries: part.persons.map((p) => ({
      personId: p.personId,
      addresseeNumber: numbers.get(p.personId)!,
      fields: PERSON_FIELDS.filter((f): f is PersonField => f in p.set),
      before: p.beforeOnDate,
      after: p.afterOnDate,
    })),
  };
}
