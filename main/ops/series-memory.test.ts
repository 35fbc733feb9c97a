import { describe, expect, it } from 'vitest';
import { ContactInput } from '../../contract/model';
import { pageTexts, tempPdf } from '../test-support/pdf';
import type { OpsContext } from './context';
import { dispatch } from './index';
import { testContext } from './test-context';

const DATE = '2026-11-23';

async function demo() {
  const ctx = testContext();
  await dispatch(ctx, 'system.loadDemo', {});
  const [next] = await dispatch(ctx, 'meeting.list', { when: 'upcoming' });
  const [prev] = await dispatch(ctx, 'meeting.list', { when: 'past' });
  const people = (await dispatch(ctx, 'contact.list', {})).items;
  const who = (family: string) => people.find((c) => c.familyName === family)!;
  return { ctx, next: next!, prev: prev!, who };
}

/** contact.update with one field changed, the rest as stored. */
async function change(ctx: OpsContext, id: number, patch: Partial<ContactInput>) {
  const c = await dispatch(ctx, 'contact.get', { id });
  const { id: _i, displayName: _d, institutionName: _n, stale: _s, updatedAt: _u, ...fields } = c;
  return dispatch(ctx, 'contact.update', { id, patch: { ...fields, ...patch } });
}

async function packText(ctx: OpsContext, input: { briefingId?: number; meetingId?: number }): Promise<string> {
  const r = await dispatch(ctx, 'pack.build', { ...input, date: DATE });
  return (await pageTexts(tempPdf(Buffer.from(r.bytesBase64!, 'base64')))).join('\n');
}

describe('post history', () => {
  it('keeps the former post when the post changes, finds the person by it, and the next pack says “new in post”', async () => {
    const { ctx, next, who } = await demo();
    const pieter = who('van der Berg');
    expect(await dispatch(ctx, 'contact.positions', { id: pieter.id })).toMatchObject([{ position: pieter.position, current: true, from: null, id: null }]);

    await change(ctx, pieter.id, { position: 'Head of Division, Skills and Employability' });
    const history = await dispatch(ctx, 'contact.positions', { id: pieter.id });
    expect(history).toMatchObject([
      { position: 'Head of Division, Skills and Employability', from: DATE, to: null, current: true, institutionName: 'Organisation for Economic Co-operation and Development' },
      { position: 'Senior Economist, Employment, Labour and Social Affairs', from: null, to: DATE, current: false },
    ]);
    // Editing other fields records nothing; a correction the same day corrects the new record.
    await change(ctx, pieter.id, { notes: 'Met in Paris.' });
    await change(ctx, pieter.id, { position: 'Head of Division, Skills' });
    expect((await dispatch(ctx, 'contact.positions', { id: pieter.id })).map((p) => p.position)).toEqual(['Head of Division, Skills', 'Senior Economist, Employment, Labour and Social Affairs']);

    // Search finds him by the former post too.
    const hits = await dispatch(ctx, 'search.query', { query: 'senior economist' });
    expect(hits.some((h) => h.kind === 'contact' && h.id === pieter.id)).toBe(true);

    const text = await packText(ctx, { meetingId: next.id });
    expect(text).toMatch(/Pieter van der Berg[\s\S]{0,200}New in post since \d{1,2} \w+ \d{4}/);
    const preview = await dispatch(ctx, 'briefing.preview', { id: (await dispatch(ctx, 'briefing.create', { meetingId: next.id, title: 'B' })).id });
    const whos = preview.find((p) => p.data.kind === 'whos_who')!.data;
    if (whos.kind !== 'whos_who') throw new Error('whos_who expected');
    expect(whos.counterparts.find((c) => c.name.includes('van der Berg'))!.newInPost).toMatch(/^New in post since /);
    expect(whos.counterparts.find((c) => c.name.includes('Stenvold'))!.newInPost).toBeNull();
  });
});

