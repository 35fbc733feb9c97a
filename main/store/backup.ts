/**
 * Backups and restore of the one SQLite file. Copies are always made with SQLite's online backup API
 * (consistent even while another connection writes, WAL included), written to a temporary name and renamed,
 * so a backup on disk is either complete or absent. Restore checks the candidate before anything is touched,
 * keeps the current database as a dated copy, and swaps the new file in with one rename.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readdirSync, renameSync, rmSync, rmdirSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { DossierError } from '../../contract/errors';
import { type ReadDb, inspectFile, integrityCheck } from './db';
import { hasLiveWal } from './file-header';
import { copyPrivately, createPrivateFile, makePrivateDir, syncDirectory } from './private-files';
import { isDamage } from './sqlite-errors';

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


/** The copy of a database did not pass its integrity check: the source is damaged. */
class DamagedCopyError extends Error {}

/**
 * What a caller gives long work on backups (the app's Back Up Now and restore): a signal that cancels it at its safe
 * points, which leave nothing behind, and its steps as they pass.
 */
export interface LongOptions {
  signal?: AbortSignal | undefined;
  step?: ((done: number, total: number, label: string) => void) | undefined;
}

/** Throws `cancelled` when the caller has cancelled: called only where nothing is half written. */
function stopIfCancelled(opts: LongOptions): void {
  if (opts.signal?.aborted) throw new DossierError('cancelled', 'Cancelled; nothing was changed.');
}

/**
 * Copies the live database to `dest` atomically: a private `.part` file first, made a self-contained file (rollback
 * journal, not WAL, so opening it later creates nothing beside it), checked, then renamed. Nothing else is left.
 */
export async function copyDatabase(db: ReadDb | Database.Database, dest: string, opts: LongOptions = {}): Promise<{ file: string; pages: number }> {
  stopIfCancelled(opts);
  makePrivateDir(dirname(dest));
  const part = `${dest}.part`;
  removeWithSideFiles(part);
  try {
    createPrivateFile(part);
    opts.step?.(0, 3, 'Copying the dossier');
    // All remaining pages in one step: SQLite restarts a stepwise backup whenever another connection writes,
    // so with an app busy writing a paced backup might never finish. One step holds a read snapshot instead.
    const res = await db.backup(part, { progress: () => 0x7fffffff });
    // Read-write, so closing removes the -wal/-shm that a WAL-mode copy would otherwise leave as `.part-wal`/`.part-shm`.
    opts.step?.(1, 3, 'Checking the copy');
    const check = new Database(part, { fileMustExist: true });
    try {
      check.pragma('journal_mode = DELETE');
      const rows = check.pragma('integrity_check') as { integrity_check: string }[];
      if (rows.length !== 1 || rows[0]!.integrity_check !== 'ok') throw new DamagedCopyError(`the copy failed its integrity check (${rows[0]?.integrity_check})`);
    } finally {
      check.close();
    }
    // The last safe point: until the rename, the copy is only a `.part` file, removed below.
    stopIfCancelled(opts);
    opts.step?.(2, 3, 'Saving the copy');
    renameSync(part, dest);
    syncDirectory(dirname(dest));
    opts.step?.(3, 3, 'Done');
    return { file: dest, pages: res.totalPages };
  } catch (err) {
    removeWithSideFiles(part);
    throw err;
  }
}

function rmdirQuietly(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // not empty, or already gone: leave it
  }
}

