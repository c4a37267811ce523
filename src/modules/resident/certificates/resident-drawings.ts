// 証明書の描画 (the resident certificates' drawings): what each certificate prints, as functions
// of plain content that a render thread can run (platform/documents/render-pool.ts). The render
// functions gather the facts in their transaction and hand this content over; the drawing is
// the form (resident-form.ts) or the item table, then the certification block.
import { drawCertification, type Certifier, type TableRow } from "../../../platform/documents/index.ts";
import { defineDrawing } from "../../../platform/documents/render-pool.ts";
import { drawResidentForm, type ResidentFormContent } from "./resident-form.ts";

/** The closing block: statement, date of certification, certifier and seal. */
export interface Certification {
  certifier: Certifier;
  /** The issue date (YYYY-MM-DD), printed in 和暦. */
  date: string;
  statement: string;
}

/** 住民票の写し and 転出証明書: the resident form, then the certification. */
export const residentFormDrawing = defineDrawing(
  import.meta.url,
  "residentFormDrawing",
  (doc, content: { form: ResidentFormContent; certification: Certification }) => {
    drawResidentForm(doc, content.form);
    const { certifier, date, statement } = content.certification;
    drawCertification(doc, certifier, date, statement);
  },
);

/** 住民票記載事項証明書: the heading, the certified items as a table, then the certification. */
export const itemTableDrawing = defineDrawing(
  import.meta.url,
  "itemTableDrawing",
  (doc, content: { heading: string; rows: TableRow[]; labelWidthMm: number; certification: Certification }) => {
    doc.heading(content.heading);
    doc.table(content.rows, { labelWidthMm: content.labelWidthMm });
    const { certifier, date, statement } = content.certification;
    drawCertification(doc, certifier, date, statement);
  },
);
