/**
 * What pre-flight says about a briefing's workflow: commissions still out or waiting for a decision, and clearance
 * not (or no longer) complete. Plain findings for runPreflight to add beside its own.
 */
import type { PreflightFinding } from '../../contract/model';
import type { PackSource } from '../assemble/source';

export interface WorkflowFinding {
  kind: Extract<PreflightFinding['kind'], 'open_commission' | 'missing_clearance'>;
  /** What makes the finding itself (with kind and place it forms the key a decision is remembered by). */
  detail: string;
  message: string;
  where: { sectionId: number | null; agendaItemId?: number | null };
  route: string;
}

/** The findings of a briefing's workflow as the pack's source read it (its open commissions, its clearance). */
export function workflowFindings(briefingId: number, workflow: NonNullable<PackSource['workflow']>): WorkflowFinding[] {
  const out: WorkflowFinding[] = [];
  const at = (sectionId: number | null, extra = '') => `#/briefings/${briefingId}${sectionId ? `?section=${sectionId}${extra}` : ''}`;
  for (const c of workflow.openCommissions) {
    const what = c.agendaItemTitle ? `The lines to take on “${c.agendaItemTitle}”` : `“${c.sectionTitle}”`;
    const due = c.deadline ? ` (due ${c.deadline}${c.overdue ? ', overdue' : ''})` : '';
    const message =
      c.state === 'submitted'
        ? `${what}: the contribution of ${c.assignee.name} is submitted and waits for ${c.requestedBy.name} to accept or return it.`
        : c.state === 'returned'
          ? `${what} went back to ${c.assignee.name} for rework${due}; the section does not have their text yet.`
          : `${what} is commissioned from ${c.assignee.name}${due} and not yet submitted.`;
    out.push({
      kind: 'open_commission',
      detail: `${c.id}:${c.state}`,
      message,
      where: { sectionId: c.sectionId, agendaItemId: c.agendaItemId },
      route: at(c.sectionId, c.state === 'submitted' ? `&review=${c.id}` : ''),
    });
  }

  const k = workflow.clearance;
  if (k.chain.steps.length === 0 && k.steps.length === 0) return out;
  if (k.cleared || (k.override && k.briefingStatus === 'final')) return out;
  const route = `#/briefings/${briefingId}?clearance=1`;
  const chainNames = (k.steps.length ? k.steps : k.chain.steps).map((s) => `${s.clearer.name}${s.label ? ` (${s.label})` : ''}`).join(', then ');
  const reopened = k.steps.filter((s) => s.state === 'reopened');
  const turn = k.steps.find((s) => s.position === k.turn);
  let message: string;
  if (reopened.length) {
    const changed = [...new Set(reopened.flatMap((s) => s.reopenedBy.map((r) => (r.change === 'removed' ? 'a removed section' : `“${r.title}”`))))].join(', ');
    message = `Clearance reopened: ${changed} changed since ${reopened.map((s) => s.clearer.name).join(' and ')} approved.`;
  } else if (k.request?.outcome === 'open' && turn) {
    message = `Not cleared yet: waiting for ${turn.clearer.name}${turn.label ? ` (${turn.label})` : ''}.`;
  } else if (k.request?.outcome === 'returned') {
    const back = k.steps.find((s) => s.state === 'returned');
    message = `Returned in clearance${back?.decision ? ` by ${back.decision.by.name}` : ''}; send it again once the comments are dealt with (clearance by ${chainNames}).`;
  } else {
    message = `Not sent for clearance: it needs clearance by ${chainNames}.`;
  }
  out.push({ kind: 'missing_clearance', detail: k.request ? `${k.request.id}:${k.request.outcome}:${k.turn ?? ''}` : 'unsent', message, where: { sectionId: null }, route });
  return out;
}
