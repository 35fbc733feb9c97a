/** backup: an online copy of the dossier (safe while the app runs); restore: swap a checked backup in. Both through the backup.* ops. */
import { join, resolve } from 'node:path';
import { DossierError } from '../../../contract/errors';
import { restoreClosed } from '../../ops/backup';
import { UsageError, type Command } from '../command';

export const backup: Command = {
  name: 'backup',
  summary: 'Copy the dossier with SQLite’s online backup (safe while the app runs); without <file>, into the backups folder.',
  usage: 'backup [<file>] [--list]',
  options: { list: { type: 'boolean' } },
  run: async ([file], values, env) => {
    if (values.list) {
      const { dir, backups } = await env.call('backup.list', {});
      const all = backups.map((b) => ({ ...b, file: join(dir, b.name) }));
      env.print(all, () =>
        all.length ? all.map((b) => `${b.name}  ${b.automatic ? 'daily' : 'manual'}  ${(b.bytes / 1024).toFixed(0)} KB`).join('\n') : `No backups in ${dir} yet.`,
      );
      return;
    }
    const out = await env.call('backup.create', file ? { out: resolve(file) } : {});
    env.print({ file: out.file, pages: out.pages }, () => `Backed up ${env.dbPath} to ${out.file}.`);
  },
};

export const restore: Command = {
  name: 'restore',
  summary: 'Replace the dossier with a backup, after checking it; the current dossier is kept as a dated copy beside it.',
  usage: 'restore <file>',
  run: async ([file], _v, env) => {
    if (!file) throw new UsageError('restore needs the backup file to restore from.');
    let r;
    try {
      r = await env.call('backup.restore', { file: resolve(file) });
    } catch (err) {
      // A dossier too damaged to open is what restore is for: swap the backup in without opening it.
      if (!(err instanceof DossierError && err.code === 'damaged')) throw err;
      r = await restoreClosed(env.dbPath, resolve(file), new Date());
    }
    env.print(r, () => `Restored ${env.dbPath} from ${r.restored} (schema ${r.schemaVersion}).${r.keptCopy ? `\nThe previous dossier is kept as ${r.keptCopy}.` : ''}`);
  },
};
