/**
 * The team's address: a libpq-style `postgres://login@host:port/database?sslmode=...` URL. The password is never
 * kept: it is taken out of the URL before anything is stored or logged, and found at connection time in this
 * order — the one typed this session, the OS keychain (desktop app), PGPASSWORD, ~/.pgpass.
 * TLS follows `sslmode` as libpq defines it (disable, allow, prefer, require, verify-ca, verify-full).
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ConnectionOptions } from 'node:tls';
import { DossierError } from '../../contract/errors';
import { redactUrl } from '../../contract/model/team';

export type SslMode = 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';
const SSL_MODES: readonly SslMode[] = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];

export interface TeamAddress {
  host: string;
  port: number;
  database: string;
  user: string;
  sslmode: SslMode;
  /** The URL as stored and shown: no password. */
  url: string;
  /** A password written into the URL, for this session only. */
  password: string | null;
  params: URLSearchParams;
}

const bad = (message: string) => new DossierError('invalid_input', message, { field: 'url' });

export function parseTeamUrl(raw: string, env: NodeJS.ProcessEnv = process.env): TeamAddress {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw bad('Give the team’s address as postgres://login@host:port/database (for example postgres://anna@db.ministry.example/dossier?sslmode=verify-full).');
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') throw bad(`The team’s address must start with postgres:// (not ${u.protocol}//).`);
  const params = new URLSearchParams(u.search);
  // libpq lets host, port, user and dbname come as parameters too (a socket directory in host=/run/postgresql).
  const host = params.get('host') ?? decodeURIComponent(u.hostname) ?? '';
  const port = Number(params.get('port') ?? (u.port || '5432'));
  const database = params.get('dbname') ?? decodeURIComponent(u.pathname.replace(/^\//, ''));
  const user = params.get('user') ?? decodeURIComponent(u.username) ?? '';
  if (!host) throw bad('The team’s address names no host.');
  if (!database) throw bad('The team’s address names no database (…/dossier at the end).');
  if (!user && !env.PGUSER) throw bad('The team’s address names no login (postgres://LOGIN@host/database): each member signs in with their own.');
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw bad(`The port in the team’s address is not a port number.`);
  const sslmode = (params.get('sslmode') ?? env.PGSSLMODE ?? 'prefer') as SslMode;
  if (!SSL_MODES.includes(sslmode)) throw bad(`sslmode=${sslmode} is not one of ${SSL_MODES.join(', ')}.`);
  const password = u.password ? decodeURIComponent(u.password) : null;
  params.delete('password');
  const clean = new URL(u.toString());
  clean.password = '';
  clean.search = params.toString() ? `?${params.toString()}` : '';
  return { host, port, database, user: user || env.PGUSER!, sslmode, url: clean.toString(), password, params };
}

export { redactUrl };

const readFile = (path: string, what: string) => {
  try {
    return readFileSync(path);
  } catch (err) {
    throw bad(`${what} ${path} cannot be read: ${(err as Error).message}`);
  }
};

/**
 * node-postgres TLS options for an sslmode: `false` for none, or the options to verify (or not) the server.
 * `fallback` says whether a plain connection may be tried when TLS is refused (allow, prefer).
 */
export function tlsFor(a: TeamAddress, env: NodeJS.ProcessEnv = process.env): { ssl: false | ConnectionOptions; fallback: boolean } {
  if (a.sslmode === 'disable') return { ssl: false, fallback: false };
  const opts: ConnectionOptions = {};
  const root = a.params.get('sslrootcert') ?? env.PGSSLROOTCERT ?? join(homedir(), '.postgresql', 'root.crt');
  const cert = a.params.get('sslcert') ?? env.PGSSLCERT;
  const key = a.params.get('sslkey') ?? env.PGSSLKEY;
  if (cert) opts.cert = readFile(cert, 'The client certificate');
  if (key) opts.key = readFile(key, 'The client key');
  if (a.sslmode === 'verify-ca' || a.sslmode === 'verify-full') {
    opts.ca = readFile(root, 'The root certificate (sslrootcert)');
    opts.rejectUnauthorized = true;
    if (a.sslmode === 'verify-ca') opts.checkServerIdentity = () => undefined;
    else opts.servername = a.host;
  } else {
    // allow, prefer, require: encrypted, the server not verified (libpq's meaning of these modes).
    opts.rejectUnauthorized = false;
  }
  return { ssl: opts, fallback: a.sslmode === 'allow' || a.sslmode === 'prefer' };
}
