/** Meetings: agenda, delegation and counterparts, outcomes and follow-up actions, and meetings read from .ics files. */
import { z } from 'zod';
import { Id, LocalDateTime, TimeZone, longText, text } from './common';
import { ContactProposal, InstitutionMatch } from './contact';
import { MeetingAttendee } from './calendar';

export const MEETING_FORMATS = ['in_person', 'virtual', 'hybrid'] as const;
export const MEETING_STATUSES = ['planned', 'confirmed', 'held', 'cancelled'] as const;
export const DELEGATION_ROLES = ['head', 'member', 'adviser', 'note_taker'] as const;
export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;

export const MeetingInput = z
  .object({
    title: text(300).min(1, 'A meeting needs a title.'),
    series: text(200).default(''),
    kind: text(100).default(''),
    start: LocalDateTime,
    end: LocalDateTime,
    timeZone: TimeZone.default('Europe/Zurich'),
    venue: text(300).default(''),
    format: z.enum(MEETING_FORMATS).default('in_person'),
    hostInstitutionId: Id.nullable().default(null),
    institutionIds: z.array(Id).max(100).default([]),
    status: z.enum(MEETING_STATUSES).default('planned'),
    notes: longText.default(''),
    /** An all-day meeting: only its dates count (start 'YYYY-MM-DDT00:00', end 'YYYY-MM-DDT23:59' of its last day), never shifted by a zone. */
    allDay: z.boolean().default(false),
  })
  .refine((m) => m.end >= m.start, { message: 'The meeting ends before it starts.', path: ['end'] });
export type MeetingInput = z.input<typeof MeetingInput>;

export const AgendaItem = z.object({
  id: Id,
  position: z.number().int(),
  time: z.string(),
  title: z.string(),
  lead: z.string(),
  documents: z.string(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Participant = z.object({
  contactId: Id,
  displayName: z.string(),
  position: z.string(),
  institutionName: z.string().nullable(),
  stale: z.boolean(),
  informationDated: z.string().nullable(),
  role: z.string(),
});
export type Participant = z.infer<typeof Participant>;

export const FollowUpAction = z.object({
  id: Id,
  meetingId: Id,
  meetingTitle: z.string(),
  text: z.string(),
  owner: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  overdue: z.boolean(),
  /** The later meeting this open action was carried forward to, if any. */
  carriedToMeetingId: Id.nullable(),
});
export type FollowUpAction = z.infer<typeof FollowUpAction>;

/** What came out of a meeting, and who committed to it: 'us', 'counterpart' or a free-text name. */
export const Outcome = z.object({ id: Id, text: z.string(), committedBy: z.string() });
export type Outcome = z.infer<typeof Outcome>;

export const Meeting = z.object({
  id: Id,
  title: z.string(),
  series: z.string(),
  seriesId: Id.nullable(),
  kind: z.string(),
  /** Wall-clock start/end in the meeting's zone, 'YYYY-MM-DDTHH:MM'. */
  start: z.string(),
  end: z.string(),
  /** The same instants as ISO 8601 with the zone's offset, e.g. '2026-03-12T10:00:00+01:00'. */
  startIso: z.string(),
  endIso: z.string(),
  timeZone: z.string(),
  venue: z.string(),
  format: z.enum(MEETING_FORMATS),
  hostInstitutionId: Id.nullable(),
  hostInstitutionName: z.string().nullable(),
  institutionIds: z.array(Id),
  status: z.enum(MEETING_STATUSES),
  notes: z.string(),
  updatedAt: z.string(),
  allDay: z.boolean(),
});
export type Meeting = z.infer<typeof Meeting>;

export const MeetingDetail = Meeting.extend({
  agenda: z.array(AgendaItem),
  delegation: z.array(Participant),
  counterparts: z.array(Participant),
  outcomes: z.array(Outcome),
  actions: z.array(FollowUpAction),
  /** Open actions from earlier meetings of the same series or host institution. */
  carriedActions: z.array(FollowUpAction),
  briefingIds: z.array(Id),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

/** A meeting read from an .ics file, not yet saved; `line` is its BEGIN:VEVENT line. */
export const MeetingProposal = z.object({
  line: z.number().int().positive(),
  uid: z.string(),
  title: z.string(),
  series: z.string(),
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  venue: z.string(),
  notes: z.string(),
  status: z.enum(MEETING_STATUSES),
  agenda: z.array(z.object({ time: z.string(), title: z.string(), lead: z.string(), documents: z.string() })),
  warnings: z.array(z.string()),
  /** A meeting already imported from the same UID and RECURRENCE-ID: importing updates it. */
  duplicateOf: Id.nullable(),
  allDay: z.boolean(),
  /** The occurrence's original start (RECURRENCE-ID) as a UTC instant or a date; '' for an event that does not repeat. */
  recurrenceId: z.string(),
  /** Part of a repeating event (an occurrence of its series). */
  recurring: z.boolean(),
  kind: z.string(),
  format: z.enum(MEETING_FORMATS),
  /** Host and participating institutions by name (Dossier's own X- properties), matched on import. */
  hostName: z.string(),
  institutionNames: z.array(z.string()),
  attendees: z.array(MeetingAttendee),
});
export type MeetingProposal = z.infer<typeof MeetingProposal>;

/** One person of a pasted participants list, matched against the store. */
export const ParticipantRow = z.object({
  proposal: ContactProposal,
  institution: InstitutionMatch,
  contactId: Id.nullable(),
  /** The stored contact as it is now (for the diff), when matched. */
  stored: z.object({ displayName: z.string(), position: z.string(), institutionName: z.string().nullable(), emails: z.array(z.string()) }).nullable(),
  status: z.enum(['new', 'changed', 'unchanged']),
  changes: z.array(z.object({ field: z.enum(['position', 'institution', 'email', 'honorific']), before: z.string(), after: z.string() })),
  alreadyCounterpart: z.boolean(),
});
export type ParticipantRow = z.infer<typeof ParticipantRow>;
