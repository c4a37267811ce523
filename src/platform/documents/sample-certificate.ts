// 証明書（見本の種類） (sample certificate kinds): the smallest complete use of the certificate
// contract — what a module's `certificates` list holds — used by this area's tests. Its facts
// come from a map the caller fills, where a module would read its own tables through ctx.tx.
// No production area lists it.
import { Type } from "@sinclair/typebox";
import type { AreaDefinition } from "../contract.ts";
import { formatWareki } from "../../lib/wareki.ts";
import { defineCertificate, type CertificateDefinition } from "./certificate.ts";

export const SAMPLE_MODULE = "sample";

export interface SampleSubject {
  name: string;
  address: string;
  birthDate: string;
}

const SampleOptions = Type.Object(
  { showBirthDate: Type.Boolean({ default: true, description: "生年月日を記載する" }) },
  { additionalProperties: false },
);

export function sampleCertificateKinds(subjects: ReadonlyMap<string, SampleSubject>): CertificateDefinition[] {
  const record = defineCertificate({
    id: "sample.record",
    name: "記録事項証明書",
    module: SAMPLE_MODULE,
    requiredRole: "issue",
    optionsSchema: SampleOptions,
    async render(ctx) {
      const subject = subjects.get(ctx.subjectId);
      if (!subject) throw new Error("unknown sample subject");
      // Sample subjects are not in the addressee register: nobody to pass the 支援措置 gate.
      await ctx.disclose([]);
      const doc = ctx.openDocument();
      doc.heading("記録事項証明書");
      doc.table([
        { label: "氏名", value: subject.name },
        { label: "住所", value: subject.address },
        ...(ctx.options.showBirthDate ? [{ label: "生年月日", value: formatWareki(subject.birthDate) }] : []),
        { label: "記載事項の基準日", value: formatWareki(ctx.asOf) },
      ]);
      ctx.certify(doc);
      return doc.finish();
    },
  });
  // Draws, then fails: what a module's render does when its data turns out inconsistent.
  const failing = defineCertificate({
    id: "sample.failing",
    name: "失敗する証明書",
    module: SAMPLE_MODULE,
    requiredRole: "issue",
    optionsSchema: Type.Object({}),
    async render(ctx) {
      ctx.openDocument().heading("失敗する証明書");
      throw new Error("the sample render failed");
    },
  });
  return [record, failing];
}

export function sampleCertificateArea(subjects: ReadonlyMap<string, SampleSubject>): AreaDefinition {
  return { id: SAMPLE_MODULE, name: "見本業務", certificates: sampleCertificateKinds(subjects) } as AreaDefinition;
}
