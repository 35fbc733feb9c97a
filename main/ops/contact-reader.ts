/**
 * The reader thread of a large contact import (see contact-read.ts): reads the vCard file card by card, matches and
 * checks each record, and posts them to the writer in file order, a batch at a time, never more than a few batches
 * ahead of what the writer has taken, from where the writer tells it to start (the writer reads the file's start
 * itself while this thread loads). Started by contact-read.ts (through threads.ts); nothing else talks to it.
 */
import { workerData } from 'node:worker_threads';
import { DossierError } from '../../contract/errors';
import { vCardRecords } from '../formats/vcard';
import { matcherOf } from './contact-io-match';
import { type Checked, type FromReader, POSTED, READY, type ReaderGo, type ReaderSetup, STOP, TAKEN, checkRecords, pack } from './contact-read';

const { content, fileName, drop, port, state: shared } = workerData as ReaderSetup;
const state = new Int32Array(shared);

/** Posts a message once the writer is fewer than `ahead` behind; false if the writer stopped the reading. */
function send(m: FromReader, ahead: number): boolean {
  for (;;) {
    if (Atomics.load(state, STOP)) return false;
    const taken = Atomics.load(state, TAKEN);
    if (Atomics.load(state, POSTED) - taken < ahead) break;
    Atomics.wait(state, TAKEN, taken, 1000);
  }
  port.postMessage(m);
  Atomics.add(state, POSTED, 1);
  Atomics.notify(state, POSTED);
  return true;
}

function read(go: ReaderGo): void {
  try {
    const { cursor, ...checked } = go.from;
    const read = vCardRecords(content, fileName, { region: go.region, drop, ...(cursor ? { cursor } : {}) });
    const records = checkRecords(read, matcherOf(go.institutions), go.region, { skipInvalid: go.skipInvalid, dedupe: go.dedupe }, checked);
    let batch: Checked[] = [];
    for (const r of records) {
      batch.push(r);
      if (batch.length < go.batch) continue;
      if (!send({ type: 'batch', records: pack(batch) }, go.ahead)) return;
      batch = [];
    }
    if (batch.length && !send({ type: 'batch', records: pack(batch) }, go.ahead)) return;
    send({ type: 'done' }, go.ahead);
  } catch (err) {
    // The writer throws the same error, so the import fails as it would have in one thread.
    if (err instanceof DossierError) send({ type: 'failed', error: err.toData() }, Infinity);
    else send({ type: 'failed', error: { code: 'internal', message: String(err) }, bug: (err as Error).stack ?? String(err) }, Infinity);
  }
}

port.once('message', (go: ReaderGo) => read(go));
// The writer reads on its own until this is set (contact-read.ts, readBeside).
Atomics.store(state, READY, 1);
