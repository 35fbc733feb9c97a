/**
 * Commissions: the briefing's owner asks a colleague (one of our staff) for a section, or for one agenda item's lines
 * to take, with a deadline, a note and a word budget. The colleague writes a contribution beside the section (never
 * in it) and submits it; the owner accepts it (merged in, a version saved, the contributor credited) or returns it
 * with a comment. A commission can also go out by e-mail and the answer be pasted in as the submission.
 */
import { z } from 'zod';
import { Person } from './identity';
import { Id } from './common';
import { SectionKind } from './briefing';

/** As stored. "overdue" is never stored: it is an open commission past its deadline. */
export const COMMISSION_STATES = ['requested', 'in_progress', 'submitted', 'accepted', 'returned', 'withdrawn'] as const;
/** As shown: the stored state, or overdue. */
export const COMMISSION_STATUSES = ['requested', 'in_progress', 'submitted', 'accepted', 'returned', 'overdue', 'withdrawn'] as const;
export type CommissionStatus = (typeof COMMISSION_STATUSES)[number];
/** Still with the contributor: these can be overdue. */
export const OPEN_COMMISSION_STATES = ['requested', 'in_progress', 'returned'] as const;

export const Commission = z.object({
  id: Id,
  briefingId: Id,
  briefingTitle: z.string(),
  meetingId: Id,
  meetingTitle: z.string(),
  /** null when the section was removed since. */
  sectionId: Id.nullable(),
  sectionTitle: z.string(),
  sectionKind: SectionKind,
  /** For an agenda item's lines to take (a section of kind agenda_briefs). */
  agendaItemId: Id.nullable(),
  agendaItemTitle: z.string().nullable(),
  requestedBy: Person,
  assignee: Person.extend({ email: z.string().nullable() }),
  deadline: z.string().nullable(),
  note: z.string(),
  budgetWords: z.number().int().nullable(),
  /** The stored state, or 'overdue' for an open one past its deadline. */
  status: z.enum(COMMISSION_STATUSES),
  state: z.enum(COMMISSION_STATES),
  overdue: z.boolean(),
  /** The contribution as the contributor last saved it: Markdown, or the JSON of a key-messages or Q&A section. */
  draft: z.string(),
  draftWords: z.number().int(),
  /** The section's text when it was commissioned, which the contribution started from. */
  base: z.string(),
  /** How the submission came: written in Dossier, or pasted from an e-mail answer. */
  via: z.enum(['app', 'email']),
  requestedAt: z.string(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type Commission = z.infer<typeof Commission>;

/** One commission with what the owner compares it against: the target's text now. */
export const CommissionDetail = Commission.extend({
  /** The section's (or agenda item's) current text, in the same form as `draft`. */
  current: z.string(),
  /** The section changed since it was commissioned, so accepting replaces edits made meanwhile (kept in a version). */
  changedSince: z.boolean(),
});
export type CommissionDetail = z.infer<typeof CommissionDetail>;


/** "My work": what the person I act as has to do, across briefings. */
export const WorkList = z.object({
  me: Person.nullable(),
  /** Commissions I am to write: overdue first, then by deadline. */
  toWrite: z.array(Commission),
  /** Contributions submitted to me, waiting for me to accept or return them. */
  toReview: z.array(Commission),
  /** Briefings waiting for my clearance. */
  toClear: z.array(
    z.object({ briefingId: Id, briefingTitle: z.string(), meetingTitle: z.string(), deadline: z.string().nullable(), requestedBy: Person, requestedAt: z.string(), label: z.string(), overdue: z.boolean() }),
  ),
  /** Commissions I asked for that are still out (for following up). */
  waiting: z.array(Commission),
});
export type WorkList = z.infer<typeof WorkList>;
