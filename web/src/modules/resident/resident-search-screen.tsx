// 住民検索 (finding a resident at the counter): by 氏名 in kanji or カナ — any width, hiragana too:
// ﾀﾅｶ, たなか and タナカ find the same people — by 生年月日 typed in 和暦 or 西暦, by the start of the
// 住所 or by 世帯番号; 除票 (persons who moved out, died or were erased) only when asked. A page at a
// time, each row leading to the record. The last search is kept while the clerk moves between
// screens, so 戻る returns to the same list; it belongs to this log-in only.
import { pageRange } from "../../kit/page-range.ts";
import { usePurpose } from "../../kit/access-purpose.ts";
import { useApp } from "../../app-context.ts";
import { useKeptSearch, type SearchKeeper } from "../../kit/use-kept-search.ts";
import { useAddresseeData } from "../../platform/addressee/use-addressee-data.ts";
import { useFocusOnOpen } from "./resident-autofocus.ts";
import type { SearchPage } from "./resident-api.ts";
import { SEX_JA } from "./resident-labels.ts";
import { RESIDENT_PATHS, residentPath } from "./resident-paths.ts";
import { recordsResidentChanges } from "./resident-roles.ts";
import {
  EMPTY_RESIDENT_CRITERIA as EMPTY,
  residentSearchQuery,
  SEARCH_ADDRESS_MAX_LENGTH,
  SEARCH_NAME_MAX_LENGTH,
  type ResidentCriteria as Criteria,
  type ResidentCriteriaErrors,
} from "./resident-search-query.ts";
import { addressText, fullName, fullNameKana, postalCodeText, slashDate } from "./resident-values.ts";
import { dateConfirmation, readDateInput, warekiDateJa } from "../../kit/wareki-date.ts";
import { Link } from "../../router.tsx";
import { Page } from "../../kit/page.tsx";
import { Notice } from "../../kit/notice.tsx";
import { AddressText } from "../../kit/address-text.tsx";
import { PurposeBar } from "../../kit/purpose-bar.tsx";
import { TextField } from "../../kit/form-field.tsx";
import { ResidentStatusTag } from "./resident-status-tag.tsx";
import { ProtectionTag } from "../../platform/protection/protection-banner.tsx";
import { protectionOf } from "../../platform/protection/protection-mark.ts";
import "./resident.css";

export const RESIDENT_PAGE_SIZE = 20;

const lastSearch: SearchKeeper<Criteria> = { current: null };

export function ResidentSearchScreen() {
  const purpose = usePurpose();
  return (
    <Page title="住民検索" lead="氏名（漢字・カナ）、生年月日、住所、世帯番号で住民を探します。除票も含めて探せます。照会は利用目的とともに記録されます。">
      <PurposeBar />
      {purpose !== null ? <SearchAndResults /> : null}
    </Page>
  );
}

