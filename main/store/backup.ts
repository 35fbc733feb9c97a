/**
 * Backups and restore of the one SQLite file. Copies are always made with SQLite's online backup API
 * (consistent even while another connection writes, WAL included), written to a temporary name and renamed,
 * so a backup on disk is either complete or absent. Restore checks the candidate before anything is touched,
 * keeps the current database as a dated copy, and swaps the new file in with one rename.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { DossierError } from '../../contract/errors';
import { type ReadDb, inspectFile } from './db';

/** Automatic backups are `dossier-YYYY-MM-DD.db`; ones the user asks for carry the time too. */
const NAME = /^dossier-(\d{4}-\d{2}-\d{2})(?:-(\d{2})(\d{2})(\d{2}))?\.db$/;
export const DEFAULT_KEEP = 7;

export interface BackupFile {
  name: string;
  file: string;
  /** UTC instant the name stands for (midnight UTC for automatic daily backups). */
  takenAt: string;
  automatic: boolean;
  bytes: number;
}

export const backupDir = (dataDir: string) => join(dataDir, 'backups');

const stamp = (d: Date) => d.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-'); // 20261123-090000
const day = (d: Date) => d.toISOString().slice(0, 10);

/** Flushes a directory entry (rename, create) to disk where the platform allows it. */
function syncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Copies the live database to `dest` atomically: a `.part` file first, checked, then renamed. */
export async function copyDatabase(db: ReadDb | Database.Database, dest: string): Promise<{ file: string; pages: number }> {
  mkdirSync(dirname(dest), { recursive: true });
  const part = `${dest}.part`;
  rmSync(part, { force: true });
  try {
    // All remaining pages in one step: SQLite restarts a stepwise backup whenever another connection writes,
    // so with an app busy writing a paced backup might never finish. One step holds a read snapshot instead.
    const res = await db.backup(part, { progress: () => 0x7fffffff });
    const check = new Database(part, { readonly: true, fileMustExist: true });
    try {
      const rows = check.pragma('integrity_check') as { integrity_check: string }[];
      if (rows.length !== 1 || rows[0]!.integrity_check !== 'ok') throw new Error(`the copy failed its integrity check (${rows[0]?.integrity_check})`);
    } finally {
      check.close();
    }
    renameSync(part, dest);
    syncDir(dirname(dest));
    return { file: dest, pages: res.totalPages };
  } catch (err) {
    rmSync(part, { force: true });
    throw err;
  }
}

/** Every backup in `<dataDir>/backups`, newest first. Files of other names are ignored, never deleted. */
export function listBackups(dataDir: string): BackupFile[] {
  const dir = backupDir(dataDir);
  if (!existsSync(dir)) return [];
  const out: BackupFile[] = [];
  for (const name of readdirSync(dir)) {
    const m = NAME.exec(name);
    if (!m) continue;
    const [, date, hh, mm, ss] = m;
    const takenAt = `${date}T${hh ?? '00'}:${mm ?? '00'}:${ss ?? '00'}.000Z`;
    if (Number.isNaN(Date.parse(takenAt))) continue;
    const file = join(dir, name);
    out.push({ name, file, takenAt, automatic: hh === undefined, bytes: statSync(file).size });
  }
  return out.sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : a.automatic ? 1 : -1));
}

/** A backup the user asked for ("Back Up Now"): `dossier-YYYY-MM-DD-HHMMSS.db`, never pruned automatically. */
export async function backupNow(db: ReadDb, dataDir: string, now: Date): Promise<BackupFile & { pages: number }> {
  const name = `dossier-${day(now)}-${stamp(now).slice(9)}.db`;
  const { pages } = await copyDatabase(db, join(backupDir(dataDir), name));
  return { ...listBackups(dataDir).find((b) => b.name === name)!, pages };
}

/**
 * The automatic daily backup, called at start-up by the app and the host: makes `dossier-YYYY-MM-DD.db` unless
 * a backup (automatic or not) was already taken that UTC day, then keeps only the newest `keep` automatic ones.
 */
