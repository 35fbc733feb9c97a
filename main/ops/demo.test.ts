/**
 * The demo dossier shows the whole product (issue 16): the last session's briefing final, marked, issued with an
 * addendum; the next session's draft filled so that since-last-time, line drift, pre-flight and the releasable variant
 * each show something; snippets; open and done actions. Issue 20: the last brief cleared by the head of unit, then the
 * director; the next one with a contribution submitted and one overdue. Loaded through the operations, deterministic
 * per load day.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { AgendaBriefsContent, KeyMessagesContent, QaContent } from '../../contract/model';
import { pageTexts, tempPdf } from '../test-support/pdf';
import type { OpsContext } from './context';
import { dispatch } from './index';
import { testContext } from './test-context';

const NOW = new Date('2026-03-02T08:30:00Z');
const MARKING = 'VS-NUR FÜR DEN DIENSTGEBRAUCH';

async function loaded(now = NOW) {
  const ctx = testContext(now);
  const counts = await dispatch(ctx, 'system.loadDemo', {});
  const [next] = await dispatch(ctx, 'meeting.list', { when: 'upcoming' });
  const [last] = await dispatch(ctx, 'meeting.list', { when: 'past' });
  const [draft] = await dispatch(ctx, 'briefing.list', { meetingId: next!.id });
  const [final] = await dispatch(ctx, 'briefing.list', { meetingId: last!.id });
  return { ctx, counts, next: next!, last: last!, draft: await dispatch(ctx, 'briefing.get', { id: draft!.id }), final: final! };
}
const pdf = (r: { bytesBase64?: string }) => Buffer.from(r.bytesBase64!, 'base64');
const section = (b: { sections: { title: string; content: string; id: number }[] }, title: string) => b.sections.find((s) => s.title === title)!;

describe('the demo dossier', () => {
  it('has the last session’s briefing final and marked, issued as a pack with one addendum, dated before that session', async () => {
    const { ctx, counts, last, final } = await loaded();
    expect(counts).toEqual({ institutions: 12, contacts: 9, meetings: 2, briefings: 2 });
    expect(await dispatch(ctx, 'briefing.list', {})).toHaveLength(2);
    expect(final).toMatchObject({ status: 'final', classification: MARKING });
    const issued = await dispatch(ctx, 'pack.issued', { meetingId: last.id });
    expect(issued.map((p) => [p.edition, p.addendumNumber])).toEqual([
      [1, null],
      [1, 1],
    ]);
    const meetingDay = last.startIso.slice(0, 10);
    for (const p of issued) expect(p.issuedAt.slice(0, 10) < meetingDay).toBe(true);
    // The addendum carries the revised lines to take, and only them.
    const addendumPages = pageTexts(tempPdf(pdf(await dispatch(ctx, 'pack.issuedPdf', { id: issued[1]!.id }))));
    const addendum = addendumPages.join('\n').replace(/\s+/g, ' ');
    expect(addendum).toContain('Addendum 1 to');
    expect(addendum).toContain('proposes a steering group with the WTO Secretariat. Support it.');
    expect(addendum).toContain('[Background — not for disclosure] If the Employers');
    expect(addendum).not.toContain('Defensive Q&A');
    for (const raw of ['**', '<!--']) expect(addendum).not.toContain(raw);
    // Its long marking is printed whole on every page, never cut short.
    for (const page of addendumPages) expect(page.replace(/\s+/g, '')).toContain('VS-NURFÜRDENDIENSTGEBRAUCH—CONTAINSBACKGROUNDNOTFORDISCLOSURE');
    // The versions were saved on the days things happened: the since-last-time basis is the text that went to Geneva.
    const versions = await dispatch(ctx, 'version.list', { briefingId: final.id });
    expect(versions.every((v) => v.createdAt.slice(0, 10) < meetingDay)).toBe(true);
  });

  it('fills the next session’s draft as a real one: every agenda item, marks, budgets, a table, an open marker', async () => {
    const { ctx, next, draft } = await loaded();
    expect(draft).toMatchObject({ status: 'draft', classification: MARKING, owner: 'Jonas Weiß' });
    const agenda = (await dispatch(ctx, 'meeting.get', { id: next.id })).agenda;
    const briefs = AgendaBriefsContent.parse(JSON.parse(section(draft, 'Lines to take per agenda item').content)).briefs;
    expect(briefs.map((b) => b.agendaItemId).sort()).toEqual(agenda.map((a) => a.id).sort());
    for (const b of briefs) expect(b.text).toMatch(/\*\*[^*]+\*\*|\*[^*]+\*/);
    expect(briefs.some((b) => /^- /m.test(b.text)) && briefs.some((b) => /^1\. /m.test(b.text))).toBe(true);
    expect(KeyMessagesContent.parse(JSON.parse(section(draft, 'Key messages').content)).handling).toContain('not_for_disclosure');
    expect(QaContent.parse(JSON.parse(section(draft, 'Defensive Q&A').content)).pairs.map((p) => p.handling ?? null)).toContain('internal');
    expect(section(draft, 'Background').content).toMatch(/^\| --- \| --- \| --- \|$/m);
    expect(draft.sections.filter((s) => s.budgetWords).map((s) => s.title)).toEqual(['Objectives', 'Key messages', 'Lines to take per agenda item', 'Background']);
    expect(await dispatch(ctx, 'snippet.list', {})).toMatchObject({ topics: expect.arrayContaining(['core labour standards', 'social protection floors', 'trade and employment', 'supply chains']) });
    const meeting = await dispatch(ctx, 'meeting.get', { id: next.id });
    expect(meeting.carriedActions.map((a) => a.status)).toEqual(['open', 'open']);
    const lastMeeting = await dispatch(ctx, 'meeting.get', { id: (await dispatch(ctx, 'meeting.list', { when: 'past' }))[0]!.id });
    expect(lastMeeting.actions.map((a) => a.status).sort()).toEqual(['done', 'open', 'open']);
  });

  it('gives since-last-time, line drift and pre-flight something real to show', async () => {
    const { ctx, draft } = await loaded();
    const since = (await dispatch(ctx, 'briefing.preview', { id: draft.id })).find((p) => p.data.kind === 'since_last_time')!.data;
    if (since.kind !== 'since_last_time') throw new Error('since_last_time expected');
    expect(since.previous?.basis).toMatch(/^Our briefing as used then: version 5, saved /);
    expect(since.lines.map((l) => [l.heading, l.change])).toEqual([
      ['Key messages', 'changed'],
      ['Opening and adoption of the agenda', 'changed'],
      ['Decent work in global supply chains: follow-up', 'unchanged'],
      ['Trade and employment: policy coherence and the joint ILO–WTO study', 'changed'],
      ['Any other business', 'changed'],
      ['Social protection floors in the G20 agenda', 'added'],
    ]);
    // Rendered, not Markdown source: emphasis is a flag on the run.
    const parts = since.lines.flatMap((l) => l.parts);
    expect(parts.some((p) => p.value.includes('**') || p.value.includes('<!--'))).toBe(false);
    expect(parts.find((p) => p.value === 'Welcome')).toMatchObject({ bold: true });
    expect(since.drift.map((d) => d.snippet)).toEqual(expect.arrayContaining(['ILO–WTO cooperation', 'Universal social protection']));
    expect(since.joined.length).toBeGreaterThan(0);
    expect(since.left.map((p) => p.name)).toEqual(['Mme Claire Dubois']);

    const { findings } = await dispatch(ctx, 'pack.preflight', { briefingId: draft.id, date: '2026-03-02' });
    const kinds = new Set(findings.map((f) => f.kind));
    for (const k of ['stale_contact', 'over_budget', 'unchanged_line', 'todo_marker'] as const) expect(kinds).toContain(k);
    expect(findings.find((f) => f.kind === 'over_budget')!.message).toMatch(/^“Background” has \d+ words; its budget is 200\.$/);
    expect(findings.filter((f) => f.kind === 'empty_brief')).toEqual([]);
  });

  it('prints the next session’s pack with its marking on every page, no Markdown or comment left, and a smaller releasable variant', async () => {
    const { ctx, next } = await loaded();
    const full = await dispatch(ctx, 'pack.build', { meetingId: next.id, date: '2026-03-02' });
    const file = tempPdf(pdf(full));
    const pages = pageTexts(file);
    expect(pages).toHaveLength(full.pages);
    for (const page of pages) expect(page).toContain(MARKING);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).not.toContain('**');
    expect(text).not.toContain('<!--');
    expect(text).toContain('Since last time');

    const releasable = await dispatch(ctx, 'pack.build', { meetingId: next.id, date: '2026-03-02', variant: 'releasable' });
    expect(releasable.size).toBeLessThan(full.size);
    expect(releasable.report.dropped.map((d) => d.part).sort()).toEqual(['key_message', 'paragraph', 'paragraph', 'question']);
    const released = execFileSync('pdftotext', [tempPdf(pdf(releasable)), '-'], { encoding: 'utf8' });
    for (const secret of ['two-stage study', 'still in clearance', 'Expected position on the study']) expect(released).not.toContain(secret);
    for (const page of pageTexts(tempPdf(pdf(releasable)))) expect(page).toContain(MARKING);
  });

  it('is the same for the same load day: same packs, byte for byte', async () => {
    const later = new Date(NOW.getTime() + 5 * 3_600_000);
    const [a, b] = [await loaded(), await loaded(later)];
    const build = async (x: { ctx: OpsContext; next: { id: number } }) => (await dispatch(x.ctx, 'pack.build', { meetingId: x.next.id, date: '2026-03-02' })).sha256;
    expect(await build(a)).toBe(await build(b));
    const issuedA = await dispatch(a.ctx, 'pack.issued', { meetingId: a.last.id });
    const issuedB = await dispatch(b.ctx, 'pack.issued', { meetingId: b.last.id });
    expect(issuedA.map((p) => p.sha256)).toEqual(issuedB.map((p) => p.sha256));
  });

  it('has the last brief cleared by the head of unit, then the director; its packs say so on the cover', async () => {
    const { ctx, last, final } = await loaded();
    const c = await dispatch(ctx, 'clearance.get', { briefingId: final.id });
    expect([c.cleared, c.briefingStatus, c.chain.source]).toEqual([true, 'final', 'briefing']);
    expect(c.steps.map((s) => [s.label, s.decision?.by.name, s.decision?.by.post])).toEqual([
      ['Head of unit', 'Mr. Tobias Brandt', 'Head of Unit, ILO and United Nations'],
      ['Director', 'Ms. Ayşe Özdemir', 'Head of Division, Bilateral and Multilateral Relations'],
    ]);
    // Cleared twice: before the pack went out and again before its addendum, each on its day before the session.
    expect(c.log.map((d) => [d.label, d.decision])).toEqual([
      ['Head of unit', 'approved'],
      ['Director', 'approved'],
      ['Head of unit', 'approved'],
      ['Director', 'approved'],
    ]);
    const meetingDay = last.startIso.slice(0, 10);
    for (const d of c.log) expect(d.at.slice(0, 10) < meetingDay).toBe(true);

    const built = await dispatch(ctx, 'pack.build', { briefingId: final.id, date: '2026-03-02' });
    const cover = pageTexts(tempPdf(pdf(built)))[0]!.replace(/\s+/g, ' ');
    const day = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    expect(cover).toContain(`CLEARED BY Mr. Tobias Brandt, Head of Unit, ILO and United Nations — ${day(c.steps[0]!.decision!.at)}`);
    expect(cover).toContain(`Ms. Ayşe Özdemir, Head of Division, Bilateral and Multilateral Relations — ${day(c.steps[1]!.decision!.at)}`);
    expect(built.report.clearance.state).toBe('cleared');
    // The pack issued after the first round names that round's clearers too.
    const [first] = await dispatch(ctx, 'pack.issued', { meetingId: last.id });
    const issuedCover = pageTexts(tempPdf(pdf(await dispatch(ctx, 'pack.issuedPdf', { id: first!.id }))))[0]!.replace(/\s+/g, ' ');
    expect(issuedCover).toContain(`CLEARED BY Mr. Tobias Brandt, Head of Unit, ILO and United Nations — ${day(c.log[0]!.at)}`);
  });

  it('has the next brief with one contribution submitted and one overdue, for the owner acting as himself', async () => {
    const { ctx, draft } = await loaded();
    expect((await dispatch(ctx, 'identity.get', {})).me?.name).toBe('Mr. Jonas Weiß');
    const open = await dispatch(ctx, 'commission.list', { briefingId: draft.id, open: true });
    expect(open.map((k) => [k.sectionTitle, k.agendaItemTitle, k.assignee.name, k.status, k.overdue])).toEqual([
      ['Lines to take per agenda item', 'Social protection floors in the G20 agenda', 'Dr Małgorzata Kowalska', 'overdue', true],
      ['Defensive Q&A', null, 'Ms. Lena Hoffmann', 'submitted', false],
    ]);
    const work = await dispatch(ctx, 'work.list', {});
    expect(work.toReview.map((k) => k.assignee.name)).toEqual(['Ms. Lena Hoffmann']);
    expect(work.waiting.map((k) => [k.assignee.name, k.overdue])).toEqual([['Dr Małgorzata Kowalska', true]]);
    // The contribution waits beside the section: the section itself is as the owner wrote it.
    const detail = await dispatch(ctx, 'commission.get', { id: work.toReview[0]!.id });
    expect(detail.draft).toContain('WTO dispute settlement');
    expect(section(draft, 'Defensive Q&A').content).not.toContain('WTO dispute settlement');
    const { findings } = await dispatch(ctx, 'pack.preflight', { briefingId: draft.id, date: '2026-03-02' });
    expect(findings.filter((f) => f.kind === 'open_commission').map((f) => f.message)).toEqual([
      expect.stringContaining('is commissioned from Dr Małgorzata Kowalska (due 2026-03-01, overdue)'),
      expect.stringContaining('the contribution of Ms. Lena Hoffmann is submitted and waits for Mr. Jonas Weiß'),
    ]);
  });

  it('loads only into an empty dossier, and leaves nothing behind when refused', async () => {
    const ctx = testContext(NOW);
    await dispatch(ctx, 'contact.create', { givenName: 'Ingrid', familyName: 'Halvorsen' });
    await expect(dispatch(ctx, 'system.loadDemo', {})).rejects.toMatchObject({ code: 'conflict' });
    expect((await dispatch(ctx, 'system.info', {})).counts).toEqual({ institutions: 0, contacts: 1, meetings: 0, briefings: 0 });
  });
});