describe('participants list', () => {
  it('matches an English list with obfuscated e-mails and names in capitals: new, changed and unchanged people', async () => {
    const { ctx, next } = await demo();
    const text = [
      'List of participants',
      '',
      'Mr. Pieter VAN DER BERG (OECD), Director, Employment, pieter.vanderberg[at]example.oecd[dot]org',
      'Mr. Thoralf STENVOLD, Senior Specialist – Global Governance, ILO, perrin (at) ilo.org',
      'Ms. Jane DOE, Labour Attaché, Permanent Mission of Canada, jane.doe AT international DOT gc DOT ca',
    ].join('\n');
    const p = await dispatch(ctx, 'participants.preview', { meetingId: next.id, text });
    expect(p.counts).toEqual({ new: 1, changed: 1, unchanged: 1 });
    expect(p.people.map((r) => [r.proposal.familyName, r.status])).toEqual([
      ['van der Berg', 'changed'],
      ['Stenvold', 'unchanged'],
      ['Doe', 'new'],
    ]);
    expect(p.people[0]!.changes).toEqual([{ field: 'position', before: 'Senior Economist, Employment, Labour and Social Affairs', after: 'Director' }]);
    expect(p.people[2]!.proposal.emails[0]!.value).toBe('jane.doe@international.gc.ca');
  });

  it('matches a French list whose accents differ from the stored names, and records it with the list as dated source', async () => {
    const { ctx, next, who } = await demo();
    const text = [
      'Liste des participants',
      'Mme Claire DUBOIS, Cheffe d’unité, BIT — dubois (at) example.ilo.org',
      'Mme Ayse OZDEMIR, Cheffe de division, Ministère fédéral du Travail — ayse.oezdemir [at] example.bmas [point] de',
      'M. Jonas WEISS, Chargé de mission, BMAS',
      'M. Étienne Lefèvre, Conseiller, Mission permanente de la France, etienne.lefevre{at}diplomatie.gouv.fr',
    ].join('\n');
    const p = await dispatch(ctx, 'participants.preview', { meetingId: next.id, text });
    expect(p.people.map((r) => [r.stored?.displayName ?? r.proposal.familyName, r.status])).toEqual([
      ['Mme Claire Dubois', 'changed'],
      ['Ms. Ayşe Özdemir', 'changed'],
      ['Mr. Jonas Weiß', 'changed'],
      ['Lefèvre', 'new'],
    ]);
    expect(p.people[0]!.changes).toEqual([{ field: 'position', before: 'Chief, Policy Coherence Unit', after: 'Cheffe d’unité' }]);
    expect(p.people[1]!.changes.map((c) => c.field)).toEqual(['position']);

    const r = await dispatch(ctx, 'participants.apply', { meetingId: next.id, text, decisions: { '2': 'skip' } });
    expect(r).toMatchObject({ created: [expect.any(Number)], skipped: 1, source: `Participants list, ${next.title}, ${DATE}` });
    expect(r.updated).toEqual([who('Dubois').id, who('Özdemir').id]);
    const claire = await dispatch(ctx, 'contact.get', { id: who('Dubois').id });
    expect(claire).toMatchObject({ position: 'Cheffe d’unité', source: r.source, informationDated: DATE });
    expect((await dispatch(ctx, 'contact.positions', { id: claire.id }))[1]).toMatchObject({ position: 'Chief, Policy Coherence Unit', to: DATE });
    const m = await dispatch(ctx, 'meeting.get', { id: next.id });
    // Claire and the new adviser join the counterparts; Ayşe Özdemir stays head of our delegation.
    expect(m.counterparts.map((c) => c.displayName)).toEqual(expect.arrayContaining(['Mme Claire Dubois', 'M. Étienne Lefèvre']));
    expect(m.delegation.find((d) => d.role === 'head')!.displayName).toBe('Ms. Ayşe Özdemir');
    expect(m.counterparts.some((c) => c.displayName.includes('Özdemir'))).toBe(false);
  });
});

