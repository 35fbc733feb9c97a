/** iCalendar in and out: preview and all-or-nothing import of .ics files, export of a meeting, a series or all. */
import { DossierError } from '../../contract/errors';
import { MeetingInput, type MeetingProposal } from '../../contract/model';
import { readIcs } from '../formats/ical-read';
import { type IcsMeeting, writeIcs } from '../formats/ical-write';
import { createMeeting, getMeeting, listAgenda, listMeetings, meetingByUid, meetingUid, saveAgendaItem } from '../store/meetings';
import type { ReadDb, WriteDb } from '../store/db';
import type { MeetingFields } from '../store/meetings';
import { type HandlerMap, staged } from './context';

/** The meetings of an .ics file, each with the stored meeting it duplicates (same UID). */
export function previewMeetings(db: ReadDb, content: string, file: string, defaultZone: string): MeetingProposal[] {
  return readIcs(content, { file, defaultZone }).map((p) => ({ ...p, duplicateOf: meetingByUid(db, p.uid) }));
}

const slug = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'meetings';

/** What importing a file will write: its meetings, each validated as MeetingInput (the first bad one stops it, naming the line). */
export interface MeetingImport {
  proposals: MeetingProposal[];
  fields: MeetingFields[];
  fileName: string;
}

export function planMeetingImport(db: ReadDb, content: string, fileName: string, defaultZone: string): MeetingImport {
  const proposals = previewMeetings(db, content, fileName, defaultZone);
  const fields = proposals.map((p) => {
    const parsed = MeetingInput.safeParse({ title: p.title, series: p.series, start: p.start, end: p.end, timeZone: p.timeZone, venue: p.venue, status: p.status, notes: p.notes });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new DossierError('invalid_input', `${fileName}, line ${p.line}: ${issue.path.join('.')}: ${issue.message}`, { details: { file: fileName, line: p.line } });
    }
    return parsed.data;
  });
  return { proposals, fields, fileName };
}

/** Writes a planned import: new meetings with their agendas; meetings already here (same UID) are skipped. */
export function importMeetings(db: WriteDb, { proposals, fields, fileName }: MeetingImport): { created: number[]; skipped: number } {
  const created: number[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  proposals.forEach((p, i) => {
    if (p.duplicateOf !== null || (p.uid && seen.has(p.uid))) {
      skipped++;
      return;
    }
    if (p.uid) seen.add(p.uid);
    const id = createMeeting(db, fields[i]!, p.uid ? `ics:${p.uid}` : `ics-file:${fileName}`);
    for (const a of p.agenda) saveAgendaItem(db, id, { id: null, ...a });
    created.push(id);
  });
  return { created, skipped };
}

export const meetingIoHandlers: HandlerMap<'meeting.importPreview' | 'meeting.importIcs' | 'meeting.exportIcs'> = {
  'meeting.importPreview': ({ content, fileName, defaultZone }, { db }) => ({ meetings: previewMeetings(db, content, fileName, defaultZone) }),

  // Parsed and validated before the transaction; then written in it, all or nothing.
  'meeting.importIcs': staged<'meeting.importIcs'>(({ content, fileName, defaultZone }, ctx) => {
    const plan = planMeetingImport(ctx.db, content, fileName, defaultZone);
    return (w) => importMeetings(w.db, plan);
  }),

  'meeting.exportIcs': ({ meetingId, seriesId, all }, { db, now }) => {
    const meetings =
      meetingId !== null ? [getMeeting(db, meetingId)] : seriesId !== null ? listMeetings(db, { seriesId }) : all ? listMeetings(db, {}) : null;
    if (meetings === null) throw new DossierError('invalid_input', 'Say what to export: a meeting, a series or all meetings.', { field: 'meetingId' });
    if (seriesId !== null && meetings.length === 0) throw new DossierError('not_found', `Series ${seriesId} has no meetings.`, { field: 'seriesId' });
    const events: IcsMeeting[] = meetings.map((m) => ({
      uid: meetingUid(db, m.id),
      title: m.title,
      series: m.series,
      start: m.start,
      end: m.end,
      timeZone: m.timeZone,
      venue: m.venue,
      notes: m.notes,
      status: m.status,
      agenda: listAgenda(db, m.id),
    }));
    const name = meetingId !== null ? slug(meetings[0]!.title) : seriesId !== null ? slug(meetings[0]!.series) : 'meetings';
    return { content: writeIcs(events, now()), count: events.length, fileName: `${name}.ics` };
  },
};