export async function dailyBackup(db: ReadDb, dataDir: string, now: Date, keep = DEFAULT_KEEP): Promise<{ created: string | null; removed: string[] }> {
  const today = day(now);
  const newest = listBackups(dataDir)[0];
  let created: string | null = null;
  if (!newest || newest.takenAt.slice(0, 10) < today) {
    created = (await copyDatabase(db, join(backupDir(dataDir), `dossier-${today}.db`))).file;
  }
  const removed: string[] = [];
  for (const old of listBackups(dataDir).filter((b) => b.automatic).slice(Math.max(1, keep))) {
    rmSync(old.file, { force: true });
    removed.push(old.file);
  }
  return { created, removed };
}

/**
 * Checks that `file` is a Dossier database this app can open (known schema, not empty) and that it passes
 * integrity_check, without writing to it. Returns its schema version.
 */
export function checkRestorable(file: string): number {
  if (!existsSync(file)) throw new DossierError('not_found', `There is no file ${file} to restore from.`, { details: { file } });
  const version = inspectFile(file);
  if (version === 0) throw new DossierError('not_dossier', `${file} is empty or not a Dossier database; nothing was restored.`, { details: { file } });
  const ro = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = (ro.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    if (rows.length !== 1 || rows[0] !== 'ok') {
      throw new DossierError('not_dossier', `${file} is damaged (integrity check: ${rows.slice(0, 3).join('; ')}); nothing was restored.`, {
        details: { file, integrity: rows.slice(0, 20) },
      });
    }
  } finally {
    ro.close();
  }
  return version;
}

/** Where the current database is kept when a restore replaces it: `dossier-before-restore-20261123-090000.db` beside it. */
export function keptCopyPath(dbPath: string, now: Date): string {
  const ext = extname(dbPath) || '.db';
  return join(dirname(dbPath), `${basename(dbPath, extname(dbPath))}-before-restore-${stamp(now)}${ext}`);
}

export interface RestorePlan {
  /** The checked copy of the source, ready to be renamed over the database. */
  staged: string;
  /** The dated copy of the current database (null when there was none). */
  kept: string | null;
  schemaVersion: number;
}

/**
 * Step 1 of a restore, while the current database may still be open and in use: check the source, copy it to
 * a staging file beside the database, and keep a dated copy of the current database. Nothing is replaced yet.
 */
export async function prepareRestore(dbPath: string, source: string, now: Date, current?: ReadDb): Promise<RestorePlan> {
  const schemaVersion = checkRestorable(source);
  const staged = `${dbPath}.restore`;
  const src = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await copyDatabase(src, staged);
  } finally {
    src.close();
  }
  let kept: string | null = null;
  try {
    if (current) kept = (await copyDatabase(current, keptCopyPath(dbPath, now))).file;
    else if (existsSync(dbPath)) {
      const cur = new Database(dbPath, { readonly: true, fileMustExist: true });
      try {
        kept = (await copyDatabase(cur, keptCopyPath(dbPath, now))).file;
      } finally {
        cur.close();
      }
    }
  } catch (err) {
    rmSync(staged, { force: true });
    throw err;
  }
  return { staged, kept, schemaVersion };
}

/**
 * Step 2, synchronous: the caller has closed its connection. Refuses if another process still has the database
 * open (its WAL survives our close), removes the old file's -wal/-shm so they cannot be replayed onto the restored
 * file, and renames the staged copy over the database in one step.
 */
export function commitRestore(dbPath: string, plan: RestorePlan): void {
  if (existsSync(`${dbPath}-wal`)) {
    // The last connection to close deletes the WAL after checkpointing; if it is still here, someone else is open.
    // Checkpoint what is there (it is also in the kept copy), then look again.
    const probe = new Database(dbPath, { fileMustExist: true });
    try {
      probe.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      probe.close();
    }
    if (existsSync(`${dbPath}-wal`)) {
      rmSync(plan.staged, { force: true });
      throw new DossierError('conflict', `${dbPath} is open in another Dossier (the app, a host or a CLI). Close it, then restore again.`, {
        details: { file: dbPath },
      });
    }
  }
  rmSync(`${dbPath}-shm`, { force: true });
  renameSync(plan.staged, dbPath);
  syncDir(dirname(dbPath));
}
