/** What every operation runs against: the open dossier and the clock. */
import type { Out, OpName, Parsed } from '../../contract/ops';
import { type WriteDb, writeTx } from '../store/db';
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
}

export type Handler<K extends OpName> = (input: Parsed<K>, ctx: OpsContext) => Out<K> | Promise<Out<K>>;
export type HandlerMap<K extends OpName> = { [P in K]: Handler<P> };

/** Runs `fn` as one write transaction (BEGIN IMMEDIATE): all of it lands or none of it does. */
export const write = <T>(ctx: OpsContext, fn: () => T): T => writeTx(ctx.db, fn);

export const today = (ctx: OpsContext) => ctx.now().toISOString().slice(0, 10);
