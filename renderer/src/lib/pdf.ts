/// <reference types="vite/client" />
/**
 * pdf.js for the pack preview: loaded on first use (its own chunk, so the app starts without it) and set up for the
 * strict CSP (contract/security.ts): no eval (isEvalSupported: false), no WebAssembly decoders, no fonts, CMaps or
 * standard fonts fetched from anywhere (the pack embeds its fonts), the worker served from 'self'.
 *
 * The legacy build on purpose: the modern one calls Map#getOrInsertComputed (TC39 upsert) unguarded, which the
 * Chromium inside Electron may not have yet; the legacy build polyfills it (core-js, no eval in a browser).
 */
import type { PDFDocumentProxy, PDFPageProxy, PDFWorker, RenderTask } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

export type { PDFDocumentProxy, PDFPageProxy };
type PdfJs = typeof import('pdfjs-dist');

let lib: Promise<PdfJs> | null = null;
function pdfjs(): Promise<PdfJs> {
  lib ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((m: PdfJs) => {
    m.GlobalWorkerOptions.workerSrc = workerUrl;
    return m;
  });
  return lib;
}

/** One worker for the app's lifetime: a document's destroy() leaves a worker it was given running. */
let worker: Promise<PDFWorker> | null = null;
const sharedWorker = () => (worker ??= pdfjs().then((m) => new m.PDFWorker()));

/** Starts loading pdf.js and its worker (~1.3 MB) while the pack is still being built, so the preview opens sooner. */
export function preloadPdf(): void {
  sharedWorker().catch(() => (worker = null));
}

/** Opens a PDF held in memory. The bytes are copied: pdf.js transfers (detaches) the buffer it is given. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const { getDocument } = await pdfjs();
  return getDocument({
    worker: await sharedWorker(),
    data: bytes.slice(),
    isEvalSupported: false,
    useWasm: false,
    useSystemFonts: false,
    disableFontFace: false,
    enableXfa: false,
    verbosity: 0,
  }).promise;
}

/** CSS pixels per PDF point at 100 %: PDF counts 72 units per inch, CSS 96. */
export const CSS_PER_PT = 96 / 72;
/** Largest canvas backing store we draw (pixels), so a page at 400 % on a 3× screen cannot exhaust memory. */
const MAX_PIXELS = 2 ** 24;

/** Size of a page in PDF points (rotation applied). */
export function pageSize(page: PDFPageProxy): { width: number; height: number } {
  const v = page.getViewport({ scale: 1 });
  return { width: v.width, height: v.height };
}

export interface DrawnPage {
  /** The canvas, its backing store at `scale` × the screen's pixel ratio; size it with CSS (its box is the page's). */
  canvas: HTMLCanvasElement;
  task: RenderTask;
  done: Promise<HTMLCanvasElement>;
}

/**
 * Draws `page` at `scale` (CSS px per point) into a new canvas, sharp on HiDPI screens. A new canvas each time,
 * so a zoom swaps the finished picture in instead of blanking the old one; cancel `task` when it is no longer wanted.
 */
export function drawPage(page: PDFPageProxy, scale: number): DrawnPage {
  const viewport = page.getViewport({ scale });
  const wanted = window.devicePixelRatio || 1;
  const ratio = Math.min(wanted, Math.sqrt(MAX_PIXELS / (viewport.width * viewport.height)));
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  const task = page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
  return { canvas, task, done: task.promise.then(() => canvas) };
}

/** A render cancelled on purpose (zoom changed, page scrolled away, view closed) is not an error. */
export const isCancelled = (err: unknown) => (err as { name?: string })?.name === 'RenderingCancelledException';
