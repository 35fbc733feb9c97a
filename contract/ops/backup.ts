/** Backups of the dossier file: list, back up now, restore. */
import { z } from 'zod';
import { op } from './op';

const BackupInfo = z.object({ name: z.string(), takenAt: z.string(), automatic: z.boolean(), bytes: z.number().int() });

export const backupOps = {
  'backup.list': op({
    input: z.object({}),
    output: z.object({ dir: z.string(), backups: z.array(BackupInfo) }),
    kind: 'read',
    doc: 'The backups in the data directory, newest first (automatic daily ones and those made with Back Up Now).',
  }),
  'backup.create': op({ input: z.object({}), output: BackupInfo, kind: 'write', doc: 'Back up the dossier now (online backup; the app keeps working).' }),
  'backup.restore': op({
    input: z.object({ name: z.string().regex(/^dossier-[\d-]+\.db$/, 'Choose one of the listed backups.').max(100) }),
    output: z.object({ restored: z.string(), keptCopy: z.string().nullable(), schemaVersion: z.number().int() }),
    kind: 'write',
    doc: 'Replace the dossier with one of its backups (checked first); the current dossier is kept as a dated copy beside it.',
  }),
} as const;
