// The reference pages are generated from the declarations; this keeps the committed copies honest.
import { describe, expect, it } from "vitest";
import fs from "node:fs/promises";
import { allAreas } from "../platform/start.ts";
import { loadConfig } from "../platform/config.ts";
import { modules } from "../main.ts";
import { settingsReference } from "../platform/settings/reference.ts";
import { layoutReference } from "../platform/layouts/reference.ts";

describe("generated documentation", () => {
  const areas = allAreas(loadConfig(), modules);
  it.each([
    ["docs/settings.md", () => settingsReference(areas)],
    ["docs/layouts.md", () => layoutReference(areas)],
  ])("%s matches the declarations (run `npm run kyodo docs` after changing them)", async (file, generate) => {
    expect(await fs.readFile(file, "utf8")).toBe(generate());
  });
});
