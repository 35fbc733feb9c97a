/**
 * The messages between an engine (engine.ts) and its long-work lane (lane.ts, a worker thread with its own connection
 * to the dossier), and between the Electron shell and its operations process. Plain data only: they cross threads
 * and processes by structured clone.
 */
import type { ErrorData, Reply } from '../../contract/errors';

/** How far long work has got: `done` of `total` steps, and what it is doing now. */
export interface Progress {
  done: number;
  total: number;
  label: string;
}

/** What a lane needs to open the same dossier as its engine. Functions cannot cross: the clock goes as an offset. */
export interface LaneSetup {
  dbPath: string;
  dataDir: string;
  writesFiles: boolean;
  /** The engine's clock minus the real one (tests pin the clock). */
  clockOffsetMs: number;
  /** The engine can open files in the system viewer (the desktop app); the lane asks it to. */
  canOpenPaths: boolean;
  busyTimeoutMs?: number;
  /**
   * The after-write hooks (OpsContext.afterWrite) cannot cross a thread as functions: a module the lane imports instead,
   * whose `afterWriteHooks()` gives the same hooks for the lane's own connection (EngineOptions.afterWriteModule).
   */
  afterWriteModule?: string;
  /**
   * One Int32 the engine sets to 1 when the caller cancels the running call. Long work runs synchronously (an import's
   * transaction), so a 'cancel' message would wait until it ended; this flag is seen at the work's next check.
   */
  cancelFlag: SharedArrayBuffer;
}

/** Engine → lane. */
export type ToLane =
  | { type: 'call'; id: number; name: string; input: unknown }
  | { type: 'cancel'; id: number }
  | { type: 'openPathDone'; ask: number; error: string | null }
  | { type: 'keychainDone'; ask: number; value: string | null; error: string | null };

/** Lane → engine. */
export type FromLane =
  | { type: 'ready' }
  | { type: 'failed'; error: ErrorData }
  | { type: 'progress'; id: number; progress: Progress }
  | { type: 'reply'; id: number; reply: Reply<unknown> }
  | { type: 'openPath'; ask: number; path: string }
  /** The desktop app's operations process asks the main process, which alone has the OS keychain (safeStorage). */
  | { type: 'keychain'; ask: number; action: 'load' | 'save' | 'clear'; dir: string; account: string; secret?: string };
