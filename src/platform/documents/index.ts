// 帳票 (documents): certificates as PDFs — the kinds modules declare, issuing and previewing them,
// the issue register with its serials, and the A4 toolkit and fonts they are drawn with.
import type { AreaDefinition } from "../contract.ts";
import { certifierShowsPrefecture } from "./certifier.ts";
import { certificateRoutes } from "./routes.ts";

export const documentsArea: AreaDefinition = {
  id: "documents",
  name: "帳票",
  migrations: new URL("./migrations/", import.meta.url),
  settings: [certifierShowsPrefecture],
  routes: certificateRoutes,
};

export {
  defineCertificate,
  issueCertificate,
  previewCertificate,
  type CertificateDefinition,
  type CertificateRenderContext,
  type CertificateRequest,
  type IssuedCertificate,
} from "./certificate.ts";
export { A4Document, mm, prepareDocumentFont, type RenderedDocument, type TableRow } from "./pdf.ts";
export { FONT_NOTES } from "./fonts.ts";
export { drawCertification, type Certifier } from "./certifier.ts";
export { recordIssue } from "./issue-register.ts";
export { REQUESTER_KINDS, REQUESTER_KIND_NAMES_JA, type RequesterKind } from "./requester.ts";
export { defineDrawing, renderDrawing, warmRenderPool, renderThreadCount, RENDER_THREADS_ENV, type Drawing } from "./render-pool.ts";
