#!/usr/bin/env node
// The `kyodo` command: runs src/cli/main.ts with the tsx loader in this same process tree
// (node --import tsx), so signals reach kyodo itself and no build step is needed.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const loader = import.meta.resolve("tsx");
const result = spawnSync(process.execPath, ["--import", loader, path.join(root, "src", "cli", "main.ts"), ...process.argv.slice(2)], {
  stdio: "inherit",
});
process.exit(result.status ?? 1);
