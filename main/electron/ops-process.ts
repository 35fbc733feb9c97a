/**
 * The desktop app's operations process (an Electron utilityProcess, started by ops-client.ts). It owns the dossier:
 * opens it, makes the daily backup, and runs every operation through an engine (quick ones here, long ones on a worker
 * thread with its own connection). The window's process only relays IPC, so no import or pack build can freeze the
 * window or its menus. Speaks the lane protocol (main/ops/lane-protocol.ts) with the main process.
 */
import { dirname } from 'node:path';
import { DossierError } from '../../contract/errors';
import { startupBackup } from '../ops/backup';
import { type Engine, startEngine } from '../ops/engine';
import { toErrorData } from '../ops/index';
import type { FromLane, ToLane } from '../ops/lane-protocol';
import { openDossier } from '../ops/open';
import { startTeamSync } from '../ops/team';
import type { OpsContext } from '../ops/context';

type Keychain = NonNullable<OpsContext['keychain']>;

/** The process's end of its channel to the main process (Electron's `process.parentPort`, or a test double). */
export interface ParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: FromLane): void;
}

/** What the main process sends first: which dossier to open. */
export interface OpsSetup {
  type: 'open';
  /** `--db=FILE` from the app's command line, if any (else DOSSIER_DB, else the per-user data folder). */
  db?: string;
}

/** Serves the main process on `port` until it goes away. Resolves with the engine once the dossier is open. */
export function serveOps(port: ParentPort): Promise<Engine | null> {
  return new Promise((resolve) => {
    let engine: Engine | null = null;
    let asks = 0;
    const waiting = new Map<number, (error: string | null, value?: string | null) => void>();
    // The system viewer belongs to the main process (Electron's shell): ask it.
    const openPath = (path: string) =>
      new Promise<void>((ok, fail) => {
        const ask = ++asks;
        waiting.set(ask, (error) => (error === null ? ok() : fail(new Error(error))));
        port.postMessage({ type: 'openPath', ask, path });
      });
    // The team login's password in the OS keychain: safeStorage is the main process's alone, so ask it too.
    const keychainIn = (dir: string): Keychain => {
      const ask = (action: 'load' | 'save' | 'clear', account: string, secret?: string) =>
        new Promise<string | null>((ok, fail) => {
          const id = ++asks;
          waiting.set(id, (error, value) => (error === null ? ok(value ?? null) : fail(new Error(error))));
          port.postMessage({ type: 'keychain', ask: id, action, dir, account, ...(secret === undefined ? {} : { secret }) });
        });
      return { load: (account) => ask('load', account), save: async (account, secret) => void (await ask('save', account, secret)), clear: async (account) => void (await ask('clear', account)) };
    };
    const calls = new Map<number, AbortController>();

    port.on('message', async ({ data }) => {
      const m = data as ToLane | OpsSetup;
      if (m.type === 'open') {
        try {
          const ctx = openDossier({ path: m.db, openPath });
          // Kept beside the dossier, never in it (so never in its backups).
          ctx.keychain = keychainIn(dirname(ctx.dbPath));
          engine = await startEngine(ctx);
          // Once a day, as the user left it: a backup in <dataDir>/backups, the last 7 kept, made on the engine's lane
          // (its own connection and thread) while the window opens.
          void startupBackup(engine);
          // A team dossier syncs by itself here, on the engine's connection: never on the window's thread.
          startTeamSync(engine.ctx, (msg) => console.error(msg));
          port.postMessage({ type: 'ready' });
          resolve(engine);
        } catch (err) {
          // A foreign, newer or damaged file is refused, never touched: the main process tells the user and quits.
          port.postMessage({ type: 'failed', error: err instanceof DossierError ? err.toData() : toErrorData(err) });
          resolve(null);
        }
      } else if (m.type === 'openPathDone') {
        waiting.get(m.ask)?.(m.error);
        waiting.delete(m.ask);
      } else if (m.type === 'keychainDone') {
        waiting.get(m.ask)?.(m.error, m.value);
        waiting.delete(m.ask);
      } else if (m.type === 'cancel') {
        calls.get(m.id)?.abort();
      } else if (m.type === 'call') {
        if (!engine) {
          port.postMessage({ type: 'reply', id: m.id, reply: { ok: false, error: { code: 'conflict', message: 'The dossier is not open yet.' } } });
          return;
        }
        const controller = new AbortController();
        calls.set(m.id, controller);
        const reply = await engine.call(m.name, m.input, { signal: controller.signal, onProgress: (progress) => port.postMessage({ type: 'progress', id: m.id, progress }) });
        calls.delete(m.id);
        port.postMessage({ type: 'reply', id: m.id, reply });
      }
    });
  });
}

// In Electron's utility process, `process.parentPort` is the channel to the main process.
const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (parentPort) void serveOps(parentPort);
