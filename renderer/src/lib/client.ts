/**
 * The renderer's one way to reach the main process. The transport is chosen once: Electron's preload
 * bridge (`window.dossier.call`) when present, else HTTP to the local host with the launch token.
 * Either way the reply is the same `{ok, value} | {ok, error}` envelope, and errors arrive as DossierError.
 */
import { DossierError, type Reply } from '../../../contract/errors';
import { type In, type OpName, type Out, ops } from '../../../contract/ops';
import { PROGRESS_TYPE, TOKEN_HEADER } from '../../../contract/security';

/** How far long work has got (an import, a pack build, a backup). */
export interface Progress {
  done: number;
  total: number;
  label: string;
}

/** Options of a long call: told as it advances, and cancelled when `signal` aborts (nothing half done is kept). */
export interface LongCallOptions {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}

interface Bridge {
  call: (name: string, input: unknown, callId?: string) => Promise<Reply<unknown>>;
  onProgress?: (fn: (callId: string, progress: Progress) => void) => void;
  cancel?: (callId: string) => void;
}
declare global {
  interface Window {
    dossier?: Bridge;
  }
}

function httpBridge(): Bridge {
  // The host opens the page as /#token=...; keep it for this tab and take it out of the address bar.
  const m = /token=([\w-]+)/.exec(location.hash);
  if (m) {
    sessionStorage.setItem('dossier-token', m[1]!);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const token = sessionStorage.getItem('dossier-token') ?? '';
  return {
    call: async (name, input) => {
      const res = await fetch(`./api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(input ?? {}),
      });
      try {
        return (await res.json()) as Reply<unknown>;
      } catch {
        return { ok: false, error: { code: 'internal', message: `Dossier’s host answered ${res.status} ${res.statusText}.` } };
      }
    },
  };
}

const bridge: Bridge = window.dossier ?? httpBridge();
export const transport: 'ipc' | 'http' = window.dossier ? 'ipc' : 'http';

const cancelledReply = (): Reply<never> => ({ ok: false, error: { code: 'cancelled', message: 'Cancelled; nothing was changed.' } });

/** Long work over HTTP: the host answers one JSON line per step, then the reply (contract/security.ts PROGRESS_TYPE). */
async function httpLong(name: string, input: unknown, opts: LongCallOptions): Promise<Reply<unknown>> {
  let res: Response;
  try {
    res = await fetch(`./api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: PROGRESS_TYPE, [TOKEN_HEADER]: sessionStorage.getItem('dossier-token') ?? '' },
      body: JSON.stringify(input ?? {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (err) {
    if (opts.signal?.aborted) return cancelledReply();
    throw err;
  }
  if (!(res.headers.get('content-type') ?? '').startsWith(PROGRESS_TYPE) || !res.body) {
    try {
      return (await res.json()) as Reply<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `Dossier’s host answered ${res.status} ${res.statusText}.` } };
    }
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffered += value;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffered.slice(0, nl)) as { progress?: Progress; reply?: Reply<unknown> };
        buffered = buffered.slice(nl + 1);
        if (line.progress) opts.onProgress?.(line.progress);
        if (line.reply) return line.reply;
      }
    }
  } catch (err) {
    if (opts.signal?.aborted) return cancelledReply();
    throw err;
  }
  return { ok: false, error: { code: 'internal', message: 'Dossier’s host stopped answering before the work was done.' } };
}

/** Long work over IPC: progress arrives under the call's id, and the id cancels it. */
const listeners = new Map<string, (p: Progress) => void>();
window.dossier?.onProgress?.((callId, progress) => listeners.get(callId)?.(progress));
let calls = 0;
async function ipcLong(name: string, input: unknown, opts: LongCallOptions): Promise<Reply<unknown>> {
  if (opts.signal?.aborted) return cancelledReply();
  const id = `c${++calls}`;
  if (opts.onProgress) listeners.set(id, opts.onProgress);
  const cancel = () => bridge.cancel?.(id);
  opts.signal?.addEventListener('abort', cancel, { once: true });
  try {
    return await bridge.call(name, input, id);
  } finally {
    listeners.delete(id);
    opts.signal?.removeEventListener('abort', cancel);
  }
}

/**
 * Calls a long operation (OpSpec.long: an import, an export, a pack build, a backup): `onProgress` is told as it
 * advances (for ProgressDialog), and aborting `signal` cancels it in the main process, which keeps nothing half done.
 * Rejects with DossierError (code 'cancelled' after a cancel).
 */
export async function callLong<K extends OpName>(name: K, input: In<K>, opts: LongCallOptions = {}): Promise<Out<K>> {
  const reply = await (transport === 'ipc' ? ipcLong : httpLong)(name, input, opts);
  if (!reply.ok) throw DossierError.from(reply.error);
  if (ops[name].kind === 'write') for (const fn of writeListeners) fn();
  return reply.value as Out<K>;
}

/**
 * Calls an operation of the contract; resolves with its typed output or rejects with a DossierError. After a write op
 * (its contract `kind`, nothing kept by hand here) succeeds, the open lists and the sidebar's counts refresh.
 */
export async function call<K extends OpName>(name: K, input: In<K>): Promise<Out<K>> {
  const reply = await bridge.call(name, input);
  if (!reply.ok) throw DossierError.from(reply.error);
  if (ops[name].kind === 'write') for (const fn of writeListeners) fn();
  return reply.value as Out<K>;
}

/**
 * Sends a write while the page is going away (pagehide): over HTTP with `keepalive`, so the browser completes the
 * request after the page is gone; over IPC the message is already on its way once sent. Nobody awaits the reply.
 */
export function callOnExit<K extends OpName>(name: K, input: In<K>): void {
  if (window.dossier) {
    void window.dossier.call(name, input);
    return;
  }
  void fetch(`./api/${encodeURIComponent(name)}`, {
    method: 'POST',
    keepalive: true,
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: sessionStorage.getItem('dossier-token') ?? '' },
    body: JSON.stringify(input ?? {}),
  }).catch(() => {});
}

/** Listeners told after every successful write op, so open lists refresh. */
const writeListeners = new Set<() => void>();
export function onWrite(fn: () => void): () => void {
  writeListeners.add(fn);
  return () => writeListeners.delete(fn);
}
/** Tells the open screens that data changed without them (a team member's changes arrived): lists refresh. */
const remoteListeners = new Set<() => void>();
export function onRemoteChange(fn: () => void): () => void {
  remoteListeners.add(fn);
  return () => remoteListeners.delete(fn);
}
export function notifyRemoteChange(): void {
  for (const fn of writeListeners) fn();
  for (const fn of remoteListeners) fn();
}

