/**
 * SQLite's failures that mean something to the user, as typed errors: a lock held by another program past the busy
 * timeout, a damaged file, a full disk. Everything else stays an internal error (logged in full, never shown with a
 * stack). Known by the store because only the store speaks SQLite; dispatch asks here before calling an error internal.
 */
import { DossierError, RESTORE_ADVICE } from '../../contract/errors';

export const sqliteCode = (err: unknown): string | null => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
};

/** Is this SQLite's "the file is corrupt / not a database" (for a file whose header looked like SQLite's)? */
export const isDamage = (err: unknown): boolean => {
  const code = sqliteCode(err);
  return code !== null && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
};

/**
 * The typed error for a SQLite failure the user can act on, or null. `file` names the dossier in the message when known.
 * A busy error means the statement never ran (BEGIN IMMEDIATE waits for the lock first), so nothing was changed.
 */
export function sqliteFailure(err: unknown, file?: string): DossierError | null {
  const code = sqliteCode(err);
  if (code === null) return null;
  const where = file && file !== ':memory:' ? ` (${file})` : '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DossierError(
      'busy',
      `Another program is writing to the dossier${where} and kept it locked longer than Dossier waits. Nothing was changed; try again when it has finished (another Dossier window, a command-line import or a backup).`,
      { details: { sqlite: code } },
    );
  }
  if (isDamage(err)) {
    return new DossierError('damaged', `The dossier file${where} is damaged (SQLite: ${(err as Error).message}). ${RESTORE_ADVICE}`, { details: { sqlite: code, ...(file ? { file } : {}) } });
  }
  if (code.startsWith('SQLITE_FULL')) {
    return new DossierError('conflict', `The disk holding the dossier${where} is full. Nothing was changed; free some space and try again.`, { details: { sqlite: code } });
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM')) {
    return new DossierError('conflict', `Dossier may not write to the dossier file${where} (SQLite: ${(err as Error).message}). Check the file and its folder belong to you.`, {
      details: { sqlite: code },
    });
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) return new DossierError('conflict', `The change conflicts with existing data (${code}).`);
  return null;
}