describe('since last time', () => {
  it('compares our lines then and now, lists outcomes, open follow-ups, who is new or gone, and line drift', async () => {
    const { ctx, next, prev } = await demo();
    // Last time's briefing, saved before the meeting ended, then edited after it: the saved version counts.
    const old = await dispatch(ctx, 'briefing.create', { meetingId: prev.id, title: 'Brief, previous session' });
    const oldKm = old.sections.find((s) => s.kind === 'key_messages')!;
    await dispatch(ctx, 'section.update', { id: oldKm.id, content: JSON.stringify({ items: ['We support a joint ILO–WTO study in principle.'] }) });
    await dispatch(ctx, 'version.save', { briefingId: old.id });
    ctx.db.prepare('UPDATE briefing_versions SET created_at = ? WHERE briefing_id = ?').run(new Date(Date.parse(prev.startIso) - 86_400_000).toISOString(), old.id);
    await dispatch(ctx, 'section.update', { id: oldKm.id, content: JSON.stringify({ items: ['Edited long after the meeting.'] }) });
    await dispatch(ctx, 'outcome.save', { meetingId: prev.id, text: 'The Office will circulate a draft outline.', committedBy: 'counterpart' });

    await dispatch(ctx, 'snippet.save', { topic: 'trade and decent work', title: 'ILO–WTO study', text: 'We support a joint ILO–WTO study with the social partners consulted.' });
    const b = await dispatch(ctx, 'briefing.create', { meetingId: next.id, title: 'Brief' });
    const km = b.sections.find((s) => s.kind === 'key_messages')!;
    await dispatch(ctx, 'section.update', { id: km.id, content: JSON.stringify({ items: ['We support a joint ILO–WTO study, with a clear timeline.'] }) });

    const data = (await dispatch(ctx, 'briefing.preview', { id: b.id })).find((p) => p.data.kind === 'since_last_time')!.data;
    if (data.kind !== 'since_last_time') throw new Error('since_last_time expected');
    expect(data.previous).toMatchObject({ title: prev.title, basis: expect.stringMatching(/^Our briefing as used then: version 1, saved /) });
    const line = data.lines[0]!;
    expect(line).toMatchObject({ heading: 'Key messages', change: 'changed' });
    expect(line.parts.filter((p) => p.removed).map((p) => p.value).join('')).toContain('principle');
    expect(line.parts.filter((p) => p.added).map((p) => p.value).join('')).toContain('timeline');
    expect(line.parts.map((p) => p.value).join('')).not.toContain('Edited long after');
    expect(data.outcomes).toEqual([
      { text: 'The Office will present options for a joint ILO–WTO study on the employment effects of trade at the next session.', committedBy: 'ILO Office', counterpart: true },
      { text: 'The Working Party asked the Office to report on due diligence initiatives in global supply chains.', committedBy: 'ILO Office', counterpart: true },
      { text: 'Germany offered to host an expert workshop on financing social protection floors.', committedBy: 'our delegation', counterpart: false },
      { text: 'The Office will circulate a draft outline.', committedBy: 'the counterpart', counterpart: true },
    ]);
    expect(data.actions.map((a) => [a.text, a.overdue])).toEqual([
      ['Send comments on the draft ILO–WTO study outline to MULTILATERALS', true],
      ['Agree a common EU line on social protection floors with DG EMPL before the next session', false],
    ]);
    expect(data.joined.map((p) => p.name).sort()).toEqual(['Dr Małgorzata Kowalska', 'Mr. Pieter van der Berg', 'Ms. Ελένη Παπαδοπούλου']);
    expect(data.left.map((p) => p.name)).toEqual(['Mme Claire Dubois']);
    expect(data.drift).toHaveLength(1);
    expect(data.drift[0]!.parts.filter((p) => p.removed).map((p) => p.value).join('')).toContain('consulted');

    const text = await packText(ctx, { briefingId: b.id });
    for (const s of ['Since last time', 'What we said last time, and what we say now', 'in principle', 'clear timeline', 'Counterpart commitment', 'No longer attending', 'Line drift']) expect(text).toContain(s);
  });
});
