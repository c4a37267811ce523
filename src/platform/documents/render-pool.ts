// 帳票の描画スレッド (render threads): certificates drawn off the event loop. Drawing a one-page
// 住民票の写し costs ≈ 12 ms of CPU (pdfkit's text layout, fontkit's glyph subsetting of the CJK
// font, deflate), and on the main thread every request of every clerk waits behind it; in worker
// threads the drawing runs beside the event loop and on the other cores.
//
// A certificate gathers its facts in its transaction as before, then hands the drawing to the
// pool: a Drawing names a function exported by a module (by URL and export name, so a thread can
// import it) that draws plain, cloneable content on an A4Document. The thread opens the same font
// (prepareDocumentFont with the same choice) and the same document options, so the bytes are the
// ones the main thread would have produced — render-pool.test.ts checks that byte for byte.
//
// KYODO_RENDER_THREADS sets the number of threads (default: the cores but one, at least one, at
// most four); 0 draws on the main thread, as before.
import os from "node:os";
import type { Worker } from "node:worker_threads";
import { chooseDocumentFont, type FontChoice } from "./fonts.ts";
import type { A4Document, RenderedDocument } from "./pdf.ts";
import { startTypeScriptWorker } from "./typescript-worker.ts";
import type { RenderReply, RenderTask } from "./render-worker.ts";

export const RENDER_THREADS_ENV = "KYODO_RENDER_THREADS";

/** A drawing a render thread can run: `draw` is what the module exports under `name`. */
export interface Drawing<T> {
  /** The URL of the module that exports this drawing (its import.meta.url). */
  module: string;
  /** The name it is exported under. */
  name: string;
  draw(doc: A4Document, content: T): void;
}

/**
 * Declares a drawing; export the result under `name` from the module at `module`, e.g.
 * `export const formDrawing = defineDrawing(import.meta.url, "formDrawing", (doc, content: Form) => …)`.
 * The content must survive structured cloning (plain objects, strings, numbers, dates).
 */
export function defineDrawing<T>(module: string, name: string, draw: (doc: A4Document, content: T) => void): Drawing<T> {
  return { module, name, draw };
}

/** The number of render threads: KYODO_RENDER_THREADS, else the cores but one (1 to 4). */
export function renderThreadCount(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[RENDER_THREADS_ENV];
  if (raw !== undefined && raw.trim() !== "") {
    const count = Number(raw);
    if (!Number.isInteger(count) || count < 0 || count > 64) throw new Error(`${RENDER_THREADS_ENV} must be an integer from 0 to 64`);
    return count;
  }
  return Math.max(1, Math.min(4, os.availableParallelism() - 1));
}

interface Pending {
  task: RenderTask;
  resolve(document: RenderedDocument): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  busy: Pending | null;
}

/** Worker threads drawing one document at a time each; tasks queue in order of arrival. */
class RenderPool {
  private readonly threads: Thread[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;

  constructor(private readonly size: number) {}

  /** Starts the threads and has each load the font, so the first certificate does not wait. */
  warm(font: FontChoice): Promise<void> {
    while (this.threads.length < this.size) this.start();
    // A warm-up is an ordinary task with nothing drawn; all threads are idle, so each takes one.
    const warmUp = () => this.render({ options: { title: "warm-up", createdAt: new Date(0), font }, drawing: null, content: null });
    return Promise.all(this.threads.map(warmUp)).then(() => undefined);
  }

  render(task: Omit<RenderTask, "id">): Promise<RenderedDocument> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task: { ...task, id: this.nextId++ }, resolve, reject });
      this.dispatch();
    });
  }

  private start(): Thread {
    const worker = startTypeScriptWorker(new URL("./render-worker.ts", import.meta.url), { entry: "kyodo-render-worker" });
    const thread: Thread = { worker, busy: null };
    // An idle thread must not keep the process alive; a busy one must, until it answers.
    worker.unref();
    worker.on("message", (reply: RenderReply) => this.settle(thread, reply));
    worker.on("error", (error) => this.fail(thread, error));
    worker.on("exit", (code) => this.fail(thread, new Error(`render thread exited with code ${code}`)));
    this.threads.push(thread);
    return thread;
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let thread = this.threads.find((t) => t.busy === null);
      if (!thread && this.threads.length < this.size) thread = this.start();
      if (!thread) return;
      const pending = this.queue.shift()!;
      thread.busy = pending;
      thread.worker.ref();
      thread.worker.postMessage(pending.task);
    }
  }

  private settle(thread: Thread, reply: RenderReply): void {
    const pending = thread.busy;
    thread.busy = null;
    thread.worker.unref();
    if (pending && pending.task.id === reply.id) {
      if (reply.ok) {
        pending.resolve({
          pdf: Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength),
          pageCount: reply.pageCount,
          font: reply.font,
          missingGlyphs: reply.missingGlyphs,
          fallbackVariants: reply.fallbackVariants,
        });
      } else {
        pending.reject(new Error(`the render thread failed: ${reply.message}`));
      }
    }
    this.dispatch();
  }

  /** A thread that died: its task fails, it is dropped, and the next task starts a new one. */
  private fail(thread: Thread, error: Error): void {
    const index = this.threads.indexOf(thread);
    if (index < 0) return;
    this.threads.splice(index, 1);
    const pending = thread.busy;
    thread.busy = null;
    pending?.reject(new Error(`the render thread failed: ${error.message}`));
    void thread.worker.terminate();
    this.dispatch();
  }
}

let pool: RenderPool | null = null;

function renderPool(): RenderPool | null {
  const size = renderThreadCount();
  if (size === 0) return null;
  pool ??= new RenderPool(size);
  return pool;
}

/**
 * Draws `content` with `drawing` on a document opened with `doc`'s options and finishes it: in
 * a render thread, or on this thread when there are none (KYODO_RENDER_THREADS=0). `doc` must
 * not have been drawn on: only its options travel.
 */
export function renderDrawing<T>(doc: A4Document, drawing: Drawing<T>, content: T): Promise<RenderedDocument> {
  const threads = renderPool();
  if (!threads) {
    drawing.draw(doc, content);
    return doc.finish();
  }
  const { font, ...options } = doc.options;
  return threads.render({ options: { ...options, font: { id: font.id, file: font.file } }, drawing: { module: drawing.module, name: drawing.name }, content });
}

/** Starts the render threads with the document font loaded (e.g. when the server starts). */
export async function warmRenderPool(font: FontChoice = chooseDocumentFont()): Promise<void> {
  await renderPool()?.warm(font);
}
