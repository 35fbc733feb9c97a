/**
 * Backups from inside the app: list, back up now, restore one of the listed backups, and the automatic daily
 * backup every front end (Electron main, the host's `serve`) runs at start-up.
 */
import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { DossierError } from '../../contract/errors';
import { DEFAULT_KEEP, type BackupFile, backupDir, backupNow, commitRestore, copyDatabase, dailyBackup, dailyBackupDue, listBackups, prepareRestore } from '../store/backup';
import { openDb } from '../store/db';
import { type HandlerMap, type OpsContext, type ReadContext, exclusive } from './context';
import type { Engine } from './engine';

const info = (b: BackupFile) => ({ name: b.name, takenAt: b.takenAt, automatic: b.automatic, bytes: b.bytes });

/**
 * Replaces the open dossier with `source` (any file for the CLI; a listed backup for the app). The copy and the
 * kept copy are made while the dossier is still open; then close, swap and reopen happen without yielding, so no
 * other request sees a closed connection. If the swap is refused the current dossier is reopened untouched.
 */
export async function restoreInto(ctx: OpsContext, source: string): Promise<{ restored: string; keptCopy: string | null; schemaVersion: number }> {
  if (ctx.dbPath === ':memory:') throw new DossierError('conflict', 'This dossier lives in memory only; there is no file to restore into.');
  // Cancellable up to the swap (prepareRestore's last safe point); from there on it runs to the end without yielding.
  const plan = await prepareRestore(ctx.dbPath, source, ctx.now(), ctx.db, { signal: ctx.signal, step: ctx.progress });
  ctx.db.close();
  try {
    commitRestore(ctx.dbPath, plan);
  } finally {
    // Reopen whatever is there now (the restored file, migrated if it was older; or the untouched original).
    ctx.db = openDb(ctx.dbPath);
  }
  return { restored: source, keptCopy: plan.kept, schemaVersion: plan.schemaVersion };
}

/**
 * Replaces a dossier that cannot be opened (a damaged file: the usual reason to restore) with `source`. Its bytes are
 * kept beside it as the dated copy; nothing of it is opened to write.
 */
export async function restoreClosed(dbPath: string, source: string, now: Date): Promise<{ restored: string; keptCopy: string | null; schemaVersion: number }> {
  const plan = await prepareRestore(dbPath, source, now);
  commitRestore(dbPath, plan);
  return { restored: source, keptCopy: plan.kept, schemaVersion: plan.schemaVersion };
}

/**
 * The start-up backup (backup.daily) run through the engine, so on its lane: the copy and its check of a large dossier
 * take a second or more that the window and the page no longer wait for. Started as soon as the engine is, so the
 * copy is the dossier as the user left it (the lane's read snapshot). Never throws, never stops the app from starting.
 */
export async function startupBackup(engine: Engine, log: (msg: string) => void = (m) => console.error(m)): Promise<string | null> {
  if (engine.ctx.dbPath === ':memory:') return null;
  // Most starts have nothing to do: say so from the folder here, rather than start the lane (a thread loading the
  // operations) while the window is opening.
  if (!dailyBackupDue(engine.ctx.dataDir, engine.ctx.now())) return null;
  const reply = await engine.call('backup.daily', {});
  if (reply.ok) return (reply.value as { created: string | null }).created;
  if (reply.error.code !== 'cancelled') log(`Dossier: the daily backup to ${backupDir(engine.ctx.dataDir)} failed: ${reply.error.message}`);
  return null;
}

/** A path the caller names is for the command line only (OpsContext.writesFiles); the app works with the listed backups. */
function shellOnly(ctx: ReadContext, field: 'out' | 'file'): void {
  if (!ctx.writesFiles) throw new DossierError('invalid_input', 'Naming a file to back up to or restore from is for the command line; the app uses its backups folder.', { field });
}

/** A copy of the dossier at a path of the user's choosing (`dossier backup FILE`), written atomically like every backup. */
async function backupTo(ctx: ReadContext, out: string) {
  shellOnly(ctx, 'out');
  const file = resolve(out);
  let pages: number;
  try {
    ({ pages } = await copyDatabase(ctx.db, file, { signal: ctx.signal, step: ctx.progress }));
  } catch (err) {
    if (err instanceof DossierError) throw err;
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new DossierError('invalid_input', `The backup could not be written to ${file} (${reason}). No file was left behind.`, { field: 'out', details: { file } });
  }
  return { name: basename(file), takenAt: ctx.now().toISOString(), automatic: false, bytes: statSync(file).size, file, pages };
}

export const backupHandlers: HandlerMap<'backup.list' | 'backup.create' | 'backup.daily' | 'backup.restore'> = {
  'backup.list': (_, ctx) => ({ dir: backupDir(ctx.dataDir), backups: listBackups(ctx.dataDir).map(info) }),
  'backup.create': async ({ out }, ctx) => {
    if (out !== undefined) return backupTo(ctx, out);
    const b = await backupNow(ctx.db, ctx.dataDir, ctx.now(), { signal: ctx.signal, step: ctx.progress });
    return { ...info(b), file: b.file, pages: b.pages };
  },
  'backup.daily': ({ keep }, ctx) => {
    if (ctx.dbPath === ':memory:') throw new DossierError('conflict', 'This dossier lives in memory only; there is no file to back up.');
    return dailyBackup(ctx.db, ctx.dataDir, ctx.now(), keep ?? DEFAULT_KEEP, { signal: ctx.signal, step: ctx.progress });
  },
  // Replaces the file under the open connection: it runs outside the write transaction (see Exclusive).
  'backup.restore': exclusive<'backup.restore'>(async ({ name, file }, ctx) => {
    if (file !== undefined) {
      shellOnly(ctx, 'file');
      return restoreInto(ctx, resolve(file));
    }
    const found = listBackups(ctx.dataDir).find((b) => b.name === basename(name!));
    if (!found) throw new DossierError('not_found', `There is no backup called ${name}.`, { field: 'name' });
    return restoreInto(ctx, found.file);
  }),
};
