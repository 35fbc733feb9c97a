/**
 * A throwaway PostgreSQL for tests, e2e and benchmarks: Debian's initdb/pg_ctl (/usr/lib/postgresql/<v>/bin), run
 * as the `postgres` user when we are root, data and socket in a temporary folder, listening on 127.0.0.1 on a free
 * port, with password logins (scram) so the password paths are real. Stopped by `stop()`, and on process exit if a
 * test forgot or crashed. Never a mock.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface TestCluster {
  host: string;
  port: number;
  dir: string;
  /** The superuser's password. */
  adminPassword: string;
  /** A URL for `login` on `database` (no password in it unless `withPassword`). */
  url: (login: string, database: string, extra?: string) => string;
  /** Runs SQL as the superuser on a database. */
  admin: (sql: string, database?: string) => Promise<void>;
  /** Creates a database and the member group role, and a login (password = login + '-pw') per member. */
  team: (database: string, members: string[]) => Promise<void>;
  stop: () => void;
}

export function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0]!, 'bin') : null;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });

const running = new Set<() => void>();
process.once('exit', () => {
  for (const stop of running) stop();
});

export async function startCluster(opts: { ssl?: { cert: string; key: string } } = {}): Promise<TestCluster> {
  const bin = postgresBin();
  if (!bin) throw new Error('PostgreSQL is not installed (apt-get install postgresql): the team tests need initdb and pg_ctl from /usr/lib/postgresql/*/bin.');
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'dossier-pg-'));
  const adminPassword = `admin-${Math.random().toString(36).slice(2)}`;
  writeFileSync(join(dir, 'pw'), adminPassword);
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
    chownSync(join(dir, 'pw'), uid, gid);
  }
  chmodSync(dir, 0o700);
  const as = (cmd: string, args: string[]) => {
    const r = root ? spawnSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { encoding: 'utf8' }) : spawnSync(join(bin, cmd), args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  const data = join(dir, 'data');
  as('initdb', ['-D', data, '-U', 'postgres', '--pwfile', join(dir, 'pw'), '-A', 'scram-sha-256', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const port = await freePort();
  const settings = [`-k ${dir}`, `-h 127.0.0.1`, `-p ${port}`, '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off', '-c max_connections=100'];
  if (opts.ssl) {
    for (const f of ['cert', 'key'] as const) {
      const dest = join(dir, `server.${f === 'cert' ? 'crt' : 'key'}`);
      writeFileSync(dest, opts.ssl[f], { mode: 0o600 });
      if (root) chownSync(dest, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
    }
    settings.push('-c ssl=on', `-c ssl_cert_file=${join(dir, 'server.crt')}`, `-c ssl_key_file=${join(dir, 'server.key')}`);
  }
  as('pg_ctl', ['-D', data, '-o', settings.join(' '), '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    running.delete(stop);
    try {
      as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      /* already gone */
    }
    rmSync(dir, { recursive: true, force: true });
  };
  running.add(stop);
  const admin = async (sql: string, database = 'postgres') => {
    const c = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password: adminPassword, database });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  return {
    host: '127.0.0.1',
    port,
    dir,
    adminPassword,
    url: (login, database, extra = 'sslmode=disable') => `postgres://${login}@127.0.0.1:${port}/${database}${extra ? `?${extra}` : ''}`,
    admin,
    team: async (database, members) => {
      await admin(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dossier_member') THEN CREATE ROLE dossier_member; END IF; END $$;`);
      for (const m of members) {
        await admin(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${m}') THEN CREATE ROLE ${m} LOGIN PASSWORD '${m}-pw' IN ROLE dossier_member; END IF; END $$;`);
      }
      await admin(`CREATE DATABASE ${database} OWNER ${members[0]}`);
    },
    stop,
  };
}
