/**
 * History per section: who changed what and when, kept in the dossier (in a team dossier the rows travel like any
 * other shared record, so every replica shows the same history). A removal is recorded before the section goes. Autosave writes every second while someone types; those
 * writes by one person within SITTING_MS of each other are one entry, with the text before the first and after the
 * last. recordSectionChange is the one way in, for edits, accepted contributions and restored versions alike.
 */
import { diffWordsWithSpace } from 'diff';
import type { SectionChange } from '../../contract/model';
import type { Person } from '../../contract/model';
import type { Section } from '../../contract/model';
import { sectionText } from '../../contract/section-text';
import type { ReadDb, WriteDb } from './db';
import { all, get, run } from './sql';

/** Edits closer together than this, by the same person, are one sitting. */
export const SITTING_MS = 10 * 60_000;

/** A section as the history compares it: its title, then its text as the pack reads it. */
export const historyText = (s: Pick<Section, 'title' | 'kind' | 'content'>) => `${s.title}\n\n${sectionText(s)}`.trim();

export interface SectionChangeInput {
  sectionId: number;
  sectionTitle: string;
  briefingId: number;
  kind: SectionChange['kind'];
  by: Person | null;
  detail?: string;
  before: string;
  after: string;
  now: string;
}

export function recordSectionChange(db: WriteDb, c: SectionChangeInput): void {
  if (c.kind === 'edited') {
    if (c.before === c.after) return;
    const last = get<{ id: number; kind: string; by_id: number | null; by_name: string; before: string; at: string }>(
      db,
      'SELECT id, kind, by_id, by_name, before, at FROM section_history WHERE section_id = ? ORDER BY at DESC, id DESC LIMIT 1',
      c.sectionId,
    );
    const sameSitting =
      last?.kind === 'edited' && last.by_id === (c.by?.contactId ?? null) && last.by_name === (c.by?.name ?? '') && Date.parse(c.now) - Date.parse(last.at) < SITTING_MS;
    if (sameSitting) {
      // Typed and then undone within the sitting: nothing changed, so there is nothing to tell.
      if (last.before === c.after) run(db, 'DELETE FROM section_history WHERE id = ?', last.id);
      else run(db, 'UPDATE section_history SET after = ?, at = ? WHERE id = ?', c.after, c.now, last.id);
      return;
    }
  }
  run(
    db,
    `INSERT INTO section_history (section_id, section_title, briefing_id, kind, by_id, by_name, detail, before, after, started_at, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    c.sectionId,
    c.sectionTitle,
    c.briefingId,
    c.kind,
    c.by?.contactId ?? null,
    c.by?.name ?? '',
    c.detail ?? '',
    c.before,
    c.after,
    c.now,
    c.now,
  );
}

export function sectionHistory(db: ReadDb, sectionId: number): SectionChange[] {
  return all<{ id: number; section_id: number; section_title: string; kind: SectionChange['kind']; by_id: number | null; by_name: string; detail: string; before: string; after: string; started_at: string; at: string }>(
    db,
    'SELECT * FROM section_history WHERE section_id = ? ORDER BY at DESC, id DESC',
    sectionId,
  ).map((r) => ({
    id: r.id,
    sectionId: r.section_id,
    kind: r.kind,
    by: r.by_name,
    byContactId: r.by_id,
    detail: r.detail,
    from: r.started_at,
    at: r.at,
    parts: diffWordsWithSpace(r.before, r.after).map((p) => ({ value: p.value, added: p.added, removed: p.removed })),
  }));
}
