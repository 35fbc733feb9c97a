/**
 * Commissions: the briefing's owner asks a colleague (one of our staff) for a section, or for one agenda item's lines
 * to take, with a deadline, a note and a word budget. The colleague writes a contribution beside the section (never
 * in it) and submits it; the owner accepts it (merged in, a version saved, the contributor credited) or returns it
 * with a comment. A commission can also go out by e-mail and the answer be pasted in as the submission.
 */
import { z } from 'zod';
import { Person } from './identity';
import { BRIEFING_LANGUAGES, Id, IsoDate, SectionKind } from './model';
import { op } from './op-spec';

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

const Note = z.string().trim().max(5000).default('');
const Budget = z.number().int().min(1, 'A word budget is at least 1 word.').max(100_000).nullable().default(null);
const Draft = z.string().max(200_000);

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

export const commissionOps = {
  'commission.create': op({
    input: z.object({
      sectionId: Id,
      /** For one agenda item's lines to take, in a section of kind agenda_briefs. */
      agendaItemId: Id.nullable().default(null),
      assigneeId: Id,
      deadline: IsoDate.nullable().default(null),
      note: Note,
      budgetWords: Budget,
    }),
    output: Commission,
    kind: 'write',
    doc: 'Ask a colleague (an internal contact) for a section or an agenda item’s lines to take, with a deadline, a note and a word budget.',
  }),
  'commission.list': op({
    input: z.object({
      briefingId: Id.nullable().default(null),
      assigneeId: Id.nullable().default(null),
      /** Only those still to be written, submitted or returned (not accepted or withdrawn). */
      open: z.boolean().default(false),
    }),
    output: z.array(Commission),
    kind: 'read',
    doc: 'Commissions of a briefing, of a contributor, or all: overdue first, then by deadline.',
  }),
  'commission.get': op({ input: z.object({ id: Id }), output: CommissionDetail, kind: 'read', doc: 'One commission, its contribution and the section’s current text beside it.' }),
  'commission.saveDraft': op({
    input: z.object({ id: Id, text: Draft }),
    output: Commission,
    kind: 'write',
    doc: 'Save the contribution as written so far (the contributor only); the commission is then in progress.',
  }),
  'commission.submit': op({
    input: z.object({
      id: Id,
      /** The contribution; without it, the saved draft. */
      text: Draft.optional(),
      /** 'email': the owner pastes the answer that came back by e-mail, on the contributor’s behalf. */
      via: z.enum(['app', 'email']).default('app'),
    }),
    output: Commission,
    kind: 'write',
    doc: 'Submit the contribution to the owner (the contributor; or the owner pasting an e-mailed answer with via "email").',
  }),
  'commission.accept': op({
    input: z.object({ id: Id }),
    output: Commission,
    kind: 'write',
    doc: 'Accept a submitted contribution: merged into the section, a version saved crediting the contributor.',
  }),
  'commission.return': op({
    input: z.object({
      id: Id,
      comment: z.string().trim().min(1, 'Say what should change: a returned contribution needs a comment.').max(10_000),
      /** A new deadline for the reworked contribution; without it the old one stays. */
      deadline: IsoDate.nullable().optional(),
    }),
    output: Commission,
    kind: 'write',
    doc: 'Return a submitted contribution to its contributor with a comment at the section; they rework and submit again.',
  }),
  'commission.withdraw': op({ input: z.object({ id: Id }), output: Commission, kind: 'write', doc: 'Withdraw a commission that is no longer needed (its draft is kept on record).' }),
  'commission.mailto': op({
    input: z.object({ id: Id, /** The language of the mail: the user's. */ language: z.enum(BRIEFING_LANGUAGES).default('en') }),
    output: z.object({ url: z.string(), to: z.string(), subject: z.string(), body: z.string() }),
    kind: 'read',
    doc: 'The commission as an e-mail to the contributor (a mailto: link with subject and body), for colleagues outside Dossier.',
  }),
  'work.list': op({
    input: z.object({ contactId: Id.nullable().default(null) }),
    output: WorkList,
    kind: 'read',
    doc: '“My work”: commissions to write (due and overdue), contributions to review and briefings to clear, across briefings, for the person I act as (or contactId).',
  }),
} as const;
