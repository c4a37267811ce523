// The platform's own areas, in migration order. Business modules come after them (main.ts).
import type { AreaDefinition } from "./contract.ts";
import type { SessionPolicy } from "./identity/session.ts";
import { healthRoutes } from "./http/health.ts";
import { tenancy } from "./tenancy/index.ts";
import { identityArea } from "./identity/index.ts";
import { audit } from "./audit/index.ts";
import { settingsArea } from "./settings/index.ts";
import { events } from "./events/index.ts";
import { jobsArea } from "./jobs/index.ts";
import { layoutsArea } from "./layouts/index.ts";
import { addresseeArea } from "./addressee/index.ts";
import { addressArea } from "./address/index.ts";
import { documentsArea } from "./documents/index.ts";
import { protectionArea } from "./protection/index.ts";

export function platformAreas(policy: SessionPolicy): AreaDefinition[] {
  return [
    { id: "db", name: "データベース", migrations: new URL("./db/migrations/", import.meta.url), routes: healthRoutes },
    tenancy,
    identityArea(policy),
    audit,
    settingsArea,
    events,
    addresseeArea,
    addressArea,
    jobsArea,
    documentsArea,
    protectionArea,
    layoutsArea,
  ];
}
