/** Commissions: ask a colleague for a section, write, submit, accept or return; and “My work” (issue 20). */
import { z } from 'zod';
import { op } from './op';
import { BRIEFING_LANGUAGES } from '../model/briefing';
import { Id, IsoDate } from '../model/common';
import { Commission, CommissionDetail, WorkList } from '../model/commission';

const Note = z.string().trim().max(5000).default('');
const Budget = z.number().int().min(1, 'A word budget is at least 1 word.').max(100_000).nullable().default(null);
const Draft = z.string().max(200_000);

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
