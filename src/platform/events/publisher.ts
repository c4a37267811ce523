// Publishing: write the event to the outbox in the caller's tenant transaction.
import type { EventPublisher } from "../contract.ts";

export function createEventPublisher(): EventPublisher {
  return {
    async publish(tx, event) {
      const result = await tx.query(
        `INSERT INTO event_outbox (tenant_id, type, subject, payload)
         VALUES (current_setting('kyodo.tenant_id', true), $1, $2, $3) RETURNING id`,
        [event.type, event.subject, event.payload],
      );
      return result.rows[0].id as string;
    },
  };
}
