import { beforeEach, describe, expect, it } from 'vitest';
import { run } from '../store/sql';
import type { OpsContext } from './context';
import { dispatch } from './index';
import { testContext } from './test-context';

let ctx: OpsContext;

/** The demo with a briefing, and our staff by family name. */
async function setup() {
  await dispatch(ctx, 'system.loadDemo', {});
  const [meeting] = await dispatch(ctx, 'meeting.list', { when: 'upcoming' });
  const b = await dispatch(ctx, 'briefing.create', { meetingId: meeting!.id, title: 'Brief for the delegation' });
  const { staff } = await dispatch(ctx, 'identity.get', {});
  const person = (name: string) => staff.find((p) => p.name.includes(name))!.contactId;
  const section = (title: string) => b.sections.find((s) => s.title === title)!;
  const actAs = (name: string) => dispatch(ctx, 'identity.set', { contactId: person(name) });
  return { meeting: meeting!, b, person, section, actAs };
}

beforeEach(() => {
  ctx = testContext();
});

describe('commissions', () => {
  it('a section is commissioned, written beside the section, submitted, accepted with a version and credit', async () => {
    const { b, person, section, actAs } = await setup();
    await dispatch(ctx, 'section.update', { id: section('Background').id, content: 'Old background.' });
    await actAs('Weiß');
    const k = await dispatch(ctx, 'commission.create', { sectionId: section('Background').id, assigneeId: person('Kowalska'), deadline: '2026-12-01', note: 'Social protection floors, please.', budgetWords: 120 });
    expect(k).toMatchObject({ status: 'requested', overdue: false, requestedBy: { name: 'Mr. Jonas Weiß' }, assignee: { name: 'Dr Małgorzata Kowalska', email: 'm.kowalska@example.bmas.de' }, draft: 'Old background.', budgetWords: 120 });

    // Only the contributor writes it.
    await expect(dispatch(ctx, 'commission.saveDraft', { id: k.id, text: 'x' })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('Only Dr Małgorzata Kowalska') });
    await actAs('Kowalska');
    const work = await dispatch(ctx, 'work.list', {});
    // Beside what the demo asked of her (the lines on social protection floors, overdue).
    expect(work.toWrite.filter((c) => c.briefingId === b.id).map((c) => c.id)).toEqual([k.id]);
    const d = await dispatch(ctx, 'commission.saveDraft', { id: k.id, text: 'Social protection floors are **national**.' });
    expect(d.status).toBe('in_progress');
    // The section itself is untouched until the owner accepts.
    expect((await dispatch(ctx, 'briefing.get', { id: b.id })).sections.find((s) => s.title === 'Background')!.content).toBe('Old background.');
    const sub = await dispatch(ctx, 'commission.submit', { id: k.id });
    expect(sub).toMatchObject({ status: 'submitted', draftWords: 5 });
    await expect(dispatch(ctx, 'commission.saveDraft', { id: k.id, text: 'late change' })).rejects.toMatchObject({ code: 'conflict' });

    await actAs('Weiß');
    expect((await dispatch(ctx, 'work.list', {})).toReview.filter((c) => c.briefingId === b.id).map((c) => c.id)).toEqual([k.id]);
    const side = await dispatch(ctx, 'commission.get', { id: k.id });
    expect(side).toMatchObject({ current: 'Old background.', draft: 'Social protection floors are **national**.', changedSince: false });
    const versionsBefore = (await dispatch(ctx, 'version.list', { briefingId: b.id })).length;
    const acc = await dispatch(ctx, 'commission.accept', { id: k.id });
    expect(acc.status).toBe('accepted');
    const after = await dispatch(ctx, 'briefing.get', { id: b.id });
    expect(after.sections.find((s) => s.title === 'Background')!.content).toBe('Social protection floors are **national**.');
    const versions = await dispatch(ctx, 'version.list', { briefingId: b.id });
    expect(versions.length).toBe(versionsBefore + 1);
    expect(versions[0]!.reason).toBe('contribution accepted: “Background” by Dr Małgorzata Kowalska');
    const history = await dispatch(ctx, 'section.history', { id: section('Background').id });
    expect(history[0]).toMatchObject({ kind: 'contribution', by: 'Dr Małgorzata Kowalska', detail: 'accepted by Mr. Jonas Weiß' });
    expect(history[0]!.parts.filter((p) => p.added).map((p) => p.value).join('')).toContain('national');
  });

  it('an agenda item’s lines to take are commissioned and merged into that item only', async () => {
    const { meeting, b, person, section, actAs } = await setup();
    const detail = await dispatch(ctx, 'meeting.get', { id: meeting.id });
    const [first, second] = detail.agenda;
    const lines = section('Lines to take per agenda item');
    await dispatch(ctx, 'section.update', { id: lines.id, content: JSON.stringify({ briefs: [{ agendaItemId: first!.id, text: 'Welcome the chair.' }] }) });
    await actAs('Weiß');
    await expect(dispatch(ctx, 'commission.create', { sectionId: lines.id, assigneeId: person('Kowalska') })).rejects.toMatchObject({ field: 'agendaItemId' });
    const k = await dispatch(ctx, 'commission.create', { sectionId: lines.id, agendaItemId: second!.id, assigneeId: person('Kowalska') });
    expect(k.agendaItemTitle).toBe(second!.title);
    // One open commission per item.
    await expect(dispatch(ctx, 'commission.create', { sectionId: lines.id, agendaItemId: second!.id, assigneeId: person('Özdemir') })).rejects.toMatchObject({ message: expect.stringContaining('already commissioned from Dr Małgorzata Kowalska') });
    await actAs('Kowalska');
    await dispatch(ctx, 'commission.submit', { id: k.id, text: 'Support the joint study.' });
    await actAs('Weiß');
    await dispatch(ctx, 'commission.accept', { id: k.id });
    const briefs = JSON.parse((await dispatch(ctx, 'briefing.get', { id: b.id })).sections.find((s) => s.id === lines.id)!.content).briefs;
    expect(briefs).toEqual([
      { agendaItemId: first!.id, text: 'Welcome the chair.' },
      { agendaItemId: second!.id, text: 'Support the joint study.', title: second!.title },
    ]);

    // The item goes from the agenda while its lines are being written: the contribution is kept, not merged anywhere.
    const k2 = await dispatch(ctx, 'commission.create', { sectionId: lines.id, agendaItemId: first!.id, assigneeId: person('Kowalska') });
    await dispatch(ctx, 'agenda.remove', { meetingId: meeting.id, id: first!.id });
    await actAs('Kowalska');
    await dispatch(ctx, 'commission.submit', { id: k2.id, text: 'Thank the chair.' });
    await actAs('Weiß');
    await expect(dispatch(ctx, 'commission.accept', { id: k2.id })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('was removed from the meeting') });
    expect((await dispatch(ctx, 'commission.get', { id: k2.id })).draft).toBe('Thank the chair.');
  });

  it('returns with a comment at the section; overdue is derived from the deadline', async () => {
    const { b, person, section, actAs } = await setup();
    await actAs('Weiß');
    const k = await dispatch(ctx, 'commission.create', { sectionId: section('Objectives').id, assigneeId: person('Kowalska'), deadline: '2026-11-24' });
    await expect(dispatch(ctx, 'commission.create', { sectionId: section('Programme').id, assigneeId: person('Kowalska') })).rejects.toMatchObject({ code: 'invalid_input', field: 'sectionId' });
    await expect(dispatch(ctx, 'commission.create', { sectionId: section('Background').id, assigneeId: person('Kowalska'), deadline: '2026-11-01' })).rejects.toMatchObject({ field: 'deadline' });
    await actAs('Kowalska');
    await expect(dispatch(ctx, 'commission.submit', { id: k.id, text: '   ' })).rejects.toMatchObject({ field: 'text' });
    await dispatch(ctx, 'commission.submit', { id: k.id, text: 'Aim high.' });
    await actAs('Weiß');
    await expect(dispatch(ctx, 'commission.return', { id: k.id, comment: '' })).rejects.toThrow('needs a comment');
    const r = await dispatch(ctx, 'commission.return', { id: k.id, comment: 'Name the three outcomes we want.' });
    expect(r.status).toBe('returned');
    const threads = await dispatch(ctx, 'comment.list', { briefingId: b.id });
    expect(threads).toMatchObject([{ sectionId: section('Objectives').id, body: 'Name the three outcomes we want.', context: 'commission', contextId: k.id, author: { name: 'Mr. Jonas Weiß' } }]);

    // Two days later the returned commission is overdue.
    const later = { ...ctx, now: () => new Date('2026-11-25T09:00:00Z') };
    const late = await dispatch(later, 'commission.get', { id: k.id });
    expect([late.status, late.overdue, late.state]).toEqual(['overdue', true, 'returned']);
    await dispatch(later, 'identity.set', { contactId: person('Kowalska') });
    expect((await dispatch(later, 'work.list', {})).toWrite.find((c) => c.briefingId === b.id)).toMatchObject({ id: k.id, status: 'overdue' });
  });

  it('goes out by e-mail as a mailto: link built from checked values; the answer is pasted by the owner', async () => {
    const { person, section, actAs } = await setup();
    await actAs('Weiß');
    await dispatch(ctx, 'section.update', { id: section('Background').id, content: 'Line one & two?\nNext line.' });
    const k = await dispatch(ctx, 'commission.create', { sectionId: section('Background').id, assigneeId: person('Kowalska'), deadline: '2026-12-01', note: 'See GB.357 & annex', budgetWords: 200 });
    const mail = await dispatch(ctx, 'commission.mailto', { id: k.id, language: 'de' });
    expect(mail.to).toBe('m.kowalska@example.bmas.de');
    expect(mail.url.startsWith('mailto:m.kowalska@example.bmas.de?subject=')).toBe(true);
    const url = new URL(mail.url);
    expect(url.searchParams.get('subject')).toBe('Beitrag erbeten: Background — Brief for the delegation');
    const body = url.searchParams.get('body')!;
    expect(body).toContain('Frist: 2026-12-01');
    expect(body).toContain('Hinweis: See GB.357 & annex');
    expect(body).toContain('Line one & two?\nNext line.');
    expect([...url.searchParams.keys()]).toEqual(['subject', 'body']); // the text's '&' and '?' cannot add parameters
    // The contributor answers by mail; the owner pastes it (the contributor cannot be asked to do it).
    await expect(dispatch(ctx, 'commission.submit', { id: k.id })).rejects.toMatchObject({ code: 'conflict' });
    const sub = await dispatch(ctx, 'commission.submit', { id: k.id, text: 'Pasted from the mail.', via: 'email' });
    expect([sub.status, sub.via, sub.draft]).toEqual(['submitted', 'email', 'Pasted from the mail.']);

    // A contact without an address, or with a malformed one (kept from before addresses were checked on the way in),
    // is refused with what to fix.
    const noMail = await dispatch(ctx, 'contact.create', { givenName: 'Tomás', familyName: 'Ortega', internal: true });
    const k2 = await dispatch(ctx, 'commission.create', { sectionId: section('Objectives').id, assigneeId: noMail.id });
    await expect(dispatch(ctx, 'commission.mailto', { id: k2.id })).rejects.toMatchObject({ message: expect.stringContaining('has no e-mail address') });
    run(ctx.db, "INSERT INTO contact_emails (contact_id, label, value, position) VALUES (?, 'work', 'ortega@example.org?cc=boss@example.org', 0)", noMail.id);
    await expect(dispatch(ctx, 'commission.mailto', { id: k2.id })).rejects.toMatchObject({ message: expect.stringContaining('not a plain address') });
  });

  it('a contribution must fit its section’s kind: key messages take a list, and a text that is none is refused at submit and at accept', async () => {
    const { b, person, section, actAs } = await setup();
    await actAs('Weiß');
    const km = section('Key messages');
    const before = (await dispatch(ctx, 'briefing.get', { id: b.id })).sections.find((s) => s.id === km.id)!.content;
    const k = await dispatch(ctx, 'commission.create', { sectionId: km.id, assigneeId: person('Kowalska') });
    // An e-mailed answer pasted as it came: plain lines, not a list of messages.
    await expect(dispatch(ctx, 'commission.submit', { id: k.id, text: '1. Floors first.\n2. Then the budget.', via: 'email' })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'text',
      message: expect.stringMatching(/does not fit “Key messages”: that section holds a list of key messages.*plain text/),
    });
    await expect(dispatch(ctx, 'commission.submit', { id: k.id, text: JSON.stringify({ items: 'Floors first.' }), via: 'email' })).rejects.toMatchObject({
      field: 'text',
      message: expect.stringContaining('(items: '),
    });
    expect((await dispatch(ctx, 'commission.get', { id: k.id })).state).toBe('requested');

    // A draft that got to "submitted" unchecked (an older Dossier, or a replica's) is refused at accept: nothing changes.
    run(ctx.db, "UPDATE commissions SET state = 'submitted', draft = ? WHERE id = ?", 'Floors first. Then the budget.', k.id);
    const versions = (await dispatch(ctx, 'version.list', { briefingId: b.id })).length;
    await expect(dispatch(ctx, 'commission.accept', { id: k.id })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'id',
      message: expect.stringContaining('The contribution of Dr Małgorzata Kowalska does not fit “Key messages”'),
    });
    expect((await dispatch(ctx, 'briefing.get', { id: b.id })).sections.find((s) => s.id === km.id)!.content).toBe(before);
    expect((await dispatch(ctx, 'version.list', { briefingId: b.id })).length).toBe(versions);
    expect((await dispatch(ctx, 'commission.get', { id: k.id })).state).toBe('submitted');

    // Returned and written as a list, it goes in.
    await dispatch(ctx, 'commission.return', { id: k.id, comment: 'As key messages, please.' });
    const list = JSON.stringify({ items: ['Floors first.', 'Then the budget.'] });
    await dispatch(ctx, 'commission.submit', { id: k.id, text: list, via: 'email' });
    await dispatch(ctx, 'commission.accept', { id: k.id });
    const after = (await dispatch(ctx, 'briefing.get', { id: b.id })).sections.find((s) => s.id === km.id)!;
    expect(after.body).toMatchObject({ kind: 'key_messages', items: ['Floors first.', 'Then the budget.'] });
  });

  it('needs “I am” and staff: clear errors otherwise', async () => {
    const { person, section } = await setup();
    // The demo acts as its desk officer; nobody chosen:
    await dispatch(ctx, 'identity.set', { contactId: null });
    await expect(dispatch(ctx, 'commission.create', { sectionId: section('Background').id, assigneeId: person('Kowalska') })).rejects.toMatchObject({ field: 'identity', message: expect.stringContaining('Preferences → “I am”') });
    const stenvold = (await dispatch(ctx, 'contact.list', { query: 'Stenvold' })).items[0]!;
    await expect(dispatch(ctx, 'identity.set', { contactId: stenvold.id })).rejects.toMatchObject({ field: 'contactId', message: expect.stringContaining('not one of our staff') });
  });
});
