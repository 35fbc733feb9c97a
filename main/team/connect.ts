/**
 * Connecting to the team's PostgreSQL: TLS per sslmode, the password looked up (never stored), errors turned into
 * messages a desk officer can act on.
 */
import pg from 'pg';
import pgpass from 'pgpass';
import { DossierError } from '../../contract/errors';
import { type TeamAddress, tlsFor } from './url';

/** Where a password may come from besides the environment and ~/.pgpass: the desktop app's keychain. */
export interface Keychain {
  load: (account: string) => Promise<string | null>;
  save: (account: string, secret: string) => Promise<void>;
  clear: (account: string) => Promise<void>;
}

export interface Credentials {
  /** A password given this session (typed, or in the URL); used, never written. */
  password?: string | null;
  keychain?: Keychain | null;
  env?: NodeJS.ProcessEnv;
}

/** The keychain entry of a member's login at a team address. */
export const keychainAccount = (a: TeamAddress) => `${a.user}@${a.host}:${a.port}/${a.database}`;

function fromPgpass(a: TeamAddress): Promise<string | undefined> {
  if (a.host.startsWith('/')) return Promise.resolve(undefined);
  return new Promise((resolve) => pgpass({ host: a.host, port: a.port, database: a.database, user: a.user }, (p?: string) => resolve(p)));
}

async function passwordFor(a: TeamAddress, creds: Credentials): Promise<string | undefined> {
  if (creds.password) return creds.password;
  const kept = await creds.keychain?.load(keychainAccount(a));
  if (kept) return kept;
  const env = creds.env ?? process.env;
  if (env.PGPASSWORD) return env.PGPASSWORD;
  return fromPgpass(a);
}

/** Why a connection failed, in words; `offline` tells a network problem from a refusal. */
export function connectionError(a: TeamAddress, err: unknown): DossierError {
  const e = err as { code?: string; message?: string };
  const where = `${a.host}:${a.port}/${a.database}`;
  const msg = e.message ?? String(err);
  if (e.code === '28P01' || e.code === '28000' || /password must be a string|no password/i.test(msg)) {
    return new DossierError('invalid_input', `PostgreSQL at ${where} did not accept the login “${a.user}”: ${msg.includes('password must be') ? 'no password was found. Set PGPASSWORD, add it to ~/.pgpass, or connect from the app (the password is kept in the system keychain).' : msg}`, {
      field: 'url',
      details: { auth: true },
    });
  }
  if (e.code === '3D000') return new DossierError('not_found', `There is no database “${a.database}” at ${a.host}:${a.port}.`, { field: 'url' });
  if (/self[- ]signed|certificate|unable to verify|hostname|altnames/i.test(msg)) {
    return new DossierError('invalid_input', `The TLS certificate of ${a.host} could not be verified (sslmode=${a.sslmode}): ${msg}`, { field: 'url', details: { tls: true } });
  }
  if (/does not support SSL/i.test(msg)) {
    return new DossierError('invalid_input', `${a.host} does not offer TLS, which sslmode=${a.sslmode} requires.`, { field: 'url', details: { tls: true } });
  }
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET'].includes(e.code ?? '') || /timeout|terminated|Connection terminated/i.test(msg)) {
    return new DossierError('not_found', `The team’s database at ${where} cannot be reached (${e.code ?? msg}). Your changes are kept here and go out at the next sync.`, {
      details: { offline: true },
    });
  }
  if (err instanceof DossierError) return err;
  return new DossierError('internal', `PostgreSQL at ${where}: ${msg}`);
}

/** Opens one connection to the team's database. */
export async function connect(a: TeamAddress, creds: Credentials = {}, opts: { timeoutMs?: number } = {}): Promise<pg.Client> {
  const { ssl, fallback } = tlsFor(a, creds.env);
  const make = (withSsl: typeof ssl) =>
    new pg.Client({
      host: a.host,
      port: a.port,
      database: a.database,
      user: a.user,
      ssl: withSsl,
      password: async () => (await passwordFor(a, creds)) ?? '',
      connectionTimeoutMillis: opts.timeoutMs ?? 10_000,
      application_name: 'dossier',
    });
  let client = make(ssl);
  try {
    await client.connect();
  } catch (err) {
    await client.end().catch(() => {});
    if (!(fallback && /does not support SSL/i.test((err as Error).message))) throw connectionError(a, err);
    client = make(false);
    try {
      await client.connect();
    } catch (err2) {
      await client.end().catch(() => {});
      throw connectionError(a, err2);
    }
  }
  // A dropped connection must not crash the process; the sync loop notices on its next query.
  client.on('error', () => {});
  return client;
}
