// 発行 (publishing): the transactional outbox. An event is written in the caller's tenant
// transaction, together with one delivery row per subscriber and a NOTIFY that wakes the
// dispatchers; all three commit with the business change or vanish with it.
import type { AreaDefinition, EventPublisher } from "../contract.ts";
import { collectSubscriptions } from "./subscriptions.ts";
import { personalKeyIn } from "../protection/personal-keys.ts";
import { currentTenant, insertDeliveries, insertEvent, lockSubject, notifyDue } from "./queries.ts";

export class PublishOutsideTenantError extends Error {
  constructor() {
    super("an event can only be published inside a tenant transaction (withTenant)");
    this.name = "PublishOutsideTenantError";
  }
}

/** An event payload named a person or their whereabouts: a programming error, refused before writing. */
export class PersonalPayloadError extends Error {
  constructor(type: string, key: string) {
    super(`event ${type} carries ${key}: payloads carry ids (宛名番号, change ids), never names or addresses`);
    this.name = "PersonalPayloadError";
  }
}

export function createEventPublisher(areas: readonly AreaDefinition[]): EventPublisher {
  const subscriptions = collectSubscriptions(areas);
  return {
    async publish(tx, event) {
      // 支援措置 and the outbox: whatever reaches a subscriber — inside the platform or, later,
      // outside it — cannot reveal where a protected person lives, because no payload says where
      // anyone lives. Subscribers read what they need through checked interfaces.
      const personal = personalKeyIn(event.payload);
      if (personal) throw new PersonalPayloadError(event.type, personal);
      const tenantId = (await tx.query(currentTenant())).rows[0]?.tenant_id as string | null;
      if (!tenantId) throw new PublishOutsideTenantError();
      await tx.query(lockSubject(tenantId, event.subject));
      const inserted = (await tx.query(insertEvent(tenantId, event.type, event.subject, event.payload))).rows[0];
      const subscribers = subscriptions.subscribersOf(event.type);
      if (subscribers.length > 0) {
        await tx.query(insertDeliveries(tenantId, inserted.seq, inserted.id, event.type, event.subject, subscribers));
        await tx.query(notifyDue(tenantId));
      }
      return inserted.id as string;
    },
  };
}
