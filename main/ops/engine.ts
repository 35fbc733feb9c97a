/**
 * Where operations run. Quick ones run on the caller's context in this thread; long ones (OpSpec.long: imports,
 * exports, packs, backups) on a worker thread, the lane, with its own connection to the dossier, one at a time, so a
 * 100,000-contact import never stops `system.info` or the next keystroke's autosave from answering. Long work reports
 * progress and stops when its caller cancels. The lane also holds every import to a budget: a heap limit, and a time
 * limit after which the lane is stopped (better-sqlite3 closes its connection, so SQLite rolls back whatever the
 * import had begun) and started afresh for the next call. The HTTP host, the Electron operations process and the CLI
 * all run their operations through an engine.
 */
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { DossierError, type ErrorData, type Reply } from '../../contract/errors';
import { isLongOp, isOpName, ops } from '../../contract/ops';
import { openDb } from '../store/db';
import { announceTeamCommit } from '../store/sync/stamp';
import type { OpsContext } from './context';
import { call } from './index';
import { teamCapture } from './open';
import { startThread } from './threads';
import type { FromLane, LaneSetup, Progress, ToLane } from './lane-protocol';

export type { Progress } from './lane-protocol';

export interface CallOptions {
  /** Told as long work advances (long operations only). */
  onProgress?: (p: Progress) => void;
  /** Aborting it cancels the operation: a long one stops between steps and leaves nothing half done. */
  signal?: AbortSignal;
}

/** Runs operations: `call` never throws; it answers with the reply envelope every transport sends. */
export interface Engine {
  call(name: string, input: unknown, opts?: CallOptions): Promise<Reply<unknown>>;
  /** The context quick operations run on (start-up work such as the daily backup, tests). */
  readonly ctx: OpsContext;
  /** Whether long operations run on a lane of their own (false: everything in this thread). */
  readonly lanes: boolean;
  /** Stops the lane; long calls still waiting are answered `cancelled`. The caller closes `ctx.db`. */
  close(): Promise<void>;
}

export interface EngineOptions {
  /** Long operations on a worker thread (default true; an in-memory dossier always runs in one thread). */
  lanes?: boolean;
  log?: (msg: string, err: unknown) => void;
  /** Heap the lane may use, in MB: past it the operation ends with a typed error (default 2048). */
  heapMb?: number;
  /**
   * The module (a file URL or path) whose `afterWriteHooks()` gives the lane the hooks `ctx.afterWrite` holds here (see
   * LaneSetup.afterWriteModule). Without it, a context with hooks runs every operation in this thread, so no write ever
   * skips a hook.
   */
  afterWriteModule?: string;
  /** Time an import may take: `baseMs` plus `msPerMb` for each MB of its input (defaults 15 s + 10 s/MB). */
  importBudget?: { baseMs: number; msPerMb: number };
}

export const DEFAULT_HEAP_MB = 2048;
const DEFAULT_IMPORT_BUDGET = { baseMs: 15_000, msPerMb: 10_000 };

/**
 * Operations that read a file or text the user brings from elsewhere (pasted text too): they are held to the time
 * budget. Exports,
 * packs and backups are not (their work grows with the dossier, and stopping a backup half way helps nobody).
 */
export const IMPORTS: ReadonlySet<string> = new Set([
  'contact.parseText',
  'participants.preview',
  'contact.importPreview',
  'contact.importCommit',
  'meeting.importPreview',
  'meeting.importIcs',
  'pack.importPreview',
  'pack.import',
]);

const cancelled = (): Reply<never> => ({ ok: false, error: { code: 'cancelled', message: 'Cancelled; nothing was changed.' } });

/** Every operation on `ctx` in this thread (tests, the CLI's quick commands). Progress and cancel still work. */
export function engineOf(ctx: OpsContext, log?: (msg: string, err: unknown) => void): Engine {
  return {
    ctx,
    lanes: false,
    call: async (name, input, opts = {}) => {
      if (opts.signal?.aborted) return cancelled();
      const progress = opts.onProgress;
      // A copy of the context (not one chained to it: an op may spread its context, which drops inherited fields).
      const local: OpsContext = { ...ctx };
      if (progress) local.progress = (done, total, label) => progress({ done, total, label });
      if (opts.signal) local.signal = opts.signal;
      const reply = await call(local, name, input, log);
      // A restore reopens the connection on the context it was given: hand it back to the shared one.
      if (local.db !== ctx.db) ctx.db = local.db;
      return reply;
    },
    close: async () => {},
  };
}

/**
 * The lane's memory: the old generation up to `heapMb`; the young generation (new objects, swept by every minor GC)
 * up to LANE_YOUNG_MB. Long work allocates fast and keeps much of it until it ends (a pack's pages, an import's rows):
 * at 64 MB a 40-page pack took 11 to 15% less process CPU than with V8's default for a worker in three of four
 * interleaved runs, 3% more in the fourth (issue 18; 16 MB was worse, 32 and 128 MB no better). bench/pack.ts
 * builds its packs on a worker with these same limits.
 */
