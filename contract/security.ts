/**
 * The Content-Security-Policy every page of the renderer gets, in Electron (app:// protocol) and in
 * browser mode (HTTP host). No inline script, no eval, no remote anything; pdf.js runs in a blob/self worker.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // Svelte sets style attributes for transitions and sizes; no <style> injection from data.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Header carrying the per-launch token of the HTTP host. */
export const TOKEN_HEADER = 'x-dossier-token';

/**
 * What a page sends as Accept to see long work advance over HTTP: the host answers one JSON object per line,
 * `{"progress": {done, total, label}}` as the work goes, then `{"reply": …}` (the usual reply envelope).
 */
export const PROGRESS_TYPE = 'application/x-ndjson';
