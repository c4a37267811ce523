// ワーカースレッド (worker threads) on TypeScript modules. The platform runs its .ts sources
// through tsx with no build step (bin/kyodo.js: node --import tsx), but Node 20 does not carry
// the parent's module hooks into a worker thread, not even with the parent's execArgv: a worker
// given a .ts file fails with ERR_UNKNOWN_FILE_EXTENSION. So the worker starts from two lines of
// plain JavaScript (a data: URL, which Node loads as an ES module) that register tsx's hooks in
// the worker itself and then import the module — which works alike under `tsx`,
// `node --import tsx` and vitest. (tsx's CommonJS register() cannot be used: from a worker's
// bootstrap it resolves its own hooks file against the wrong directory.)
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/** tsx's ES module API (the package maps `import "tsx/esm/api"` to index.mjs beside index.cjs). */
const TSX_ESM_API = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")).href;

/**
 * Starts a worker thread that imports `module` (a .ts file URL) with `workerData`; the module
 * reads it from node:worker_threads as usual. Errors while loading surface as the worker's
 * `error` event.
 */
export function startTypeScriptWorker(module: URL, workerData: unknown): Worker {
  const bootstrap = [`import { register } from ${JSON.stringify(TSX_ESM_API)};`, "register();", `await import(${JSON.stringify(module.href)});`].join("\n");
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), { workerData });
}
