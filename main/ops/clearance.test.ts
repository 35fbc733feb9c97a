import { beforeEach, describe, expect, it } from 'vitest';
import { pageText, tempPdf } from '../test-support/pdf';
import type { OpsContext } from './context';
import { dispatch } from './index';
import { testContext } from './test-context';

let ctx: OpsContext;

async function setup() {
  await dispatch(ctx, 'system.loadDemo', {});
  const director = await dispatch(ctx, 'contact.create', { honorific: 'Dr', givenName: 'Henrike', familyName: 'Albers', position: 'Director, International Employment Policy', internal: true });
  const [meeting] = await dispatch(ctx, 'meeting.list', { when: 'upcoming' });
  const b = await dispatch(ctx, 'briefing.create', { meetingId: meeting!.id, title: 'Brief for the delegation' });
  const { staff } = await dispatch(ctx, 'identity.get', {});
  const person = (name: string) => staff.find((p) => p.name.includes(name))!.contactId;
  const actAs = (name: string) => dispatch(ctx, 'identity.set', { contactId: person(name) });
  const section = (title: string) => b.sections.find((s) => s.title === title)!;
  return { b, director, person, actAs, section };
}

beforeEach(() => {
  ctx = testContext();
});

describe('clearance', () => {
  it('a dossier default chain, then each clearer in turn; final after the last approval', async () => {
    const { b, person, actAs } = await setup();
    expect(await dispatch(ctx, 'clearance.chain', { briefingId: b.id })).toEqual({ source: 'none', steps: [] });
    const chain = await dispatch(ctx, 'clearance.setChain', { steps: [{ contactId: person('Özdemir'), label: 'Head of unit' }, { contactId: person('Albers'), label: 'Director' }] });
    expect(chain.steps.map((s) => [s.position, s.clearer.name, s.label])).toEqual([
      [1, 'Ms. Ayşe Özdemir', 'Head of unit'],
      [2, 'Dr Henrike Albers', 'Director'],
    ]);
    expect((await dispatch(ctx, 'clearance.chain', { briefingId: b.id })).source).toBe('default');

    // Final is refused until cleared.
    await expect(dispatch(ctx, 'briefing.setStatus', { id: b.id, status: 'final' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('needs clearance by Ms. Ayşe Özdemir, then Dr Henrike Albers') });
    await actAs('Weiß');
    const sent = await dispatch(ctx, 'clearance.request', { briefingId: b.id });
    expect([sent.briefingStatus, sent.turn, sent.steps.map((s) => s.state)]).toEqual(['in_review', 1, ['due', 'waiting']]);
    // Not Weiß's turn, nor the director's yet.
    await expect(dispatch(ctx, 'clearance.approve', { briefingId: b.id })).rejects.toMatchObject({ message: expect.stringContaining('not on this briefing’s clearance chain') });
    await actAs('Albers');
    await expect(dispatch(ctx, 'clearance.approve', { briefingId: b.id })).rejects.toMatchObject({ message: expect.stringContaining('Your turn (Director) comes after theirs') });
    expect((await dispatch(ctx, 'work.list', {})).toClear).toEqual([]);
    await actAs('Özdemir');
    expect((await dispatch(ctx, 'work.list', {})).toClear.map((w) => [w.briefingId, w.label])).toEqual([[b.id, 'Head of unit']]);
    const one = await dispatch(ctx, 'clearance.approve', { briefingId: b.id, comment: 'Fine by me.' });
    expect([one.turn, one.steps.map((s) => s.state), one.briefingStatus]).toEqual([2, ['approved', 'due'], 'in_review']);
    await actAs('Albers');
    const two = await dispatch(ctx, 'clearance.approve', { briefingId: b.id });
    expect([two.cleared, two.briefingStatus, two.request?.outcome, two.turn]).toEqual([true, 'final', 'cleared', null]);
    expect(two.steps.map((s) => [s.decision?.by.name, s.decision?.by.post])).toEqual([
      ['Ms. Ayşe Özdemir', 'Head of Division, Bilateral and Multilateral Relations'],
      ['Dr Henrike Albers', 'Director, International Employment Policy'],
    ]);
    expect(two.sections.every((s) => s.state === 'cleared')).toBe(true);
    const versions = await dispatch(ctx, 'version.list', { briefingId: b.id });
    expect(versions[0]!.reason).toBe('status: in review → final (cleared by Ms. Ayşe Özdemir and Dr Henrike Albers)');
  });

  it('the pack’s cover (every variant, the run book too) and the release report say who cleared it, with post and date', async () => {
    const { b, person, actAs } = await setup();
    await dispatch(ctx, 'clearance.setChain', { briefingId: b.id, steps: [{ contactId: person('Özdemir'), label: 'Head of unit' }, { contactId: person('Albers'), label: 'Director' }] });
    const cover = async (variant: 'full' | 'runbook' = 'full') => {
      const r = await dispatch(ctx, 'pack.build', { briefingId: b.id, date: '2026-11-23', variant });
      return { text: pageText(tempPdf(Buffer.from(r.bytesBase64!, 'base64')), 1).replace(/\s+/g, ' '), report: r.report };
    };
    // Not sent: the cover says who is to clear it.
    expect((await cover()).text).toContain('Not yet sent for clearance (Ms. Ayşe Özdemir (Head of unit), then Dr Henrike Albers (Director))');
    await actAs('Weiß');
    await dispatch(ctx, 'clearance.request', { briefingId: b.id });
    await actAs('Özdemir');
    ctx.now = () => new Date('2026-11-24T10:00:00Z');
    await dispatch(ctx, 'clearance.approve', { briefingId: b.id });
    const halfway = await cover();
    expect(halfway.text).toContain('CLEARED BY Ms. Ayşe Özdemir, Head of Division, Bilateral and Multilateral Relations — 24 November 2026');
    expect(halfway.text).toContain('Awaiting clearance by Dr Henrike Albers (Director)');
    expect(halfway.report.clearance).toMatchObject({ state: 'pending', awaiting: [{ name: 'Dr Henrike Albers', label: 'Director' }] });
    await actAs('Albers');
    ctx.now = () => new Date('2026-11-25T16:30:00Z');
    await dispatch(ctx, 'clearance.approve', { briefingId: b.id });

    for (const variant of ['full', 'runbook'] as const) {
      const { text, report } = await cover(variant);
      expect(text).toContain('CLEARED BY Ms. Ayşe Özdemir, Head of Division, Bilateral and Multilateral Relations — 24 November 2026 Dr Henrike Albers, Director, International Employment Policy — 25 November 2026');
      expect(text).not.toContain('Awaiting');
      expect(report.clearance).toEqual({
        state: 'cleared',
        approvals: [
          { name: 'Ms. Ayşe Özdemir', post: 'Head of Division, Bilateral and Multilateral Relations', label: 'Head of unit', day: '2026-11-24' },
          { name: 'Dr Henrike Albers', post: 'Director, International Employment Policy', label: 'Director', day: '2026-11-25' },
        ],
        awaiting: [],
        override: null,
      });
    }
    // In the briefing's language.
    await dispatch(ctx, 'briefing.setStatus', { id: b.id, status: 'draft' });
    await dispatch(ctx, 'briefing.update', { id: b.id, patch: { language: 'de' } });
    expect((await cover()).text).toContain('FREIGEGEBEN VON Ms. Ayşe Özdemir, Head of Division, Bilateral and Multilateral Relations — 24. November 2026');
  });

  it('an override prints on the cover with its reason', async () => {
    const { b, person, actAs } = await setup();
    await dispatch(ctx, 'clearance.setChain', { briefingId: b.id, steps: [{ contactId: person('Albers'), label: 'Director' }] });
    await actAs('Weiß');
    await dispatch(ctx, 'clearance.override', { briefingId: b.id, reason: 'The director is travelling; cleared by phone.' });
    const r = await dispatch(ctx, 'pack.build', { briefingId: b.id, date: '2026-11-23' });
    expect(pageText(tempPdf(Buffer.from(r.bytesBase64!, 'base64')), 1).replace(/\s+/g, ' ')).toContain(
      'Made final by Mr. Jonas Weiß, Desk Officer, ILO and UN on 23 November 2026 without full clearance: The director is travelling; cleared by phone.',
    );
    expect(r.report.clearance.state).toBe('overridden');
  });

  it('a return with comments at sections puts it back to draft; the comments show at their sections', async () => {
    const { b, person, actAs, section } = await setup();
    await dispatch(ctx, 'clearance.setChain', { briefingId: b.id, steps: [{ contactId: person('Özdemir'), label: 'Head of unit' }] });
    await dispatch(ctx, 'section.update', { id: section('Background').id, content: 'First paragraph.\n\nSecond paragraph about floors.' });
    await actAs('Weiß');
    // "In review" with a chain sends it for clearance.
    await dispatch(ctx, 'briefing.setStatus', { id: b.id, status: 'in_review' });
    await actAs('Özdemir');
    await expect(dispatch(ctx, 'clearance.return', { briefingId: b.id })).rejects.toThrow('a return needs a comment');
    const r = await dispatch(ctx, 'clearance.return', { briefingId: b.id, comment: 'Not yet.', comments: [{ sectionId: section('Background').id, paragraph: 1, body: 'Cite the 2012 Recommendation.' }] });
    expect([r.briefingStatus, r.request?.outcome, r.steps[0]!.state, r.steps[0]!.decision?.comment]).toEqual(['draft', 'returned', 'returned', 'Not yet.']);
    const [thread] = await dispatch(ctx, 'comment.list', { briefingId: b.id, sectionId: section('Background').id });
    expect(thread).toMatchObject({ body: 'Cite the 2012 Recommendation.', paragraph: 1, quote: 'Second paragraph about floors.', context: 'clearance' });
    // The paragraph moves down; the comment follows it.
    await dispatch(ctx, 'section.update', { id: section('Background').id, content: 'New opening.\n\nFirst paragraph.\n\nSecond paragraph about floors.' });
    expect((await dispatch(ctx, 'comment.list', { briefingId: b.id }))[0]).toMatchObject({ paragraph: 2, detached: false });
    // Reply and resolve.
    await actAs('Weiß');
    const replied = await dispatch(ctx, 'comment.add', { parentId: thread!.id, body: 'Done.' });
    await expect(dispatch(ctx, 'comment.add', { body: 'Where?' })).rejects.toThrow('Give either the section to comment on (sectionId) or the comment to reply to (parentId)');
    expect(replied.replies.map((x) => [x.author.name, x.body])).toEqual([['Mr. Jonas Weiß', 'Done.']]);
    const resolved = await dispatch(ctx, 'comment.resolve', { id: replied.replies[0]!.id });
    expect([resolved.id, resolved.resolvedBy]).toEqual([thread!.id, 'Mr. Jonas Weiß']);
    expect(await dispatch(ctx, 'comment.list', { briefingId: b.id, includeResolved: false })).toEqual([]);
  });

  it('editing a cleared section reopens that clearance; a new round clears it again', async () => {
    const { b, person, actAs, section } = await setup();
    await dispatch(ctx, 'clearance.setChain', { briefingId: b.id, steps: [{ contactId: person('Özdemir'), label: 'Head of unit' }, { contactId: person('Albers'), label: 'Director' }] });
    await actAs('Weiß');
    await dispatch(ctx, 'clearance.request', { briefingId: b.id });
    await actAs('Özdemir');
    await dispatch(ctx, 'clearance.approve', { briefingId: b.id });
    // While the director still has it, the desk edits a section: the head of unit's approval no longer covers it.
    await actAs('Weiß');
    await dispatch(ctx, 'section.update', { id: section('Objectives').id, content: 'A late change.' });
    const c = await dispatch(ctx, 'clearance.get', { briefingId: b.id });
    expect([c.turn, c.steps[0]!.state, c.steps[0]!.reopenedBy]).toEqual([1, 'reopened', [{ sectionId: section('Objectives').id, title: 'Objectives', change: 'changed' }]]);
    expect(c.sections.find((s) => s.sectionId === section('Objectives').id)!.state).toBe('changed');
    await actAs('Albers');
    await expect(dispatch(ctx, 'clearance.approve', { briefingId: b.id })).rejects.toMatchObject({ code: 'conflict' });
    await actAs('Özdemir');
    await dispatch(ctx, 'clearance.approve', { briefingId: b.id });
    await actAs('Albers');
    expect((await dispatch(ctx, 'clearance.approve', { briefingId: b.id })).briefingStatus).toBe('final');

    // Reopened and unchanged: final again without a new round. Reopened and edited: not without clearance.
    await dispatch(ctx, 'briefing.setStatus', { id: b.id, status: 'draft' });
    expect((await dispatch(ctx, 'briefing.setStatus', { id: b.id, status: 'final' })).status).toBe('final');
    await dispatch(ctx, 'briefing.setStatus', { id: b.id, status: 'draft' });
    await dispatch(ctx, 'section.update', { id: section('Background').id, content: 'Changed after clearance.' });
    expect((await dispatch(ctx, 'clearance.get', { briefingId: b.id })).steps.map((s) => s.state)).toEqual(['reopened', 'reopened']);
    await expect(dispatch(ctx, 'briefing.setStatus', { id: b.id, status: 'final' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('a section removed after an approval reopens it too', async () => {
    const { b, person, actAs, section } = await setup();
    await dispatch(ctx, 'clearance.setChain', { briefingId: b.id, steps: [{ contactId: person('Özdemir'), label: 'Head of unit' }, { contactId: person('Albers'), label: 'Director' }] });
    await actAs('Weiß');
    await dispatch(ctx, 'clearance.request', { briefingId: b.id });
    await actAs('Özdemir');
    await dispatch(ctx, 'clearance.approve', { briefingId: b.id });
    await dispatch(ctx, 'section.remove', { id: section('Contact sheet').id });
    const c = await dispatch(ctx, 'clearance.get', { briefingId: b.id });
    expect([c.turn, c.steps[0]!.state, c.steps[0]!.reopenedBy]).toEqual([1, 'reopened', [{ sectionId: null, title: '', change: 'removed' }]]);
  });

  it('an override needs a reason and is recorded; withdrawing and chain edits follow the round', async () => {
    const { b, person, actAs } = await setup();
    await dispatch(ctx, 'clearance.setChain', { briefingId: b.id, steps: [{ contactId: person('Özdemir'), label: 'Head of unit' }] });
    await actAs('Weiß');
    await dispatch(ctx, 'clearance.request', { briefingId: b.id });
    await expect(dispatch(ctx, 'clearance.setChain', { briefingId: b.id, steps: null })).rejects.toMatchObject({ code: 'conflict' });
    await expect(dispatch(ctx, 'clearance.request', { briefingId: b.id })).rejects.toMatchObject({ message: expect.stringContaining('waiting for Ms. Ayşe Özdemir') });
    // Back to draft withdraws the round.
    await dispatch(ctx, 'briefing.setStatus', { id: b.id, status: 'draft' });
    expect((await dispatch(ctx, 'clearance.get', { briefingId: b.id })).request?.outcome).toBe('withdrawn');
    await expect(dispatch(ctx, 'clearance.override', { briefingId: b.id, reason: 'short' })).rejects.toThrow('at least 10 characters');
    const o = await dispatch(ctx, 'clearance.override', { briefingId: b.id, reason: 'Head of unit on leave; the minister needs it tonight.' });
    expect([o.briefingStatus, o.request?.outcome, o.override?.by.name, o.override?.comment]).toEqual(['final', 'overridden', 'Mr. Jonas Weiß', 'Head of unit on leave; the minister needs it tonight.']);
    expect(o.log.map((d) => d.decision)).toEqual(['overridden']);
    // A chain member who is not staff is refused, as is a clearer twice.
    const stenvold = (await dispatch(ctx, 'contact.list', { query: 'Stenvold' })).items[0]!;
    await expect(dispatch(ctx, 'clearance.setChain', { steps: [{ contactId: stenvold.id, label: '' }] })).rejects.toMatchObject({ field: 'steps.0.contactId' });
    await expect(dispatch(ctx, 'clearance.setChain', { steps: [{ contactId: person('Özdemir') }, { contactId: person('Özdemir') }] })).rejects.toMatchObject({ field: 'steps.1.contactId' });
  });

  it('keeps a per-section history: one entry per sitting, restores and removals', async () => {
    const { b, section, actAs } = await setup();
    await actAs('Weiß');
    const id = section('Objectives').id;
    await dispatch(ctx, 'section.update', { id, content: 'One' });
    await dispatch(ctx, 'section.update', { id, content: 'One two' });
    let h = await dispatch(ctx, 'section.history', { id });
    expect(h.map((e) => [e.kind, e.by])).toEqual([['edited', 'Mr. Jonas Weiß']]);
    const v = await dispatch(ctx, 'version.save', { briefingId: b.id });
    await actAs('Kowalska');
    await dispatch(ctx, 'section.update', { id, content: 'Three' });
    await dispatch(ctx, 'version.restore', { id: v.id });
    h = await dispatch(ctx, 'section.history', { id });
    expect(h.map((e) => [e.kind, e.by, e.detail])).toEqual([
      ['restored', 'Dr Małgorzata Kowalska', 'Version 1'],
      ['edited', 'Dr Małgorzata Kowalska', ''],
      ['edited', 'Mr. Jonas Weiß', ''],
    ]);
    await dispatch(ctx, 'section.remove', { id });
    // The history stays in the dossier, with the removed section's title.
    expect(ctx.db.prepare('SELECT kind, section_id, section_title, by_name FROM section_history ORDER BY id DESC LIMIT 1').get()).toEqual({
      kind: 'removed',
      section_id: null,
      section_title: 'Objectives',
      by_name: 'Dr Małgorzata Kowalska',
    });
  });
});

describe('pre-flight', () => {
  it('lists open commissions and missing clearance, each with the place to fix it', async () => {
    const { b, person, actAs, section } = await setup();
    await dispatch(ctx, 'clearance.setChain', { steps: [{ contactId: person('Özdemir'), label: 'Head of unit' }, { contactId: person('Albers'), label: 'Director' }] });
    await actAs('Weiß');
    const k = await dispatch(ctx, 'commission.create', { sectionId: section('Background').id, assigneeId: person('Kowalska'), deadline: '2026-11-30' });
    const kinds = async () => (await dispatch(ctx, 'pack.preflight', { briefingId: b.id })).findings.filter((f) => f.kind === 'open_commission' || f.kind === 'missing_clearance');
    expect((await kinds()).map((f) => [f.kind, f.message, f.route])).toEqual([
      ['open_commission', '“Background” is commissioned from Dr Małgorzata Kowalska (due 2026-11-30) and not yet submitted.', `#/briefings/${b.id}?section=${section('Background').id}`],
      ['missing_clearance', 'Not sent for clearance: it needs clearance by Ms. Ayşe Özdemir (Head of unit), then Dr Henrike Albers (Director).', `#/briefings/${b.id}?clearance=1`],
    ]);
    await actAs('Kowalska');
    await dispatch(ctx, 'commission.submit', { id: k.id, text: 'Floors.' });
    await actAs('Weiß');
    await dispatch(ctx, 'clearance.request', { briefingId: b.id });
    expect((await kinds()).map((f) => f.message)).toEqual([
      '“Background”: the contribution of Dr Małgorzata Kowalska is submitted and waits for Mr. Jonas Weiß to accept or return it.',
      'Not cleared yet: waiting for Ms. Ayşe Özdemir (Head of unit).',
    ]);
    await dispatch(ctx, 'commission.accept', { id: k.id });
    await actAs('Özdemir');
    await dispatch(ctx, 'clearance.approve', { briefingId: b.id });
    await actAs('Weiß');
    await dispatch(ctx, 'section.update', { id: section('Objectives').id, content: 'Changed.' });
    expect((await kinds()).map((f) => f.message)).toEqual(['Clearance reopened: “Objectives” changed since Ms. Ayşe Özdemir approved.']);
    await actAs('Özdemir');
    await dispatch(ctx, 'clearance.approve', { briefingId: b.id });
    await actAs('Albers');
    await dispatch(ctx, 'clearance.approve', { briefingId: b.id });
    expect(await kinds()).toEqual([]);
  });
});
