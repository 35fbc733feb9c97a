/** Briefings for a meeting: ordered sections, written, structured or generated from the store. */
import type { z } from 'zod';
import { notFound } from '../../contract/errors';
import type { Briefing, BriefingDetail, BriefingInput, Section } from '../../contract/model';
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
  { kind: 'contact_sheet', title: 'Contact sheet' },
];

/** Empty content for a new section of each kind: Markdown text or the JSON of a structured section. */
export function emptyContent(kind: Section['kind']): string {
  switch (kind) {
    case 'markdown':
      return '';
    case 'key_messages':
      return JSON.stringify({ items: [] });
    case 'qa':
      return JSON.stringify({ pairs: [] });
    case 'agenda_briefs':
      return JSON.stringify({ briefs: [] });
    default:
      return '';
  }
}

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

export function listSections(db: ReadDb, briefingId: number): Section[] {
  return all<{ id: number; briefing_id: number; position: number; kind: Section['kind']; title: string; content: string; handling: Section['handling']; updated_at: string }>(
    db,
    'SELECT id, briefing_id, position, kind, title, content, handling, updated_at FROM briefing_sections WHERE briefing_id = ? ORDER BY position, id',
    briefingId,
  ).map((s) => ({ id: s.id, briefingId: s.briefing_id, position: s.position, kind: s.kind, title: s.title, content: s.content, handling: s.handling, updatedAt: s.updated_at }));
}

export function getBriefingDetail(db: ReadDb, id: number): BriefingDetail {
  return { ...getBriefing(db, id), sections: listSections(db, id) };
}

export function addSection(db: WriteDb, briefingId: number, kind: Section['kind'], title: string, content = emptyContent(kind)): number {
  return Number(
    run(
      db,
      `INSERT INTO briefing_sections (briefing_id, position, kind, title, content, updated_at)
       VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM briefing_sections WHERE briefing_id = ?), ?, ?, ?, ?)`,
      briefingId,
      briefingId,
      kind,
      title,
      content,
      nowIso(),
    ).lastInsertRowid,
  );
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
