/**
 * Clearance: send, approve in turn, return with comments, override with a reason. The briefing's status follows:
 * sending puts it in review, a return puts it back to draft, the last approval (or an override) makes it final. A
 * status change asked for directly (briefing.setStatus) goes through applyStatus, so the rules hold on every path.
 */
import { DossierError, invalid } from '../../contract/errors';
import type { Clearance } from '../../contract/model';
import type { Person } from '../../contract/model';
import type { Briefing } from '../../contract/model';
import { getBriefing, listSections, setBriefingStatus } from '../store/briefings';
import { briefingChain, closeRequest, defaultChain, getClearance, latestRequest, openRequest, recordDecision, sectionFingerprints, setBriefingChain, setDefaultChain } from '../store/clearance';
import { addComment } from '../store/comments';
import { saveVersion } from '../store/versions';
import { me, nowOf, requireMe } from './actor';
import { type HandlerMap, type OpsContext } from './context';

const WORDS = { draft: 'draft', in_review: 'in review', final: 'final' } as const;
const names = (c: Clearance) => c.steps.map((s) => s.clearer.name).join(' and ');

/** Moves the briefing's status, saving a version of the state it applies to (as every status change does). */
function moveTo(ctx: OpsContext, briefingId: number, status: Briefing['status'], why: string): void {
  const before = getBriefing(ctx.db, briefingId).status;
  if (setBriefingStatus(ctx.db, briefingId, status)) saveVersion(ctx.db, briefingId, '', `status: ${WORDS[before]} → ${WORDS[status]}${why ? ` (${why})` : ''}`);
}

function sendForClearance(ctx: OpsContext, briefingId: number, by: Person): void {
  const b = getBriefing(ctx.db, briefingId);
  const chain = briefingChain(ctx.db, briefingId);
  if (chain.steps.length === 0) throw new DossierError('conflict', 'This briefing has no clearance chain. Set one (or a default for the dossier) first.', { field: 'briefingId' });
  if (b.status === 'final') throw new DossierError('conflict', 'This briefing is already final. Reopen it (set it back to draft) to send it for clearance again.', { field: 'briefingId' });
  if (latestRequest(ctx.db, briefingId)?.outcome === 'open') {
    const c = getClearance(ctx.db, briefingId);
    const turn = c.steps.find((s) => s.position === c.turn);
    throw new DossierError('conflict', `This briefing is already in clearance${turn ? `, waiting for ${turn.clearer.name}` : ''}.`, { field: 'briefingId' });
  }
  openRequest(ctx.db, briefingId, by, nowOf(ctx));
  moveTo(ctx, briefingId, 'in_review', `sent for clearance by ${by.name}`);
}

/** The open round and the step whose turn it is, checked against the person acting. */
function myTurn(ctx: OpsContext, briefingId: number, doing: string) {
  const actor = requireMe(ctx, `${doing} a briefing`);
  const c = getClearance(ctx.db, briefingId);
  if (c.request?.outcome !== 'open' || c.turn === null) throw new DossierError('conflict', 'This briefing is not in clearance: it has to be sent for clearance first.', { field: 'briefingId' });
  const step = c.steps.find((s) => s.position === c.turn)!;
  if (step.clearer.contactId === null) {
    throw new DossierError(
      'conflict',
      `${step.clearer.name}, whose turn it is, is no longer among our staff. Set the briefing back to draft, change its chain and send it again, or override with a reason.`,
      { field: 'identity' },
    );
  }
  if (step.clearer.contactId !== actor.contactId) {
    const mine = c.steps.find((s) => s.clearer.contactId === actor.contactId);
    const why = mine ? ` Your turn (${mine.label || `clearer ${mine.position}`}) comes after theirs.` : ` You (${actor.name}) are not on this briefing’s clearance chain.`;
    throw new DossierError('conflict', `It is ${step.clearer.name}’s turn to clear this briefing${step.label ? ` (${step.label})` : ''}.${why}`, { field: 'identity' });
  }
  return { actor, c, step, requestId: c.request.id };
}

/**
 * The rules of clearance on a plain status change: with a chain, "in review" sends the briefing for clearance, "final"
 * needs every approval (or an override), and back to draft withdraws an open round.
 */
