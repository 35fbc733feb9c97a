/** backup: an online copy of the dossier (safe while the app runs); restore: swap a checked backup in. */
import { resolve } from 'node:path';
import { DossierError } from '../../../contract/errors';
import { restoreClosed, restoreInto } from '../../ops/backup';
import { backupDir, backupNow, copyDatabase, listBackups } from '../../store/backup';
import { UsageError, type Command } from '../command';

export const backup: Command = {
  name: 'backup',
  summary: 'Copy the dossier with SQLite’s online backup (safe while the app runs); without <file>, into the backups folder.',
  usage: 'backup [<file>] [--list]',
  options: { list: { type: 'boolean' } },
  run: async ([file], values, env) => {
    const ctx = env.ctx();
    if (values.list) {
      const all = listBackups(ctx.dataDir);
      env.print(all, () =>
        all.length ? all.map((b) => `${b.name}  ${b.automatic ? 'daily' : 'manual'}  ${(b.bytes / 1024).toFixed(0)} KB`).join('\n') : `No backups in ${backupDir(ctx.dataDir)} yet.`,
      );
      return;
    }
    const out = file ? await copyDatabase(ctx.db, resolve(file)) : { file: (await backupNow(ctx.db, ctx.dataDir, ctx.now())).file, pages: null };
    env.print({ file: out.file, pages: out.pages }, () => `Backed up ${env.dbPath} to ${out.file}.`);
  },
};

export const restore: Command = {
  name: 'restore',
  summary: 'Replace the dossier with a backup, after checking it; the current dossier is kept as a dated copy beside it.',
  usage: 'restore <file>',
  run: async ([file], _v, env) => {
    if (!file) throw new UsageError('restore needs the backup file to restore from.');
    let ctx;
    try {
      ctx = env.ctx();
    } catch (err) {
      // A dossier too damaged to open is what restore is for.
      if (!(err instanceof DossierError && err.code === 'damaged')) throw err;
    }
    const r = ctx ? await restoreInto(ctx, resolve(file)) : await restoreClosed(env.dbPath, resolve(file), new Date());
    env.print(r, () => `Restored ${env.dbPath} from ${r.restored} (schema ${r.schemaVersion}).${r.keptCopy ? `\nThe previous dossier is kept as ${r.keptCopy}.` : ''}`);
  },
};
