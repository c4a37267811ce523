// 業務間データ連携 (events): transactional outbox and at-least-once, ordered delivery.
import type { AreaDefinition } from "../contract.ts";

export const events: AreaDefinition = {
  id: "events",
  name: "連携",
  migrations: new URL("./migrations/", import.meta.url),
};
