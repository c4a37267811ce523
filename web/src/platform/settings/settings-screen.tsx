// 設定: every setting as it applies to the municipality — its value, where that value comes from
// (全国標準・県版・一部事務組合・団体独自), the national default and the law behind it — with the
// fit-gap count on top and each setting's history of changes. Administrators of the platform
// change a setting here or clear the municipality's own value; everyone else reads.
import { Fragment, useState } from "react";
import { useApp } from "../../app-context.ts";
import { useApiData } from "../../kit/use-api-data.ts";
import { municipalityLabel, staffMay } from "../identity/session.ts";
import { levelLabel, type OverrideLevel, type SettingLevel } from "./setting-levels.ts";
import { formatValue, shapeOf } from "./setting-value.ts";
import { Page } from "../../kit/page.tsx";
import { Notice } from "../../kit/notice.tsx";
import { FitGapSummary, type FitGapReport } from "../tenancy/fit-gap-summary.tsx";
import { LevelTag } from "../tenancy/level-tag.tsx";
import { SettingHistory } from "./setting-history.tsx";
import { SettingEditForm } from "./setting-edit-form.tsx";

/** One setting of GET /api/settings. `schema` is the setting's JSON schema when the API sends it. */
export interface SettingView {
  key: string;
  label: string;
  description: string;
  source: string;
  value: unknown;
  level: SettingLevel;
  scopeId: string | null;
  scopeName: string | null;
  nationalDefault: unknown;
  deviates: boolean;
  overrides: { level: OverrideLevel; scopeId: string; scopeName: string; valid: boolean }[];
  schema?: unknown;
}

type Panel = { key: string; kind: "history" | "edit" };

const COLUMNS = 5;

export function SettingsScreen() {
  const { session } = useApp();
  const mayChange = staffMay(session, "platform", "admin");
  const settings = useApiData<SettingView[]>("/api/settings");
  const fitGap = useApiData<FitGapReport>("/api/settings/fit-gap");
  const [panel, setPanel] = useState<Panel | null>(null);
  const [done, setDone] = useState<string | null>(null);

  function toggle(key: string, kind: Panel["kind"]) {
    setDone(null);
    setPanel((open) => (open?.key === key && open.kind === kind ? null : { key, kind }));
  }

  function changed(message: string) {
    setDone(message);
    setPanel(null);
    settings.reload();
    fitGap.reload();
  }

  const municipality = session.tenant ? municipalityLabel(session.tenant) : "";
  return (
    <Page
      title="設定"
      lead={`${municipality}で使われている設定値と、その値がどこで決められているか（全国標準・県版・一部事務組合・団体独自）です。${
        mayChange ? "変更には理由の入力が必要で、変更の記録は残ります。" : "設定の変更は共通基盤の管理権限を持つ職員が行います。"
      }`}
    >
      {done ? <Notice kind="success">{done}</Notice> : null}
      <section className="section" aria-labelledby="settings-fit-gap">
        <h2 className="section__title" id="settings-fit-gap">
          フィット&ギャップ
        </h2>
        {fitGap.problem ? <Notice kind="error">{fitGap.problem.titleJa}</Notice> : null}
        {fitGap.data ? (
          <FitGapSummary report={fitGap.data} prefectureName={session.tenant?.prefectureName ?? null} />
        ) : fitGap.loading ? (
          <p className="muted">読み込み中…</p>
        ) : null}
      </section>
      <section className="section" aria-labelledby="settings-list">
        <h2 className="section__title" id="settings-list">
          設定項目
        </h2>
        {settings.problem ? <Notice kind="error">{settings.problem.titleJa}</Notice> : null}
        {settings.data ? (
          <div className="table-wrap">
            <table className="data-table settings-table" data-testid="settings-table">
              <caption>{settings.data.length}項目</caption>
              <thead>
                <tr>
                  <th scope="col" className="settings-table__name">
                    設定項目
                  </th>
                  <th scope="col">現在の値</th>
                  <th scope="col" className="settings-table__level">
                    設定元
                  </th>
                  <th scope="col" className="settings-table__default">
                    全国標準と根拠
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">操作</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {settings.data.map((s) => {
                  const shape = shapeOf(s);
                  const open = panel?.key === s.key ? panel.kind : null;
                  const panelId = `setting-panel-${s.key.replace(/\./g, "-")}`;
                  const skipped = s.overrides.filter((o) => !o.valid);
                  return (
                    <Fragment key={s.key}>
                      <tr data-key={s.key} className={open ? "is-open" : undefined}>
                        <th scope="row">
                          {s.label}
                          <span className="description">{s.description}</span>
                        </th>
                        <td className="settings-table__value" data-testid="setting-value">
                          {formatValue(s.value, shape)}
                        </td>
                        <td data-testid="setting-level">
                          <LevelTag level={s.level} scopeName={s.scopeName} />
                          {skipped.length ? (
                            <span className="sub-note">
                              {skipped.map((o) => levelLabel(o.level, o.scopeName)).join("、")}
                              の値は現在の形式に合わないため使われていません
                            </span>
                          ) : null}
                        </td>
                        <td>
                          {formatValue(s.nationalDefault, shape)}
                          <span className="description">根拠：{s.source}</span>
                        </td>
                        <td className="actions">
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            aria-expanded={open === "history"}
                            aria-controls={open === "history" ? panelId : undefined}
                            onClick={() => toggle(s.key, "history")}
                            aria-label={`履歴（${s.label}）`}
                          >
                            履歴
                          </button>
                          {mayChange ? (
                            <button
                              type="button"
                              className="button button--secondary button--small"
                              aria-expanded={open === "edit"}
                              aria-controls={open === "edit" ? panelId : undefined}
                              onClick={() => toggle(s.key, "edit")}
                              aria-label={`変更（${s.label}）`}
                            >
                              変更
                            </button>
                          ) : null}
                        </td>
                      </tr>
                      {open ? (
                        <tr className="detail-row">
                          <td colSpan={COLUMNS} id={panelId}>
                            {open === "history" ? (
                              <SettingHistory setting={s} shape={shape} />
                            ) : (
                              <SettingEditForm setting={s} shape={shape} onChanged={changed} onClose={() => setPanel(null)} />
                            )}
                          </td>
                        </tr>
                      ) : null}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : settings.loading ? (
          <p className="muted">読み込み中…</p>
        ) : null}
      </section>
    </Page>
  );
}
