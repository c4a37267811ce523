// 訓練用の業務 (a drill area) for the browser tests of 連携状況 and ジョブ: the platform itself
// has no per-municipality job and no event subscriber yet, so this stands in for a business
// module — one job that succeeds, one that fails for good, and a subscriber that refuses the
// events whose subject the test names until the test lets them through.
import type { AreaDefinition, JobDefinition } from "../../../src/platform/contract.ts";
import { JobFailure } from "../../../src/platform/jobs/job-failure.ts";

export const DRILL_EVENT = "drill.recorded";

/** Subjects whose events the drill subscriber refuses. */
export const refusedSubjects = new Set<string>();

export const countStaffJob: JobDefinition = {
  name: "drill.count-staff",
  label: "職員数の確認（訓練用）",
  description: "職員アカウントを数える（訓練用）",
  resultLabels: { staff: "職員数" },
  cron: "15 2 * * *",
  perTenant: true,
  async run({ tenantId, platform }) {
    const rows = await platform.db.withTenant(tenantId, (tx) => tx.query("SELECT count(*)::int AS n FROM staff_account"));
    return { staff: rows.rows[0].n as number };
  },
};

export const reconcileJob: JobDefinition = {
  name: "drill.reconcile",
  label: "外部システムとの突合（訓練用）",
  description: "外部システムと突合する（訓練用・必ず失敗する）",
  resultLabels: { matched: "突合した件数" },
  perTenant: true,
  async run() {
    throw new JobFailure("drill: the external system answered 0 records", { matched: 0 });
  },
};

export const drillArea: AreaDefinition = {
  id: "drill",
  name: "訓練業務",
  jobs: [countStaffJob, reconcileJob],
  events: [
    { type: DRILL_EVENT, label: "訓練の記録" },
    { type: "drill.noted", label: "訓練の覚え書き" },
  ],
  subscriptions: {
    [DRILL_EVENT]: async (event) => {
      if (refusedSubjects.has(event.subject)) throw new Error("the drill ledger is closed");
    },
  },
};
