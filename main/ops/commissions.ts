/**
 * Commissions: ask, submit, accept or return. Who may do what follows the people on the commission: the
 * contributor writes and submits; the one who commissioned it accepts, returns or withdraws it (and pastes an answer
 * that came back by e-mail). Accepting merges the contribution into the section, saves a version crediting the
 * contributor and records it in the section's history.
 */
import { DossierError, invalid } from '../../contract/errors';
import { type Commission, type CommissionDetail, type Section, SectionBody } from '../../contract/model';
import { sectionText } from '../../contract/section-text';
import { assertEditable, getBriefing, getSection, updateSection } from '../store/briefings';
import { addComment } from '../store/comments';
import { draftKind, getCommission, insertCommission, listCommissions, mergeContribution, targetText, updateCommission } from '../store/commissions';
import { staffPerson } from '../store/people';
import { historyText, recordSectionChange } from '../store/section-history';
import { get } from '../store/sql';
import { saveVersion } from '../store/versions';
import { nowOf, requireMe, requireSamePerson } from './actor';
import { commissionMail } from './commission-mail';
import { type HandlerMap, type ReadContext, today } from './context';
import { workList } from './work';

const WITH_CONTRIBUTOR = ['requested', 'in_progress', 'returned'];
const what = (c: Commission) => (c.agendaItemTitle ? `the lines to take on “${c.agendaItemTitle}”` : `“${c.sectionTitle}”`);

function detail(ctx: ReadContext, id: number): CommissionDetail {
  const c = getCommission(ctx.db, id, today(ctx));
  const current = c.sectionId === null ? '' : targetText(getSection(ctx.db, c.sectionId), c.agendaItemId);
  return { ...c, current, changedSince: current !== c.base };
}

function mustBe(c: Commission, states: readonly string[], doing: string): void {
  if (states.includes(c.state)) return;
  const why: Record<Commission['state'], string> = {
    requested: 'nothing has been submitted yet',
    in_progress: 'it is still being written',
    submitted: 'it has been submitted and waits for a decision',
    accepted: 'it has been accepted',
    returned: 'it was returned to its contributor',
    withdrawn: 'it was withdrawn',
  };
  throw new DossierError('conflict', `Cannot ${doing} the commission for ${what(c)}: ${why[c.state]}.`, { field: 'id' });
}

/** What a structured section holds, as its owner would say it. */
const SHAPE: Partial<Record<Section['kind'], string>> = {
  key_messages: 'a list of key messages',
  qa: 'questions, each with the answer to give',
};

/**
 * A contribution goes into its section as that section's content, whose body is a typed union by kind
 * (contract/model SectionBody): text for a written section or an agenda item's lines, the JSON of its shape for key
 * messages and Q&A, nothing for a section generated from the dossier. Anything else is refused here, naming the
 * section and what it holds, instead of failing somewhere inside the section's update.
 */
function checkFits(c: Commission, kind: Section['kind'], text: string, field: string): void {
  if (kind === 'markdown' || kind === 'agenda_briefs') return;
  const shape = SHAPE[kind];
  if (!shape) throw invalid(field, `“${c.sectionTitle}” is generated from the dossier (${kind.replace(/_/g, ' ')}), so it takes no written contribution. Withdraw the commission, or commission a written section.`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    raw = undefined;
  }
  const parsed = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? SectionBody.safeParse({ ...raw, kind }) : null;
  if (parsed?.success) return;
  const issue = parsed?.error.issues[0];
  const why = issue ? `${issue.path.join('.') || 'the whole'}: ${issue.message}` : 'it is plain text, not that structure';
  throw invalid(
    field,
    `The contribution of ${c.assignee.name} does not fit “${c.sectionTitle}”: that section holds ${shape}, and this contribution does not (${why}). Return it with a comment so it is written as ${shape}.`,
  );
}

function contributionIsEmpty(c: Commission, text: string): boolean {
  return sectionText({ kind: draftKind(c), content: text }).trim() === '';
}

export const commissionHandlers: HandlerMap<
  | 'commission.create'
  | 'commission.list'
  | 'commission.get'
  | 'commission.saveDraft'
  | 'commission.submit'
  | 'commission.accept'
  | 'commission.return'
  | 'commission.withdraw'
  | 'commission.mailto'
  | 'work.list'
