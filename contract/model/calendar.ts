/**
 * Calendar import shapes (issue 17): the people an event names (ATTENDEE, ORGANIZER) matched to contacts, and what
 * the preview of an .ics file says beyond its meetings (rejected events, floating times, unknown zones, the horizon).
 */
import { z } from 'zod';
import { Id } from './common';
import { RejectedRecord } from './contact-details';

/** One ATTENDEE or ORGANIZER of an event, with the contact it matched (by e-mail, then by name) and the side proposed. */
export const MeetingAttendee = z.object({
  email: z.string(),
  name: z.string(),
  organizer: z.boolean(),
  /** RFC 5545 ROLE (CHAIR, REQ-PARTICIPANT, OPT-PARTICIPANT, NON-PARTICIPANT), or '' when the file gives none. */
  role: z.string(),
  contactId: Id.nullable(),
  match: z.enum(['email', 'name']).nullable(),
  /** Our own staff are proposed for the delegation, everyone else as a counterpart; null when not matched. */
  side: z.enum(['delegation', 'counterpart']).nullable(),
});
export type MeetingAttendee = z.infer<typeof MeetingAttendee>;

/** What an attendee becomes on import: added to the delegation, as a counterpart, or left off. */
export const AttendeeChoice = z.enum(['delegation', 'counterpart', 'ignore']);
export type AttendeeChoice = z.infer<typeof AttendeeChoice>;

/** A TZID the file uses that Dossier could not place, with where it first appears and the zone used meanwhile. */
export const UnknownZone = z.object({ tzid: z.string(), line: z.number().int().positive(), usedZone: z.string() });
export type UnknownZone = z.infer<typeof UnknownZone>;

/** The file-level facts of an .ics preview. */
export const CalendarFacts = z.object({
  rejected: z.array(RejectedRecord),
  warnings: z.array(z.string()),
  /** Whether some times are floating (no zone): they were read in `floatingZone`. */
  floating: z.boolean(),
  floatingZone: z.string(),
  unknownZones: z.array(UnknownZone),
  /** Repeating events become their occurrences from `from` to `to` (dates). */
  horizon: z.object({ from: z.string(), to: z.string(), months: z.number().int() }),
});
export type CalendarFacts = z.infer<typeof CalendarFacts>;
