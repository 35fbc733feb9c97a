/**
 * The one error type that crosses every boundary (IPC, HTTP, CLI) as plain data.
 * `field` names the input field at fault; `details` carries e.g. `{file, line}` for imports.
 * `busy`: another program held the dossier's write lock past the busy timeout (nothing was changed; try again).
 * `damaged`: the dossier file is corrupt (restore a backup). `cancelled`: the caller stopped long work; nothing was kept.
 */
export type ErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'schema_too_new' | 'not_dossier' | 'busy' | 'damaged' | 'cancelled' | 'internal';

export interface ErrorData {
  code: ErrorCode;
  message: string;
  field?: string;
  details?: Record<string, unknown>;
}

export class DossierError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message: string, opts: { field?: string; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = 'DossierError';
    this.code = code;
    this.field = opts.field;
    this.details = opts.details;
  }
  toData(): ErrorData {
    const d: ErrorData = { code: this.code, message: this.message };
    if (this.field !== undefined) d.field = this.field;
    if (this.details !== undefined) d.details = this.details;
    return d;
  }
  static from(data: ErrorData): DossierError {
    const opts: { field?: string; details?: Record<string, unknown> } = {};
    if (data.field !== undefined) opts.field = data.field;
    if (data.details !== undefined) opts.details = data.details;
    return new DossierError(data.code, data.message, opts);
  }
}

export const notFound = (what: string, id: number | string) => new DossierError('not_found', `${what} ${id} does not exist.`);
export const invalid = (field: string, message: string) => new DossierError('invalid_input', message, { field });

/** What to do about a damaged dossier, said the same way everywhere (CLI, app, host). */
export const RESTORE_ADVICE =
  'Restore a backup: in the app, Backups (foot of the sidebar) → Restore; on the command line, `dossier backup --list` then `dossier restore <file>`. The damaged file is kept as a dated copy.';

/** Reply shape on every transport. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ErrorData };
