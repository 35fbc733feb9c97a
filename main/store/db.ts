/**
 * Opening the one SQLite file: identity checks first (read-only, so a foreign or newer file is
 * never touched), then explicit pragmas on every open, then pending migrations in one transaction.
 * The only module besides the repositories that imports better-sqlite3.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { createPrivateFile, makePrivateDir, tighten } from './private-files';
import { DossierError, RESTORE_ADVICE } from '../../contract/errors';
import { LATEST_VERSION, migrations } from './migrations/index';
import { dropCapture, installCapture } from './sync/schema';
import { type FileHeader, hasLiveWal, readHeader } from './file-header';
import { isDamage, sqliteFailure } from './sqlite-errors';

declare const access: unique symbol;
/** A prepared statement seen through a read handle: rows come out of it, `run` is not there. */
export type ReadStatement = Omit<Database.Statement, 'run'>;
/**
 * A handle that may only read: what read operations get, and what repositories that only read take. It has no
 * `exec`, no `transaction` and statements without `run`, and it is not assignable to WriteDb, so a write helper
 * given one fails to compile (main/store/brands.test.ts). A WriteDb is a ReadDb.
 */
export interface ReadDb {
  readonly [access]: 'read' | 'write';
  readonly name: string;
  readonly inTransaction: boolean;
  prepare(source: string): ReadStatement;
  pragma(source: string, options?: Database.PragmaOptions): unknown;
  backup(destination: string, options?: Database.BackupOptions): Promise<Database.BackupMetadata>;
}
/** A handle that may write. Ops get one only inside dispatch's write transaction (main/ops/run.ts). */
export type WriteDb = Database.Database & { readonly [access]: 'write' };

/**
 * Under Electron the addon must match Electron's ABI: `npm start` builds a copy for it and points here,
 * so the copy in node_modules stays built for Node and the tests never need a rebuild.
 */
const nativeBinding = process.env.DOSSIER_SQLITE_BINDING || undefined;
const sqlite = (path: string, opts: Database.Options = {}) => new Database(path, nativeBinding ? { ...opts, nativeBinding } : opts);

/** PRAGMA application_id of a Dossier database: 'DOSS'. */
export const APPLICATION_ID = 0x444f5353;

export interface OpenOptions {
  /** Refuse to create the file if it is missing. */
  mustExist?: boolean;
  /** ms to wait on a lock held by another process (the CLI while the app runs). */
  busyTimeoutMs?: number;
}

/**
 * Checks a file is a Dossier database the app can open, without writing to it or creating anything beside it.
 * Returns its schema version (0 = new). The header is read as bytes; only a file with a live write-ahead log (whose
 * header may be stale) is asked through SQLite, and its `-wal`/`-shm` files exist already.
 */
export function inspectFile(path: string): number {
  const h = readHeader(path);
  if (!h) return 0;
  if (!h.sqlite) {
    throw new DossierError('not_dossier', `${path} is not a Dossier database (it is not an SQLite file). It was left untouched.`, {
      details: { file: path },
    });
  }
  const { applicationId, userVersion, emptySchema } = h.wal && hasLiveWal(path) ? inspectThroughSqlite(path) : h;
  if (h.malformed && !(h.wal && hasLiveWal(path))) {
    throw new DossierError('damaged', `${path} is damaged: its SQLite header is not valid. It was left untouched. ${RESTORE_ADVICE}`, { details: { file: path } });
  }
  if (applicationId !== APPLICATION_ID && !(applicationId === 0 && emptySchema)) {
    throw new DossierError('not_dossier', `${path} is an SQLite database of another application, not a Dossier database. It was left untouched.`, {
      details: { file: path, applicationId },
    });
  }
  if (userVersion > LATEST_VERSION) throw schemaTooNew(path, userVersion);
  return userVersion;
}

/** The identity fields read through SQLite, for a file whose latest pages are still in its write-ahead log. */
function inspectThroughSqlite(path: string): Pick<FileHeader, 'applicationId' | 'userVersion' | 'emptySchema'> {
  let ro: Database.Database | null = null;
  try {
    ro = sqlite(path, { readonly: true, fileMustExist: true });
    const tables = ro.prepare(`SELECT count(*) AS n FROM sqlite_schema`).get() as { n: number };
    return {
      applicationId: ro.pragma('application_id', { simple: true }) as number,
      userVersion: ro.pragma('user_version', { simple: true }) as number,
      emptySchema: tables.n === 0,
    };
  } catch (err) {
    // An SQLite header with damage behind it is a damaged dossier (restore a backup), not another program's file.
    if (isDamage(err)) throw sqliteFailure(err, path)!;
    throw new DossierError('not_dossier', `${path} cannot be read as a Dossier database: ${(err as Error).message}. It was left untouched.`, {
      details: { file: path },
    });
  } finally {
    ro?.close();
  }
}

const schemaTooNew = (path: string, version: number) =>
  new DossierError(
    'schema_too_new',
    `${path} was written by a newer Dossier (schema ${version}; this app knows up to ${LATEST_VERSION}). Update Dossier to open it. The file was left untouched.`,
    { details: { file: path, schemaVersion: version, knownVersion: LATEST_VERSION } },
  );

