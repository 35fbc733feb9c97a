/** Operations on meetings: the meeting, its agenda, people, outcomes and actions, calendars and participants lists. */
import { z } from 'zod';
import { ACTION_STATUSES, DELEGATION_ROLES, Meeting, MeetingDetail, MeetingInput, MeetingProposal, ParticipantRow } from '../model/meeting';
import { Id, IsoDate, LocalDateTime, TimeZone, text } from '../model/common';
import { ById, Ok, op } from './op';
import { Region } from './contact';
import { AttendeeChoice, CalendarFacts } from '../model/calendar';

// Calendar import: the zones the user picks for floating times and for TZIDs Dossier cannot place, and the horizon.
const IcsImport = z.object({
  content: z.string().max(20_000_000),
  fileName: z.string().max(500).default('calendar.ics'),
  /** The user's own zone (UTC times of a calendar that names no zone are shown in it). */
  defaultZone: TimeZone.default('UTC'),
  /** Zone for floating times; default the calendar's X-WR-TIMEZONE, else defaultZone. */
  floatingZone: TimeZone.nullable().default(null),
  zoneChoices: z.record(z.string().max(200), TimeZone).default({}),
  /** Months of occurrences of repeating events to import; default the setting (18). */
  horizonMonths: z.number().int().min(1).max(120).nullable().default(null),
  horizonFrom: IsoDate.nullable().default(null),
});