export function applyStatus(ctx: OpsContext, briefingId: number, status: Briefing['status']): void {
  const b = getBriefing(ctx.db, briefingId);
  if (b.status === status) return;
  const chain = briefingChain(ctx.db, briefingId);
  const open = latestRequest(ctx.db, briefingId);
  if (chain.steps.length > 0 && status === 'in_review') return sendForClearance(ctx, briefingId, requireMe(ctx, 'send a briefing for clearance'));
  if (chain.steps.length > 0 && status === 'final' && !getClearance(ctx.db, briefingId).cleared) {
    const who = chain.steps.map((s) => s.clearer.name).join(', then ');
    throw new DossierError('conflict', `This briefing needs clearance by ${who} before it is final. Send it for clearance, or override with a reason.`, { field: 'status' });
  }
  if (status === 'draft' && open?.outcome === 'open') closeRequest(ctx.db, open.id, 'withdrawn', nowOf(ctx));
  moveTo(ctx, briefingId, status, status === 'draft' && open?.outcome === 'open' ? `clearance withdrawn${me(ctx) ? ` by ${me(ctx)!.name}` : ''}` : '');
}

export const clearanceHandlers: HandlerMap<'clearance.chain' | 'clearance.setChain' | 'clearance.get' | 'clearance.request' | 'clearance.approve' | 'clearance.return' | 'clearance.override'> = {
  'clearance.chain': ({ briefingId }, { db }) => (briefingId === null ? defaultChain(db) : briefingChain(db, briefingId)),
  'clearance.setChain': ({ briefingId, steps }, ctx) => {
    if (briefingId === null) {
      setDefaultChain(ctx.db, steps ?? []);
      return defaultChain(ctx.db);
    }
    const b = getBriefing(ctx.db, briefingId);
    if (latestRequest(ctx.db, briefingId)?.outcome === 'open') throw new DossierError('conflict', 'This briefing is in clearance; its chain can change once it is back in draft.', { field: 'steps' });
    if (b.status === 'final') throw new DossierError('conflict', 'This briefing is final; reopen it to change its clearance chain.', { field: 'steps' });
    setBriefingChain(ctx.db, briefingId, steps);
    return briefingChain(ctx.db, briefingId);
  },
  'clearance.get': ({ briefingId }, { db }) => getClearance(db, briefingId),
  'clearance.request': ({ briefingId }, ctx) => {
    sendForClearance(ctx, briefingId, requireMe(ctx, 'send a briefing for clearance'));
    return getClearance(ctx.db, briefingId);
  },
  'clearance.approve': ({ briefingId, comment }, ctx) => {
    const { actor, step, requestId } = myTurn(ctx, briefingId, 'approve');
    const now = nowOf(ctx);
    recordDecision(ctx.db, { requestId, step: step.position, decision: 'approved', by: actor, comment, sections: sectionFingerprints(listSections(ctx.db, briefingId)), now });
    const after = getClearance(ctx.db, briefingId);
    if (after.cleared) {
      closeRequest(ctx.db, requestId, 'cleared', now);
      moveTo(ctx, briefingId, 'final', `cleared by ${names(after)}`);
    }
    return getClearance(ctx.db, briefingId);
  },
  'clearance.return': ({ briefingId, comment, comments }, ctx) => {
    const { actor, step, requestId } = myTurn(ctx, briefingId, 'return');
    const now = nowOf(ctx);
    const sectionIds = new Set(listSections(ctx.db, briefingId).map((s) => s.id));
    comments.forEach((k, i) => {
      if (!sectionIds.has(k.sectionId)) throw invalid(`comments.${i}.sectionId`, `Section ${k.sectionId} is not part of this briefing.`);
      addComment(ctx.db, { sectionId: k.sectionId, paragraph: k.paragraph, body: k.body, author: actor, context: { kind: 'clearance', id: requestId }, now });
    });
    recordDecision(ctx.db, { requestId, step: step.position, decision: 'returned', by: actor, comment, sections: new Map(), now });
    closeRequest(ctx.db, requestId, 'returned', now);
    moveTo(ctx, briefingId, 'draft', `returned by ${actor.name}`);
    return getClearance(ctx.db, briefingId);
  },
  'clearance.override': ({ briefingId, reason }, ctx) => {
    const actor = requireMe(ctx, 'override clearance');
    const b = getBriefing(ctx.db, briefingId);
    if (b.status === 'final') throw new DossierError('conflict', 'This briefing is already final.', { field: 'briefingId' });
    if (briefingChain(ctx.db, briefingId).steps.length === 0) throw new DossierError('conflict', 'This briefing has no clearance chain, so it can be made final without an override.', { field: 'briefingId' });
    const open = latestRequest(ctx.db, briefingId);
    const requestId = open?.outcome === 'open' ? open.id : openRequest(ctx.db, briefingId, actor, nowOf(ctx));
    const now = nowOf(ctx);
    recordDecision(ctx.db, { requestId, step: 0, decision: 'overridden', by: actor, comment: reason, sections: sectionFingerprints(listSections(ctx.db, briefingId)), now });
    closeRequest(ctx.db, requestId, 'overridden', now);
    moveTo(ctx, briefingId, 'final', `clearance overridden by ${actor.name}: ${reason}`);
    return getClearance(ctx.db, briefingId);
  },
};