/** Pragmas set on every open: durability and integrity are not left to defaults. */
export function applyPragmas(db: Database.Database, busyTimeoutMs = 10_000): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  if (db.name !== ':memory:') db.pragma('journal_mode = WAL');
  // FULL: every acknowledged commit is synced to disk, so it survives a killed process and a power cut.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('trusted_schema = OFF');
  // Statement journals in memory: every write that fires a trigger (the team capture triggers: every shared table)
  // journals the pages it changes; in a temporary file that is a pwrite per page, a third of a large import's time.
  // They only ever undo part of an open transaction, so where they live does not touch durability.
  db.pragma('temp_store = MEMORY');
}

/**
 * Opens (creating if needed) and migrates a Dossier database. A new file (and a missing folder) is created readable by
 * its owner only, before SQLite sees it: SQLite gives the -wal and -shm files the database file's permissions.
 */
export function openDb(path: string, opts: OpenOptions = {}): WriteDb {
  if (opts.mustExist && !existsSync(path)) {
    throw new DossierError('not_found', `No Dossier database at ${path}.`, { details: { file: path } });
  }
  inspectFile(path);
  if (path !== ':memory:') {
    // A folder made here is private; one the user chose (--db) keeps the permissions it has (ops/open.ts tightens Dossier's own).
    makePrivateDir(dirname(path));
    createPrivateFile(path);
    for (const f of [path, `${path}-wal`, `${path}-shm`]) tighten(f);
  }
  const db = sqlite(path) as WriteDb;
  try {
    applyPragmas(db, opts.busyTimeoutMs);
    migrate(db);
    // Capture triggers follow the code that derives them, even without a schema change.
    if (schemaVersion(db) >= 30) db.transaction(() => installCapture(db)).immediate();
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** An in-memory database at the latest schema (or at `version`), for tests. */
export function createDb(version: number = LATEST_VERSION): WriteDb {
  const db = sqlite(':memory:') as WriteDb;
  applyPragmas(db);
  migrateTo(db, version);
  return db;
}

export function schemaVersion(db: ReadDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: WriteDb): void {
  migrateTo(db, LATEST_VERSION);
}

/** Applies pending migrations up to `target` in one transaction; on any failure nothing changes. */
export function migrateTo(db: WriteDb, target: number, list: readonly { version: number; up: (db: WriteDb) => void }[] = migrations): void {
  for (let i = 1; i < list.length; i++) {
    if (list[i]!.version <= list[i - 1]!.version) throw new Error(`Migrations out of order at version ${list[i]!.version}`);
  }
  const current = schemaVersion(db);
  const known = list.length ? list[list.length - 1]!.version : 0;
  if (current > known) throw schemaTooNew(db.name, current);
  const pending = list.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return;
  const run = db.transaction(() => {
    // A team dossier's capture triggers are derived from the schema: off while migrations reshape it (each replica
    // migrates for itself, so nothing a migration writes is a change to share), then made again for the new schema.
    const capture = current >= 30 ? dropCapture(db) : null;
    for (const m of pending) m.up(db);
    // Tables a later migration made (40's clearance) get their gids and triggers too, whatever version it started at.
    if (pending[pending.length - 1]!.version >= 30) installCapture(db, capture?.enabled);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${pending[pending.length - 1]!.version}`);
  });
  run.immediate();
}

/**
 * Runs `fn` in a write transaction that takes the lock at once (BEGIN IMMEDIATE), so it waits on busy_timeout instead
 * of failing mid-way. `fn` must be synchronous: better-sqlite3 would COMMIT at its first `await`, and another call on
 * the shared connection could then run inside the half-done transaction. A promise returned is refused (rolled back).
 */
export function writeTx<T>(db: WriteDb, fn: () => T): T {
  return db
    .transaction(() => {
      const out = fn();
      if (isThenable(out)) throw new TypeError('A write transaction cannot await: do the async work before it and return a synchronous write step.');
      return out;
    })
    .immediate();
}

/**
 * Runs `fn` in one read transaction, so everything it reads comes from one state of the file even while another
 * process writes (WAL keeps the snapshot until the end). Synchronous for the same reason as writeTx. Inside a write
 * transaction it is a savepoint of it.
 */
export function readTx<T>(db: ReadDb, fn: () => T): T {
  return (db as unknown as Database.Database)
    .transaction(() => {
      const out = fn();
      if (isThenable(out)) throw new TypeError('A read transaction cannot await.');
      return out;
    })
    .deferred();
}

const isThenable = (v: unknown): boolean => typeof (v as { then?: unknown } | null)?.then === 'function';

/**
 * `writeTx` for work that awaits between its writes (loading the demo builds packs): one BEGIN IMMEDIATE … COMMIT
 * around all of it, rolled back if it throws; `writeTx` calls inside become savepoints. Only for short work at a
 * moment nothing else writes through this connection (a write made meanwhile would join, and share, its fate).
 */
export async function writeTxAsync<T>(db: WriteDb, fn: () => Promise<T>): Promise<T> {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = await fn();
    db.exec('COMMIT');
    return result;
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

/** Copies the live database to `dest` with SQLite's online backup API (safe while the app writes). */
export async function backupTo(db: ReadDb, dest: string): Promise<{ pages: number }> {
  const res = await db.backup(dest);
  return { pages: res.totalPages };
}

/** SQLite's integrity_check: ['ok'], or the problems found. Damage bad enough to stop the check itself is one problem. */
export function integrityCheck(db: ReadDb): string[] {
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check);
  } catch (err) {
    if (isDamage(err)) return [`The check could not finish: ${(err as Error).message}.`];
    throw err;
  }
}

export const nowIso = () => new Date().toISOString();
