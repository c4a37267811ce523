// Which rows a results page shows (「全N件中 a〜b件」) and how many pages there are: one rule
// for every paged search screen.
export interface PageRange {
  pages: number;
  first: number;
  last: number;
}

export function pageRange(total: number | undefined, page: number, pageSize: number): PageRange {
  if (total === undefined) return { pages: 1, first: 0, last: 0 };
  return {
    pages: Math.max(1, Math.ceil(total / pageSize)),
    first: total ? (page - 1) * pageSize + 1 : 0,
    last: Math.min(total, page * pageSize),
  };
}
