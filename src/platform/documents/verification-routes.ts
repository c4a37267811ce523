// The public verification of certificates (ADR 0019): GET /api/public/certificates/{code} answers
// in JSON, GET /verify/{code} is the page a QR code opens — both without log-in, both answering
// only what verification.ts allows (serial, date, municipality, voided, hash matches). The page
// hashes a dropped PDF in the browser (Web Crypto) and sends only the SHA-256, so the document
// never leaves the holder's machine. Answers are cacheable for a minute (a void shows within it)
// and cost one indexed read, which keeps them cheap behind any rate limiter.
import crypto from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { Platform } from "../contract.ts";
import { Problem } from "../http/problem.ts";
import { normaliseVerificationCode, verifyCertificate, VERIFICATION_CODE_PATTERN, type VerificationAnswer } from "./verification.ts";

const TAGS = ["certificates (public)"];
const Sha256 = Type.String({ pattern: "^[0-9a-fA-F]{64}$", minLength: 64, maxLength: 64, description: "SHA-256 of the PDF, hex" });

const AnswerSchema = Type.Object({
  code: Type.String(),
  serial: Type.String({ description: "証明書番号" }),
  municipality: Type.Object({ code: Type.String(), name: Type.String() }),
  issuedOn: Type.String({ description: "issue date in Japan (YYYY-MM-DD)" }),
  issuedOnWareki: Type.String(),
  voided: Type.Boolean(),
  hashMatches: Type.Union([Type.Boolean(), Type.Null()], { description: "whether the given sha256 is the issued PDF's; null without one" }),
});

const notFound = () =>
  new Problem(404, "certificate-not-found", "No certificate was issued with this verification code", "この検証コードで発行された証明書はありません");

const escape = (s: string) => s.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);

