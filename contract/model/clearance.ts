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
import { Id } from './common';
import { BRIEFING_STATUSES } from './briefing';

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
      reopenedBy: z.array(z.object({ sectionId: Id.nullable(), title: z.string(), change: z.enum(['changed', 'added', 'removed']) })),
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
