/** Clearance: the chain, sending, approving and returning in turn, overriding with a reason (issue 20). */
import { z } from 'zod';
import { op } from './op';
import { Id } from '../model/common';
import { ChainInput, Chain, Clearance } from '../model/clearance';
import { CommentBody } from '../model/comment';

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
