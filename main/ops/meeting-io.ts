/**
 * iCalendar in and out: preview and import of .ics files (all or nothing, or skipping unreadable events on request),
 * export of a meeting, a series or all. Re-importing a calendar updates the meetings imported from it by UID and
 * RECURRENCE-ID; attendees are matched to contacts and offered as delegation or counterparts (issue 17).
 */
import { DossierError } from '../../contract/errors';
import type { AttendeeChoice, MeetingAttendee } from '../../contract/model';
import { DELEGATION_ROLES, MeetingInput, type MeetingDetail, type MeetingProposal } from '../../contract/model';
import type { Parsed } from '../../contract/ops';
import { type IcsProposal, readIcsFile } from '../formats/ical-read';
import { type IcsMeeting, icsEventOf, writeIcs } from '../formats/ical-write';
import { getContact } from '../store/contacts';
import type { ReadDb, WriteDb } from '../store/db';
import { listInstitutions } from '../store/institutions';
import {
  createMeeting,
  getMeeting,
  getMeetingDetail,
  listAgenda,
  listMeetings,
  meetingByUid,
  meetingIcsKey,
  meetingsOfUid,
  removeAgendaItem,
  saveAgendaItem,
  setParticipant,
  updateMeeting,
} from '../store/meetings';
import { findPerson } from '../store/people-match';
import { getSetting } from '../store/settings';
import { nameKey } from './contact-io-match';
import { type HandlerMap, staged } from './context';

type PreviewInput = Parsed<'meeting.importPreview'>;

/** The key an attendee's choice is given under: the e-mail address, or "name:<name>" for one written without. */
export const attendeeKey = (a: Pick<MeetingAttendee, 'email' | 'name'>) => (a.email ? a.email.toLowerCase() : `name:${a.name}`);

function matchAttendees(db: ReadDb, list: MeetingAttendee[], cache: Map<string, MeetingAttendee>): MeetingAttendee[] {
  return list.map((a) => {
    const key = attendeeKey(a);
    let hit = cache.get(key);
    if (!hit) {
      const [given = '', ...rest] = a.name.split(/\s+/);
      const byEmail = a.email ? findPerson(db, { givenName: '', familyName: '', emails: [{ value: a.email }] }, null) : null;
      const byName = byEmail === null && a.name ? findPerson(db, { givenName: rest.length ? given : '', familyName: rest.length ? rest.join(' ') : given, emails: [] }, null) : null;
      const contactId = byEmail ?? byName;
      const internal = contactId !== null && getContact(db, contactId).internal;
      hit = { ...a, contactId, match: byEmail !== null ? 'email' : byName !== null ? 'name' : null, side: contactId === null ? null : (a.side ?? (internal ? 'delegation' : 'counterpart')) };
      cache.set(key, hit);
    }
    return { ...hit, organizer: a.organizer, role: a.role };
  });
}

/** The meetings of an .ics file against this dossier: attendees matched, duplicates (same UID) found, occurrences gone. */
export function previewMeetings(db: ReadDb, input: PreviewInput, now: Date) {
  const read = readIcsFile(input.content, {
    file: input.fileName,
    defaultZone: input.defaultZone,
    floatingZone: input.floatingZone,
    zoneChoices: input.zoneChoices,
    horizonMonths: input.horizonMonths ?? getSetting(db, 'recurrenceHorizonMonths'),
    horizonFrom: input.horizonFrom,
    now,
  });
  const cache = new Map<string, MeetingAttendee>();
  const meetings: MeetingProposal[] = read.meetings.map((p: IcsProposal) => ({
    ...p,
    attendees: matchAttendees(db, p.attendees, cache),
    duplicateOf: meetingByUid(db, p.uid, p.recurrenceId),
  }));
  // Occurrences imported before that the file no longer lists within the horizon: moved out of the series or cancelled.
  const gone = goneOccurrences(db, meetings, read.facts.horizon);
  const update = meetings.filter((m) => m.duplicateOf !== null).length;
  const series = new Set(meetings.filter((m) => m.recurring).map((m) => m.uid)).size;
  return { meetings, facts: read.facts, counts: { create: meetings.length - update, update, series, cancelled: gone.length }, gone };
}

