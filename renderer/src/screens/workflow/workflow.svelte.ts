/**
 * The editor's view of a briefing's workflow: its commissions, its clearance and its comment threads, read together
 * and again after a workflow action (or, debounced, after edits, which can reopen a clearance).
 */
import type { Clearance } from '../../../../contract/model';
import type { Commission } from '../../../../contract/model';
import type { CommentThread } from '../../../../contract/model';
import { call } from '../../lib/client';

export class Workflow {
  commissions = $state<Commission[]>([]);
  clearance = $state<Clearance | null>(null);
  threads = $state<CommentThread[]>([]);
  error = $state<string | null>(null);
  /** The briefing's id, read when loading (the editor is re-created when it changes). */
  readonly #briefingId: () => number;

  constructor(briefingId: () => number) {
    this.#briefingId = briefingId;
  }

  async load(): Promise<void> {
    const briefingId = this.#briefingId();
    try {
      const [commissions, clearance, threads] = await Promise.all([
        call('commission.list', { briefingId: briefingId }),
        call('clearance.get', { briefingId: briefingId }),
        call('comment.list', { briefingId: briefingId }),
      ]);
      this.commissions = commissions;
      this.clearance = clearance;
      this.threads = threads;
      this.error = null;
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  /** The section's commissions still in play, and the latest accepted one (its credit line). */
  commissionsOf(sectionId: number): Commission[] {
    const mine = this.commissions.filter((c) => c.sectionId === sectionId);
    const live = mine.filter((c) => c.state !== 'accepted' && c.state !== 'withdrawn');
    const accepted = mine.filter((c) => c.state === 'accepted').sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''));
    return [...live, ...accepted.slice(0, live.length ? 0 : 1)];
  }

  threadsOf(sectionId: number): CommentThread[] {
    return this.threads.filter((t) => t.sectionId === sectionId);
  }

  sectionState(sectionId: number): 'cleared' | 'changed' | 'not_cleared' {
    return this.clearance?.sections.find((s) => s.sectionId === sectionId)?.state ?? 'not_cleared';
  }
}
