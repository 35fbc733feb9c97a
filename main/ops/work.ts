/** “My work”: what the person I act as has to write, review and clear, across briefings. */
import type { WorkList } from '../../contract/model';
import { getBriefing } from '../store/briefings';
import { getClearance } from '../store/clearance';
import { listCommissions } from '../store/commissions';
import { currentPerson, staffPerson } from '../store/people';
import { all } from '../store/sql';
import { type ReadContext, today } from './context';

export function workList(ctx: ReadContext, contactId: number | null): WorkList {
  const db = ctx.db;
  let me = currentPerson(db);
  if (contactId !== null) {
    const { email: _email, ...p } = staffPerson(db, contactId, 'contactId');
    me = p;
  }
  if (!me) return { me: null, toWrite: [], toReview: [], toClear: [], waiting: [] };
  const day = today(ctx);
  const id = me.contactId!;
  const toClear: WorkList['toClear'] = [];
  for (const { briefing_id } of all<{ briefing_id: number }>(
    db,
    `SELECT r.briefing_id FROM clearance_requests r
      WHERE r.outcome = 'open' AND r.id = (SELECT max(id) FROM clearance_requests WHERE briefing_id = r.briefing_id)`,
  )) {
    const c = getClearance(db, briefing_id);
    const step = c.steps.find((s) => s.position === c.turn);
    if (!step || step.clearer.contactId !== id || !c.request) continue;
    const b = getBriefing(db, briefing_id);
    toClear.push({
      briefingId: b.id,
      briefingTitle: b.title,
      meetingTitle: b.meetingTitle,
      deadline: b.deadline,
      requestedBy: c.request.requestedBy,
      requestedAt: c.request.requestedAt,
      label: step.label,
      overdue: b.deadline !== null && b.deadline < day,
    });
  }
  toClear.sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'));
  return {
    me,
    toWrite: listCommissions(db, { assigneeId: id, states: ['requested', 'in_progress', 'returned', 'submitted'] }, day),
    toReview: listCommissions(db, { requestedById: id, states: ['submitted'] }, day),
    toClear,
    waiting: listCommissions(db, { requestedById: id, states: ['requested', 'in_progress', 'returned'] }, day),
  };
}
