// 帳票 (documents): certificates as PDFs — the kinds modules declare, issuing and previewing them,
// the issue register with its serials, and the A4 toolkit and fonts they are drawn with.
import type { AreaDefinition } from "../contract.ts";
import { certifierShowsPrefecture, certifierTitleSetting } from "./certifier.ts";
import { seedDocumentsDemo } from "./demo.ts";
import { certificateRoutes } from "./routes.ts";
import { sealRoutes } from "./seal-routes.ts";
import { verificationBaseUrl } from "./verification.ts";
import { verificationRoutes } from "./verification-routes.ts";

export const documentsArea: AreaDefinition = {
  id: "documents",
  name: "帳票",
  migrations: new URL("./migrations/", import.meta.url),
  settings: [certifierShowsPrefecture, certifierTitleSetting, verificationBaseUrl],
  routes: (app, platform) => {
    certificateRoutes(app, platform);
    sealRoutes(app, platform);
    verificationRoutes(app, platform);
  },
  demo: seedDocumentsDemo,
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
