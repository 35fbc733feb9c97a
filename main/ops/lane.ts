/**
 * The long-work lane: a worker thread with its own connection to the dossier (better-sqlite3 connections cannot cross
 * threads; WAL lets both connections read at once). It runs long operations one at a time, sends their progress, and
 * aborts one when the engine says the caller cancelled. Started by engine.ts; nothing else talks to it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DossierError } from '../../contract/errors';
import type { AfterWrite, OpsContext } from './context';
import { call, toErrorData } from './index';
import type { FromLane, LaneSetup, ToLane } from './lane-protocol';
import { openDossier } from './open';

const port = parentPort!;
const setup = workerData as LaneSetup;
const send = (m: FromLane) => port.postMessage(m);

let asks = 0;
const waiting = new Map<number, (error: string | null) => void>();
/** pack.open's hook: the system viewer belongs to the engine's side (the Electron shell), so ask it. */
const openPath = (path: string) =>
  new Promise<void>((resolve, reject) => {
    const ask = ++asks;
    waiting.set(ask, (error) => (error === null ? resolve() : reject(new Error(error))));
    send({ type: 'openPath', ask, path });
  });

/** The lane's context: the same start-up as every front end (open.ts), so its writes run through the same dispatch and hooks. */
async function start(): Promise<OpsContext> {
  const hooks = setup.afterWriteModule ? ((await import(setup.afterWriteModule)) as { afterWriteHooks: () => AfterWrite[] }).afterWriteHooks() : [];
  return openDossier({
    path: setup.dbPath,
    dataDir: setup.dataDir,
    now: () => new Date(Date.now() + setup.clockOffsetMs),
    writesFiles: setup.writesFiles,
    ...(setup.canOpenPaths ? { openPath } : {}),
    ...(setup.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: setup.busyTimeoutMs }),
    afterWrite: hooks,
  });
}
let ctx!: OpsContext;
// The engine sends no call before 'ready'.
start().then(
  (opened) => {
    ctx = opened;
    send({ type: 'ready' });
  },
  (err: unknown) => {
    send({ type: 'failed', error: toErrorData(err) });
    process.exit(1);
  },
);

const running = new Map<number, AbortController>();
const cancelFlag = new Int32Array(setup.cancelFlag);

/** An AbortSignal that also reads the engine's shared flag, so work that never yields still sees a cancel. */
function signalOf(controller: AbortController): AbortSignal {
  const signal = controller.signal;
  Object.defineProperty(signal, 'aborted', { get: () => controller.signal.reason !== undefined || Atomics.load(cancelFlag, 0) === 1 });
  return signal;
}

port.on('message', async (m: ToLane) => {
  if (m.type === 'openPathDone') {
    waiting.get(m.ask)?.(m.error);
    waiting.delete(m.ask);
  } else if (m.type === 'cancel') {
    running.get(m.id)?.abort(new DossierError('cancelled', 'Cancelled; nothing was changed.'));
  } else if (m.type === 'call') {
    const controller = new AbortController();
    running.set(m.id, controller);
    // The engine sends one call at a time, so the context's progress and signal belong to this call alone.
    ctx.progress = (done, total, label) => send({ type: 'progress', id: m.id, progress: { done, total, label } });
    ctx.signal = signalOf(controller);
    try {
      const reply = ctx.signal.aborted ? { ok: false as const, error: { code: 'cancelled' as const, message: 'Cancelled; nothing was changed.' } } : await call(ctx, m.name, m.input);
      send({ type: 'reply', id: m.id, reply });
    } finally {
      running.delete(m.id);
      delete ctx.progress;
      delete ctx.signal;
    }
  }
});