export const LANE_YOUNG_MB = 64;
export const laneLimits = (heapMb = DEFAULT_HEAP_MB): ResourceLimits => ({ maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: LANE_YOUNG_MB });

export { sourceWorker } from './threads';

/** The lane's entry: the bundled file beside this one (Electron, the CLI bundle), else lane.ts through tsx (threads.ts). */
function laneWorker(setup: LaneSetup, heapMb: number): Worker {
  return startThread('lane', { workerData: setup, resourceLimits: laneLimits(heapMb) });
}

interface LongCall {
  id: number;
  name: string;
  input: unknown;
  opts: CallOptions;
  resolve: (r: Reply<unknown>) => void;
}

interface Lane {
  worker: Worker;
  ready: Promise<void>;
}

const fileOf = (input: unknown) => {
  const i = input as { fileName?: unknown; text?: unknown } | null;
  return typeof i?.fileName === 'string' && i.fileName ? i.fileName : typeof i?.text === 'string' ? 'the pasted text' : 'the file';
};
const sizeOf = (input: unknown) => {
  const i = input as { content?: unknown; contentBase64?: unknown; text?: unknown } | null;
  const s = [i?.content, i?.contentBase64, i?.text].find((v): v is string => typeof v === 'string') ?? '';
  return s.length;
};