/** Removes a database file of ours with any journal, WAL or shared-memory file beside it. */
function removeWithSideFiles(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
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
export async function backupNow(db: ReadDb, dataDir: string, now: Date, opts: LongOptions = {}): Promise<BackupFile & { pages: number }> {
  // Before the folder is made: a cancelled first backup leaves no empty backups folder either.
  stopIfCancelled(opts);
  const dir = backupDir(dataDir);
  const fresh = !existsSync(dir);
  makePrivateDir(dir, true);
  const name = `dossier-${day(now)}-${stamp(now).slice(9)}.db`;
  let pages: number;
  try {
    ({ pages } = await copyDatabase(db, join(dir, name), opts));
  } catch (err) {
    // A first backup that did not happen leaves no empty backups folder behind (rmdirSync never removes a full one).
    if (fresh) rmdirQuietly(dir);
    throw err;
  }
  return { ...listBackups(dataDir).find((b) => b.name === name)!, pages };
}

/** Whether no backup (automatic or not) was taken yet on `now`'s UTC day: a look at the folder, nothing opened. */
export function dailyBackupDue(dataDir: string, now: Date): boolean {
  const newest = listBackups(dataDir)[0];
  return !newest || newest.takenAt.slice(0, 10) < day(now);
}

/**
 * The automatic daily backup, called at start-up by the app and the host: makes `dossier-YYYY-MM-DD.db` unless
 * a backup (automatic or not) was already taken that UTC day, then keeps only the newest `keep` automatic ones.
 */
export async function dailyBackup(db: ReadDb, dataDir: string, now: Date, keep = DEFAULT_KEEP, opts: LongOptions = {}): Promise<{ created: string | null; removed: string[] }> {
  const today = day(now);
  makePrivateDir(backupDir(dataDir), true);
  let created: string | null = null;
  if (dailyBackupDue(dataDir, now)) {
    // A daily backup cut off when the app was closed mid-copy left its `.part` file; it is never finished later.
    for (const name of readdirSync(backupDir(dataDir))) if (/^dossier-\d{4}-\d{2}-\d{2}\.db\.part$/.test(name)) removeWithSideFiles(join(backupDir(dataDir), name));
    created = (await copyDatabase(db, join(backupDir(dataDir), `dossier-${today}.db`), opts)).file;
  }
  const removed: string[] = [];
  for (const old of listBackups(dataDir).filter((b) => b.automatic).slice(Math.max(1, keep))) {
    rmSync(old.file, { force: true });
    removed.push(old.file);
  }
  return { created, removed };
}

/**
 * Checks that `file` is a Dossier database this app can open (known schema, not empty), reading only its header:
 * nothing is written to it or created beside it. Returns its schema version. Its pages are checked on the staged copy.
 */
export function checkRestorable(file: string): number {
  if (!existsSync(file)) throw new DossierError('not_found', `There is no file ${file} to restore from.`, { details: { file } });
  let version: number;
  try {
    version = inspectFile(file);
  } catch (err) {
    if (err instanceof DossierError && err.code === 'damaged') {
      throw new DossierError('not_dossier', `${file} is damaged (its SQLite header is not valid); nothing was restored.`, { details: { file } });
    }
    throw err;
  }
  if (version === 0) throw new DossierError('not_dossier', `${file} is empty or not a Dossier database; nothing was restored.`, { details: { file } });
  return version;
}

/**
 * Copies a restore's source to `staged` and checks the copy's every page. A source with a live write-ahead log is read
 * through SQLite (its side files exist already); any other is copied byte for byte and switched to a rollback
 * journal, so the source is never opened by SQLite and nothing appears beside it.
 */
async function stageCopy(source: string, staged: string, opts: LongOptions = {}): Promise<void> {
  removeWithSideFiles(staged);
  if (hasLiveWal(source)) {
    const src = new Database(source, { readonly: true, fileMustExist: true });
    try {
      await copyDatabase(src, staged, { signal: opts.signal });
    } finally {
      src.close();
    }
    return;
  }
  try {
    copyPrivately(source, staged);
    const fd = openSync(staged, 'r+');
    try {
      // File format write/read versions: 1 = rollback journal (2 = WAL, which would need the source's -wal).
      writeSync(fd, Buffer.from([1, 1]), 0, 2, 18);
    } finally {
      closeSync(fd);
    }
    const check = new Database(staged, { fileMustExist: true });
    let rows: string[];
    try {
      rows = integrityCheck(check as unknown as ReadDb); // a raw connection that only reads
    } finally {
      check.close();
    }
    if (rows.length !== 1 || rows[0] !== 'ok') {
      throw new DossierError('not_dossier', `${source} is damaged (integrity check: ${rows.slice(0, 3).join('; ')}); nothing was restored.`, {
        details: { file: source, integrity: rows.slice(0, 20) },
      });
    }
  } catch (err) {
    removeWithSideFiles(staged);
    if (isDamage(err)) throw new DossierError('not_dossier', `${source} is damaged (${(err as Error).message}); nothing was restored.`, { details: { file: source } });
    throw err;
  }
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
 * The dated copy of the current database a restore leaves beside it, or null when there is none. A sound database
 * is copied with the online backup (consistent while others write); a damaged one (the usual reason to restore)
 * cannot pass that copy's check, so its bytes are kept as they are, WAL included, for whoever wants to look.
 */
async function keepCurrent(dbPath: string, dest: string, current?: ReadDb, opts: LongOptions = {}): Promise<string | null> {
  if (!current && !existsSync(dbPath)) return null;
  try {
    if (current) return (await copyDatabase(current, dest, { signal: opts.signal })).file;
    const cur = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      return (await copyDatabase(cur, dest, { signal: opts.signal })).file;
    } finally {
      cur.close();
    }
  } catch (err) {
    if (!(err instanceof DamagedCopyError) && !isDamage(err)) throw err;
    rmSync(dest, { force: true });
    copyPrivately(dbPath, dest);
    if (existsSync(`${dbPath}-wal`)) copyPrivately(`${dbPath}-wal`, `${dest}-wal`);
    return dest;
  }
}

/**
 * Step 1 of a restore, while the current database may still be open and in use: check the source, copy it to
 * a staging file beside the database, and keep a dated copy of the current database. Nothing is replaced yet, so a
 * cancel up to its end removes the staged and kept copies and leaves every file as it was.
 */
export async function prepareRestore(dbPath: string, source: string, now: Date, current?: ReadDb, opts: LongOptions = {}): Promise<RestorePlan> {
  opts.step?.(0, 4, 'Checking the backup');
  const schemaVersion = checkRestorable(source);
  stopIfCancelled(opts);
  const staged = `${dbPath}.restore`;
  opts.step?.(1, 4, 'Copying the backup');
  await stageCopy(source, staged, opts);
  let kept: string | null = null;
  try {
    stopIfCancelled(opts);
    opts.step?.(2, 4, 'Keeping a copy of the current dossier');
    kept = await keepCurrent(dbPath, keptCopyPath(dbPath, now), current, opts);
    // The last safe point: the caller swaps the files right after, without yielding.
    stopIfCancelled(opts);
  } catch (err) {
    removeWithSideFiles(staged);
    if (kept) removeWithSideFiles(kept);
    throw err;
  }
  opts.step?.(3, 4, 'Replacing the dossier');
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
      removeWithSideFiles(plan.staged);
      throw new DossierError('conflict', `${dbPath} is open in another Dossier (the app, a host or a CLI). Close it, then restore again.`, {
        details: { file: dbPath },
      });
    }
  }
  rmSync(`${dbPath}-shm`, { force: true });
  renameSync(plan.staged, dbPath);
  syncDirectory(dirname(dbPath));
}
