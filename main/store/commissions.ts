/**
 * Commissions and their contributions. The contribution is kept on the commission (a draft beside the section, never
 * in it) until the owner accepts it; only then does it reach the section (mergeContribution). "Overdue" is not
 * stored: an open commission past its deadline is overdue on the day it is read.
 */
import { DossierError, invalid, notFound } from '../../contract/errors';
import { type Commission, OPEN_COMMISSION_STATES } from '../../contract/model';
import type { Person } from '../../contract/model';
import { AgendaBriefsContent, type Section } from '../../contract/model';
import { countWords, sectionText } from '../../contract/section-text';
import type { ReadDb, WriteDb } from './db';
import { all, get, run } from './sql';

/** Kinds a colleague can write: text and structured sections (generated ones are drawn from the dossier). */
export const COMMISSIONABLE = new Set<Section['kind']>(['markdown', 'key_messages', 'qa', 'agenda_briefs']);

interface Row {
  id: number;
  briefing_id: number;
  briefing_title: string;
  meeting_id: number;
  meeting_title: string;
  section_id: number | null;
  section_title: string;
  current_section_title: string | null;
  section_kind: Section['kind'];
  agenda_item_id: number | null;
  agenda_item_title: string | null;
  requested_by_id: number | null;
  requested_by_name: string;
  requested_by_post: string;
  assignee_id: number | null;
  assignee_name: string;
  assignee_post: string;
  assignee_email: string | null;
  deadline: string | null;
  note: string;
  budget_words: number | null;
  state: Commission['state'];
  base: string;
  draft: string;
  via: Commission['via'];
  requested_at: string;
  submitted_at: string | null;
  decided_at: string | null;
  updated_at: string;
}

const SELECT = `
  SELECT k.*, b.title AS briefing_title, b.meeting_id, m.title AS meeting_title, s.title AS current_section_title,
         (SELECT value FROM contact_emails e WHERE e.contact_id = k.assignee_id ORDER BY position LIMIT 1) AS assignee_email
    FROM commissions k
    JOIN briefings b ON b.id = k.briefing_id
    JOIN meetings m ON m.id = b.meeting_id
    LEFT JOIN briefing_sections s ON s.id = k.section_id`;
// Overdue first, then by deadline (none last), then oldest request first.
const ORDER = `ORDER BY (k.state IN ('requested', 'in_progress', 'returned') AND k.deadline IS NOT NULL AND k.deadline < @today) DESC,
                        k.deadline IS NULL, k.deadline, k.requested_at, k.id`;

const isOpen = (state: Commission['state']) => (OPEN_COMMISSION_STATES as readonly string[]).includes(state);

/** The form of a commission's text: Markdown for an agenda item's lines (the agenda_briefs kind), else the section's own. */
export const draftKind = (k: { sectionKind: Section['kind'] }): Section['kind'] => (k.sectionKind === 'agenda_briefs' ? 'markdown' : k.sectionKind);

function toCommission(r: Row, today: string): Commission {
  const overdue = isOpen(r.state) && r.deadline !== null && r.deadline < today;
  const kind = draftKind({ sectionKind: r.section_kind });
  return {
    id: r.id,
    briefingId: r.briefing_id,
    briefingTitle: r.briefing_title,
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    sectionId: r.section_id,
    sectionTitle: r.current_section_title ?? r.section_title,
    sectionKind: r.section_kind,
    agendaItemId: r.agenda_item_id,
    agendaItemTitle: r.agenda_item_title,
    requestedBy: { contactId: r.requested_by_id, name: r.requested_by_name, post: r.requested_by_post },
    assignee: { contactId: r.assignee_id, name: r.assignee_name, post: r.assignee_post, email: r.assignee_email },
    deadline: r.deadline,
    note: r.note,
    budgetWords: r.budget_words,
    status: overdue ? 'overdue' : r.state,
    state: r.state,
    overdue,
    draft: r.draft,
    draftWords: countWords(sectionText({ kind, content: r.draft })),
    base: r.base,
    via: r.via,
    requestedAt: r.requested_at,
    submittedAt: r.submitted_at,
    decidedAt: r.decided_at,
    updatedAt: r.updated_at,
  };
}

export function getCommission(db: ReadDb, id: number, today: string): Commission {
  const r = get<Row>(db, `${SELECT} WHERE k.id = @id`, { id, today });
  if (!r) throw notFound('Commission', id);
  return toCommission(r, today);
}

export interface CommissionFilter {
  briefingId?: number | null;
  assigneeId?: number | null;
  requestedById?: number | null;
  /** Only those not yet accepted or withdrawn. */
  open?: boolean;
  states?: readonly Commission['state'][];
}

export function listCommissions(db: ReadDb, f: CommissionFilter, today: string): Commission[] {
  const where: string[] = [];
  const params: Record<string, unknown> = { today };
  if (f.briefingId != null) (where.push('k.briefing_id = @briefingId'), (params.briefingId = f.briefingId));
  if (f.assigneeId != null) (where.push('k.assignee_id = @assigneeId'), (params.assigneeId = f.assigneeId));
  if (f.requestedById != null) (where.push('k.requested_by_id = @requestedById'), (params.requestedById = f.requestedById));
  if (f.open) where.push(`k.state IN ('requested', 'in_progress', 'submitted', 'returned')`);
  if (f.states) (where.push('k.state IN (SELECT value FROM json_each(@states))'), (params.states = JSON.stringify(f.states)));
  return all<Row>(db, `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${ORDER}`, params).map((r) => toCommission(r, today));
}