// Hashes a dropped or chosen PDF in the browser and asks the JSON API whether it matches.
const SCRIPT = `
const form = document.getElementById("check");
const out = document.getElementById("result");
async function ask(hash) {
  const r = await fetch("/api/public/certificates/" + encodeURIComponent(form.dataset.code) + "?sha256=" + hash);
  const a = await r.json();
  out.textContent = a.hashMatches ? "一致します：この PDF は発行されたとおりのものです。" : "一致しません：この PDF は発行されたものと異なります。";
  out.className = a.hashMatches ? "ok" : "ng";
}
async function hashFile(file) {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}
const drop = document.getElementById("drop");
drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", async (e) => { e.preventDefault(); drop.classList.remove("over"); const f = e.dataTransfer.files[0]; if (f) await ask(await hashFile(f)); });
document.getElementById("file").addEventListener("change", async (e) => { const f = e.target.files[0]; if (f) await ask(await hashFile(f)); });
form.addEventListener("submit", async (e) => { e.preventDefault(); const h = document.getElementById("hash").value.trim().toLowerCase(); if (/^[0-9a-f]{64}$/.test(h)) await ask(h); else { out.textContent = "SHA-256 は16進64桁です。"; out.className = "ng"; } });
`;
const SCRIPT_HASH = crypto.createHash("sha256").update(SCRIPT).digest("base64");
const CSP = `default-src 'none'; script-src 'sha256-${SCRIPT_HASH}'; style-src 'unsafe-inline'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

const STYLE = `body{font-family:serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.4rem}dl{display:grid;grid-template-columns:9rem 1fr;gap:.4rem}dt{color:#555}
.ok{color:#05612b;font-weight:bold}.ng{color:#a00;font-weight:bold}
#drop{border:2px dashed #889;padding:1.5rem;text-align:center;margin:1rem 0}#drop.over{background:#eef}
input[type=text]{width:100%;font-family:monospace}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escape(title)}</title><style>${STYLE}</style></head><body><h1>${escape(title)}</h1>${body}</body></html>`;
}

function lookupForm(value = ""): string {
  return `<form method="get" action="/verify"><p><label>検証コード（証明書の上部に印字）<br>
<input type="text" name="code" value="${escape(value)}" maxlength="40" placeholder="143014-XXXX-XXXX-XXXX"></label></p><p><button>確認</button></p></form>`;
}

function answerPage(a: VerificationAnswer): string {
  const status = a.voided
    ? `<p class="ng" id="status">この証明書は発行後に取り消されています。</p>`
    : `<p class="ok" id="status">この証明書は発行されており、取り消されていません。</p>`;
  return page(
    "証明書の検証",
    `${status}<dl><dt>検証コード</dt><dd>${escape(a.code)}</dd><dt>証明書番号</dt><dd id="serial">${escape(a.serial)}</dd>
<dt>発行日</dt><dd id="issued">${escape(a.issuedOnWareki)}（${escape(a.issuedOn)}）</dd><dt>発行者</dt><dd id="issuer">${escape(a.municipality.name)}</dd></dl>
<p>お手元の PDF が発行されたものと同一か確かめるには、PDF をここに落とすか選んでください（PDF はこの端末の中でハッシュ値を計算し、送信しません）。</p>
<div id="drop">PDF をここにドロップ<br><input type="file" id="file" accept="application/pdf"></div>
<form id="check" data-code="${escape(a.code)}"><label>または SHA-256 を貼り付け<br><input type="text" id="hash" maxlength="64"></label> <button>照合</button></form>
<p id="result" role="status"></p>
<p><small>このページは証明書番号・発行日・発行団体・取消の有無・文書の同一性のみを答えます。記載された個人の情報は表示しません。</small></p>
<script>${SCRIPT}</script>`,
  );
}

export function verificationRoutes(fastify: FastifyInstance, platform: Platform): void {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    "/api/public/certificates/:id",
    {
      config: { access: { public: true } },
      schema: {
        tags: TAGS,
        summary: "Verify a certificate by its code: issued (serial, date, municipality), voided, and whether a SHA-256 matches — no personal data",
        params: Type.Object({ id: Type.String({ pattern: VERIFICATION_CODE_PATTERN, maxLength: 21, description: "the verification code (検証コード)" }) }),
        querystring: Type.Object({ sha256: Type.Optional(Sha256) }, { additionalProperties: false }),
        response: { 200: AnswerSchema },
      },
    },
    async (req, reply) => {
      const answer = await verifyCertificate(platform, req.params.id, req.query.sha256 ?? null);
      if (!answer) throw notFound();
      reply.header("cache-control", "public, max-age=60");
      return answer;
    },
  );

  app.get(
    "/verify",
    {
      config: { access: { public: true } },
      schema: { hide: true, querystring: Type.Object({ code: Type.Optional(Type.String({ maxLength: 40 })) }) },
    },
    async (req, reply) => {
      reply.header("content-security-policy", CSP).type("text/html; charset=utf-8");
      const typed = req.query.code;
      if (typed !== undefined) {
        const code = normaliseVerificationCode(typed);
        if (code) return reply.redirect(`/verify/${code}`, 303);
        return reply.status(400).send(page("証明書の検証", `<p class="ng">検証コードの形が正しくありません。</p>${lookupForm()}`));
      }
      return page("証明書の検証", `<p>証明書に印字された検証コードを入力してください。</p>${lookupForm()}`);
    },
  );

  app.get(
    "/verify/:code",
    {
      config: { access: { public: true } },
      schema: { hide: true, params: Type.Object({ code: Type.String({ maxLength: 40 }) }) },
    },
    async (req, reply) => {
      reply.header("content-security-policy", CSP).type("text/html; charset=utf-8");
      const code = normaliseVerificationCode(req.params.code);
      const answer = code ? await verifyCertificate(platform, code, null) : undefined;
      if (!answer) {
        return reply.status(404).send(page("証明書の検証", `<p class="ng" id="status">この検証コードで発行された証明書はありません。</p>${lookupForm(req.params.code)}`));
      }
      reply.header("cache-control", "public, max-age=60");
      return answerPage(answer);
    },
  );
}
