/**
 * The main process's side of the operations process (ops-process.ts): starts it as an Electron utilityProcess, sends
 * it the calls the window makes (after ipc.ts has checked their sender), and hands back replies and progress. The main
 * process opens no dossier and runs no operation: it stays free for the window and its menus.
 */
import { shell, utilityProcess } from 'electron';
import type { ErrorData, Reply } from '../../contract/errors';
import type { FromLane, Progress, ToLane } from '../ops/lane-protocol';
import { fileKeychain } from './keychain';
import type { OpsSetup } from './ops-process';

export interface CallOptions {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

/** What ipc.ts relays to: the operations process, or (in tests) an engine running in this process. */
export interface OpsRunner {
  call(name: string, input: unknown, opts?: CallOptions): Promise<Reply<unknown>>;
}

export interface OpsClient extends OpsRunner {
  close(): void;
}

/** The little of a utilityProcess child this file uses (so tests can stand in for it). */
export interface Child {
  postMessage(message: ToLane | OpsSetup): void;
  on(event: 'message', listener: (m: FromLane) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

/**
 * Starts the operations process and opens the dossier in it. Resolves once it is open; rejects with the refusal
 * (a foreign, newer or damaged file) as ErrorData, which main.ts shows before quitting.
 */
export function startOpsProcess(entry: string, setup: OpsSetup, fork: (entry: string) => Child = forkUtility): Promise<OpsClient> {
  const child = fork(entry);
  let nextId = 0;
  const pending = new Map<number, { resolve: (r: Reply<unknown>) => void; onProgress?: ((p: Progress) => void) | undefined }>();
  let alive = true;

  return new Promise((resolve, reject) => {
    child.on('exit', (code) => {
      alive = false;
      reject({ code: 'internal', message: `Dossier’s operations process stopped (exit code ${code}).` } satisfies ErrorData);
      for (const p of pending.values()) p.resolve({ ok: false, error: { code: 'internal', message: 'Dossier’s operations process stopped; the operation did not finish. Restart Dossier.' } });
      pending.clear();
    });
    child.on('message', (m: FromLane) => {
      switch (m.type) {
        case 'ready':
          resolve(client);
          break;
        case 'failed':
          reject(m.error);
          break;
        case 'progress':
          pending.get(m.id)?.onProgress?.(m.progress);
          break;
        case 'reply':
          pending.get(m.id)?.resolve(m.reply);
          pending.delete(m.id);
          break;
        case 'openPath':
          // pack.open: the system viewer is the shell's. shell.openPath resolves with an error message ('' when it worked).
          shell.openPath(m.path).then(
            (failed) => child.postMessage({ type: 'openPathDone', ask: m.ask, error: failed || null }),
            (err: unknown) => child.postMessage({ type: 'openPathDone', ask: m.ask, error: (err as Error).message }),
          );
          break;
        case 'keychain': {
          // The team login's password: safeStorage is only the main process's.
          const kc = fileKeychain(m.dir);
          const done = m.action === 'load' ? kc.load(m.account) : m.action === 'save' ? kc.save(m.account, m.secret ?? '').then(() => null) : kc.clear(m.account).then(() => null);
          done.then(
            (value) => child.postMessage({ type: 'keychainDone', ask: m.ask, value, error: null }),
            (err: unknown) => child.postMessage({ type: 'keychainDone', ask: m.ask, value: null, error: (err as Error).message }),
          );
          break;
        }
      }
    });
    const client: OpsClient = {
      call: (name, input, opts = {}) =>
        new Promise((done) => {
          if (!alive) return done({ ok: false, error: { code: 'internal', message: 'Dossier’s operations process stopped. Restart Dossier.' } });
          const id = ++nextId;
          pending.set(id, { resolve: done, onProgress: opts.onProgress });
          opts.signal?.addEventListener('abort', () => child.postMessage({ type: 'cancel', id }), { once: true });
          child.postMessage({ type: 'call', id, name, input });
        }),
      close: () => {
        if (alive) child.kill();
      },
    };
    child.postMessage(setup);
  });
}

function forkUtility(entry: string): Child {
  // The operations process inherits the environment: DOSSIER_SQLITE_BINDING names the database module built for Electron.
  return utilityProcess.fork(entry, [], { serviceName: 'Dossier operations', stdio: 'inherit' }) as unknown as Child;
}
