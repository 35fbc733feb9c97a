/**
 * The Electron shell's security settings as plain data, so they are tested without the Electron binary.
 * window.ts applies them; config.test.ts asserts them.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'dossier';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;
export const IPC_CHANNEL = 'dossier:call';
export const MENU_CHANNEL = 'dossier:menu';
/** Main → page: progress of a long call, `(callId, {done, total, label})`. */
export const PROGRESS_CHANNEL = 'dossier:progress';
/** Page → main: cancel the long call with this id. */
export const CANCEL_CHANNEL = 'dossier:cancel';

/** Is this URL the app's own page (the only thing the window may show)? */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Links the user clicks open in the system browser only if they are https (mailto: and tel: go to their apps). */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'mailto:' || u.protocol === 'tel:';
  } catch {
    return false;
  }
}

/** An IPC message is answered only if it comes from the app's own page in the window's main frame. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

/** What the window does when the page tries to navigate: only the app's own page loads; https links go to the browser. */
export function navigationDecision(url: string): { allow: boolean; external: boolean } {
  if (isAppUrl(url)) return { allow: true, external: false };
  return { allow: false, external: isAllowedExternalUrl(url) };
}

/** window.open and target=_blank never make a window; an allowed link opens in the system browser instead. */
export function windowOpenDecision(url: string): { action: 'deny'; external: boolean } {
  return { action: 'deny', external: isAllowedExternalUrl(url) };
}

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: 'invalid_input'; message: string; field?: string } };

/**
 * The IPC handler's logic: refuse a sender that is not the app's own main frame before anything else, check the
 * operation name is a string, then hand over to the ops (`call` never throws; it returns the reply envelope).
 */
export async function answerIpc(
  frame: { url: string; parent: unknown } | null | undefined,
  name: unknown,
  input: unknown,
  call: (name: string, input: unknown) => Promise<unknown>,
): Promise<unknown> {
  if (!isTrustedSender(frame)) {
    return { ok: false, error: { code: 'invalid_input', message: 'Refused: the request did not come from Dossier’s own window.' } } satisfies Reply;
  }
  if (typeof name !== 'string') return { ok: false, error: { code: 'invalid_input', message: 'Operation name missing.', field: 'op' } } satisfies Reply;
  return call(name, input);
}

/**
 * The file the app:// protocol serves for a request, or null (another host, or a path that climbs out of the
 * renderer's directory, encoded or not).
 */
export function resolveAppFile(rendererDir: string, requestUrl: string, path: { join: (...p: string[]) => string; normalize: (p: string) => string; sep: string }): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const file = path.normalize(path.join(rendererDir, pathname === '/' ? '/index.html' : pathname));
  return file.startsWith(rendererDir + path.sep) ? file : null;
}
