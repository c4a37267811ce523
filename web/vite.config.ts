// Build of the staff web UI (職員画面): `vite build --config web/vite.config.ts` writes web/dist/,
// which the platform's HTTP server serves (with index.html for every non-/api path).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const webRoot = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: webRoot,
  base: "/",
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true },
  // `npm run dev:web` beside `npm start`: the API stays on the platform's port, so cookies and
  // the CSRF header behave as in production (same origin through the proxy).
  server: {
    proxy: {
      "/api": `http://127.0.0.1:${process.env.PORT ?? "8080"}`,
      "/healthz": `http://127.0.0.1:${process.env.PORT ?? "8080"}`,
    },
  },
});
