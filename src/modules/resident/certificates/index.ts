// 住民記録の証明書 (the resident registry's certificates), issued through the documents area
// (POST /api/certificates/:kind/issue and /preview), all needing the role 証明 (issue) of the
// module `resident`:
//   resident.juminhyo    住民票の写し (or 住民票の除票の写し) — residence-copy.ts
//   resident.kisai-jiko  住民票記載事項証明書 (or 除票記載事項証明書) — entry-certificate.ts
//   resident.tenshutsu   転出証明書 — move-out-certificate.ts
// The subject of each is `addressee:<宛名番号>` (certificate-subject.ts). They print the 個人番号
// on request, so they take the module's vault.
import type { CertificateDefinition } from "../../../platform/documents/index.ts";
import type { MyNumberVault } from "../my-number-vault.ts";
import { entryCertificate } from "./entry-certificate.ts";
import { moveOutCertificate } from "./move-out-certificate.ts";
import { residenceCopy } from "./residence-copy.ts";

export function createResidentCertificates(deps: { vault: MyNumberVault }): CertificateDefinition[] {
  return [residenceCopy(deps.vault), entryCertificate(deps.vault), moveOutCertificate(deps.vault)];
}

export { RESIDENCE_COPY_KIND } from "./residence-copy.ts";
export { ENTRY_CERTIFICATE_KIND } from "./entry-certificate.ts";
export { MOVE_OUT_CERTIFICATE_KIND } from "./move-out-certificate.ts";
