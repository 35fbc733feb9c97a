/**
 * Autosave for sections, with no lost keystroke:
 * - every edit is journalled to localStorage at once (synchronous), so even a killed renderer leaves it behind;
 * - it is saved through `section.update` 500 ms after typing stops, or at once on blur / leaving the briefing;
 * - when the page goes away (pagehide) pending edits go out with `callOnExit` (fetch keepalive / IPC);
 * - on the next open, journalled edits that never got acknowledged are applied again (`recover`).
 * The journal entry of a section is removed only once the store acknowledged the save.
 */
import { SvelteMap } from 'svelte/reactivity';
import type { Section } from '../../../../contract/model';
import { call, callOnExit } from '../../lib/client';

export type SectionPatch = { title?: string; content?: string; handling?: Section['handling'] };
export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

const KEY = 'dossier-unsaved-section:';
const DELAY_MS = 500;

function journal(id: number, patch: SectionPatch | null): void {
  try {
    if (patch) localStorage.setItem(KEY + id, JSON.stringify(patch));
    else localStorage.removeItem(KEY + id);
  } catch {
    // Storage full or disabled: the debounce and the exit flush still apply.
  }
}

export class Autosave {
  state = $state<SaveState>('saved');
  error = $state<string | null>(null);
  // Reactive, so `dirty` updates whatever shows it.
  #pending = new SvelteMap<number, SectionPatch>();
  /** Every field's latest edit per section, numbered, so a read can tell which edits came after it began. */
  #edits: Record<number, Partial<Record<keyof SectionPatch, { seq: number; value: unknown }>>> = {};
  #seq = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #running: Promise<void> = Promise.resolve();
  #onSaved: (s: Section) => void;

  constructor(onSaved: (s: Section) => void = () => {}) {
    this.#onSaved = onSaved;
  }

  /** Records an edit of a section; saved shortly after typing stops. */
  edit(id: number, patch: SectionPatch): void {
    const seq = ++this.#seq;
    const fields = (this.#edits[id] ??= {});
    for (const [key, value] of Object.entries(patch)) fields[key as keyof SectionPatch] = { seq, value };
    const merged = { ...this.#pending.get(id), ...patch };
    this.#pending.set(id, merged);
    journal(id, merged);
    this.state = 'pending';
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), DELAY_MS);
  }

  /** A mark to take before reading sections from the store (see `overlay`). */
  mark(): number {
    return this.#seq;
  }

  /**
   * A section as read from the store, with the edits made since `mark` (and any still unsaved) laid over it. A
   * briefing read back after a structural change (a budget, a move) can arrive after text typed meanwhile, saved or
   * not; without this the editor would show the older text, and count and judge the budget on it.
   */
  overlay<T extends Section>(section: T, mark: number): T {
    const patch: Record<string, unknown> = {};
    for (const [key, e] of Object.entries(this.#edits[section.id] ?? {})) if (e.seq > mark) patch[key] = e.value;
    Object.assign(patch, this.#pending.get(section.id));
    return Object.keys(patch).length ? { ...section, ...patch } : section;
  }

  get dirty(): boolean {
    return this.#pending.size > 0;
  }

  /** Saves everything pending now; resolves when the store has it (or the save failed). */
  flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    // Saves run one after another so an older text can never land after a newer one.
    this.#running = this.#running.then(() => this.#saveAll());
    return this.#running;
  }

  async #saveAll(): Promise<void> {
    if (this.#pending.size === 0) return;
    const batch = [...this.#pending];
    this.#pending.clear();
    this.state = 'saving';
    for (const [id, patch] of batch) {
      try {
        const saved = await call('section.update', { id, ...patch });
        if (!this.#pending.has(id)) journal(id, null);
        this.#onSaved(saved);
      } catch (e) {
        journal(id, null); // refused by the store (e.g. final, invalid): retrying cannot help; the message says why
        this.error = (e as Error).message;
        this.state = 'error';
        return;
      }
    }
    this.error = null;
    this.state = this.#pending.size > 0 ? 'pending' : 'saved';
  }

  /** The page is going away: send what is pending without waiting for an answer (the journal stays as a fallback). */
  flushOnExit(): void {
    if (this.#timer) clearTimeout(this.#timer);
    for (const [id, patch] of this.#pending) callOnExit('section.update', { id, ...patch });
    this.#pending.clear();
  }
}

/** Applies journalled edits of these sections that may never have reached the store; returns how many. */
export async function recover(sectionIds: readonly number[]): Promise<number> {
  let n = 0;
  for (const id of sectionIds) {
    const raw = localStorage.getItem(KEY + id);
    if (!raw) continue;
    try {
      await call('section.update', { id, ...(JSON.parse(raw) as SectionPatch) });
      n++;
    } catch {
      // The section is gone or final now; the text is not silently applied elsewhere.
    }
    journal(id, null);
  }
  return n;
}
