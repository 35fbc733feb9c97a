/** Meetings: when and where (UTC instants plus the meeting's IANA zone), who attends, agenda, outcomes, actions. */
import type { z } from 'zod';
import { DossierError, notFound } from '../../contract/errors';
import type { AgendaItem, FollowUpAction, Meeting, MeetingDetail, MeetingInput, Participant } from '../../contract/model';
import { utcToZoned, zonedToUtcMs } from '../../contract/time';
import { getContacts, displayName } from './contacts';
import { type ReadDb, type WriteDb, nowIso } from './db';
import { indexRecord, unindexRecord } from './search';
import { all, get, run } from './sql';

/** A meeting's fields after validation (defaults applied). */
export type MeetingFields = z.output<typeof MeetingInput>;

interface Row {
  id: number;
  title: string;
  series_id: number | null;
  series: string | null;
  kind: string;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  venue: string;
  format: Meeting['format'];
  host_institution_id: number | null;
  host_name: string | null;
  status: Meeting['status'];
  notes: string;
  updated_at: string;
}

const SELECT = `
  SELECT m.id, m.title, m.series_id, s.name AS series, m.kind, m.starts_at, m.ends_at, m.time_zone, m.venue, m.format,
         m.host_institution_id, i.name AS host_name, m.status, m.notes, m.updated_at
    FROM meetings m LEFT JOIN series s ON s.id = m.series_id LEFT JOIN institutions i ON i.id = m.host_institution_id`;

function toMeeting(db: ReadDb, r: Row): Meeting {
  const start = utcToZoned(Date.parse(r.starts_at), r.time_zone);
  const end = utcToZoned(Date.parse(r.ends_at), r.time_zone);
  return {
    id: r.id,
    title: r.title,
    series: r.series ?? '',
    seriesId: r.series_id,
    kind: r.kind,
    start: start.local,
    end: end.local,
    startIso: start.iso,
    endIso: end.iso,
    timeZone: r.time_zone,
    venue: r.venue,
    format: r.format,
    hostInstitutionId: r.host_institution_id,
    hostInstitutionName: r.host_name,
    institutionIds: all<{ institution_id: number }>(db, 'SELECT institution_id FROM meeting_institutions WHERE meeting_id = ? ORDER BY institution_id', r.id).map(
      (x) => x.institution_id,
    ),
    status: r.status,
    notes: r.notes,
    updatedAt: r.updated_at,
  };
}

export function listMeetings(db: ReadDb, q: { when?: 'upcoming' | 'past' | 'all'; seriesId?: number | null } = {}, now: Date = new Date()): Meeting[] {
  const where: string[] = [];
  const params: unknown[] = [];
  const nowIsoStr = now.toISOString();
  if (q.when === 'upcoming') {
    where.push('m.ends_at >= ?');
    params.push(nowIsoStr);
  } else if (q.when === 'past') {
    where.push('m.ends_at < ?');
    params.push(nowIsoStr);
  }
  if (q.seriesId != null) {
    where.push('m.series_id = ?');
    params.push(q.seriesId);
  }
  const order = q.when === 'past' ? 'm.starts_at DESC' : 'm.starts_at';
  const rows = db.prepare(`${SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY ${order}, m.id`).all(...params) as Row[];
  return rows.map((r) => toMeeting(db, r));
}

export function getMeeting(db: ReadDb, id: number): Meeting {
  const row = get<Row>(db, `${SELECT} WHERE m.id = ?`, id);
  if (!row) throw notFound('Meeting', id);
  return toMeeting(db, row);
}

export function listAgenda(db: ReadDb, meetingId: number): AgendaItem[] {
  return all<AgendaItem>(db, 'SELECT id, position, time, title, lead, documents FROM agenda_items WHERE meeting_id = ? ORDER BY position, id', meetingId);
}

