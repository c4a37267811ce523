import { describe, expect, it } from "vitest";
import { jobLabel, jobNamesOf, resultSummary } from "./job-run-labels.ts";

describe("ジョブの表示", () => {
  const names = jobNamesOf([{ name: "audit.verify", label: "監査ログの検証", resultLabels: { ok: "改ざん・欠落なし", chains: "検証した連鎖", problems: "問題のある連鎖" } }]);

  it("names a job by its label, and a job no longer declared by its own name", () => {
    expect(jobLabel(names, "audit.verify")).toBe("監査ログの検証");
    expect(jobLabel(names, "gone.job")).toBe("gone.job");
  });

  it("reads a result in the job's words: yes/no, numbers, a list by its count, empty parts left out", () => {
    const labels = names.get("audit.verify")!.resultLabels;
    expect(resultSummary({ ok: true, chains: 1200, problems: [], alertsRaised: null }, labels)).toBe(
      "改ざん・欠落なし はい／検証した連鎖 1,200／問題のある連鎖 0件",
    );
    expect(resultSummary({ ok: false }, labels)).toBe("改ざん・欠落なし いいえ");
    expect(resultSummary({}, labels)).toBe("―");
  });
});
