// 業務間データ連携 (events): transactional outbox and at-least-once delivery, in order per
// subject, to the subscriptions of every area and module (architecture §5).
import type { AreaDefinition } from "../contract.ts";
import { eventRoutes } from "./routes.ts";
import { maxDeliveryAttempts } from "./retry-policy.ts";

export { createEventPublisher, PublishOutsideTenantError } from "./publisher.ts";
export { startDispatcher, type Dispatcher, type DispatcherOptions } from "./dispatcher.ts";

export const events: AreaDefinition = {
  id: "events",
  name: "連携",
  migrations: new URL("./migrations/", import.meta.url),
  settings: [maxDeliveryAttempts],
  routes: eventRoutes,
};
