/**
 * The worker thread bench/pack.ts builds its packs on, as the app builds them on its long-work lane (main/ops/engine.ts):
 * a PackDocument in, the PDF's bytes back, transferred rather than copied.
 */
import { parentPort } from 'node:worker_threads';
import { buildPack } from '../main/pack/build';
import type { PackDocument } from '../main/pack/document';

export interface PackRequest {
  doc: PackDocument;
  date: string;
}
export interface PackReply {
  bytes: Uint8Array;
  pages: number;
}

const port = parentPort!;
port.on('message', async ({ doc, date }: PackRequest) => {
  const built = await buildPack(doc, { date });
  // A Buffer may sit in a shared pool: only a buffer that owns its whole memory is handed over without a copy.
  const own = built.bytes.byteOffset === 0 && built.bytes.byteLength === built.bytes.buffer.byteLength;
  const bytes = own ? built.bytes : new Uint8Array(built.bytes);
  port.postMessage({ bytes, pages: built.pages } satisfies PackReply, [bytes.buffer as ArrayBuffer]);
});
