/**
 * Browser mode: serves the built renderer and the contract over HTTP on 127.0.0.1 only.
 * Every API request needs the per-launch token; the Host header must name this loopback host
 * (defeats DNS rebinding) and a cross-site Origin is refused. Routes come from the contract table.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { DossierError, type ErrorCode, type ErrorData } from '../../contract/errors';
import { isLongOp, isOpName, ops } from '../../contract/ops';
import { CONTENT_SECURITY_POLICY, PROGRESS_TYPE, TOKEN_HEADER } from '../../contract/security';
import type { OpsContext } from '../ops/context';
import { type Engine, engineOf } from '../ops/engine';

/** HTTP status for each error code: the only place this mapping lives. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  schema_too_new: 409,
  not_dossier: 409,
  // Another program holds the write lock: try again later.
  busy: 503,
  damaged: 500,
  cancelled: 409,
  internal: 500,
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
};

const MAX_BODY = 64 * 1024 * 1024;
/** After a 413, how much more of the refused body is read and thrown away so the client sees the answer, not a reset. */
const MAX_DRAIN = 16 * 1024 * 1024;
const DRAIN_MS = 5_000;

export interface HostOptions {
  ctx: OpsContext;
  /** Runs the operations (long ones on a lane of their own, engine.ts); default: everything on `ctx` in this thread. */
  engine?: Engine;
  /** 0 picks a free port. */
  port?: number;
  /** Directory of the built renderer (renderer/dist); omit to serve the API only. */
  staticDir?: string;
  token?: string;
  log?: (msg: string, err?: unknown) => void;
  /** Largest request body accepted (default 64 MB); larger ones get 413. */
  maxBodyBytes?: number;
}

export interface Host {
  url: string;
  /** The URL to open in a browser: carries the token in the fragment, which never reaches the server logs. */
  launchUrl: string;
  port: number;
  token: string;
  close: () => Promise<void>;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'application/json; charset=utf-8', extra: Record<string, string> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(body);
}

const sendError = (res: ServerResponse, status: number, error: ErrorData, extra: Record<string, string> = {}) =>
  send(res, status, JSON.stringify({ ok: false, error }), undefined, extra);

function tokenMatches(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A request body past the limit: the reader has answered 413 already. */
class TooLarge extends Error {}

/**
 * Reads the body up to `limit` bytes. Past it (declared or counted), answers 413 at once and keeps reading what the
 * client still sends, up to MAX_DRAIN or DRAIN_MS, throwing it away: a server that closes on unread data makes the
 * client's TCP stack see a reset before it reads the answer. Then the connection is closed.
 */
function readBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    let refused = false;
    const refuse = () => {
      refused = true;
      chunks.length = 0;
      sendError(res, 413, { code: 'invalid_input', message: `The request is too large (over ${Math.round(limit / 1024 / 1024)} MB).` }, { connection: 'close' });
      const timer = setTimeout(() => req.socket.destroy(), DRAIN_MS);
      timer.unref();
      req.once('end', () => clearTimeout(timer));
      reject(new TooLarge());
    };
    if (Number(req.headers['content-length']) > limit) refuse();
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (refused) {
        if (size > limit + MAX_DRAIN) req.socket.destroy();
      } else if (size > limit) refuse();
      else chunks.push(c);
    });
    req.on('end', () => {
      if (!refused) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (err) => {
      if (!refused) reject(err);
    });
  });
}

/** The path's percent-escapes decoded, or null when they are malformed ("%E0%A4%A"): a 400, not a crash. */
function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

const badEscape = (res: ServerResponse) => sendError(res, 400, { code: 'invalid_input', message: 'The address has a malformed %-escape.', field: 'path' });

