/**
 * The one start-up: every front end (the Electron shell, the CLI and its `serve` host, the e2e host, tests, benchmarks,
 * scripts) opens its dossier here and gets the same OpsContext, instead of wiring the store by hand.
 */
import { dirname } from 'node:path';
import { createDb, openDb } from '../store/db';
import { captureWrite } from '../store/sync/stamp';
import { makePrivateDir } from '../store/private-files';
import type { AfterWrite, OpsContext } from './context';
import { defaultDataDir, resolveDbPath } from './paths';

/**
 * The team's capture (store/sync/stamp.ts), which every context opened here runs first after each write. The lane
 * opens its own connection here too, so it has this hook without being sent it (engine.ts counts only the others).
 */
export const teamCapture: AfterWrite = ({ db }) => captureWrite(db);

export interface DossierOptions {
  /**
   * The dossier file. Absent: `$DOSSIER_DB`, else the per-user data directory (main/ops/paths.ts), so the app, the CLI
   * and the host share one dossier. ':memory:' opens a throwaway one at the latest schema (tests).
   */
  path?: string | undefined;
  /** Where backups go; default the file's directory. */
  dataDir?: string;
  /** The clock; default the system's. Tests pin it. */
  now?: () => Date;
  /** See OpsContext.writesFiles: only a front end whose user owns the shell (the CLI) sets it. */
  writesFiles?: boolean;
  /** See OpsContext.openPath: the desktop app's hook to the system viewer. */
  openPath?: (path: string) => Promise<void>;
  /** ms to wait on a lock another process holds; default store/db's. */
  busyTimeoutMs?: number;
  /** See OpsContext.afterWrite: more hooks run in every write op's transaction, after the team's capture. */
  afterWrite?: AfterWrite[];
}

/**
 * Opens (creating its folder and file if needed) and migrates the dossier, and returns the context every operation
 * runs against. A foreign or newer file is refused with a DossierError and left untouched (store/db.ts). The caller
 * closes `ctx.db` when it is done.
 */
export function openDossier(opts: DossierOptions = {}): OpsContext {
  const memory = opts.path === ':memory:';
  const dbPath = memory ? ':memory:' : resolveDbPath(opts.path);
  // Created 0700; Dossier's own data folder (not one the user named) is tightened if an older Dossier left it open.
  if (!memory) makePrivateDir(dirname(dbPath), dirname(dbPath) === defaultDataDir());
  const db = memory ? createDb() : openDb(dbPath, opts.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: opts.busyTimeoutMs });
  return {
    db,
    dbPath,
    dataDir: opts.dataDir ?? (memory ? '/tmp' : dirname(dbPath)),
    now: opts.now ?? (() => new Date()),
    ...(opts.writesFiles ? { writesFiles: true } : {}),
    ...(opts.openPath ? { openPath: opts.openPath } : {}),
    // A team dossier's changes are stamped in the write's own transaction (a no-op for a dossier of no team).
    afterWrite: [teamCapture, ...(opts.afterWrite ?? [])],
  };
}
