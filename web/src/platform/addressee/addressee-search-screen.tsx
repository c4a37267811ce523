// 宛名検索: find a person or organisation by name (kanji or カナ, any part, any width — the server
// folds ﾀﾅｶ, たなか and タナカ together), 生年月日 (和暦 as a clerk copies it), 宛名番号, 法人番号 or
// 住所 (「堀内」, 「葉山町堀内」 and 「神奈川県三浦郡葉山町堀内」 find the same addressees);
// residents and 住登外者 alike, a page at a time, each row leading to its details. The last search
// is kept while the clerk moves between screens, so 戻る returns to the same list.
import { pageRange } from "../../kit/page-range.ts";
import type { AddresseeState } from "../../../../src/platform/addressee/addressee.ts";
import { usePurpose } from "../../kit/access-purpose.ts";
import { useKeptSearch, type SearchKeeper } from "../../kit/use-kept-search.ts";
import { useAddresseeData } from "./use-addressee-data.ts";
import { KIND_LABELS } from "./addressee-labels.ts";
import { standingOf } from "./addressee-status.ts";
import { NAME_MAX_LENGTH } from "./addressee-input.ts";
import { ADDRESS_SEARCH_MAX_LENGTH, EMPTY_CRITERIA as EMPTY, searchQuery, type SearchCriteria as Criteria, type CriteriaErrors } from "./addressee-search-query.ts";
import { dateConfirmation, readDateInput, warekiDateJa } from "../../kit/wareki-date.ts";
import { Link } from "../../router.tsx";
import { Page } from "../../kit/page.tsx";
import { Notice } from "../../kit/notice.tsx";
import { PurposeBar } from "../../kit/purpose-bar.tsx";
import { SelectField, TextField } from "../../kit/form-field.tsx";
import { StandingTag } from "./standing-tag.tsx";
import { ProtectionTag } from "../protection/protection-banner.tsx";
import { protectionOf } from "../protection/protection-mark.ts";

export const SEARCH_PAGE_SIZE = 20;

interface SearchPage {
  items: AddresseeState[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * The search in force for this log-in: what was typed, the query sent and the page. Kept with the
 * session it belongs to, so the next member of staff at this terminal never sees it.
 */
const lastSearch: SearchKeeper<Criteria> = { current: null };

export function AddresseeSearchScreen() {
  const purpose = usePurpose();
  return (
    <Page
      title="宛名検索"
      lead="住民と住登外者（固定資産の所有者、転出者、法人など）を、氏名・カナ・生年月日・宛名番号・法人番号・住所で探します。照会は利用目的とともに記録されます。"
    >
      <PurposeBar />
      {purpose !== null ? <SearchAndResults /> : null}
    </Page>
  );
}

function SearchAndResults() {
  const { criteria, set, errors, query, page, go, submit, clear } = useKeptSearch<Criteria, CriteriaErrors>({
    keeper: lastSearch,
    empty: EMPTY,
    build: searchQuery,
    fields: ["name", "birthDate", "number", "corporateNumber", "address"],
    idPrefix: "search-",
  });
  const result = useAddresseeData<SearchPage>(query === null ? null : `/api/addressees?${query}&page=${page}&pageSize=${SEARCH_PAGE_SIZE}`);

  const birth = readDateInput(criteria.birthDate);

  const data = result.data;
  const { pages, first, last } = pageRange(data?.total, page, SEARCH_PAGE_SIZE);

  return (
    <>
      <section className="section" aria-labelledby="search-title">
        <h2 className="section__title" id="search-title">
          検索条件
        </h2>
        <form onSubmit={submit} noValidate aria-label="宛名の検索" data-testid="addressee-search-form">
          {errors.form ? <Notice kind="error">{errors.form}</Notice> : null}
          <div className="form-grid form-grid--wide">
            <TextField
              id="search-name"
              label="氏名・名称"
              hint="漢字またはカナ（半角カナ・ひらがな可）。一部だけでも探せます"
              value={criteria.name}
              onValue={set("name")}
              maxLength={NAME_MAX_LENGTH}
              autoComplete="off"
              error={errors.name}
            />
            <TextField
              id="search-birthDate"
              label="生年月日"
              hint="和暦も可（例：S55.4.1、昭和55年4月1日）"
              value={criteria.birthDate}
              onValue={set("birthDate")}
              autoComplete="off"
              error={errors.birthDate}
              status={birth.kind === "date" ? dateConfirmation(birth.iso) : null}
            />
            <TextField
              id="search-number"
              label="宛名番号"
              hint="15桁（先頭の0は省略可）"
              value={criteria.number}
              onValue={set("number")}
              inputMode="numeric"
              autoComplete="off"
              className="text-input--code"
              error={errors.number}
            />
            <TextField
              id="search-corporateNumber"
              label="法人番号"
              hint="13桁"
              value={criteria.corporateNumber}
              onValue={set("corporateNumber")}
              inputMode="numeric"
              autoComplete="off"
              className="text-input--code"
              error={errors.corporateNumber}
            />
            <TextField
              id="search-address"
              label="住所"
              hint="町字からでも探せます（例：堀内、葉山町堀内）"
              value={criteria.address}
              onValue={set("address")}
              maxLength={ADDRESS_SEARCH_MAX_LENGTH}
              autoComplete="off"
              error={errors.address}
            />
            <SelectField
              id="search-kind"
              label="種別"
              value={criteria.kind}
              onValue={set("kind")}
              options={[
                { value: "", label: "すべて" },
                { value: "person", label: KIND_LABELS.person },
                { value: "organisation", label: KIND_LABELS.organisation },
              ]}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary">
              検索
            </button>
            <button type="button" className="button button--secondary" onClick={clear}>
              条件をクリア
            </button>
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
                <table className="data-table" data-testid="addressee-results">
                  <caption aria-live="polite">
                    {data.total ? `該当 ${data.total}件（${first}〜${last}件目）` : "該当する宛名はありません。"}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">宛名番号</th>
                      <th scope="col">種別</th>
                      <th scope="col">氏名・名称／カナ</th>
                      <th scope="col">生年月日</th>
                      <th scope="col">住所</th>
                      <th scope="col">住民・住登外</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((a) => (
                      <tr key={a.number} data-number={a.number} className={protectionOf(a) ? "is-protected" : undefined}>
                        <td className="code">{a.number}</td>
                        <td className="nowrap">{KIND_LABELS[a.kind]}</td>
                        <td>
                          <Link href={`/addressees/${a.number}`}>{a.name}</Link>
                          <ProtectionTag mark={protectionOf(a)} />
                          <span className="sub">{a.nameKana}</span>
                        </td>
                        <td className="nowrap">
                          {a.birthDate ? (
                            <>
                              {warekiDateJa(a.birthDate)}
                              <span className="sub">{a.birthDate.replace(/-/g, "/")}</span>
                            </>
                          ) : (
                            <span className="muted">―</span>
                          )}
                        </td>
                        <td>{a.address ?? <span className="muted">―</span>}</td>
                        <td className="nowrap">
                          <StandingTag standing={standingOf(a)} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {data.total > SEARCH_PAGE_SIZE ? (
                <div className="pager">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    disabled={page <= 1 || result.loading}
                    onClick={() => go(query, page - 1)}
                  >
                    前の{SEARCH_PAGE_SIZE}件
                  </button>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    disabled={page >= pages || result.loading}
                    onClick={() => go(query, page + 1)}
                  >
                    次の{SEARCH_PAGE_SIZE}件
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