function SearchAndResults() {
  const { session } = useApp();
  const { criteria, set, errors, query, page, go, submit, clear } = useKeptSearch<Criteria, ResidentCriteriaErrors>({
    keeper: lastSearch,
    empty: EMPTY,
    build: residentSearchQuery,
    fields: ["name", "birthDate", "address", "householdNumber"],
    idPrefix: "resident-search-",
  });
  const result = useAddresseeData<SearchPage>(query === null ? null : `/api/resident/persons?${query}&page=${page}&pageSize=${RESIDENT_PAGE_SIZE}`);
  useFocusOnOpen("resident-search-name");

  const birth = readDateInput(criteria.birthDate);

  const data = result.data;
  const { pages, first, last } = pageRange(data?.total, page, RESIDENT_PAGE_SIZE);

  return (
    <>
      <section className="section" aria-labelledby="search-title">
        <h2 className="section__title" id="search-title">
          検索条件
        </h2>
        <form onSubmit={submit} noValidate aria-label="住民の検索" data-testid="resident-search-form">
          {errors.form ? <Notice kind="error">{errors.form}</Notice> : null}
          <div className="form-grid">
            <TextField
              id="resident-search-name"
              label="氏名（漢字またはカナ）"
              hint="氏・名・氏名の先頭から。半角カナ・ひらがなも可"
              value={criteria.name}
              onValue={set("name")}
              maxLength={SEARCH_NAME_MAX_LENGTH}
              autoComplete="off"
              error={errors.name}
            />
            <TextField
              id="resident-search-birthDate"
              label="生年月日"
              hint="和暦も可（例：S55.4.1、昭和55年4月1日）"
              value={criteria.birthDate}
              onValue={set("birthDate")}
              autoComplete="off"
              error={errors.birthDate}
              status={birth.kind === "date" ? dateConfirmation(birth.iso) : null}
            />
            <TextField
              id="resident-search-address"
              label="住所"
              hint="先頭から。例：神奈川県三浦郡葉山町堀内"
              value={criteria.address}
              onValue={set("address")}
              maxLength={SEARCH_ADDRESS_MAX_LENGTH}
              autoComplete="off"
              error={errors.address}
            />
            <TextField
              id="resident-search-householdNumber"
              label="世帯番号"
              value={criteria.householdNumber}
              onValue={set("householdNumber")}
              inputMode="numeric"
              autoComplete="off"
              className="text-input--code"
              error={errors.householdNumber}
            />
          </div>
          <label className="checkbox form-grid--spaced include-removed">
            <input type="checkbox" checked={criteria.includeRemoved} onChange={(e) => set("includeRemoved")(e.target.checked)} />
            除票（転出・死亡・職権消除された人）も含める
          </label>
          <div className="form-actions">
            <button type="submit" className="button button--primary">
              検索
            </button>
            <button type="button" className="button button--secondary" onClick={clear}>
              条件をクリア
            </button>
            {recordsResidentChanges(session) ? (
              <span className="form-actions__aside">
                住民記録にない人は <Link href={RESIDENT_PATHS.moveIn}>転入届</Link>・<Link href={RESIDENT_PATHS.exOfficioEntry}>職権記載</Link> で記録します。
              </span>
            ) : null}
          </div>
        </form>
      </section>
      {query !== null ? (
        <section className="section" aria-labelledby="results-title">
          <h2 className="section__title" id="results-title">
            検索結果
          </h2>
          {result.problem ? <Notice kind="error">{result.problem.titleJa}</Notice> : null}
          {data ? (
            <>
              <div className="table-wrap">
                <table className="data-table" data-testid="resident-results">
                  <caption aria-live="polite">{data.total ? `該当 ${data.total}件（${first}〜${last}件目）` : "該当する住民はいません。"}</caption>
                  <thead>
                    <tr>
                      <th scope="col">氏名／カナ</th>
                      <th scope="col">生年月日</th>
                      <th scope="col">性別</th>
                      <th scope="col">住所</th>
                      <th scope="col">世帯（続柄）</th>
                      <th scope="col">状態</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((p) => (
                      <tr
                        key={p.personId}
                        data-person={p.personId}
                        className={[p.isRemoved ? "is-removed" : "", protectionOf(p) ? "is-protected" : ""].filter(Boolean).join(" ") || undefined}
                      >
                        <td>
                          <Link href={residentPath(p.personId)}>{fullName(p)}</Link>
                          <ProtectionTag mark={protectionOf(p)} />
                          <span className="sub">{fullNameKana(p)}</span>
                        </td>
                        <td className="nowrap">
                          {warekiDateJa(p.birthDate)}
                          <span className="sub">{slashDate(p.birthDate)}</span>
                        </td>
                        <td className="nowrap">{SEX_JA[p.sex]}</td>
                        <td>
                          {p.postalCode ? <span className="sub">{postalCodeText(p.postalCode)}</span> : null}
                          <AddressText text={addressText(p.address, p.addressLine2)} />
                        </td>
                        <td className="nowrap">
                          {p.relationship === "head" ? <strong>世帯主</strong> : p.relationshipJa}
                          <span className="sub">世帯番号 {p.householdNumber}</span>
                        </td>
                        <td className="nowrap">
                          <ResidentStatusTag isRemoved={p.isRemoved} removalReason={p.removalReason} removalDate={p.removalDate} withDetail />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {data.total > RESIDENT_PAGE_SIZE ? (
                <div className="pager">
                  <button type="button" className="button button--secondary button--small" disabled={page <= 1 || result.loading} onClick={() => go(query, page - 1)}>
                    前の{RESIDENT_PAGE_SIZE}件
                  </button>
                  <button type="button" className="button button--secondary button--small" disabled={page >= pages || result.loading} onClick={() => go(query, page + 1)}>
                    次の{RESIDENT_PAGE_SIZE}件
                  </button>
                  <span className="pager__info">
                    {page} / {pages}ページ
                  </span>
                </div>
              ) : null}
            </>
          ) : result.loading ? (
            <p className="muted">検索しています…</p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