export function startHost(opts: HostOptions): Promise<Host> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const log = opts.log ?? ((m, e) => console.error(m, e ?? ''));
  const engine = opts.engine ?? engineOf(opts.ctx, log);
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = createServer(async (req, res) => {
    try {
      const host = req.headers.host ?? '';
      if (!allowedHosts().has(host)) return sendError(res, 403, { code: 'invalid_input', message: 'Wrong Host header: Dossier answers only on its own loopback address.', field: 'host' });
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://${host}`) return sendError(res, 403, { code: 'invalid_input', message: 'Requests from another origin are refused.', field: 'origin' });
      const url = new URL(req.url ?? '/', `http://${host}`);

      if (url.pathname.startsWith('/api/')) {
        if (!tokenMatches(req.headers[TOKEN_HEADER] as string | undefined, token)) {
          return sendError(res, 401, { code: 'invalid_input', message: 'Missing or wrong Dossier token.', field: 'token' });
        }
        const name = decodePath(url.pathname.slice('/api/'.length));
        if (name === null) return badEscape(res);
        if (!isOpName(name)) return sendError(res, 404, { code: 'not_found', message: `There is no operation called "${name}".`, field: 'op' });
        if (req.method !== 'POST') return send(res, 405, JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'Use POST.' } }), undefined, { allow: 'POST' });
        if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return sendError(res, 415, { code: 'invalid_input', message: 'Send the input as application/json.', field: 'content-type' });
        }
        let input: unknown;
        try {
          const body = await readBody(req, res, opts.maxBodyBytes ?? MAX_BODY);
          input = body.trim() === '' ? {} : JSON.parse(body);
        } catch (err) {
          if (err instanceof TooLarge) return;
          return sendError(res, 400, { code: 'invalid_input', message: 'The request body is not valid JSON.' });
        }
        // A caller that goes away (a closed tab, a cancelled fetch) cancels what it asked for.
        const gone = new AbortController();
        res.on('close', () => {
          if (!res.writableFinished) gone.abort();
        });
        if (isLongOp(name) && (req.headers.accept ?? '').includes(PROGRESS_TYPE)) {
          // Long work, and the page wants to see it advance: one JSON line per step, then the reply.
          res.writeHead(200, { 'content-type': `${PROGRESS_TYPE}; charset=utf-8`, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', 'x-dossier-op-kind': ops[name].kind });
          res.flushHeaders();
          const reply = await engine.call(name, input, { signal: gone.signal, onProgress: (progress) => res.write(`${JSON.stringify({ progress })}\n`) });
          res.end(`${JSON.stringify({ reply })}\n`);
          return;
        }
        const reply = await engine.call(name, input, { signal: gone.signal });
        // `kind` tells writes from reads; writes are never cached by anything in between.
        const status = reply.ok ? 200 : HTTP_STATUS[reply.error.code];
        return send(res, status, JSON.stringify(reply), undefined, { 'x-dossier-op-kind': ops[name].kind });
      }

      if (!opts.staticDir || (req.method !== 'GET' && req.method !== 'HEAD')) return sendError(res, 404, { code: 'not_found', message: 'Not found.' });
      serveStatic(opts.staticDir, url.pathname, res);
    } catch (err) {
      log('Host request failed:', err);
      if (!res.headersSent) sendError(res, 500, { code: 'internal', message: 'Something went wrong inside Dossier.' });
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(listenError(err, opts.port ?? 0)));
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      const url = `http://127.0.0.1:${port}/`;
      resolve({
        url,
        launchUrl: `${url}#token=${token}`,
        port,
        token,
        // Browsers keep connections alive; drop them so closing never waits on an idle tab.
        close: () =>
          new Promise<void>((r) => {
            server.close(() => r());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** Why the host could not listen, in one line the user can act on. */
function listenError(err: NodeJS.ErrnoException, port: number): Error {
  if (err.code === 'EADDRINUSE') {
    return new DossierError('conflict', `Port ${port} is already in use by another program. Choose another with --port N, or leave --port out to take a free one.`, { field: 'port' });
  }
  if (err.code === 'EACCES') return new DossierError('conflict', `Port ${port} needs administrator rights. Choose a port above 1023, or leave --port out.`, { field: 'port' });
  return err;
}

function serveStatic(root: string, pathname: string, res: ServerResponse): void {
  const decoded = decodePath(pathname);
  if (decoded === null) return badEscape(res);
  const rel = normalize(decoded).replace(/^([/\\])+/, '');
  let file = join(root, rel);
  if (!file.startsWith(root + sep) && file !== root) return sendError(res, 404, { code: 'not_found', message: 'Not found.' });
  // Single-page app: unknown paths get index.html.
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
  if (!existsSync(file)) return sendError(res, 404, { code: 'not_found', message: 'The renderer is not built. Run `npm run build`.' });
  res.writeHead(200, {
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cache-control': file.endsWith('index.html') ? 'no-store' : 'max-age=3600',
  });
  createReadStream(file).pipe(res);
}
