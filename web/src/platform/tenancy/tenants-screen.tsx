// 団体一覧 (operators): every municipality on the platform with its prefecture, consortia (一部事務
// 組合・町村会), staff count and status; 団体の追加 with the 全国地方公共団体コード master it checks against
// and the town's first administrator, whose activation code is shown once; and the reset of a
// town's last administrator (ADR 0020).
import { useState } from "react";
import { useApiData } from "../../kit/use-api-data.ts";
import { Page } from "../../kit/page.tsx";
import { Notice } from "../../kit/notice.tsx";
import { TenantCreateForm, type OnboardedTenant } from "./tenant-create-form.tsx";
import { AdministratorForm } from "../identity/administrator-form.tsx";
import { TemporaryPasswordNotice } from "../identity/temporary-password-notice.tsx";

interface TenantDetail {
  id: string;
  name: string;
  nameKana: string;
  prefectureName: string;
  population: number;
  status: string;
  consortia: { id: string; name: string }[];
  staffCount: number;
}

/** GET /api/operator/municipality-master: the list onboarding checks codes against. */
interface MasterVersion {
  source: string;
  sourceUrl: string;
  package: string;
  packageVersion: string;
  compiledOn: string;
  counts: Record<"prefecture" | "designated-city" | "municipality" | "special-ward" | "ward", number>;
}

function masterDescription(m: MasterVersion): string {
  const [year, month, day] = m.compiledOn.split("-").map(Number);
  const localBodies = m.counts["designated-city"] + m.counts.municipality + m.counts["special-ward"];
  return `団体コードと団体名は${m.source}の一覧（${year}年${month}月${day}日作成、版 ${m.packageVersion}）で確かめます。市区町村 ${localBodies.toLocaleString("ja-JP")}（うち特別区 ${m.counts["special-ward"]}）を登録でき、都道府県と政令指定都市の区（行政区 ${m.counts.ward}）は登録できません。`;
}

const STATUS_LABELS: Record<string, { label: string; tone: string }> = {
  active: { label: "利用中", tone: "ok" },
  suspended: { label: "停止中", tone: "warning" },
};

export function TenantsScreen() {
  const tenants = useApiData<TenantDetail[]>("/api/operator/tenants");
  const master = useApiData<MasterVersion>("/api/operator/municipality-master");
  const [added, setAdded] = useState<OnboardedTenant | null>(null);
  const [resetting, setResetting] = useState<{ id: string; name: string } | null>(null);

  return (
    <Page title="団体一覧" lead="このプラットフォームを利用している団体（地方公共団体）です。">
      {added ? (
        <Notice kind="success">
          {added.name}（{added.id}）を追加しました。
        </Notice>
      ) : null}
      {added?.administrator ? (
        <TemporaryPasswordNotice
          who={`${added.name}の管理者 ${added.administrator.account.displayName}`}
          issued={{
            loginId: added.administrator.account.loginId,
            temporaryPassword: added.administrator.activationCode,
            expiresAt: added.administrator.expiresAt,
            kind: "activation",
          }}
        />
      ) : null}
      <section className="section" aria-labelledby="tenant-list">
        <h2 className="section__title" id="tenant-list">
          団体
        </h2>
        {tenants.problem ? <Notice kind="error">{tenants.problem.titleJa}</Notice> : null}
        {tenants.data ? (
          <div className="table-wrap">
            <table className="data-table" data-testid="tenant-table">
              <caption>{tenants.data.length}団体</caption>
              <thead>
                <tr>
                  <th scope="col">団体コード</th>
                  <th scope="col">団体名</th>
                  <th scope="col">都道府県</th>
                  <th scope="col">一部事務組合等</th>
                  <th scope="col" className="number">
                    人口
                  </th>
                  <th scope="col" className="number">
                    職員数
                  </th>
                  <th scope="col">状態</th>
                  <th scope="col">
                    <span className="visually-hidden">操作</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tenants.data.map((t) => {
                  const status = STATUS_LABELS[t.status] ?? { label: t.status, tone: "warning" };
                  return (
                    <tr key={t.id}>
                      <td className="code">{t.id}</td>
                      <td className="nowrap">
                        {t.name}
                        <span className="sub">{t.nameKana}</span>
                      </td>
                      <td className="nowrap">{t.prefectureName}</td>
                      <td>{t.consortia.length ? t.consortia.map((c) => <div key={c.id}>{c.name}</div>) : <span className="muted">―</span>}</td>
                      <td className="number">{t.population ? t.population.toLocaleString("ja-JP") : <span className="muted">―</span>}</td>
                      <td className="number">{t.staffCount.toLocaleString("ja-JP")}</td>
                      <td>
                        <span className={`status status--${status.tone}`}>{status.label}</span>
                      </td>
                      <td>
                        <button type="button" className="button button--small" onClick={() => setResetting({ id: t.id, name: t.name })}>
                          管理者の再設定
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : tenants.loading ? (
          <p className="muted">読み込み中…</p>
        ) : null}
      </section>
      {resetting ? (
        <section className="section" aria-labelledby="administrator-reset">
          <h2 className="section__title" id="administrator-reset">
            {resetting.name}の管理者の再設定
          </h2>
          <AdministratorForm key={resetting.id} tenant={resetting} />
        </section>
      ) : null}
      <section className="section" aria-labelledby="tenant-create">
        <h2 className="section__title" id="tenant-create">
          団体の追加
        </h2>
        {master.data ? (
          <p className="muted" data-testid="municipality-master">
            {masterDescription(master.data)}
          </p>
        ) : null}
        <TenantCreateForm
          onCreated={(tenant) => {
            setAdded(tenant);
            tenants.reload();
          }}
        />
      </section>
    </Page>
  );
}
