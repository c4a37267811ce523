#!/usr/bin/env node
// The `kyodo` command: runs src/cli/main.ts with the tsx loader (node --import tsx) in a child,
// so no build step is needed. SIGINT and SIGTERM are passed on to it, so kyodo can leave the
// embedded PostgreSQL in order, and its exit code (or signal) becomes this one's.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import os from "node:os";
import path from "node:path";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const loader = import.meta.resolve("tsx");
const child = spawn(process.execPath, ["--import", loader, path.join(root, "src", "cli", "main.ts"), ...process.argv.slice(2)], {
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0)));