/** Stored occurrences of the file's series, within the horizon, that the file no longer has. */
function goneOccurrences(db: ReadDb, meetings: MeetingProposal[], horizon: { from: string; to: string }): number[] {
  const uids = new Set(meetings.filter((m) => m.recurring && m.uid).map((m) => m.uid));
  const out: number[] = [];
  for (const uid of uids) {
    const listed = new Set(meetings.filter((m) => m.uid === uid).map((m) => m.recurrenceId));
    for (const s of meetingsOfUid(db, uid)) if (!listed.has(s.recurrenceId) && s.startsAt >= horizon.from && s.startsAt < horizon.to) out.push(s.id);
  }
  return out;
}

/** An institution by name or acronym (case and accents ignored), for the host and participants Dossier's own export names. */
function institutionByName(db: ReadDb): (name: string) => number | null {
  const list = listInstitutions(db);
  return (name) => {
    const k = nameKey(name);
    return list.find((i) => nameKey(i.name) === k || (i.acronym && nameKey(i.acronym) === k))?.id ?? null;
  };
}

function fieldsOf(p: MeetingProposal, file: string, inst: (n: string) => number | null) {
  const parsed = MeetingInput.safeParse({
    title: p.title,
    series: p.series,
    kind: p.kind,
    start: p.start,
    end: p.end,
    timeZone: p.timeZone,
    venue: p.venue,
    format: p.format,
    status: p.status,
    notes: p.notes,
    allDay: p.allDay,
    hostInstitutionId: p.hostName ? inst(p.hostName) : null,
    institutionIds: p.institutionNames.map(inst).filter((id): id is number => id !== null),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { error: { line: p.line, reason: `${issue.path.join('.')}: ${issue.message}` }, data: null };
  }
  return { error: null, data: parsed.data };
}

/** What importing a file will write: its meetings, each validated as MeetingInput, and the records left out. */
export interface MeetingImport {
  preview: ReturnType<typeof previewMeetings>;
  fields: ReturnType<typeof fieldsOf>[];
  rejected: { line: number; reason: string }[];
}

/** Parses, matches and validates everything first: the first bad event stops it (naming its line) unless skipInvalid. */
export function planMeetingImport(db: ReadDb, input: Parsed<'meeting.importIcs'>, now: Date): MeetingImport {
  const p = previewMeetings(db, input, now);
  const inst = institutionByName(db);
  const fields = p.meetings.map((m) => fieldsOf(m, input.fileName, inst));
  const rejected = [...p.facts.rejected, ...fields.flatMap((f) => (f.error ? [f.error] : []))].sort((a, b) => a.line - b.line);
  if (rejected[0] && !input.skipInvalid) {
    const r = rejected[0];
    throw new DossierError('invalid_input', `${input.fileName}, line ${r.line}: ${r.reason}`, { details: { file: input.fileName, line: r.line, rejected: rejected.length } });
  }
  return { preview: p, fields, rejected };
}

/** Writes a planned import: new meetings, the ones imported before updated, attendees as chosen, gone occurrences cancelled. */
export function importMeetings(w: WriteDb, { preview: p, fields, rejected }: MeetingImport, input: Pick<Parsed<'meeting.importIcs'>, 'fileName' | 'attendees'>) {
  const created: number[] = [];
  const updated: number[] = [];
  let participants = 0;
  const seen = new Set<string>();
  p.meetings.forEach((m, i) => {
    const f = fields[i]!.data;
    if (!f) return;
    const key = `${m.uid}\u0000${m.recurrenceId}`;
    if (m.uid && seen.has(key)) return;
    seen.add(key);
    let id = m.duplicateOf;
    if (id === null) {
      id = createMeeting(w, f, `ics-file:${input.fileName}`, m.uid ? { uid: m.uid, recurrenceId: m.recurrenceId } : null);
      for (const a of m.agenda) saveAgendaItem(w, id, { id: null, ...a });
      created.push(id);
    } else {
      // A re-import brings the calendar's facts; what only Dossier knows (host, participants, briefings) stays.
      const before = getMeeting(w, id);
      updateMeeting(w, id, { ...f, hostInstitutionId: f.hostInstitutionId ?? before.hostInstitutionId, institutionIds: f.institutionIds.length ? f.institutionIds : before.institutionIds, kind: f.kind || before.kind, notes: f.notes || before.notes });
      if (m.agenda.length) {
        for (const a of listAgenda(w, id)) removeAgendaItem(w, id, a.id);
        for (const a of m.agenda) saveAgendaItem(w, id, { id: null, ...a });
      }
      if (!updated.includes(id)) updated.push(id);
    }
    for (const a of m.attendees) {
      const choice: AttendeeChoice | undefined = input.attendees[attendeeKey(a)] ?? a.side ?? undefined;
      if (a.contactId === null || !choice || choice === 'ignore') continue;
      const role = (DELEGATION_ROLES as readonly string[]).includes(a.role) ? a.role : a.role === 'CHAIR' ? 'head' : 'member';
      setParticipant(w, id, a.contactId, choice, role);
      participants++;
    }
  });
  // Occurrences the series no longer has (EXDATE added, cancelled in the organiser's calendar) are kept, marked cancelled.
  for (const id of p.gone) {
    const m = getMeeting(w, id);
    if (m.status !== 'cancelled') updateMeeting(w, id, MeetingInput.parse({ ...m, status: 'cancelled' }));
  }
  return { created, updated, skipped: rejected.length, cancelled: p.gone, participants };
}

/** A stored meeting as the event the .ics writer takes; `attendees` adds its delegation and counterparts. */
export function icsMeetingOf(db: ReadDb, m: MeetingDetail, attendees = true): IcsMeeting {
  const names = new Map(listInstitutions(db).map((i) => [i.id, i.name]));
  const person = (contactId: number) => {
    const c = getContact(db, contactId);
    return { email: c.emails[0]?.value ?? '', name: c.displayName };
  };
  return icsEventOf(
    m,
    meetingIcsKey(db, m.id),
    (id) => names.get(id) ?? '',
    attendees
      ? [
          ...m.delegation.map((p) => ({ ...person(p.contactId), side: 'delegation' as const, role: p.role })),
          ...m.counterparts.map((p) => ({ ...person(p.contactId), side: 'counterpart' as const, role: '' })),
        ]
      : [],
  );
}

const cancelled = () => new DossierError('cancelled', 'The calendar import was cancelled; nothing was imported.');

const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'meetings';

export const meetingIoHandlers: HandlerMap<'meeting.importPreview' | 'meeting.importIcs' | 'meeting.exportIcs'> = {
  'meeting.importPreview': (input, ctx) => {
    ctx.progress?.(0, 1, 'Reading the calendar');
    const { gone: _g, ...shown } = previewMeetings(ctx.db, input, ctx.now());
    if (ctx.signal?.aborted) throw cancelled();
    ctx.progress?.(1, 1, 'Done');
    return shown;
  },

  // Parsed and validated before the transaction (no await between); then written in it, all or nothing.
  'meeting.importIcs': staged<'meeting.importIcs'>((input, ctx) => {
    ctx.progress?.(0, 2, 'Reading the calendar');
    const plan = planMeetingImport(ctx.db, input, ctx.now());
    // The safe point: the file is read and nothing is written yet.
    if (ctx.signal?.aborted) throw cancelled();
    ctx.progress?.(1, 2, 'Importing meetings');
    return (w) => {
      const done = importMeetings(w.db, plan, input);
      ctx.progress?.(2, 2, 'Done');
      return done;
    };
  }),

  'meeting.exportIcs': ({ meetingId, seriesId, all }, { db, now }) => {
    const meetings =
      meetingId !== null ? [getMeeting(db, meetingId)] : seriesId !== null ? listMeetings(db, { seriesId }) : all ? listMeetings(db, {}) : null;
    if (meetings === null) throw new DossierError('invalid_input', 'Say what to export: a meeting, a series or all meetings.', { field: 'meetingId' });
    if (seriesId !== null && meetings.length === 0) throw new DossierError('not_found', `Series ${seriesId} has no meetings.`, { field: 'seriesId' });
    const events = meetings.map((m) => icsMeetingOf(db, getMeetingDetail(db, m.id)));
    const name = meetingId !== null ? slug(meetings[0]!.title) : seriesId !== null ? slug(meetings[0]!.series) : 'meetings';
    return { content: writeIcs(events, now()), count: events.length, fileName: `${name}.ics` };
  },
};