export const meetingOps = {
  'meeting.list': op({
    input: z.object({
      when: z.enum(['upcoming', 'past', 'all']).default('all'),
      seriesId: Id.nullable().default(null),
      // A page for long lists (the virtualised list); without `limit`, every meeting as before.
      limit: z.number().int().min(1).max(1000).nullable().default(null),
      offset: z.number().int().min(0).default(0),
      // Only meetings overlapping [from, to) (UTC dates 'YYYY-MM-DD'), e.g. the weeks a calendar shows.
      from: IsoDate.nullable().default(null),
      to: IsoDate.nullable().default(null),
    }),
    output: z.array(Meeting),
    kind: 'read',
    doc: 'Meetings ordered by start: upcoming soonest first, past latest first; a page of them with limit/offset.',
  }),
  'meeting.count': op({
    input: z.object({ when: z.enum(['upcoming', 'past', 'all']).default('all'), seriesId: Id.nullable().default(null) }),
    output: z.object({ total: z.number().int() }),
    kind: 'read',
    doc: 'How many meetings meeting.list would return without limit (for paging).',
  }),
  'meeting.get': op({ input: ById, output: MeetingDetail, kind: 'read', doc: 'A meeting with agenda, delegation, counterparts, outcomes and actions.' }),
  'meeting.create': op({ input: MeetingInput, output: Meeting, kind: 'write', doc: 'Create a meeting; a new series name creates the series.' }),
  'meeting.update': op({ input: z.object({ id: Id, patch: MeetingInput }), output: Meeting, kind: 'write', doc: 'Replace a meeting’s fields.' }),
  'meeting.delete': op({ input: ById, output: Ok, kind: 'write', doc: 'Delete a meeting with its agenda, delegation and briefings.' }),
  'meeting.setParticipant': op({
    input: z.object({
      meetingId: Id,
      contactId: Id,
      side: z.enum(['delegation', 'counterpart']),
      role: z.enum(DELEGATION_ROLES).default('member'),
    }),
    output: MeetingDetail,
    kind: 'write',
    doc: 'Add a contact to the delegation (with a role) or as a counterpart, or change the role.',
  }),
  'meeting.removeParticipant': op({
    input: z.object({ meetingId: Id, contactId: Id, side: z.enum(['delegation', 'counterpart']) }),
    output: MeetingDetail,
    kind: 'write',
    doc: 'Remove a contact from the delegation or the counterparts.',
  }),
  'agenda.save': op({
    input: z.object({
      meetingId: Id,
      id: Id.nullable().default(null),
      // Single-line text (contract/text.ts): no control character reaches the store or an export.
      time: text(40).default(''),
      title: text(500).min(1, 'An agenda item needs a title.'),
      lead: text(300).default(''),
      documents: text(2000).default(''),
    }),
    output: MeetingDetail,
    kind: 'write',
    doc: 'Add an agenda item at the end, or update one.',
  }),
  'agenda.remove': op({ input: z.object({ meetingId: Id, id: Id }), output: MeetingDetail, kind: 'write', doc: 'Remove an agenda item.' }),
  'agenda.reorder': op({
    input: z.object({ meetingId: Id, ids: z.array(Id).max(500) }),
    output: MeetingDetail,
    kind: 'write',
    doc: 'Put the meeting’s agenda items in the given order (all ids, each once).',
  }),
  'meeting.series': op({
    input: z.object({}),
    output: z.array(z.object({ id: Id, name: z.string(), meetingCount: z.number().int(), lastMeetingId: Id.nullable() })),
    kind: 'read',
    doc: 'Every meeting series by name, with its number of meetings and its latest meeting.',
  }),
  'meeting.createFromPrevious': op({
    input: z.object({
      seriesId: Id.nullable().default(null),
      meetingId: Id.nullable().default(null),
      start: LocalDateTime,
      end: LocalDateTime,
      timeZone: TimeZone.nullable().default(null),
    }),
    output: Meeting,
    kind: 'write',
    doc: 'New meeting copying series, venue, format, host, institutions, delegation and agenda titles of the series’ last meeting (or of meetingId).',
  }),
  'outcome.save': op({
    input: z.object({
      meetingId: Id,
      id: Id.nullable().default(null),
      text: z.string().trim().min(1, 'An outcome needs a text.').max(5000),
      committedBy: z.string().trim().max(200).default(''),
    }),
    output: MeetingDetail,
    kind: 'write',
    doc: 'Add an outcome to a meeting, or update one; committedBy is "us", "counterpart" or a name.',
  }),
  'outcome.remove': op({ input: z.object({ meetingId: Id, id: Id }), output: MeetingDetail, kind: 'write', doc: 'Remove an outcome.' }),
  'action.save': op({
    input: z.object({
      meetingId: Id,
      id: Id.nullable().default(null),
      text: z.string().trim().min(1, 'An action needs a text.').max(5000),
      owner: z.string().trim().max(200).default(''),
      dueDate: IsoDate.nullable().default(null),
      status: z.enum(ACTION_STATUSES).default('open'),
    }),
    output: MeetingDetail,
    kind: 'write',
    doc: 'Add a follow-up action to a meeting, or update one.',
  }),
  'action.setStatus': op({
    input: z.object({ id: Id, status: z.enum(ACTION_STATUSES), meetingId: Id }),
    output: MeetingDetail,
    kind: 'write',
    doc: 'Close (done, dropped) or reopen an action; returns the meeting it was changed from (meetingId).',
  }),
  'action.carryForward': op({
    input: z.object({ id: Id, toMeetingId: Id }),
    output: MeetingDetail,
    kind: 'write',
    doc: 'Keep an open action open and carry it to a later meeting, where it shows as carried forward.',
  }),
  'action.remove': op({ input: z.object({ meetingId: Id, id: Id }), output: MeetingDetail, kind: 'write', doc: 'Delete a follow-up action.' }),
  'meeting.importPreview': op({
    input: IcsImport,
    output: z.object({
      meetings: z.array(MeetingProposal),
      facts: CalendarFacts,
      counts: z.object({ create: z.number().int(), update: z.number().int(), series: z.number().int(), cancelled: z.number().int() }),
    }),
    kind: 'read',
    long: true,
    doc: 'Read an .ics file without saving: one proposed meeting per event or occurrence within the horizon, attendees matched to contacts, events that cannot be read with their line.',
  }),
  'meeting.importIcs': op({
    input: IcsImport.extend({
      /** Import the events that can be read and leave out those that cannot (default: all or nothing). */
      skipInvalid: z.boolean().default(false),
      /** Per attendee (e-mail, or "name:<name>" without one): delegation, counterpart or ignore; default the proposed side. */
      attendees: z.record(z.string().max(500), AttendeeChoice).default({}),
    }),
    output: z.object({ created: z.array(Id), updated: z.array(Id), skipped: z.number().int(), cancelled: z.array(Id), participants: z.number().int() }),
    kind: 'write',
    long: true,
    doc: 'Import an .ics file all or nothing (or skipping unreadable events): new events and occurrences are created, ones imported before (same UID and RECURRENCE-ID) updated, occurrences gone from the series within the horizon marked cancelled.',
  }),
  'meeting.exportIcs': op({
    input: z.object({ meetingId: Id.nullable().default(null), seriesId: Id.nullable().default(null), all: z.boolean().default(false) }),
    output: z.object({ content: z.string(), count: z.number().int(), fileName: z.string() }),
    kind: 'read',
    long: true,
    doc: 'One meeting, a series or all meetings as iCalendar (VTIMEZONE included; agenda as "Item N:" lines in DESCRIPTION).',
  }),

  // ----- participants lists -----
  'participants.preview': op({
    input: z.object({ meetingId: Id, text: z.string().max(2_000_000), defaultRegion: Region }),
    output: z.object({ source: z.string(), people: z.array(ParticipantRow), counts: z.object({ new: z.number().int(), changed: z.number().int(), unchanged: z.number().int() }) }),
    kind: 'read',
    long: true,
    doc: 'Read a pasted participants list and match each person against the store (case and accents ignored): new people, changed posts, unchanged; nothing is saved.',
  }),
  'participants.apply': op({
    input: z.object({
      meetingId: Id,
      text: z.string().max(2_000_000),
      defaultRegion: Region,
      /** Per-person choice by index in the preview; everyone is applied unless skipped here. */
      decisions: z.record(z.string().regex(/^\d+$/), z.enum(['apply', 'skip'])).default({}),
    }),
    output: z.object({ created: z.array(Id), updated: z.array(Id), added: z.array(Id), skipped: z.number().int(), source: z.string() }),
    kind: 'write',
    doc: 'Record a participants list all or nothing: new people created, changed posts saved (post history kept), everyone added as a counterpart; the list is their dated source.',
  }),
} as const;
