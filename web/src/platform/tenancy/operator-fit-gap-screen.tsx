// フィット&ギャップ (operators): for every municipality, how many settings differ from the
// national standard and at which level (県版・一部事務組合・団体独自), each with its list; how many
// municipalities differ on each setting; and setting or clearing a prefecture's or consortium's
// value, which applies to all its member municipalities at once.
import { Fragment, useMemo, useState } from "react";
import { useApiData } from "../../kit/use-api-data.ts";
import { levelName, OVERRIDE_LEVELS } from "../settings/setting-levels.ts";
import { formatValue } from "../settings/setting-value.ts";
import { Page } from "../../kit/page.tsx";
import { Notice } from "../../kit/notice.tsx";
import { fitRatePercent, type FitGapReport } from "./fit-gap-summary.tsx";
import { LevelTag } from "./level-tag.tsx";
import { GroupOverrideForm, type GroupTenant, type SettingEntry } from "../addressee/group-override-form.tsx";

interface OperatorFitGap {
  tenants: (FitGapReport & { name: string; prefectureName: string; status: string })[];
  settings: { key: string; label: string; tenants: number }[];
  /** Each setting's schema and national default: the input the value form offers. */
  definitions: { key: string; label: string; schema: unknown; nationalDefault: unknown }[];
}

/** The settings as the group form lists them (most-deviated first), each with its schema. */
function settingEntries(report: OperatorFitGap): SettingEntry[] {
  const definitions = new Map(report.definitions.map((d) => [d.key, d]));
  return report.settings.map((s) => ({ ...s, schema: definitions.get(s.key)?.schema, nationalDefault: definitions.get(s.key)?.nationalDefault }));
}

export function OperatorFitGapScreen() {
  const report = useApiData<OperatorFitGap>("/api/operator/fit-gap");
  const tenants = useApiData<GroupTenant[]>("/api/operator/tenants");
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const entries = useMemo(() => (report.data ? settingEntries(report.data) : []), [report.data]);

  return (
    <Page
      title="フィット&ギャップ"
      lead="団体ごとに、全国標準と異なる設定の数と、その値を決めている設定元（県版・一部事務組合・団体独自）です。県版と一部事務組合の値はここで設定し、所属するすべての団体に適用されます。"
    >
      {done ? <Notice kind="success">{done}</Notice> : null}
      {report.problem ? <Notice kind="error">{report.problem.titleJa}</Notice> : null}
      <section className="section" aria-labelledby="fit-gap-tenants">
        <h2 className="section__title" id="fit-gap-tenants">
          団体別
        </h2>
        {report.data ? (
          <div className="table-wrap">
            <table className="data-table" data-testid="fit-gap-table">
              <caption>{report.data.tenants.length}団体</caption>
              <thead>
                <tr>
                  <th scope="col">団体</th>
                  <th scope="col" className="number">
                    全国標準と異なる設定
                  </th>
                  {OVERRIDE_LEVELS.map((l) => (
                    <th scope="col" className="number" key={l}>
                      {levelName(l)}
                    </th>
                  ))}
                  <th scope="col" className="number">
                    適合率
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">内訳</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.data.tenants.map((t) => {
                  const expanded = open === t.tenantId;
                  return (
                    <Fragment key={t.tenantId}>
                      <tr data-tenant={t.tenantId} className={expanded ? "is-open" : undefined}>
                        <th scope="row" className="nowrap">
                          {t.name}
                          <span className="sub">
                            {t.prefectureName}・{t.tenantId}
                          </span>
                        </th>
                        <td className="number" data-testid="fit-gap-deviating">
                          {t.deviating}
                        </td>
                        {OVERRIDE_LEVELS.map((l) => (
                          <td className="number" key={l} data-testid={`fit-gap-${l}`}>
                            {t.byLevel[l]}
                          </td>
                        ))}
                        <td className="number">{fitRatePercent(t)}</td>
                        <td className="actions">
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            aria-expanded={expanded}
                            disabled={!t.deviations.length}
                            onClick={() => setOpen(expanded ? null : t.tenantId)}
                            aria-label={`内訳（${t.name}）`}
                          >
                            内訳
                          </button>
                        </td>
                      </tr>
                      {expanded ? (
                        <tr className="detail-row">
                          <td colSpan={7}>
                            <div className="detail-panel">
                              <h3 className="detail-panel__title">{t.name}の全国標準と異なる設定</h3>
                              <table className="data-table data-table--compact">
                                <thead>
                                  <tr>
                                    <th scope="col">設定項目</th>
                                    <th scope="col">設定元</th>
                                    <th scope="col">値</th>
                                    <th scope="col">全国標準</th>
                                  </tr>
                                </thead>
                                <tbody>
                                  {t.deviations.map((d) => (
                                    <tr key={d.key}>
                                      <td>
                                        {d.label}
                                      </td>
                                      <td>
                                        <LevelTag level={d.level} scopeName={d.scopeName} />
                                      </td>
                                      <td>{formatValue(d.value)}</td>
                                      <td>{formatValue(d.nationalDefault)}</td>
                                    </tr>
                                  ))}
                                </tbody>
                              </table>
                            </div>
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : report.loading ? (
          <p className="muted">読み込み中…</p>
        ) : null}
      </section>
      {report.data ? (
        <section className="section" aria-labelledby="fit-gap-settings">
          <h2 className="section__title" id="fit-gap-settings">
            設定項目別
          </h2>
          <div className="table-wrap">
            <table className="data-table" data-testid="fit-gap-settings-table">
              <thead>
                <tr>
                  <th scope="col">設定項目</th>
                  <th scope="col" className="number">
                    全国標準と異なる団体
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.data.settings.map((s) => (
                  <tr key={s.key}>
                    <td>
                      {s.label}
                    </td>
                    <td className="number">{s.tenants}団体</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <section className="section" aria-labelledby="group-override">
        <h2 className="section__title" id="group-override">
          県版・一部事務組合の設定
        </h2>
        {tenants.problem ? <Notice kind="error">{tenants.problem.titleJa}</Notice> : null}
        {report.data && tenants.data ? (
          <GroupOverrideForm
            tenants={tenants.data}
            settings={entries}
            onChanged={(message) => {
              setDone(message);
              report.reload();
            }}
          />
        ) : null}
      </section>
    </Page>
  );
}
