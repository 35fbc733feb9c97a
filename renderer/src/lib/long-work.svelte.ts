/**
 * Long work as the user meets it (issue 15): an import, a pack build or issue, a backup or restore runs under a
 * progress dialog (LongWorkDialog) with Cancel. One runner per screen; `run` hands the work the options for
 * `callLong`. Cancel asks the main process to stop: it stops at its next safe point and keeps nothing half done. The
 * dialog says it is stopping until main answers, so what the screen shows afterwards is what really happened (work
 * that finished before the cancel arrived is reported as done).
 */
import { DossierError } from '../../../contract/errors';
import type { Progress } from './client';

/** What `run` hands the work: pass it to callLong. */
export interface LongWorkOptions {
  signal: AbortSignal;
  onProgress: (p: Progress) => void;
}

export class LongWork {
  /** The dialog's title while work runs; null when nothing runs. */
  title = $state<string | null>(null);
  /** The current step in the user's words (main's own step labels are not translated). */
  label = $state('');
  /** How far main says the work has got; null until it says. */
  progress = $state<Progress | null>(null);
  /** Cancel was pressed and main has not answered yet. */
  stopping = $state(false);
  #stop: AbortController | null = null;

  get running(): boolean {
    return this.title !== null;
  }

  /**
   * Runs `work` under `title` (with `label` as its step). Resolves with its value, or null when the user cancelled
   * and main stopped (no error: nothing was changed, and the user asked); any other error is the caller's to show.
   */
  async run<T>(title: string, work: (opts: LongWorkOptions) => Promise<T>, label = ''): Promise<T | null> {
    const stop = new AbortController();
    this.#stop = stop;
    this.title = title;
    this.label = label;
    this.progress = null;
    this.stopping = false;
    try {
      return await work({ signal: stop.signal, onProgress: (p) => void (this.#stop === stop && (this.progress = p)) });
    } catch (err) {
      if (err instanceof DossierError && err.code === 'cancelled') return null;
      throw err;
    } finally {
      if (this.#stop === stop) {
        this.#stop = null;
        this.title = null;
        this.progress = null;
        this.stopping = false;
      }
    }
  }

  /** Asks main to stop the running work (the dialog's Cancel, Esc). */
  cancel(): void {
    if (!this.#stop || this.stopping) return;
    this.stopping = true;
    this.#stop.abort();
  }
}