function participants(db: ReadDb, meetingId: number, table: 'delegation_members' | 'counterparts'): Participant[] {
  const roleCol = table === 'delegation_members' ? 'role' : "'counterpart'";
  const order = table === 'delegation_members' ? `CASE role WHEN 'head' THEN 0 WHEN 'member' THEN 1 WHEN 'adviser' THEN 2 ELSE 3 END, position` : 'position';
  const rows = all<{ contact_id: number; role: string }>(db, `SELECT contact_id, ${roleCol} AS role FROM ${table} WHERE meeting_id = ? ORDER BY ${order}`, meetingId);
  const contacts = new Map(getContacts(db, rows.map((r) => r.contact_id)).map((c) => [c.id, c]));
  return rows.flatMap((r) => {
    const c = contacts.get(r.contact_id);
    if (!c) return [];
    return [
      {
        contactId: c.id,
        displayName: displayName(c),
        position: c.position,
        institutionName: c.institutionName,
        stale: c.stale,
        informationDated: c.informationDated,
        role: r.role,
      },
    ];
  });
}

interface ActionRow {
  id: number;
  meeting_id: number;
  meeting_title: string;
  text: string;
  owner: string;
  due_date: string | null;
  status: FollowUpAction['status'];
}
const ACTION_SELECT = `SELECT a.id, a.meeting_id, m.title AS meeting_title, a.text, a.owner, a.due_date, a.status FROM actions a JOIN meetings m ON m.id = a.meeting_id`;
const toAction = (r: ActionRow, today: string): FollowUpAction => ({
  id: r.id,
  meetingId: r.meeting_id,
  meetingTitle: r.meeting_title,
  text: r.text,
  owner: r.owner,
  dueDate: r.due_date,
  status: r.status,
  overdue: r.status === 'open' && r.due_date !== null && r.due_date < today,
});

/** Open actions from earlier meetings of the same series or with the same host institution. */
export function carriedActions(db: ReadDb, meetingId: number, today: string = new Date().toISOString().slice(0, 10)): FollowUpAction[] {
  const m = get<{ starts_at: string; series_id: number | null; host_institution_id: number | null }>(
    db,
    'SELECT starts_at, series_id, host_institution_id FROM meetings WHERE id = ?',
    meetingId,
  );
  if (!m || (m.series_id === null && m.host_institution_id === null)) return [];
  return all<ActionRow>(
    db,
    `${ACTION_SELECT}
      WHERE a.status = 'open' AND a.meeting_id <> ? AND m.starts_at < ?
        AND ((? IS NOT NULL AND m.series_id = ?) OR (? IS NOT NULL AND m.host_institution_id = ?))
      ORDER BY a.due_date IS NULL, a.due_date, a.id`,
    meetingId,
    m.starts_at,
    m.series_id,
    m.series_id,
    m.host_institution_id,
    m.host_institution_id,
  ).map((r) => toAction(r, today));
}

export function getMeetingDetail(db: ReadDb, id: number): MeetingDetail {
  const today = new Date().toISOString().slice(0, 10);
  return {
    ...getMeeting(db, id),
    agenda: listAgenda(db, id),
    delegation: participants(db, id, 'delegation_members'),
    counterparts: participants(db, id, 'counterparts'),
    outcomes: all<{ id: number; text: string }>(db, 'SELECT id, text FROM outcomes WHERE meeting_id = ? ORDER BY position, id', id),
    actions: all<ActionRow>(db, `${ACTION_SELECT} WHERE a.meeting_id = ? ORDER BY a.id`, id).map((r) => toAction(r, today)),
    carriedActions: carriedActions(db, id, today),
    briefingIds: all<{ id: number }>(db, 'SELECT id FROM briefings WHERE meeting_id = ? ORDER BY id', id).map((b) => b.id),
  };
}

