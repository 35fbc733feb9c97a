import { beforeEach, describe, expect, it } from 'vitest';
import type { OpsContext } from './context';
import { dispatch } from './index';
import { testContext } from './test-context';

let ctx: OpsContext;
const call = ((name: string, input: unknown) => dispatch(ctx, name, input)) as <K extends Parameters<typeof dispatch>[1]>(name: K, input: unknown) => ReturnType<typeof dispatch<K & import('../../contract/ops').OpName>>;

async function demoBriefing() {
  await dispatch(ctx, 'system.loadDemo', {});
  const [meeting] = await dispatch(ctx, 'meeting.list', { when: 'upcoming' });
  const b = await dispatch(ctx, 'briefing.create', { meetingId: meeting!.id, title: 'Brief for the delegation' });
  const section = (kind: string) => b.sections.find((s) => s.kind === kind)!;
  return { meeting: meeting!, b, section };
}

beforeEach(() => {
  ctx = testContext();
});

describe('briefing editor ops', () => {
  it('edits fields and sections; structured content must fit its schema', async () => {
    const { b, section } = await demoBriefing();
    expect(b.sections.map((s) => s.title)).toContain('Defensive Q&A');
    const u = await dispatch(ctx, 'briefing.update', { id: b.id, patch: { classification: 'VS – Nur für den Dienstgebrauch', language: 'de', deadline: '2026-12-01' } });
    expect([u.classification, u.language, u.deadline, u.title]).toEqual(['VS – Nur für den Dienstgebrauch', 'de', '2026-12-01', 'Brief for the delegation']);

    const s = await dispatch(ctx, 'section.update', { id: section('markdown').id, content: '## Aim\nSecure **support**.' });
    expect(s.content).toBe('## Aim\nSecure **support**.');
    const qa = await dispatch(ctx, 'section.update', { id: section('qa').id, content: JSON.stringify({ pairs: [{ question: 'Why now?' }] }) });
    expect(JSON.parse(qa.content)).toEqual({ pairs: [{ question: 'Why now?', answer: '' }] });
    await expect(dispatch(ctx, 'section.update', { id: section('qa').id, content: 'not json' })).rejects.toMatchObject({ code: 'invalid_input', field: 'content' });
    await expect(dispatch(ctx, 'section.update', { id: section('key_messages').id, content: '{"items":[1]}' })).rejects.toMatchObject({ code: 'invalid_input' });
    // Full-text search sees the new words.
    expect((await dispatch(ctx, 'search.query', { query: 'secure support' })).map((h) => h.kind)).toContain('briefing');
  });

  it('adds, renames, reorders and removes sections', async () => {
    const { b, section } = await demoBriefing();
    const first = b.sections[0]!;
    const added = await dispatch(ctx, 'section.add', { briefingId: b.id, kind: 'markdown', title: 'Press line', afterId: first.id });
    expect(added.sections.map((s) => s.title).slice(0, 2)).toEqual([first.title, 'Press line']);
    const press = added.sections[1]!;
    await dispatch(ctx, 'section.update', { id: press.id, title: 'Press lines' });
    const ids = added.sections.map((s) => s.id).reverse();
    const reordered = await dispatch(ctx, 'section.reorder', { briefingId: b.id, ids });
    expect(reordered.sections.map((s) => s.id)).toEqual(ids);
    await expect(dispatch(ctx, 'section.reorder', { briefingId: b.id, ids: ids.slice(1) })).rejects.toMatchObject({ code: 'invalid_input', field: 'ids' });
    const removed = await dispatch(ctx, 'section.remove', { id: section('contact_sheet').id });
    expect(removed.sections.map((s) => s.kind)).not.toContain('contact_sheet');
    expect(removed.sections.find((s) => s.id === press.id)?.title).toBe('Press lines');
  });

  it('a final briefing is read-only until reopened; each status change saves a version', async () => {
    const { b, section } = await demoBriefing();
    await dispatch(ctx, 'briefing.setStatus', { id: b.id, status: 'in_review' });
    await dispatch(ctx, 'briefing.setStatus', { id: b.id, status: 'final' });
    const md = section('markdown').id;
    await expect(dispatch(ctx, 'section.update', { id: md, content: 'late edit' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(dispatch(ctx, 'briefing.update', { id: b.id, patch: { title: 'x' } })).rejects.toMatchObject({ code: 'conflict' });
    await expect(dispatch(ctx, 'section.add', { briefingId: b.id, kind: 'qa' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(dispatch(ctx, 'section.remove', { id: md })).rejects.toMatchObject({ code: 'conflict' });
    expect((await dispatch(ctx, 'briefing.get', { id: b.id })).sections.find((s) => s.id === md)?.content).toBe('');
    await dispatch(ctx, 'briefing.setStatus', { id: b.id, status: 'draft' });
    await dispatch(ctx, 'section.update', { id: md, content: 'after reopening' });
    const versions = await dispatch(ctx, 'version.list', { briefingId: b.id });
    expect(versions.map((v) => v.reason)).toEqual(['status: final → draft', 'status: in review → final', 'status: draft → in review']);
  });

  it('compares versions word by word and restores one as a new state, overwriting nothing', async () => {
    const { b, section } = await demoBriefing();
    const md = section('markdown').id;
    const km = section('key_messages').id;
    await dispatch(ctx, 'section.update', { id: md, content: 'We support the proposal.' });
    await dispatch(ctx, 'section.update', { id: km, content: JSON.stringify({ items: ['Decent work for all'] }) });
    const v1 = await dispatch(ctx, 'version.save', { briefingId: b.id, name: 'Sent to head of delegation' });
    expect(v1).toMatchObject({ number: 1, name: 'Sent to head of delegation', reason: 'manual' });

    await dispatch(ctx, 'section.update', { id: md, content: 'We strongly support the revised proposal.', title: 'Aims' });
    await dispatch(ctx, 'section.remove', { id: section('contact_sheet').id });
    await dispatch(ctx, 'section.add', { briefingId: b.id, kind: 'markdown', title: 'Press lines' });
    const cmp = await dispatch(ctx, 'version.compare', { briefingId: b.id, from: v1.id });
    expect(cmp.from.label).toBe('Version 1 “Sent to head of delegation”');
    const aims = cmp.sections.find((s) => s.sectionId === md)!;
    expect(aims).toMatchObject({ change: 'changed', titleBefore: 'Objectives', titleAfter: 'Aims' });
    expect(aims.parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(expect.arrayContaining(['strongly', 'revised']));
    expect(cmp.sections.find((s) => s.kind === 'contact_sheet')?.change).toBe('removed');
    expect(cmp.sections.find((s) => s.titleAfter === 'Press lines')?.change).toBe('added');
    expect(cmp.sections.find((s) => s.sectionId === km)?.change).toBe('unchanged');

    const restored = await dispatch(ctx, 'version.restore', { id: v1.id });
    const mdNow = restored.sections.find((s) => s.id === md)!;
    expect([mdNow.title, mdNow.content]).toEqual(['Objectives', 'We support the proposal.']);
    expect(restored.sections.map((s) => s.kind)).toContain('contact_sheet');
    expect(restored.sections.map((s) => s.title)).not.toContain('Press lines');
    // The state before the restore is itself a version, with the newer text in it.
    const versions = await dispatch(ctx, 'version.list', { briefingId: b.id });
    expect(versions[0]).toMatchObject({ number: 2, reason: 'before restoring version 1' });
    const v2 = await dispatch(ctx, 'version.get', { id: versions[0]!.id });
    expect(v2.snapshot.sections.find((s) => s.id === md)?.content).toBe('We strongly support the revised proposal.');
    // And comparing version 2 with version 1 still shows the change.
    const back = await dispatch(ctx, 'version.compare', { briefingId: b.id, from: versions[0]!.id, to: v1.id });
    expect(back.sections.find((s) => s.sectionId === md)?.parts.some((p) => p.removed && p.value.includes('strongly'))).toBe(true);
  });

  it('Removing an agenda item never deletes its brief’s text', async () => {
    const { meeting, section } = await demoBriefing();
    const agenda = (await dispatch(ctx, 'meeting.get', { id: meeting.id })).agenda;
    expect(agenda.length).toBeGreaterThan(1);
    const briefs = agenda.map((a) => ({ agendaItemId: a.id, title: a.title, text: `Line to take on ${a.title}` }));
    const id = section('agenda_briefs').id;
    await dispatch(ctx, 'section.update', { id, content: JSON.stringify({ briefs }) });
    await dispatch(ctx, 'agenda.remove', { meetingId: meeting.id, id: agenda[0]!.id });
    const after = await dispatch(ctx, 'briefing.get', { id: (await dispatch(ctx, 'briefing.list', {}))[0]!.id });
    const kept = JSON.parse(after.sections.find((s) => s.id === id)!.content).briefs;
    expect(kept.find((b: { agendaItemId: number }) => b.agendaItemId === agenda[0]!.id)).toEqual({ agendaItemId: agenda[0]!.id, title: agenda[0]!.title, text: `Line to take on ${agenda[0]!.title}` });
    expect((await dispatch(ctx, 'meeting.get', { id: meeting.id })).agenda.map((a) => a.id)).not.toContain(agenda[0]!.id);
  });
});

describe('snippets', () => {
  it('saves under a new topic, finds by words without accents, deletes', async () => {
    const s = await dispatch(ctx, 'snippet.save', { topic: 'core labour standards', title: 'Ratification', text: 'We encourage ratification of all fundamental conventions (Übereinkommen).' });
    await dispatch(ctx, 'snippet.save', { topic: 'social protection floors', text: 'Floors are nationally defined.' });
    const all = await dispatch(ctx, 'snippet.list', {});
    expect(all.topics).toEqual(['core labour standards', 'social protection floors']);
    expect(all.snippets.map((x) => x.topic)).toEqual(['core labour standards', 'social protection floors']);
    expect((await dispatch(ctx, 'snippet.list', { query: 'ubereinkommen ratification' })).snippets.map((x) => x.id)).toEqual([s.id]);
    await expect(dispatch(ctx, 'snippet.save', { text: '   ' })).rejects.toThrow('A snippet needs some text.');
    await dispatch(ctx, 'snippet.delete', { id: s.id });
    expect((await dispatch(ctx, 'snippet.list', {})).snippets).toHaveLength(1);
  });
});
void call;

describe('briefing.preview', () => {
  it('shows the generated sections as the pack draws them: who’s who with stale flags, programme, contact sheet', async () => {
    await dispatch(ctx, 'system.loadDemo', {});
    const [meeting] = await dispatch(ctx, 'meeting.list', { when: 'upcoming' });
    const b = await dispatch(ctx, 'briefing.create', { meetingId: meeting!.id, title: 'Brief' });
    const preview = await dispatch(ctx, 'briefing.preview', { id: b.id });
    expect(preview.map((p) => p.data.kind)).toEqual(['programme', 'whos_who', 'institution_profiles', 'history', 'since_last_time', 'contact_sheet']);
    expect(preview.map((p) => p.sectionId)).toEqual(b.sections.filter((s) => ['programme', 'whos_who', 'institution_profiles', 'history', 'since_last_time', 'contact_sheet'].includes(s.kind)).map((s) => s.id));
    const whos = preview.find((p) => p.data.kind === 'whos_who')!.data;
    if (whos.kind !== 'whos_who') throw new Error('kind');
    expect(whos.delegation.find((p) => p.role === 'head')?.name).toBe('Ms. Ayşe Özdemir');
    expect(whos.counterparts.find((p) => p.name === 'Mr. Thoralf Stenvold')).toMatchObject({ stale: true, informationDated: '2017' });
  });
});
