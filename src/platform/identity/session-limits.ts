// セッションの上限 (session limits): the platform's (KYODO_SESSION_*) shortened by the
// municipality's settings identity.sessionIdleMinutes and identity.sessionMaxMinutes.
import type { Platform } from "../contract.ts";
import { effectiveLimits, type SessionPolicy } from "./session.ts";
import { SESSION_IDLE_SETTING, SESSION_MAX_SETTING } from "./session-settings.ts";

/** The municipality's session limits: its settings, within the platform's. */
export async function sessionLimitsOf(platform: Platform, tenantId: string, policy: SessionPolicy): Promise<SessionPolicy> {
  return platform.db.withTenant(tenantId, async (tx) =>
    effectiveLimits(policy, {
      idleMinutes: await platform.settings.resolve<number>(tx, tenantId, SESSION_IDLE_SETTING),
      maxMinutes: await platform.settings.resolve<number>(tx, tenantId, SESSION_MAX_SETTING),
    }),
  );
}