export function seriesId(db: WriteDb, name: string, institutionId: number | null = null): number | null {
  const n = name.trim();
  if (!n) return null;
  const found = get<{ id: number }>(db, 'SELECT id FROM series WHERE name = ?', n);
  if (found) return found.id;
  return Number(run(db, 'INSERT INTO series (name, institution_id) VALUES (?, ?)', n, institutionId).lastInsertRowid);
}

export function listSeries(db: ReadDb): { id: number; name: string }[] {
  return all(db, 'SELECT id, name FROM series ORDER BY name COLLATE NOCASE');
}

function checkInstitutions(db: ReadDb, f: MeetingFields): void {
  for (const [field, id] of [['hostInstitutionId', f.hostInstitutionId] as const, ...f.institutionIds.map((i) => ['institutionIds', i] as const)]) {
    if (id !== null && !get(db, 'SELECT 1 FROM institutions WHERE id = ?', id)) {
      throw new DossierError('invalid_input', `Institution ${id} does not exist.`, { field });
    }
  }
}

function instants(f: MeetingFields): [string, string] {
  return [new Date(zonedToUtcMs(f.start, f.timeZone)).toISOString(), new Date(zonedToUtcMs(f.end, f.timeZone)).toISOString()];
}

function reindex(db: WriteDb, id: number): void {
  const m = getMeeting(db, id);
  const agenda = listAgenda(db, id).map((a) => a.title);
  indexRecord(db, 'meeting', id, m.title, [m.series, m.venue, m.kind, m.hostInstitutionName ?? '', m.start.slice(0, 10), ...agenda].join(' '));
}

function setInstitutions(db: WriteDb, id: number, ids: readonly number[]): void {
  run(db, 'DELETE FROM meeting_institutions WHERE meeting_id = ?', id);
  for (const i of new Set(ids)) run(db, 'INSERT INTO meeting_institutions (meeting_id, institution_id) VALUES (?, ?)', id, i);
}

