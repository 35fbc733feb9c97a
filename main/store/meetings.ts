/** Meetings: when and where (UTC instants plus the meeting's IANA zone), who attends, agenda, outcomes, actions. */
import type { z } from 'zod';
import { DossierError, notFound } from '../../contract/errors';
import type { AgendaItem, Meeting, MeetingDetail, MeetingInput, Participant } from '../../contract/model';
import { utcToZoned, zonedToUtcMs } from '../../contract/time';
import { carriedActions, listActions, listOutcomes } from './actions';
import { getContacts, displayName } from './contacts';
import { type ReadDb, type WriteDb, nowIso } from './db';
import { indexRecord, unindexRecord } from './search';
import { all, get, insertSql, run, updateSql } from './sql';

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
  all_day: number;
}

const SELECT = `
  SELECT m.id, m.title, m.series_id, s.name AS series, m.kind, m.starts_at, m.ends_at, m.time_zone, m.venue, m.format,
         m.host_institution_id, i.name AS host_name, m.status, m.notes, m.updated_at, m.all_day
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
    allDay: r.all_day === 1,
  };
}

type MeetingQuery = { when?: 'upcoming' | 'past' | 'all'; seriesId?: number | null; from?: string | null; to?: string | null };

function meetingFilter(q: MeetingQuery, now: Date): { where: string; params: unknown[] } {
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
  // Stored instants are UTC ISO strings, so a date compares as its midnight.
  if (q.from) {
    where.push('m.ends_at >= ?');
    params.push(q.from);
  }
  if (q.to) {
    where.push('m.starts_at < ?');
    params.push(q.to);
  }
  return { where: where.length ? 'WHERE ' + where.join(' AND ') : '', params };
}

/** Meetings in list order; with `limit`, one page of them (only that page's rows are read and converted). */
export function listMeetings(db: ReadDb, q: MeetingQuery & { limit?: number | null; offset?: number } = {}, now: Date = new Date()): Meeting[] {
  const { where, params } = meetingFilter(q, now);
  const order = q.when === 'past' ? 'm.starts_at DESC' : 'm.starts_at';
  const page = q.limit != null ? ` LIMIT ${Math.trunc(q.limit)} OFFSET ${Math.trunc(q.offset ?? 0)}` : '';
  const rows = db.prepare(`${SELECT} ${where} ORDER BY ${order}, m.id${page}`).all(...params) as Row[];
  return rows.map((r) => toMeeting(db, r));
}

export function countMeetings(db: ReadDb, q: MeetingQuery = {}, now: Date = new Date()): number {
  const { where, params } = meetingFilter(q, now);
  return (db.prepare(`SELECT count(*) AS n FROM meetings m ${where}`).get(...params) as { n: number }).n;
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

export function getMeetingDetail(db: ReadDb, id: number): MeetingDetail {
  const today = new Date().toISOString().slice(0, 10);
  return {
    ...getMeeting(db, id),
    agenda: listAgenda(db, id),
    delegation: participants(db, id, 'delegation_members'),
    counterparts: participants(db, id, 'counterparts'),
    outcomes: listOutcomes(db, id),
    actions: listActions(db, id, today),
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

export { carriedActions };

/** Every series with how many meetings it has and when the latest one starts (for autocomplete and "new from previous"). */
export function listSeries(db: ReadDb): { id: number; name: string; meetingCount: number; lastMeetingId: number | null }[] {
  return all(
    db,
    `SELECT s.id, s.name, count(m.id) AS meetingCount,
            (SELECT m2.id FROM meetings m2 WHERE m2.series_id = s.id ORDER BY m2.starts_at DESC, m2.id DESC LIMIT 1) AS lastMeetingId
       FROM series s LEFT JOIN meetings m ON m.series_id = s.id GROUP BY s.id ORDER BY s.name COLLATE NOCASE`,
  );
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

/** The iCalendar event a meeting came from: its UID and, for an occurrence of a series, its original start. */
export interface IcsKey {
  uid: string;
  recurrenceId: string;
}

/** A meeting's own columns and their values (its instants in UTC), in one order for INSERT and UPDATE. */
const COLUMNS = ['title', 'series_id', 'kind', 'starts_at', 'ends_at', 'time_zone', 'venue', 'format', 'host_institution_id', 'status', 'notes', 'all_day'];
function own(db: WriteDb, f: MeetingFields): unknown[] {
  const [startsAt, endsAt] = instants(f);
  return [f.title, seriesId(db, f.series, f.hostInstitutionId), f.kind, startsAt, endsAt, f.timeZone, f.venue, f.format, f.hostInstitutionId, f.status, f.notes, f.allDay ? 1 : 0];
}
const INSERT = insertSql('meetings', [...COLUMNS, 'source', 'created_at', 'updated_at', 'ics_uid', 'ics_recurrence_id']);
const UPDATE = updateSql('meetings', [...COLUMNS, 'updated_at']);

export function createMeeting(db: WriteDb, f: MeetingFields, source = '', ics: IcsKey | null = null): number {
  checkInstitutions(db, f);
  const now = nowIso();
  const id = Number(run(db, INSERT, ...own(db, f), source, now, now, ics?.uid || null, ics?.recurrenceId ?? '').lastInsertRowid);
  setInstitutions(db, id, f.institutionIds);
  reindex(db, id);
  return id;
}

export function updateMeeting(db: WriteDb, id: number, f: MeetingFields): void {
  if (!get(db, 'SELECT 1 FROM meetings WHERE id = ?', id)) throw notFound('Meeting', id);
  checkInstitutions(db, f);
  run(db, UPDATE, ...own(db, f), nowIso(), id);
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

/**
 * A new meeting like the last one of its series (or like `meetingId`): series, title, kind, venue, format, zone,
 * host, institutions, delegation with roles, and the agenda's titles and leads without times. Returns the new id.
 */
export function createFromPrevious(
  db: WriteDb,
  from: { seriesId: number | null; meetingId: number | null },
  when: { start: string; end: string; timeZone: string | null },
): number {
  let sourceId = from.meetingId;
  if (sourceId === null) {
    if (from.seriesId === null) throw new DossierError('invalid_input', 'Name a series or a meeting to copy from.', { field: 'seriesId' });
    sourceId = get<{ id: number }>(db, 'SELECT id FROM meetings WHERE series_id = ? ORDER BY starts_at DESC, id DESC LIMIT 1', from.seriesId)?.id ?? null;
    if (sourceId === null) throw new DossierError('invalid_input', `Series ${from.seriesId} has no meeting to copy from.`, { field: 'seriesId' });
  }
  const prev = getMeeting(db, sourceId);
  const timeZone = when.timeZone ?? prev.timeZone;
  if (when.end < when.start) throw new DossierError('invalid_input', 'The meeting ends before it starts.', { field: 'end' });
  const id = createMeeting(db, {
    title: prev.title,
    series: prev.series,
    kind: prev.kind,
    start: when.start,
    end: when.end,
    timeZone,
    venue: prev.venue,
    format: prev.format,
    hostInstitutionId: prev.hostInstitutionId,
    institutionIds: prev.institutionIds,
    status: 'planned',
    notes: '',
    allDay: prev.allDay,
  });
  for (const p of participants(db, sourceId, 'delegation_members')) setParticipant(db, id, p.contactId, 'delegation', p.role);
  for (const a of listAgenda(db, sourceId)) saveAgendaItem(db, id, { id: null, time: '', title: a.title, lead: a.lead, documents: '' });
  return id;
}

/** The iCalendar UID of a meeting: the one it was imported with, else one made from its id and creation time. */
export function meetingUid(db: ReadDb, id: number): string {
  return meetingIcsKey(db, id).uid;
}

/** The UID and RECURRENCE-ID a meeting is exported with ('' for a meeting that is no occurrence of a series). */
export function meetingIcsKey(db: ReadDb, id: number): IcsKey {
  const r = get<{ ics_uid: string | null; ics_recurrence_id: string; created_at: string }>(db, 'SELECT ics_uid, ics_recurrence_id, created_at FROM meetings WHERE id = ?', id);
  if (!r) throw notFound('Meeting', id);
  if (r.ics_uid) return { uid: r.ics_uid, recurrenceId: r.ics_recurrence_id };
  return { uid: `dossier-meeting-${id}-${r.created_at.replace(/\D/g, '').slice(0, 14)}@dossier.local`, recurrenceId: '' };
}

/** The meeting imported from `uid` (and, for an occurrence, `recurrenceId`) earlier, or exported from here with that UID, if any. */
export function meetingByUid(db: ReadDb, uid: string, recurrenceId = ''): number | null {
  if (!uid) return null;
  const own = /^dossier-meeting-(\d+)-(\d{14})@dossier\.local$/.exec(uid);
  if (own && !recurrenceId && get(db, 'SELECT 1 FROM meetings WHERE id = ?', Number(own[1])) && meetingUid(db, Number(own[1])) === uid) return Number(own[1]);
  return get<{ id: number }>(db, 'SELECT id FROM meetings WHERE ics_uid = ? AND ics_recurrence_id = ? ORDER BY id LIMIT 1', uid, recurrenceId)?.id ?? null;
}

/** The meetings of an imported series (same UID, each its own occurrence), for marking those a re-import no longer lists. */
export function meetingsOfUid(db: ReadDb, uid: string): { id: number; recurrenceId: string; startsAt: string }[] {
  return all<{ id: number; recurrenceId: string; startsAt: string }>(
    db,
    `SELECT id, ics_recurrence_id AS recurrenceId, starts_at AS startsAt FROM meetings WHERE ics_uid = ? AND ics_recurrence_id <> '' ORDER BY starts_at`,
    uid,
  );
}

/** The search-index refresh, for records a team member changed (main/store/sync/apply.ts). */
export const reindexMeeting = reindex;
