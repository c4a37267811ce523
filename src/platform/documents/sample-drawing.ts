// 描画の見本 (sample drawings): the smallest drawings a render thread can run — a heading, a table
// and the certification, and one that fails — used by render-pool.test.ts to compare a thread's
// bytes with the main thread's. No production code draws them.
import { drawCertification, type Certifier } from "./certifier.ts";
import type { TableRow } from "./pdf.ts";
import { defineDrawing } from "./render-pool.ts";

export interface SampleContent {
  heading: string;
  rows: TableRow[];
  certifier: Certifier;
  date: string;
}

export const sampleDrawing = defineDrawing(import.meta.url, "sampleDrawing", (doc, content: SampleContent) => {
  doc.heading(content.heading);
  doc.table(content.rows);
  drawCertification(doc, content.certifier, content.date);
});

/** Draws, then fails, as a drawing with a bug would. */
export const failingDrawing = defineDrawing(import.meta.url, "failingDrawing", (doc, content: { heading: string }) => {
  doc.heading(content.heading);
  throw new Error("the sample drawing failed");
});
