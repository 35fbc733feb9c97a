/** What every operation runs against: the open dossier and the clock; and the shapes of handlers by the op's kind. */
import type { Out, OpName, Ops, Parsed } from '../../contract/ops';
import type { ReadDb, WriteDb } from '../store/db';
import type { Keychain } from '../team/connect';

export interface OpsContext {
  db: WriteDb;
  /** Path of the database file (':memory:' in tests). */
  dbPath: string;
  /** Directory for backups and other files beside the database. */
  dataDir: string;
  /** The clock; tests pin it. */
  now: () => Date;
  /** Reports progress of long work (imports, packs, backups) to whoever asked; a no-op by default. */
  progress?: (done: number, total: number, label: string) => void;
  /** Set when the caller cancelled; long work checks it between steps and rolls back. */
  signal?: AbortSignal;
  /**
   * May operations write files at paths the caller names (pack.build `out`)? Only the CLI, whose user owns
   * the shell. Never the window or the HTTP host: their caller is a page, which saves through a dialog or a download.
   */
  writesFiles?: boolean;
  /**
   * Opens a file with the system's default application (Electron's shell.openPath). Only the desktop app sets it;
   * ops that need it (pack.open) refuse with a typed error when it is absent, and the page falls back.
   */
  openPath?: (path: string) => Promise<void>;
  /** The OS keychain (Electron safeStorage), where the desktop app keeps a team login's password. Absent elsewhere. */
  keychain?: Keychain;
  /**
   * Called by dispatch for every write op, inside its transaction, after the op's write and before COMMIT: what a
   * hook writes lands with the op or not at all, and a hook that throws rolls the op back. The team sync records
   * its changes here.
   */
  afterWrite?: AfterWrite[];
}

/** A hook run in a write op's transaction (see OpsContext.afterWrite). */
export type AfterWrite = (write: { op: OpName; db: WriteDb }) => void;

/** What a read op (and the preparing part of a write op) sees: the same context through a handle that cannot write. */
export type ReadContext = Omit<OpsContext, 'db'> & { readonly db: ReadDb };
/** What a write step sees: the context with the write handle, inside dispatch's write transaction. */
export type WriteContext = OpsContext;

/** The synchronous part of a write op, run by dispatch inside the write transaction. */
export type WriteStep<O> = (ctx: WriteContext) => O;

/**
 * A write op with work to do before its transaction (parsing a file, laying out a PDF, a long match against the
 * store): `prepare` reads, may await, and returns the write step. Whatever `prepare` read may be stale by the time
 * the step runs if `prepare` awaited (another call can write meanwhile): the step re-checks what it relies on.
 */
export interface Staged<K extends OpName> {
  readonly prepare: (input: Parsed<K>, ctx: ReadContext) => WriteStep<Out<K>> | Promise<WriteStep<Out<K>>>;
}
export const staged = <K extends OpName>(prepare: Staged<K>['prepare']): Staged<K> => ({ prepare });

/**
 * A write op that cannot run inside one transaction on the connection: backup.restore replaces the dossier itself
 * (closes and reopens the connection); the team's create, join, sync and leave talk to PostgreSQL between their own
 * short transactions. Dispatch runs the after-write hooks afterwards (on the reopened dossier for a restore).
 */
export interface Exclusive<K extends OpName> {
  readonly exclusive: (input: Parsed<K>, ctx: OpsContext) => Promise<Out<K>>;
}
export const exclusive = <K extends OpName>(run: Exclusive<K>['exclusive']): Exclusive<K> => ({ exclusive: run });

/** A read op: reads only (its handle cannot write); may await. */
export type ReadHandler<K extends OpName> = (input: Parsed<K>, ctx: ReadContext) => Out<K> | Promise<Out<K>>;
/** A write op: a synchronous write (run in the transaction as a whole), or staged, or exclusive. */
export type WriteHandler<K extends OpName> = ((input: Parsed<K>, ctx: WriteContext) => Out<K>) | Staged<K> | Exclusive<K>;
export type Handler<K extends OpName> = Ops[K]['kind'] extends 'write' ? WriteHandler<K> : ReadHandler<K>;
export type HandlerMap<K extends OpName> = { [P in K]: Handler<P> };

export const today = (ctx: { now: () => Date }) => ctx.now().toISOString().slice(0, 10);
