/** Outcomes and follow-up actions of a meeting; open actions travel to the next meeting of the series or host. */
import { DossierError, notFound } from '../../contract/errors';
import type { FollowUpAction, Outcome } from '../../contract/model';
import { type ReadDb, type WriteDb, nowIso } from './db';
import { all, get, run } from './sql';

interface ActionRow {
  id: number;
  meeting_id: number;
  meeting_title: string;
  text: string;
  owner: string;
  due_date: string | null;
  status: FollowUpAction['status'];
  carried_to_meeting_id: number | null;
}
const ACTION_SELECT = `SELECT a.id, a.meeting_id, m.title AS meeting_title, a.text, a.owner, a.due_date, a.status, a.carried_to_meeting_id
  FROM actions a JOIN meetings m ON m.id = a.meeting_id`;

const toAction = (r: ActionRow, today: string): FollowUpAction => ({
  id: r.id,
  meetingId: r.meeting_id,
  meetingTitle: r.meeting_title,
  text: r.text,
  owner: r.owner,
  dueDate: r.due_date,
  status: r.status,
  overdue: r.status === 'open' && r.due_date !== null && r.due_date < today,
  carriedToMeetingId: r.carried_to_meeting_id,
});

export const todayIso = () => new Date().toISOString().slice(0, 10);

export function listActions(db: ReadDb, meetingId: number, today = todayIso()): FollowUpAction[] {
  return all<ActionRow>(db, `${ACTION_SELECT} WHERE a.meeting_id = ? ORDER BY a.id`, meetingId).map((r) => toAction(r, today));
}

/**
 * Open actions raised at other meetings that belong on this one: those carried forward to it, and those of
 * earlier meetings of the same series or host institution (they stay visible until closed).
 */
export function carriedActions(db: ReadDb, meetingId: number, today = todayIso()): FollowUpAction[] {
  const m = get<{ starts_at: string; series_id: number | null; host_institution_id: number | null }>(
    db,
    'SELECT starts_at, series_id, host_institution_id FROM meetings WHERE id = ?',
    meetingId,
  );
  if (!m) return [];
  return all<ActionRow>(
    db,
    `${ACTION_SELECT}
      WHERE a.status = 'open' AND a.meeting_id <> ?
        AND (a.carried_to_meeting_id = ?
             OR (m.starts_at < ? AND ((? IS NOT NULL AND m.series_id = ?) OR (? IS NOT NULL AND m.host_institution_id = ?))))
      ORDER BY a.due_date IS NULL, a.due_date, a.id`,
    meetingId,
    meetingId,
    m.starts_at,
    m.series_id,
    m.series_id,
    m.host_institution_id,
    m.host_institution_id,
  ).map((r) => toAction(r, today));
}

export interface ActionFields {
  id: number | null;
  text: string;
  owner: string;
  dueDate: string | null;
  status: FollowUpAction['status'];
}

const closedAt = (status: FollowUpAction['status']) => (status === 'open' ? null : nowIso());

export function saveAction(db: WriteDb, meetingId: number, a: ActionFields): number {
  if (!get(db, 'SELECT 1 FROM meetings WHERE id = ?', meetingId)) throw notFound('Meeting', meetingId);
  if (a.id === null) {
    return Number(
      run(
        db,
        'INSERT INTO actions (meeting_id, text, owner, due_date, status, created_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        meetingId,
        a.text,
        a.owner,
        a.dueDate,
        a.status,
        nowIso(),
        closedAt(a.status),
      ).lastInsertRowid,
    );
  }
  const changed = run(
    db,
    `UPDATE actions SET text = ?, owner = ?, due_date = ?, status = ?,
       closed_at = CASE WHEN ? = 'open' THEN NULL ELSE coalesce(closed_at, ?) END
     WHERE id = ? AND meeting_id = ?`,
    a.text,
    a.owner,
    a.dueDate,
    a.status,
    a.status,
    nowIso(),
    a.id,
    meetingId,
  ).changes;
  if (changed === 0) throw notFound('Action', a.id);
  return a.id;
}

export function setActionStatus(db: WriteDb, id: number, status: FollowUpAction['status']): void {
  const changed = run(
    db,
    `UPDATE actions SET status = ?, closed_at = CASE WHEN ? = 'open' THEN NULL ELSE coalesce(closed_at, ?) END WHERE id = ?`,
    status,
    status,
    nowIso(),
    id,
  ).changes;
  if (changed === 0) throw notFound('Action', id);
}

/** Carry an open action forward to a later meeting: it stays open and is listed there as carried. */
export function carryActionForward(db: WriteDb, id: number, toMeetingId: number): void {
  const a = get<{ status: string; meeting_id: number; starts_at: string }>(
    db,
    'SELECT a.status, a.meeting_id, m.starts_at FROM actions a JOIN meetings m ON m.id = a.meeting_id WHERE a.id = ?',
    id,
  );
  if (!a) throw notFound('Action', id);
  const to = get<{ starts_at: string }>(db, 'SELECT starts_at FROM meetings WHERE id = ?', toMeetingId);
  if (!to) throw notFound('Meeting', toMeetingId);
  if (a.status !== 'open') throw new DossierError('invalid_input', 'Only an open action can be carried forward.', { field: 'id' });
  if (a.meeting_id === toMeetingId || to.starts_at < a.starts_at) {
    throw new DossierError('invalid_input', 'An action can only be carried forward to a later meeting.', { field: 'toMeetingId' });
  }
  run(db, 'UPDATE actions SET carried_to_meeting_id = ? WHERE id = ?', toMeetingId, id);
}

export function removeAction(db: WriteDb, meetingId: number, id: number): void {
  if (run(db, 'DELETE FROM actions WHERE id = ? AND meeting_id = ?', id, meetingId).changes === 0) throw notFound('Action', id);
}

// ----- outcomes -----
export function listOutcomes(db: ReadDb, meetingId: number): Outcome[] {
  return all<Outcome>(db, 'SELECT id, text, committed_by AS committedBy FROM outcomes WHERE meeting_id = ? ORDER BY position, id', meetingId);
}

export function saveOutcome(db: WriteDb, meetingId: number, o: { id: number | null; text: string; committedBy: string }): number {
  if (!get(db, 'SELECT 1 FROM meetings WHERE id = ?', meetingId)) throw notFound('Meeting', meetingId);
  if (o.id === null) {
    return Number(
      run(
        db,
        `INSERT INTO outcomes (meeting_id, position, text, committed_by)
         VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM outcomes WHERE meeting_id = ?), ?, ?)`,
        meetingId,
        meetingId,
        o.text,
        o.committedBy,
      ).lastInsertRowid,
    );
  }
  if (run(db, 'UPDATE outcomes SET text = ?, committed_by = ? WHERE id = ? AND meeting_id = ?', o.text, o.committedBy, o.id, meetingId).changes === 0) {
    throw notFound('Outcome', o.id);
  }
  return o.id;
}

export function removeOutcome(db: WriteDb, meetingId: number, id: number): void {
  if (run(db, 'DELETE FROM outcomes WHERE id = ? AND meeting_id = ?', id, meetingId).changes === 0) throw notFound('Outcome', id);
}
