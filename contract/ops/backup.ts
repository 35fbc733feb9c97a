/** Backups of the dossier file: list, back up now, restore. */
import { z } from 'zod';
import { op } from './op';

const BackupInfo = z.object({ name: z.string(), takenAt: z.string(), automatic: z.boolean(), bytes: z.number().int() });
/**
 * A file anywhere on this machine, named by absolute path. Only the command line may name one (OpsContext.writesFiles):
 * the window and the browser host work with the listed backups.
 */
const AbsolutePath = z
  .string()
  .trim()
  .max(4096)
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'Give an absolute path.');

export const backupOps = {
  'backup.list': op({
    input: z.object({}),
    output: z.object({ dir: z.string(), backups: z.array(BackupInfo) }),
    kind: 'read',
    doc: 'The backups in the data directory, newest first (automatic daily ones and those made with Back Up Now).',
  }),
  // A read: it copies the dossier into a file (the backups folder, or `out`) and changes nothing in it.
  'backup.create': op({
    input: z.object({ out: AbsolutePath.optional() }),
    output: BackupInfo.extend({ file: z.string(), pages: z.number().int() }),
    kind: 'read',
    long: true,
    doc: 'Back up the dossier now (online backup; the app keeps working), into the backups folder or (command line) to the file `out`.',
  }),
  // Run by the app and the host right after start-up, on the long-work lane: the window never waits for the copy.
  'backup.daily': op({
    input: z.object({ keep: z.number().int().min(1).max(365).optional() }),
    output: z.object({ created: z.string().nullable(), removed: z.array(z.string()) }),
    kind: 'read',
    long: true,
    doc: 'The automatic daily backup: made into the backups folder unless one was taken today (UTC), then only the newest `keep` (default 7) automatic ones are kept.',
  }),
  'backup.restore': op({
    input: z
      .object({
        name: z.string().regex(/^dossier-[\d-]+\.db$/, 'Choose one of the listed backups.').max(100).optional(),
        file: AbsolutePath.optional(),
      })
      .refine((i) => (i.name === undefined) !== (i.file === undefined), { message: 'Give the name of a listed backup or (command line) a file.', path: ['name'] }),
    output: z.object({ restored: z.string(), keptCopy: z.string().nullable(), schemaVersion: z.number().int() }),
    kind: 'write',
    long: true,
    doc: 'Replace the dossier with one of its backups or (command line) a backup file, checked first; the current dossier is kept as a dated copy beside it.',
  }),
} as const;
