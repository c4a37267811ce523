// 描画スレッド (a render thread) of render-pool.ts: receives a task — the document's options with
// the font by choice, the drawing by module URL and export name, the content — opens the font
// once (prepareDocumentFont, as the main thread does), draws, finishes and sends the PDF back
// (its bytes transferred, not copied). A task without a drawing only loads the font (warm-up).
// One task at a time: drawing is synchronous, and the pool sends the next when this one answers.
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import type { FontChoice, FontId } from "./fonts.ts";
import { A4Document, prepareDocumentFont, type A4DocumentOptions } from "./pdf.ts";
import type { Drawing } from "./render-pool.ts";

export interface RenderTask {
  id: number;
  options: Omit<A4DocumentOptions, "font"> & { font: FontChoice };
  drawing: { module: string; name: string } | null;
  content: unknown;
}

export type RenderReply =
  | {
      id: number;
      ok: true;
      pdf: Uint8Array;
      pageCount: number;
      font: { id: FontId; name: string };
      missingGlyphs: number;
      fallbackVariants: number;
    }
  | { id: number; ok: false; message: string };

const isDrawing = (value: unknown): value is Drawing<unknown> =>
  typeof value === "object" && value !== null && typeof (value as Drawing<unknown>).draw === "function";

async function drawingOf(ref: { module: string; name: string }): Promise<Drawing<unknown>> {
  const exported = ((await import(ref.module)) as Record<string, unknown>)[ref.name];
  if (!isDrawing(exported)) throw new Error(`${ref.name} is not a drawing exported by its module`);
  return exported;
}

async function render(task: RenderTask): Promise<RenderReply> {
  const font = await prepareDocumentFont(task.options.font);
  if (!task.drawing) {
    return { id: task.id, ok: true, pdf: new Uint8Array(), pageCount: 0, font: { id: font.id, name: font.name }, missingGlyphs: 0, fallbackVariants: 0 };
  }
  const drawing = await drawingOf(task.drawing);
  const doc = new A4Document({ ...task.options, font });
  drawing.draw(doc, task.content);
  const rendered = await doc.finish();
  // A buffer of its own, so that transferring it hands over nothing else.
  const pdf = new Uint8Array(rendered.pdf);
  return { id: task.id, ok: true, ...rendered, pdf };
}

if (!isMainThread && (workerData as { entry?: string } | null)?.entry === "kyodo-render-worker") {
  const port = parentPort!;
  port.on("message", (task: RenderTask) => {
    render(task).then(
      (reply) => port.postMessage(reply, reply.ok ? [reply.pdf.buffer as ArrayBuffer] : []),
      // The message only, not the stack: what failed, for the main thread to report.
      (error: unknown) => port.postMessage({ id: task.id, ok: false, message: error instanceof Error ? error.message : "unknown error" }),
    );
  });
}
