// 標準レイアウト一覧 (layout catalog): every standard data layout declared by the platform's
// areas and the business modules, checked once when the platform composes them. A malformed
// id, a column the CSV cannot carry or a layout declared twice is a programming error of the
// declaring area: it stops start-up instead of surfacing as a file that cannot be re-imported.
import type { AreaDefinition, LayoutDefinition, Platform } from "../contract.ts";
import { cellCodec, type CellCodec } from "./cell-codec.ts";

/** `<area>.<name>`: the first segment is the declaring area's id. */
const ID_PATTERN = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9_-]*$/;
/** CSV header names: ASCII snake_case, so every legacy tool reads them in either encoding. */
const COLUMN_PATTERN = /^[a-z][a-z0-9_]*$/;

export interface CatalogedLayout {
  definition: LayoutDefinition;
  /** The id of the area or module that declares the layout. */
  owner: string;
  codecs: readonly CellCodec[];
}

export interface LayoutCatalog {
  /** Every layout, sorted by id. */
  readonly layouts: readonly CatalogedLayout[];
  get(id: string): CatalogedLayout | undefined;
}

export class UnknownLayoutError extends Error {
  constructor(readonly layoutId: string) {
    super(`no standard layout ${JSON.stringify(layoutId.slice(0, 100))}`);
  }
}

function check(area: AreaDefinition, layout: LayoutDefinition): CellCodec[] {
  const where = `layout ${layout.id} of area ${area.id}`;
  if (!ID_PATTERN.test(layout.id) || !layout.id.startsWith(`${area.id}.`)) {
    throw new Error(`${where}: an id is "<area>.<name>", e.g. "${area.id}.records"`);
  }
  if (!layout.version.trim()) throw new Error(`${where}: names no version`);
  if (!layout.columns.length) throw new Error(`${where}: has no columns`);
  // A row whose cells are all empty would be a blank line, which an import skips; one
  // required column makes such a row invalid anyway, so nothing valid is lost.
  if (!layout.columns.some((c) => c.required)) throw new Error(`${where}: needs at least one required column`);
  const names = new Set<string>();
  for (const column of layout.columns) {
    if (!COLUMN_PATTERN.test(column.name)) throw new Error(`${where}: column "${column.name}" is not ASCII snake_case`);
    if (names.has(column.name)) throw new Error(`${where}: column ${column.name} is declared twice`);
    names.add(column.name);
  }
  return layout.columns.map((column) => {
    try {
      return cellCodec(column);
    } catch (error) {
      throw new Error(`${where}: ${(error as Error).message}`, { cause: error });
    }
  });
}

export function createLayoutCatalog(areas: readonly AreaDefinition[]): LayoutCatalog {
  const byId = new Map<string, CatalogedLayout>();
  for (const area of areas) {
    for (const definition of area.layouts ?? []) {
      const codecs = check(area, definition);
      if (byId.has(definition.id)) throw new Error(`layout ${definition.id} is declared twice (area ${area.id})`);
      byId.set(definition.id, { definition, owner: area.id, codecs });
    }
  }
  const layouts = [...byId.values()].sort((a, b) => (a.definition.id < b.definition.id ? -1 : 1));
  return { layouts, get: (id) => byId.get(id) };
}

/** The catalogued layout, or UnknownLayoutError. */
export function requireLayout(catalog: LayoutCatalog, id: string): CatalogedLayout {
  const found = catalog.get(id);
  if (!found) throw new UnknownLayoutError(id);
  return found;
}

const catalogs = new WeakMap<readonly AreaDefinition[], LayoutCatalog>();

/** The catalog of a composed platform, built (and checked) once per list of areas. */
export function catalogOf(platform: Platform): LayoutCatalog {
  let catalog = catalogs.get(platform.areas);
  if (!catalog) {
    catalog = createLayoutCatalog(platform.areas);
    catalogs.set(platform.areas, catalog);
  }
  return catalog;
}