export function createMeeting(db: WriteDb, f: MeetingFields, source = ''): number {
  checkInstitutions(db, f);
  const [startsAt, endsAt] = instants(f);
  const now = nowIso();
  const id = Number(
    run(
      db,
      `INSERT INTO meetings (title, series_id, kind, starts_at, ends_at, time_zone, venue, format, host_institution_id, status, notes, source, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      f.title,
      seriesId(db, f.series, f.hostInstitutionId),
      f.kind,
      startsAt,
      endsAt,
      f.timeZone,
      f.venue,
      f.format,
      f.hostInstitutionId,
      f.status,
      f.notes,
      source,
      now,
      now,
    ).lastInsertRowid,
  );
  setInstitutions(db, id, f.institutionIds);
  reindex(db, id);
  return id;
}

export function updateMeeting(db: WriteDb, id: number, f: MeetingFields): void {
  if (!get(db, 'SELECT 1 FROM meetings WHERE id = ?', id)) throw notFound('Meeting', id);
  checkInstitutions(db, f);
  const [startsAt, endsAt] = instants(f);
  run(
    db,
    `UPDATE meetings SET title = ?, series_id = ?, kind = ?, starts_at = ?, ends_at = ?, time_zone = ?, venue = ?, format = ?,
       host_institution_id = ?, status = ?, notes = ?, updated_at = ? WHERE id = ?`,
    f.title,
    seriesId(db, f.series, f.hostInstitutionId),
    f.kind,
    startsAt,
    endsAt,
    f.timeZone,
    f.venue,
    f.format,
    f.hostInstitutionId,
    f.status,
    f.notes,
    nowIso(),
    id,
  );
  setInstitutions(db, id, f.institutionIds);
  reindex(db, id);
}

export function deleteMeeting(db: WriteDb, id: number): void {
  const briefings = all<{ id: number }>(db, 'SELECT id FROM briefings WHERE meeting_id = ?', id);
  if (run(db, 'DELETE FROM meetings WHERE id = ?', id).changes === 0) throw notFound('Meeting', id);
  unindexRecord(db, 'meeting', id);
  for (const b of briefings) unindexRecord(db, 'briefing', b.id);
}

export function touchMeeting(db: WriteDb, id: number): void {
  run(db, 'UPDATE meetings SET updated_at = ? WHERE id = ?', nowIso(), id);
}

// ----- participants -----
export function setParticipant(db: WriteDb, meetingId: number, contactId: number, side: 'delegation' | 'counterpart', role: string): void {
  getMeeting(db, meetingId);
  if (!get(db, 'SELECT 1 FROM contacts WHERE id = ?', contactId)) throw new DossierError('invalid_input', `Contact ${contactId} does not exist.`, { field: 'contactId' });
  const other = side === 'delegation' ? 'counterparts' : 'delegation_members';
  run(db, `DELETE FROM ${other} WHERE meeting_id = ? AND contact_id = ?`, meetingId, contactId);
  if (side === 'delegation') {
    run(
      db,
      `INSERT INTO delegation_members (meeting_id, contact_id, role, position)
       VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM delegation_members WHERE meeting_id = ?))
       ON CONFLICT (meeting_id, contact_id) DO UPDATE SET role = excluded.role`,
      meetingId,
      contactId,
      role,
      meetingId,
    );
  } else {
    run(
      db,
      `INSERT OR IGNORE INTO counterparts (meeting_id, contact_id, position)
       VALUES (?, ?, (SELECT coalesce(max(position), 0) + 1 FROM counterparts WHERE meeting_id = ?))`,
      meetingId,
      contactId,
      meetingId,
    );
  }
  touchMeeting(db, meetingId);
}

export function removeParticipant(db: WriteDb, meetingId: number, contactId: number, side: 'delegation' | 'counterpart'): void {
  run(db, `DELETE FROM ${side === 'delegation' ? 'delegation_members' : 'counterparts'} WHERE meeting_id = ? AND contact_id = ?`, meetingId, contactId);
  touchMeeting(db, meetingId);
}

// ----- agenda -----
export function saveAgendaItem(
  db: WriteDb,
  meetingId: number,
  item: { id: number | null; time: string; title: string; lead: string; documents: string },
): number {
  getMeeting(db, meetingId);
  let id = item.id;
  if (id === null) {
    id = Number(
      run(
        db,
        `INSERT INTO agenda_items (meeting_id, position, time, title, lead, documents)
         VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM agenda_items WHERE meeting_id = ?), ?, ?, ?, ?)`,
        meetingId,
        meetingId,
        item.time,
        item.title,
        item.lead,
        item.documents,
      ).lastInsertRowid,
    );
  } else if (
    run(db, 'UPDATE agenda_items SET time = ?, title = ?, lead = ?, documents = ? WHERE id = ? AND meeting_id = ?', item.time, item.title, item.lead, item.documents, id, meetingId)
      .changes === 0
  ) {
    throw notFound('Agenda item', id);
  }
  touchMeeting(db, meetingId);
  reindex(db, meetingId);
  return id;
}

export function removeAgendaItem(db: WriteDb, meetingId: number, id: number): void {
  if (run(db, 'DELETE FROM agenda_items WHERE id = ? AND meeting_id = ?', id, meetingId).changes === 0) throw notFound('Agenda item', id);
  touchMeeting(db, meetingId);
  reindex(db, meetingId);
}

export function reorderAgenda(db: WriteDb, meetingId: number, ids: readonly number[]): void {
  const current = listAgenda(db, meetingId).map((a) => a.id);
  if (ids.length !== current.length || new Set(ids).size !== ids.length || !ids.every((id) => current.includes(id))) {
    throw new DossierError('invalid_input', 'The new order must list every agenda item of the meeting exactly once.', { field: 'ids' });
  }
  ids.forEach((id, i) => run(db, 'UPDATE agenda_items SET position = ? WHERE id = ?', i + 1, id));
  touchMeeting(db, meetingId);
}
