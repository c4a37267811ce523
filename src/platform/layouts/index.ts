// 標準レイアウト (standard data layouts, architecture §6): the framework through which every
// area's data leaves and re-enters the platform as CSV with a JSON Schema — catalogue,
// export, import, the HTTP API and the functions behind `kyodo export` / `kyodo import`.
// Layouts themselves are declared by the areas and modules that own the data.
import type { AreaDefinition } from "../contract.ts";
import { layoutRoutes } from "./routes.ts";

export const layoutsArea: AreaDefinition = {
  id: "layouts",
  name: "標準レイアウト",
  routes: layoutRoutes,
};

export { catalogOf, createLayoutCatalog, UnknownLayoutError, type CatalogedLayout, type LayoutCatalog } from "./catalog.ts";
export { exportFileName, exportLayout, exportLayoutTo, findUnencodableCell, LayoutEncodingError } from "./export.ts";
export type { ExportOptions, ExportSummary } from "./export.ts";
export { importLayout, type ImportOptions, type ImportResult } from "./import.ts";
export { formatImportError, type ImportError } from "./import-error.ts";
export { LAYOUT_ENCODINGS, type LayoutEncoding } from "./file-encoding.ts";
export { layoutJsonSchema } from "./json-schema.ts";
export { layoutReference } from "./reference.ts";
export { cursorRows } from "./cursor-rows.ts";
export { runExportCommand, runImportCommand } from "./cli.ts";