> = {
  'commission.create': ({ sectionId, agendaItemId, assigneeId, deadline, note, budgetWords }, ctx) => {
    const requestedBy = requireMe(ctx, 'commission a section');
    const section = getSection(ctx.db, sectionId);
    assertEditable(ctx.db, section.briefingId);
    const { email: _email, ...assignee } = staffPerson(ctx.db, assigneeId, 'assigneeId');
    if (deadline !== null && deadline < today(ctx)) throw invalid('deadline', `The deadline ${deadline} is already past.`);
    let agendaItemTitle: string | null = null;
    if (agendaItemId !== null) {
      const item = get<{ title: string }>(ctx.db, 'SELECT title FROM agenda_items WHERE id = ? AND meeting_id = ?', agendaItemId, getBriefing(ctx.db, section.briefingId).meetingId);
      if (!item) throw invalid('agendaItemId', `Agenda item ${agendaItemId} is not on this meeting’s agenda.`);
      agendaItemTitle = item.title;
    }
    const id = insertCommission(ctx.db, { briefingId: section.briefingId, section, agendaItemId, agendaItemTitle, requestedBy, assignee, deadline, note, budgetWords, now: nowOf(ctx) });
    return getCommission(ctx.db, id, today(ctx));
  },
  'commission.list': ({ briefingId, assigneeId, open }, ctx) => {
    if (briefingId !== null) getBriefing(ctx.db, briefingId);
    return listCommissions(ctx.db, { briefingId, assigneeId, open }, today(ctx));
  },
  'commission.get': ({ id }, ctx) => detail(ctx, id),
  'commission.saveDraft': ({ id, text }, ctx) => {
    const c = getCommission(ctx.db, id, today(ctx));
    requireSamePerson(requireMe(ctx, 'write a contribution'), c.assignee, `write this contribution (it was asked of ${c.assignee.name})`, 'nobody');
    mustBe(c, WITH_CONTRIBUTOR, 'write to');
    updateCommission(ctx.db, id, { state: 'in_progress', draft: text, now: nowOf(ctx) });
    return getCommission(ctx.db, id, today(ctx));
  },
  'commission.submit': ({ id, text, via }, ctx) => {
    const c = getCommission(ctx.db, id, today(ctx));
    const actor = requireMe(ctx, 'submit a contribution');
    if (via === 'email') {
      requireSamePerson(actor, c.requestedBy, 'paste an e-mailed answer to this commission (it was commissioned by them)');
      if (text === undefined) throw invalid('text', 'Paste the text that came back by e-mail.');
    } else requireSamePerson(actor, c.assignee, `submit this contribution (it was asked of ${c.assignee.name})`, 'nobody');
    mustBe(c, WITH_CONTRIBUTOR, 'submit');
    const draft = text ?? c.draft;
    if (draft.trim() !== '') checkFits(c, c.sectionKind, draft, 'text');
    if (contributionIsEmpty(c, draft)) throw invalid('text', 'The contribution is empty: write (or paste) the text first.');
    const now = nowOf(ctx);
    updateCommission(ctx.db, id, { state: 'submitted', draft, via, submittedAt: now, decidedAt: null, now });
    return getCommission(ctx.db, id, today(ctx));
  },
  'commission.accept': ({ id }, ctx) => {
    const c = detail(ctx, id);
    const actor = requireMe(ctx, 'accept a contribution');
    requireSamePerson(actor, c.requestedBy, 'accept this contribution (they commissioned it)');
    mustBe(c, ['submitted'], 'accept');
    if (c.sectionId === null) throw new DossierError('conflict', `The section “${c.sectionTitle}” was removed, so the contribution has nowhere to go. Copy it from the commission instead.`, { field: 'id' });
    const section = getSection(ctx.db, c.sectionId);
    assertEditable(ctx.db, section.briefingId);
    // Checked against the section as it is now: the draft may have been submitted by an older Dossier, or synced in.
    checkFits(c, section.kind, c.draft, 'id');
    // Edits made to the section since it was commissioned are kept in a version before the contribution replaces them.
    if (c.changedSince) saveVersion(ctx.db, section.briefingId, '', `before accepting the contribution of ${c.assignee.name} to “${section.title}”`);
    const content = mergeContribution(section, c.agendaItemId, c.agendaItemTitle, c.draft);
    const merged = updateSection(ctx.db, section.id, { content });
    const now = nowOf(ctx);
    recordSectionChange(ctx.db, {
      sectionId: section.id,
      sectionTitle: merged.title,
      briefingId: section.briefingId,
      kind: 'contribution',
      by: c.assignee,
      detail: `accepted by ${actor.name}`,
      before: historyText(section),
      after: historyText(merged),
      now,
    });
    saveVersion(ctx.db, section.briefingId, '', `contribution accepted: ${c.agendaItemTitle ? `lines on “${c.agendaItemTitle}”` : `“${section.title}”`} by ${c.assignee.name}`);
    updateCommission(ctx.db, id, { state: 'accepted', decidedAt: now, now });
    return getCommission(ctx.db, id, today(ctx));
  },
  'commission.return': ({ id, comment, deadline }, ctx) => {
    const c = getCommission(ctx.db, id, today(ctx));
    const actor = requireMe(ctx, 'return a contribution');
    requireSamePerson(actor, c.requestedBy, 'return this contribution (they commissioned it)');
    mustBe(c, ['submitted'], 'return');
    if (deadline && deadline < today(ctx)) throw invalid('deadline', `The new deadline ${deadline} is already past.`);
    const now = nowOf(ctx);
    if (c.sectionId !== null) addComment(ctx.db, { sectionId: c.sectionId, paragraph: null, body: comment, author: actor, context: { kind: 'commission', id }, now });
    updateCommission(ctx.db, id, { state: 'returned', decidedAt: now, now, ...(deadline !== undefined ? { deadline } : {}) });
    return getCommission(ctx.db, id, today(ctx));
  },
  'commission.withdraw': ({ id }, ctx) => {
    const c = getCommission(ctx.db, id, today(ctx));
    requireSamePerson(requireMe(ctx, 'withdraw a commission'), c.requestedBy, 'withdraw this commission (they commissioned it)');
    mustBe(c, [...WITH_CONTRIBUTOR, 'submitted'], 'withdraw');
    const now = nowOf(ctx);
    updateCommission(ctx.db, id, { state: 'withdrawn', decidedAt: now, now });
    return getCommission(ctx.db, id, today(ctx));
  },
  'commission.mailto': ({ id, language }, ctx) => commissionMail(getCommission(ctx.db, id, today(ctx)), language),
  'work.list': ({ contactId }, ctx) => workList(ctx, contactId),
};
