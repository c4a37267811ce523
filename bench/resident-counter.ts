// (e) The resident counter (窓口) under load: 50 clerks at once, five in each of 10 municipalities
// with demo registries, against the real HTTP server started in this process on a free port —
// sessions, CSRF, access checks, RLS, the audit chain, everything a browser goes through. Each
// clerk repeats a counter visit: search a name (カナ), open the person (record, household,
// history), issue a one-page 住民票の写し (PDF). Reported: requests per second of the whole
// mix, p50/p99 latency per request kind, and the ratio of the PDF's p99 to the 300 ms goal.
// Client, server and PostgreSQL share the machine's cores, so the latencies are an upper bound.
import type { AddressInfo } from "node:net";
import { buildApp } from "../src/platform/http/app.ts";
import { composePlatform, createLogger } from "../src/platform/start.ts";
import { createTenant } from "../src/platform/tenancy/tenants.ts";
import { createStaff } from "../src/platform/identity/staff.ts";
import { localGovernmentCheckDigit } from "../src/lib/local-government-code.ts";
import { prepareDocumentFont } from "../src/platform/documents/index.ts";
import { SeededRandom } from "../src/platform/demo/seeded-random.ts";
import type { AreaDefinition } from "../src/platform/contract.ts";
import { createResidentCertificates, RESIDENCE_COPY_KIND } from "../src/modules/resident/certificates/index.ts";
import { residentModule } from "../src/modules/resident/index.ts";
import { RESIDENT_MODULE_ID } from "../src/modules/resident/service.ts";
import { seedResidentDemo } from "../src/modules/resident/demo/index.ts";
import type { BenchDatabase } from "./bench-database.ts";
import { benchAreas } from "./resident-import.ts";
import { scaled, type Benchmark, type Measurement } from "./measure.ts";

const TENANTS = 10;
const CLERKS_PER_TENANT = 5;
const PDF_GOAL_SECONDS = 0.3;
const PASSWORD = "bench-counter-2026";
const PURPOSE = { "x-kyodo-purpose": encodeURIComponent("窓口での住民票確認") };

type Kind = "search" | "view" | "pdf";

interface Resident {
  personId: string;
  addresseeNumber: string;
  kana: string;
}

interface Clerk {
  tenantId: string;
  cookie: string;
  csrfToken: string;
}

