/**
 * A briefing's clearance as a pack states it (issue 20): who cleared it, with their post at the time and the day,
 * or who is still to clear it, or the override and its reason. One reading for the cover (every variant, the run
 * book too) and the release report, so the two never disagree.
 */
import type { Clearance, PackClearance } from '../../contract/model';

const NONE: PackClearance = { state: 'none', approvals: [], awaiting: [], override: null };
/** The UTC calendar day of an instant, as the pack's own date is kept. */
const dayOf = (iso: string) => iso.slice(0, 10);

export function packClearance(c: Clearance | null): PackClearance {
  if (!c) return NONE;
  const chain = c.steps; // the latest round's, as it was when sent
  const approvals = chain
    .filter((s) => s.state === 'approved' && s.decision)
    .map((s) => ({ name: s.decision!.by.name, post: s.decision!.by.post, label: s.label, day: dayOf(s.decision!.at) }));
  if (c.override && c.briefingStatus === 'final') {
    const o = c.override;
    return { state: 'overridden', approvals, awaiting: [], override: { name: o.by.name, post: o.by.post, day: dayOf(o.at), reason: o.comment } };
  }
  if (c.chain.steps.length === 0 && chain.length === 0) return NONE;
  if (c.cleared) return { state: 'cleared', approvals, awaiting: [], override: null };
  const open = c.request?.outcome === 'open' || chain.some((s) => s.state === 'reopened');
  if (open) return { state: 'pending', approvals, awaiting: chain.filter((s) => s.state !== 'approved').map((s) => ({ name: s.clearer.name, label: s.label })), override: null };
  // Never sent, sent back or withdrawn: no approval of an earlier round is claimed.
  return { state: 'not_sent', approvals: [], awaiting: c.chain.steps.map((s) => ({ name: s.clearer.name, label: s.label })), override: null };
}
