/**
 * Clearance: a chain of clearers (say, head of unit then director) approves a briefing before it is final. The chain
 * is a default of the dossier, or the briefing's own. Sending for clearance puts the briefing in review; each
 * clearer in turn approves, or returns it with comments at its sections; it is final only when every clearer has
 * approved (or when someone overrides, with a reason that is recorded). Editing a section after it was cleared
 * reopens that clearance: the approvals given before no longer cover what the briefing says.
 */
import { z } from 'zod';
import { CommentBody } from './comment';
import { Person } from './identity';
import { BRIEFING_STATUSES, Id } from './model';
import { op } from './op-spec';

export const ClearanceStepInput = z.object({
  contactId: Id,
  /** The role in the chain: "Head of unit", "Director". */
  label: z.string().trim().max(100).default(''),
});
export const ChainInput = z.array(ClearanceStepInput).max(10, 'A clearance chain has at most 10 clearers.');

/** One clearer of a chain, as defined (name and post as they are now). */
export const ChainStep = z.object({ position: z.number().int(), clearer: Person, label: z.string() });
export type ChainStep = z.infer<typeof ChainStep>;
export const Chain = z.object({
  /** 'briefing': the briefing's own chain; 'default': the dossier's; 'none': nobody clears. */
  source: z.enum(['briefing', 'default', 'none']),
  steps: z.array(ChainStep),
});
export type Chain = z.infer<typeof Chain>;

export const STEP_STATES = ['waiting', 'due', 'approved', 'returned', 'reopened'] as const;
export const REQUEST_OUTCOMES = ['open', 'cleared', 'returned', 'withdrawn', 'overridden'] as const;

export const ClearanceDecision = z.object({
  decision: z.enum(['approved', 'returned', 'overridden']),
  /** Name and post at the time of the decision. */
  by: Person,
  at: z.string(),
  comment: z.string(),
});
export type ClearanceDecision = z.infer<typeof ClearanceDecision>;

/** A briefing's clearance as it stands. */
export const Clearance = z.object({
  briefingId: Id,
  briefingStatus: z.enum(BRIEFING_STATUSES),
  chain: Chain,
  /** The latest round of clearance, or null if it was never sent. */
  request: z
    .object({
      id: Id,
      requestedBy: Person,
      requestedAt: z.string(),
      outcome: z.enum(REQUEST_OUTCOMES),
      closedAt: z.string().nullable(),
    })
    .nullable(),
  /** The chain of that round (as it was when sent), each step with its state. */
  steps: z.array(
    ChainStep.extend({
      state: z.enum(STEP_STATES),
      /** The latest decision of this clearer in this round. */
      decision: ClearanceDecision.nullable(),
      /** Why an approval no longer holds: the sections changed since. */
      reopenedBy: z.array(z.object({ sectionId: Id, title: z.string(), change: z.enum(['changed', 'added', 'removed']) })),
    }),
  ),
  /** Position of the clearer whose turn it is, or null. */
  turn: z.number().int().nullable(),
  /** Every clearer of the round approved, and nothing changed since. */
  cleared: z.boolean(),
  override: ClearanceDecision.nullable(),
  /** Sections as cleared: unchanged since the latest approval, or changed since. */
  sections: z.array(z.object({ sectionId: Id, state: z.enum(['cleared', 'changed', 'not_cleared']) })),
  /** Every decision of every round, oldest first: the record of who cleared what and when. */
  log: z.array(ClearanceDecision.extend({ requestId: Id, step: z.number().int(), label: z.string() })),
});
export type Clearance = z.infer<typeof Clearance>;

const ByBriefing = z.object({ briefingId: Id });

export const clearanceOps = {
  'clearance.chain': op({
    input: z.object({ briefingId: Id.nullable().default(null) }),
    output: Chain,
    kind: 'read',
    doc: 'The clearance chain of a briefing (its own, or the dossier’s default), or the dossier’s default (briefingId null).',
  }),
  'clearance.setChain': op({
    input: z.object({
      briefingId: Id.nullable().default(null),
      /** The clearers in order; null (for a briefing): follow the dossier’s default again. */
      steps: ChainInput.nullable(),
    }),
    output: Chain,
    kind: 'write',
    doc: 'Set the dossier’s default clearance chain (briefingId null) or a briefing’s own; refused while the briefing is in clearance.',
  }),
  'clearance.get': op({ input: ByBriefing, output: Clearance, kind: 'read', doc: 'A briefing’s clearance: the chain, whose turn it is, each decision and what changed since.' }),
  'clearance.request': op({
    input: ByBriefing,
    output: Clearance,
    kind: 'write',
    doc: 'Send the briefing for clearance: it goes in review and the first clearer of its chain is asked.',
  }),
  'clearance.approve': op({
    input: ByBriefing.extend({ comment: z.string().trim().max(10_000).default('') }),
    output: Clearance,
    kind: 'write',
    doc: 'Approve the briefing as the clearer whose turn it is; after the last approval the briefing is final.',
  }),
  'clearance.return': op({
    input: ByBriefing.extend({
      /** An overall remark. */
      comment: z.string().trim().max(10_000).default(''),
      /** Remarks at sections or paragraphs; they show at their section. */
      comments: z.array(z.object({ sectionId: Id, paragraph: z.number().int().min(0).nullable().default(null), body: CommentBody })).max(200).default([]),
    }).refine((i) => i.comment !== '' || i.comments.length > 0, { message: 'Say what should change: a return needs a comment.', path: ['comment'] }),
    output: Clearance,
    kind: 'write',
    doc: 'Return the briefing to its owner as the clearer whose turn it is, with comments; it goes back to draft.',
  }),
  'clearance.override': op({
    input: ByBriefing.extend({ reason: z.string().trim().min(10, 'Give the reason for making it final without full clearance (at least 10 characters).').max(2000) }),
    output: Clearance,
    kind: 'write',
    doc: 'Make the briefing final without every approval; the reason, who and when are recorded and printed in the pack.',
  }),
} as const;