/** The certificate kinds, as an area of their own while the resident module does not list them. */
function certificateAreas(): { areas: AreaDefinition[]; listed: boolean } {
  const listed = residentModule.certificates?.some((c) => c.id === RESIDENCE_COPY_KIND) ?? false;
  if (listed) return { areas: [], listed };
  return { areas: [{ id: "resident-certificates", name: "住民記録の証明書", certificates: createResidentCertificates({ vault: residentModule.vault }) }], listed };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

const ms = (seconds: number) => `${(seconds * 1000).toFixed(0)} ms`;

export const residentCounter: Benchmark<BenchDatabase> = {
  title: "(e) resident counter under load: 50 clerks over 10 municipalities, search + person view + 住民票 PDF over HTTP",
  async run(bench, scale) {
    const { db } = bench;
    const persons = scaled(1_000, scale, 200);
    const seconds = scaled(15, scale, 5);
    const certificates = certificateAreas();
    const platform = composePlatform(db, [...benchAreas(), ...certificates.areas], createLogger("silent"));

    // Ten municipalities of 大阪府 (27-1xx, check digits computed), each with a demo registry and five clerks.
    const tenants = Array.from({ length: TENANTS }, (_, i) => {
      const five = `27${100 + i * 7}`;
      return `${five}${localGovernmentCheckDigit(five)}`;
    });
    const residents = new Map<string, Resident[]>();
    for (const [i, id] of tenants.entries()) {
      await createTenant(db, "system:bench", { id, name: `負荷試験市${i + 1}`, nameKana: "フカシケンシ" });
      await seedResidentDemo(platform, id, { persons, seed: 100 + i });
      await db.withTenant(id, async (tx) => {
        for (let c = 0; c < CLERKS_PER_TENANT; c++) {
          await createStaff(tx, { loginId: `clerk${c}`, displayName: `窓口 ${c}`, password: PASSWORD, roles: { [RESIDENT_MODULE_ID]: ["read", "issue"] } });
        }
        const rows = await tx.query<{ person_id: string; addressee_number: string; kana: string }>(
          `SELECT person_id::text, lpad(addressee_number::text, 15, '0') AS addressee_number, record->>'familyNameKana' AS kana
           FROM resident_current WHERE status = 'resident' ORDER BY addressee_number`,
        );
        residents.set(id, rows.rows.map((r) => ({ personId: r.person_id, addresseeNumber: r.addressee_number, kana: r.kana })));
      });
    }
    await prepareDocumentFont();

    const app = await buildApp(platform, { sessionPolicy: { idleMinutes: 60, maxMinutes: 600 }, logLevel: "silent", version: "bench" });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    const failures: string[] = [];
    try {
      const clerks: Clerk[] = [];
      for (const tenantId of tenants) {
        for (let c = 0; c < CLERKS_PER_TENANT; c++) {
          const response = await fetch(`${base}/api/session`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ tenantId, loginId: `clerk${c}`, password: PASSWORD }),
          });
          if (response.status !== 200) throw new Error(`log-in failed with ${response.status}`);
          const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0]!;
          clerks.push({ tenantId, cookie, csrfToken: ((await response.json()) as { csrfToken: string }).csrfToken });
        }
      }

      type Latencies = Record<Kind, number[]>;
      const timed = async (clerk: Clerk, kind: Kind, sink: Latencies | null, url: string, init: RequestInit = {}): Promise<Response> => {
        const started = performance.now();
        const response = await fetch(`${base}${url}`, {
          ...init,
          headers: { cookie: clerk.cookie, "x-csrf-token": clerk.csrfToken, ...PURPOSE, ...(init.headers ?? {}) },
        });
        const body = await response.arrayBuffer();
        const elapsed = (performance.now() - started) / 1000;
        if (!response.ok) failures.push(`${kind} ${response.status}`);
        else sink?.[kind].push(elapsed);
        if (kind === "pdf" && response.ok && !Buffer.from(body).subarray(0, 5).equals(Buffer.from("%PDF-"))) failures.push("pdf not a PDF");
        return response;
      };

      /** One counter visit: search the name, open the person, issue the 住民票の写し. */
      const visit = async (clerk: Clerk, random: SeededRandom, sink: Latencies | null) => {
        const person = random.pick(residents.get(clerk.tenantId)!);
        await timed(clerk, "search", sink, `/api/resident/persons?q=${encodeURIComponent(person.kana)}&pageSize=20`);
        await timed(clerk, "view", sink, `/api/resident/persons/${person.personId}`);
        await timed(clerk, "pdf", sink, `/api/certificates/${RESIDENCE_COPY_KIND}/issue`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            subjectId: `addressee:${person.addresseeNumber}`,
            options: { scope: "person" },
            purpose: "児童手当の申請",
            requesterKind: "self",
          }),
        });
      };

      // One visit per clerk to warm caches and the font, not measured.
      await Promise.all(clerks.map((clerk, i) => visit(clerk, new SeededRandom(i, "warm-up"), null)));
      const latencies: Latencies = { search: [], view: [], pdf: [] };
      const started = performance.now();
      const deadline = started + seconds * 1000;
      await Promise.all(
        clerks.map(async (clerk, i) => {
          const random = new SeededRandom(i, "counter");
          while (performance.now() < deadline) await visit(clerk, random, latencies);
        }),
      );
      const elapsed = (performance.now() - started) / 1000;
      // The same visits by one clerk alone: the service time, without the queue 50 clerks form.
      const alone: Latencies = { search: [], view: [], pdf: [] };
      const random = new SeededRandom(0, "alone");
      for (let i = 0; i < 30; i++) await visit(clerks[0]!, random, alone);
      if (failures.length) throw new Error(`${failures.length} requests failed, e.g. ${failures.slice(0, 5).join(", ")}`);

      const sort = (l: Latencies) => Object.fromEntries(Object.entries(l).map(([k, v]) => [k, [...v].sort((a, b) => a - b)])) as Latencies;
      const sorted = sort(latencies);
      const single = sort(alone);
      const requests = sorted.search.length + sorted.view.length + sorted.pdf.length;
      const pdfP99 = percentile(sorted.pdf, 0.99);
      const mix: Measurement = { label: "counter mix: search + view + PDF requests", rounds: [{ operations: requests, seconds: elapsed }] };
      const goal: Measurement = { label: "a PDF within the 300 ms goal", rounds: [{ operations: 1, seconds: PDF_GOAL_SECONDS }] };
      const p99: Measurement = { label: "a PDF at the p99 latency", rounds: [{ operations: 1, seconds: pdfP99 }] };
      return {
        title: `${this.title} — ${TENANTS} × ${persons.toLocaleString("en-US")} persons, ${clerks.length} clerks, ${seconds} s`,
        measurements: [mix, goal, p99],
        ratios: [
          {
            label: "PDF p99 ÷ 300 ms goal",
            numerator: goal,
            denominator: p99,
            reading: "below 1: a one-page 住民票の写し is issued within the goal at the 99th percentile under this load",
          },
        ],
        notes: [
          ...(["search", "view", "pdf"] as const).map(
            (k) => `${k.padEnd(6)} ${sorted[k].length.toLocaleString("en-US")} requests, p50 ${ms(percentile(sorted[k], 0.5))}, p99 ${ms(percentile(sorted[k], 0.99))}`,
          ),
          `${(requests / elapsed).toFixed(0)} requests/s over the whole mix; no request failed`,
          `one clerk alone (${single.pdf.length} visits): ` +
            (["search", "view", "pdf"] as const).map((k) => `${k} p50 ${ms(percentile(single[k], 0.5))}, p99 ${ms(percentile(single[k], 0.99))}`).join("; "),
          "50 clerks without pause keep 50 requests in flight: each waits its turn, so a latency is about 50 ÷ (requests/s)",
          certificates.listed
            ? "住民票の写し: resident.juminhyo as the resident module lists it"
            : "住民票の写し: resident.juminhyo added as an area of its own (the resident module does not list its certificates yet)",
        ],
      };
    } finally {
      await app.close();
    }
  },
};
