/** Briefings for a meeting: ordered sections, written, structured or generated from the store. */
import type { z } from 'zod';
import { DossierError, invalid, notFound } from '../../contract/errors';
import { type Briefing, type BriefingDetail, type BriefingInput, type BriefingPatch, type Section, SectionBody } from '../../contract/model';
import { parseSectionBody, sectionContent, sectionOf } from '../../contract/section-content';
import { type ReadDb, type WriteDb, nowIso } from './db';
import { getMeeting } from './meetings';
import { indexRecord, unindexRecord } from './search';
import { all, get, run } from './sql';

export type BriefingFields = z.output<typeof BriefingInput>;

/** The "Standard delegation brief": the sections a desk officer starts from. */
export const STANDARD_TEMPLATE: readonly { kind: Section['kind']; title: string }[] = [
  { kind: 'markdown', title: 'Objectives' },
  { kind: 'key_messages', title: 'Key messages' },
  { kind: 'programme', title: 'Programme' },
  { kind: 'agenda_briefs', title: 'Lines to take per agenda item' },
  { kind: 'qa', title: 'Defensive Q&A' },
  { kind: 'markdown', title: 'Background' },
  { kind: 'whos_who', title: 'Who’s who' },
  { kind: 'institution_profiles', title: 'Institution profiles' },
  { kind: 'history', title: 'History and open actions' },
  { kind: 'since_last_time', title: 'Since last time' },
  { kind: 'contact_sheet', title: 'Contact sheet' },
];

/** Empty content for a new section of each kind: Markdown text or the JSON of a structured section. */
export const emptyContent = (kind: Section['kind']): string => sectionContent(parseSectionBody(kind, ''));

interface Row {
  id: number;
  meeting_id: number;
  meeting_title: string;
  title: string;
  classification: string;
  language: string;
  owner: string;
  deadline: string | null;
  status: Briefing['status'];
  updated_at: string;
}
const SELECT = `SELECT b.id, b.meeting_id, m.title AS meeting_title, b.title, b.classification, b.language, b.owner, b.deadline, b.status, b.updated_at
                  FROM briefings b JOIN meetings m ON m.id = b.meeting_id`;
const toBriefing = (r: Row): Briefing => ({
  id: r.id,
  meetingId: r.meeting_id,
  meetingTitle: r.meeting_title,
  title: r.title,
  classification: r.classification,
  language: r.language,
  owner: r.owner,
  deadline: r.deadline,
  status: r.status,
  updatedAt: r.updated_at,
});

export function listBriefings(db: ReadDb, meetingId: number | null = null): Briefing[] {
  const rows =
    meetingId === null
      ? all<Row>(db, `${SELECT} ORDER BY b.updated_at DESC, b.id DESC`)
      : all<Row>(db, `${SELECT} WHERE b.meeting_id = ? ORDER BY b.updated_at DESC, b.id DESC`, meetingId);
  return rows.map(toBriefing);
}

export function getBriefing(db: ReadDb, id: number): Briefing {
  const r = get<Row>(db, `${SELECT} WHERE b.id = ?`, id);
  if (!r) throw notFound('Briefing', id);
  return toBriefing(r);
}

/** The sections of a briefing in order, each with its content parsed by kind (Section.body). */
export function listSections(db: ReadDb, briefingId: number): Section[] {
  return all<{ id: number; briefing_id: number; position: number; kind: Section['kind']; title: string; content: string; handling: Section['handling']; updated_at: string; budget_words: number | null; budget_pages: number | null }>(
    db,
    'SELECT id, briefing_id, position, kind, title, content, handling, updated_at, budget_words, budget_pages FROM briefing_sections WHERE briefing_id = ? ORDER BY position, id',
    briefingId,
  ).map((s) =>
    sectionOf({ id: s.id, briefingId: s.briefing_id, position: s.position, kind: s.kind, title: s.title, content: s.content, handling: s.handling, updatedAt: s.updated_at, budgetWords: s.budget_words, budgetPages: s.budget_pages }),
  );
}

export function getBriefingDetail(db: ReadDb, id: number): BriefingDetail {
  return { ...getBriefing(db, id), sections: listSections(db, id) };
}

export function addSection(db: WriteDb, briefingId: number, kind: Section['kind'], title: string, content = emptyContent(kind), afterId: number | null = null): number {
  // Versions match sections by id, so a new section must not take the id of one removed earlier: start above every id
  // the table ever handed out (AUTOINCREMENT's sequence; max(id) alone goes back down when the highest is removed, and
  // in a team the removed section's global id would go with its id) and every id this briefing's saved versions mention.
  const id = Number(
    run(
      db,
      `INSERT INTO briefing_sections (id, briefing_id, position, kind, title, content, updated_at)
       VALUES (max((SELECT coalesce(max(id), 0) FROM briefing_sections),
                   (SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'briefing_sections'),
                   (SELECT coalesce(max(json_extract(s.value, '$.id')), 0) FROM briefing_versions v, json_each(v.snapshot, '$.sections') s WHERE v.briefing_id = ?)) + 1,
               ?, (SELECT coalesce(max(position), 0) + 1 FROM briefing_sections WHERE briefing_id = ?), ?, ?, ?, ?)`,
      briefingId,
      briefingId,
      briefingId,
      kind,
      title,
      content,
      nowIso(),
    ).lastInsertRowid,
  );
  if (afterId !== null) {
    const ids = listSections(db, briefingId).map((s) => s.id).filter((x) => x !== id);
    const at = ids.indexOf(afterId);
    if (at < 0) throw invalid('afterId', `Section ${afterId} is not part of this briefing.`);
    ids.splice(at + 1, 0, id);
    reorderSections(db, briefingId, ids);
  }
  return id;
}

