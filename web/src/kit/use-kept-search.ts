// The state of a search screen (住民検索, 宛名検索): what the clerk typed, the errors of the last
// attempt, the query sent and the page shown. The search in force is kept, per screen, with the
// log-in it belongs to — so 戻る returns to the same list, and the next member of staff at this
// terminal never sees it.
import { useState, type FormEvent } from "react";
import { useApp } from "../app-context.ts";
import type { Session } from "../platform/identity/session.ts";

export interface KeptSearch<C> {
  session: Session;
  criteria: C;
  query: string;
  page: number;
}

/** Where a screen keeps its search between visits: one per screen, at module level. */
export interface SearchKeeper<C> {
  current: KeptSearch<C> | null;
}

export interface KeptSearchOptions<C, E> {
  keeper: SearchKeeper<C>;
  empty: C;
  /** The query string of the criteria, or the errors to show. */
  build: (criteria: C) => { query: string } | { errors: E };
  /** The fields in screen order: the first with an error gets the focus. */
  fields: readonly (keyof E & string)[];
  /** Input ids are `${idPrefix}${field}`. */
  idPrefix: string;
}

export function useKeptSearch<C, E extends { form?: string }>({ keeper, empty, build, fields, idPrefix }: KeptSearchOptions<C, E>) {
  const { session } = useApp();
  const kept = keeper.current?.session === session ? keeper.current : null;
  const [criteria, setCriteria] = useState<C>(kept?.criteria ?? empty);
  const [query, setQuery] = useState<string | null>(kept?.query ?? null);
  const [page, setPage] = useState(kept?.page ?? 1);
  const [errors, setErrors] = useState<E>({} as E);

  const set =
    <K extends keyof C>(key: K) =>
    (value: C[K]) =>
      setCriteria((c) => ({ ...c, [key]: value }));

  function go(nextQuery: string, nextPage: number) {
    setQuery(nextQuery);
    setPage(nextPage);
    keeper.current = { session, criteria, query: nextQuery, page: nextPage };
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const built = build(criteria);
    if ("errors" in built) {
      setErrors(built.errors);
      const first = fields.find((f) => built.errors[f]);
      document.getElementById(`${idPrefix}${first ?? fields[0]}`)?.focus();
      return;
    }
    setErrors({} as E);
    go(built.query, 1);
  }

  function clear() {
    setCriteria(empty);
    setErrors({} as E);
    setQuery(null);
    keeper.current = null;
    document.getElementById(`${idPrefix}${fields[0]}`)?.focus();
  }

  return { criteria, set, errors, query, page, go, submit, clear };
}