/** Quick operations on `ctx` here, long ones on a lane (see the top of this file). */
export async function startEngine(ctx: OpsContext, options: EngineOptions = {}): Promise<Engine> {
  if (options.lanes === false || ctx.dbPath === ':memory:') return engineOf(ctx, options.log);
  // The team's capture is not counted: the lane opens through openDossier, which gives it the same hook.
  if (ctx.afterWrite?.some((h) => h !== teamCapture) && !options.afterWriteModule) return engineOf(ctx, options.log);
  const log = options.log;
  const heapMb = options.heapMb ?? DEFAULT_HEAP_MB;
  const budget = options.importBudget ?? DEFAULT_IMPORT_BUDGET;
  const setup: LaneSetup = {
    dbPath: ctx.dbPath,
    dataDir: ctx.dataDir,
    writesFiles: ctx.writesFiles === true,
    clockOffsetMs: ctx.now().getTime() - Date.now(),
    canOpenPaths: ctx.openPath !== undefined,
    cancelFlag: new SharedArrayBuffer(4),
    ...(options.afterWriteModule ? { afterWriteModule: options.afterWriteModule } : {}),
  };
  const cancelFlag = new Int32Array(setup.cancelFlag);

  let lane: Lane | null = null;
  let closed = false;
  // A lane stopped for its budget is replaced; `lane` is null until the next long call needs one.
  let nextId = 0;
  const queue: LongCall[] = [];
  type Running = LongCall & { on: Lane; timer?: NodeJS.Timeout; stop: (why: ErrorData) => void };
  let running: Running | null = null;

  // Quick calls in flight, and a pause while a restore swaps the file under both connections.
  let inFlight = 0;
  let drained: (() => void) | null = null;
  let paused: Promise<void> | null = null;

  function spawn(): Lane {
    const worker = laneWorker(setup, heapMb);
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: FromLane) => {
        if (m.type === 'ready') resolve();
        else if (m.type === 'failed') reject(DossierError.from(m.error));
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', () => reject(new Error('the lane stopped while starting')));
    });
    ready.catch(() => {});
    worker.on('message', (m: FromLane) => {
      if (m.type === 'progress' && running?.id === m.id) running.opts.onProgress?.(m.progress);
      else if (m.type === 'reply') finish(m.id, m.reply);
      else if (m.type === 'openPath') {
        const open = ctx.openPath ?? (() => Promise.reject(new Error('no viewer here')));
        open(m.path).then(
          () => worker.postMessage({ type: 'openPathDone', ask: m.ask, error: null } satisfies ToLane),
          (err: unknown) => worker.postMessage({ type: 'openPathDone', ask: m.ask, error: (err as Error).message } satisfies ToLane),
        );
      }
    });
    let death: ErrorData | null = null;
    worker.on('error', (err: Error & { code?: string }) => {
      death =
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { code: 'internal', message: `The operation needed more memory than Dossier allows one operation (${heapMb} MB), so it was stopped; nothing was changed.`, details: { budget: 'memory', megabytes: heapMb } }
          : { code: 'internal', message: 'Something went wrong inside Dossier; the operation was stopped and nothing was changed. Details are in the log.' };
      if (err.code !== 'ERR_WORKER_OUT_OF_MEMORY') log?.('The long-work lane failed:', err);
    });
    worker.on('exit', () => {
      if (lane?.worker === worker) lane = null;
      if (running?.on.worker === worker) {
        const why = death ?? { code: 'internal' as const, message: 'The operation stopped unexpectedly; nothing was changed.' };
        running.stop(IMPORTS.has(running.name) && why.details?.budget === 'memory' ? { ...why, code: 'invalid_input', message: why.message.replace('The operation', `Reading ${fileOf(running.input)}`) } : why);
      }
    });
    return { worker, ready };
  }

  /** Answers the running call (only if it is still call `id`) and starts the next. */
  function finish(id: number, reply: Reply<unknown>): void {
    const done = running;
    if (!done || done.id !== id) return;
    clearTimeout(done.timer);
    running = null;
    done.resolve(reply);
    pump();
  }

  function pump(): void {
    if (running || closed) return;
    const next = queue.shift();
    if (!next) return;
    if (next.opts.signal?.aborted) {
      next.resolve(cancelled());
      return pump();
    }
    const current = (lane ??= spawn());
    const stop = (why: ErrorData) => finish(next.id, { ok: false, error: why });
    const call: Running = { ...next, on: current, stop };
    running = call;
    current.ready.then(
      () => {
        if (running !== call) return;
        if (IMPORTS.has(next.name)) {
          const ms = Math.round(budget.baseMs + (sizeOf(next.input) / 1_000_000) * budget.msPerMb);
          call.timer = setTimeout(() => {
            if (running !== call) return;
            // Stopping the thread closes its connection: SQLite rolls back what the import began. A fresh lane takes the next call.
            lane = null;
            void current.worker.terminate();
            stop({
              code: 'invalid_input',
              message: `Reading ${fileOf(next.input)} took longer than an import may (${Math.round(ms / 1000)} s), so it was stopped; nothing was changed. The file may be damaged, or built to stall whatever reads it.`,
              details: { budget: 'time', seconds: Math.round(ms / 1000) },
            });
          }, ms);
          call.timer.unref();
        }
        Atomics.store(cancelFlag, 0, 0);
        current.worker.postMessage({ type: 'call', id: next.id, name: next.name, input: next.input } satisfies ToLane);
      },
      (err: unknown) => {
        lane = null;
        stop(err instanceof DossierError ? err.toData() : { code: 'internal', message: `Dossier could not start its long-work lane: ${(err as Error).message}` });
      },
    );
  }

  function long(name: string, input: unknown, opts: CallOptions): Promise<Reply<unknown>> {
    return new Promise((resolve) => {
      const id = ++nextId;
      queue.push({ id, name, input, opts, resolve });
      opts.signal?.addEventListener(
        'abort',
        () => {
          const waiting = queue.findIndex((c) => c.id === id);
          if (waiting >= 0) queue.splice(waiting, 1)[0]!.resolve(cancelled());
          else if (running?.id === id) {
            Atomics.store(cancelFlag, 0, 1);
            lane?.worker.postMessage({ type: 'cancel', id } satisfies ToLane);
          }
        },
        { once: true },
      );
      pump();
    });
  }

  async function quick(name: string, input: unknown, opts: CallOptions): Promise<Reply<unknown>> {
    while (paused) await paused;
    inFlight++;
    try {
      return await engineOf(ctx, log).call(name, input, opts);
    } finally {
      if (--inFlight === 0) drained?.();
    }
  }

  /**
   * A restore swaps the file under every connection: quick calls pause, this thread's connection closes (so only the
   * lane's remains for the swap to check), the lane restores, and this connection reopens on whatever is there now.
   */
  async function restore(name: string, input: unknown, opts: CallOptions): Promise<Reply<unknown>> {
    while (paused) await paused;
    let resume!: () => void;
    paused = new Promise((r) => (resume = r));
    try {
      if (inFlight > 0) await new Promise<void>((r) => (drained = r));
      drained = null;
      ctx.db.close();
      try {
        return await long(name, input, opts);
      } finally {
        ctx.db = openDb(ctx.dbPath);
      }
    } finally {
      paused = null;
      resume();
    }
  }

  return {
    ctx,
    lanes: true,
    call: (name, input, opts = {}) => {
      if (closed) return Promise.resolve({ ok: false, error: { code: 'conflict', message: 'Dossier is closing.' } });
      if (!isOpName(name) || !isLongOp(name)) return quick(name, input, opts);
      if (name === 'backup.restore') return restore(name, input, opts);
      // A long write (an import) committed on the lane's connection: its changes wait in the outbox for the live sync here.
      return long(name, input, opts).then((reply) => {
        if (reply.ok && ops[name].kind === 'write') announceTeamCommit(ctx.db);
        return reply;
      });
    },
    close: async () => {
      closed = true;
      for (const c of queue.splice(0)) c.resolve(cancelled());
      running?.stop({ code: 'cancelled', message: 'Dossier closed before the operation finished; nothing was changed.' });
      const l = lane as Lane | null;
      lane = null;
      if (l) await l.worker.terminate();
    },
  };
}

/** The kind of an op by name, for callers that only have the name ('read' for unknown names). */
export const kindOf = (name: string) => (isOpName(name) ? ops[name].kind : 'read');