function briefs(content: string) {
  try {
    return AgendaBriefsContent.parse(JSON.parse(content || '{}')).briefs;
  } catch {
    return [];
  }
}

/** What a commission asks to be written, as it stands in the section now ('' for an agenda item since removed). */
export function targetText(section: Pick<Section, 'kind' | 'content'>, agendaItemId: number | null): string {
  if (section.kind !== 'agenda_briefs') return section.content;
  return agendaItemId === null ? '' : (briefs(section.content).find((b) => b.agendaItemId === agendaItemId)?.text ?? '');
}

/** The section's content with the contribution in place of the commissioned part. */
export function mergeContribution(section: Pick<Section, 'kind' | 'content'>, agendaItemId: number | null, agendaTitle: string | null, text: string): string {
  if (section.kind !== 'agenda_briefs') return text;
  if (agendaItemId === null) {
    throw new DossierError('conflict', `The agenda item “${agendaTitle ?? ''}” was removed from the meeting, so its lines have nowhere to go. Copy them from the commission instead.`, { field: 'id' });
  }
  const list = briefs(section.content);
  const at = list.findIndex((b) => b.agendaItemId === agendaItemId);
  const brief = { agendaItemId, text, ...(agendaTitle ? { title: agendaTitle } : {}) };
  if (at >= 0) list[at] = { ...list[at]!, ...brief };
  else list.push(brief);
  return JSON.stringify({ briefs: list });
}

export interface NewCommission {
  briefingId: number;
  section: Section;
  agendaItemId: number | null;
  agendaItemTitle: string | null;
  requestedBy: Person;
  assignee: Person;
  deadline: string | null;
  note: string;
  budgetWords: number | null;
  now: string;
}

export function insertCommission(db: WriteDb, c: NewCommission): number {
  if (!COMMISSIONABLE.has(c.section.kind)) {
    throw invalid('sectionId', `“${c.section.title}” is drawn from the dossier when the pack is built; there is nothing to commission in it.`);
  }
  if (c.section.kind === 'agenda_briefs' && c.agendaItemId === null) throw invalid('agendaItemId', 'Choose the agenda item whose lines to take are commissioned.');
  if (c.section.kind !== 'agenda_briefs' && c.agendaItemId !== null) throw invalid('agendaItemId', `“${c.section.title}” has no agenda items; commission the section itself.`);
  // One open commission per section (or agenda item) at a time: a second would make two drafts of the same text.
  const open = get<{ assignee_name: string }>(
    db,
    `SELECT assignee_name FROM commissions WHERE section_id = ? AND coalesce(agenda_item_id, 0) = ? AND state IN ('requested', 'in_progress', 'submitted', 'returned')`,
    c.section.id,
    c.agendaItemId ?? 0,
  );
  if (open) {
    const what = c.agendaItemTitle ? `The lines to take on “${c.agendaItemTitle}”` : `“${c.section.title}”`;
    throw invalid(c.agendaItemId ? 'agendaItemId' : 'sectionId', `${what} is already commissioned from ${open.assignee_name}. Withdraw that commission first.`);
  }
  const base = targetText(c.section, c.agendaItemId);
  return Number(
    run(
      db,
      `INSERT INTO commissions (briefing_id, section_id, section_title, section_kind, agenda_item_id, agenda_item_title,
                                requested_by_id, requested_by_name, requested_by_post, assignee_id, assignee_name, assignee_post,
                                deadline, note, budget_words, state, base, draft, requested_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'requested', ?, ?, ?, ?)`,
      c.briefingId,
      c.section.id,
      c.section.title,
      c.section.kind,
      c.agendaItemId,
      c.agendaItemTitle,
      c.requestedBy.contactId,
      c.requestedBy.name,
      c.requestedBy.post,
      c.assignee.contactId,
      c.assignee.name,
      c.assignee.post,
      c.deadline,
      c.note,
      c.budgetWords,
      base,
      base,
      c.now,
      c.now,
    ).lastInsertRowid,
  );
}

/** Changes a commission's state and (optionally) its draft, deadline and timestamps. */
export function updateCommission(
  db: WriteDb,
  id: number,
  f: { state?: Commission['state']; draft?: string; deadline?: string | null; via?: Commission['via']; submittedAt?: string; decidedAt?: string | null; now: string },
): void {
  const set: string[] = ['updated_at = @now'];
  if (f.state !== undefined) set.push('state = @state');
  if (f.draft !== undefined) set.push('draft = @draft');
  if (f.deadline !== undefined) set.push('deadline = @deadline');
  if (f.via !== undefined) set.push('via = @via');
  if (f.submittedAt !== undefined) set.push('submitted_at = @submittedAt');
  if (f.decidedAt !== undefined) set.push('decided_at = @decidedAt');
  run(db, `UPDATE commissions SET ${set.join(', ')} WHERE id = @id`, { id, ...f });
}
