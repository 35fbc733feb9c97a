/**
 * The renderer's one way to reach the main process. The transport is chosen once: Electron's preload
 * bridge (`window.dossier.call`) when present, else HTTP to the local host with the launch token.
 * Either way the reply is the same `{ok, value} | {ok, error}` envelope, and errors arrive as DossierError.
 */
import { DossierError, type Reply } from '../../../contract/errors';
import { type In, type OpName, type Out, ops } from '../../../contract/ops';
import { TOKEN_HEADER } from '../../../contract/security';

interface Bridge {
  call: (name: string, input: unknown) => Promise<Reply<unknown>>;
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