export function getSection(db: ReadDb, id: number): Section {
  const s = get<{ briefing_id: number }>(db, 'SELECT briefing_id FROM briefing_sections WHERE id = ?', id);
  if (!s) throw notFound('Section', id);
  return listSections(db, s.briefing_id).find((x) => x.id === id)!;
}

/** Writes are refused while a briefing is final: it is what went out, until someone reopens it. */
export function assertEditable(db: ReadDb, briefingId: number): void {
  if (getBriefing(db, briefingId).status === 'final') {
    throw new DossierError('conflict', 'This briefing is final and cannot be changed. Reopen it (set it back to draft) first.', { field: 'status' });
  }
}

export function touchBriefing(db: WriteDb, id: number): void {
  run(db, 'UPDATE briefings SET updated_at = ? WHERE id = ?', nowIso(), id);
}

export function updateBriefing(db: WriteDb, id: number, patch: z.output<typeof BriefingPatch>): void {
  assertEditable(db, id);
  const b = getBriefing(db, id);
  run(
    db,
    'UPDATE briefings SET title = ?, classification = ?, language = ?, owner = ?, deadline = ?, updated_at = ? WHERE id = ?',
    patch.title ?? b.title,
    patch.classification ?? b.classification,
    patch.language ?? b.language,
    patch.owner ?? b.owner,
    patch.deadline === undefined ? b.deadline : patch.deadline,
    nowIso(),
    id,
  );
  reindexBriefing(db, id);
}

export function setBriefingStatus(db: WriteDb, id: number, status: Briefing['status']): boolean {
  const b = getBriefing(db, id);
  if (b.status === status) return false;
  run(db, 'UPDATE briefings SET status = ?, updated_at = ? WHERE id = ?', status, nowIso(), id);
  return true;
}

/** Structured content must be the JSON the pack reads; it is stored normalised (defaults filled in). */
export function normaliseContent(kind: Section['kind'], content: string): string {
  if (kind !== 'key_messages' && kind !== 'qa' && kind !== 'agenda_briefs') return content;
  let raw: unknown;
  try {
    raw = JSON.parse(content);
  } catch {
    throw invalid('content', `The content of a ${kind.replace('_', ' ')} section must be JSON.`);
  }
  const parsed = SectionBody.safeParse({ ...(raw as object), kind });
  if (!parsed.success || typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw invalid('content', `The ${kind.replace('_', ' ')} content does not fit its shape: ${parsed.error?.issues[0]?.message ?? 'not an object'}.`);
  }
  return sectionContent(parsed.data);
}

export function updateSection(db: WriteDb, id: number, patch: { title?: string | undefined; content?: string | undefined; handling?: Section['handling'] | undefined }): Section {
  const s = getSection(db, id);
  assertEditable(db, s.briefingId);
  const content = patch.content === undefined ? s.content : normaliseContent(s.kind, patch.content);
  const now = nowIso();
  run(db, 'UPDATE briefing_sections SET title = ?, content = ?, handling = ?, updated_at = ? WHERE id = ?', patch.title ?? s.title, content, patch.handling ?? s.handling, now, id);
  touchBriefing(db, s.briefingId);
  reindexBriefing(db, s.briefingId);
  return getSection(db, id);
}

export function removeSection(db: WriteDb, id: number): number {
  const s = getSection(db, id);
  assertEditable(db, s.briefingId);
  run(db, 'DELETE FROM briefing_sections WHERE id = ?', id);
  touchBriefing(db, s.briefingId);
  reindexBriefing(db, s.briefingId);
  return s.briefingId;
}

export function reorderSections(db: WriteDb, briefingId: number, ids: readonly number[]): void {
  const current = listSections(db, briefingId).map((s) => s.id);
  if (ids.length !== current.length || new Set(ids).size !== ids.length || !ids.every((id) => current.includes(id))) {
    throw invalid('ids', 'The new order must list every section of the briefing exactly once.');
  }
  ids.forEach((sid, i) => run(db, 'UPDATE briefing_sections SET position = ? WHERE id = ?', i + 1, sid));
  touchBriefing(db, briefingId);
}

export function reindexBriefing(db: WriteDb, id: number): void {
  const b = getBriefing(db, id);
  const body = listSections(db, id)
    .map((s) => `${s.title} ${s.content}`)
    .join(' ');
  indexRecord(db, 'briefing', id, b.title, `${b.meetingTitle} ${b.classification} ${body}`);
}

export function createBriefing(db: WriteDb, f: BriefingFields, template: 'standard' | 'empty'): number {
  getMeeting(db, f.meetingId);
  const now = nowIso();
  const id = Number(
    run(
      db,
      `INSERT INTO briefings (meeting_id, title, classification, language, owner, deadline, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'draft', ?, ?)`,
      f.meetingId,
      f.title,
      f.classification,
      f.language,
      f.owner,
      f.deadline,
      now,
      now,
    ).lastInsertRowid,
  );
  if (template === 'standard') for (const s of STANDARD_TEMPLATE) addSection(db, id, s.kind, s.title);
  reindexBriefing(db, id);
  return id;
}

export function deleteBriefing(db: WriteDb, id: number): void {
  if (run(db, 'DELETE FROM briefings WHERE id = ?', id).changes === 0) throw notFound('Briefing', id);
  unindexRecord(db, 'briefing', id);
}
