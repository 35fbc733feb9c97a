import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DossierError } from '../../contract/errors';
import { pageTexts, qpdfCheck, tempPdf } from '../test-support/pdf';
import type { OpsContext } from './context';
import { dispatch } from './index';
import { testContext } from './test-context';

const DATE = '2026-11-23';
const SECRET = 'Zanzibar fallback clause';

/** Every stream of the file decompressed (qpdf --qdf), attachments included: what a determined reader can get out. */
function rawText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-qdf-'));
  const src = join(dir, 'in.pdf');
  const out = join(dir, 'out.pdf');
  writeFileSync(src, bytes);
  execFileSync('qpdf', ['--qdf', '--object-streams=disable', src, out]);
  return readFileSync(out).toString('latin1');
}

function attachmentsText(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-att-'));
  const src = join(dir, 'in.pdf');
  writeFileSync(src, bytes);
  execFileSync('pdfdetach', ['-saveall', '-o', dir, src]);
  return readdirSync(dir)
    .filter((f) => f !== 'in.pdf')
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
}

async function briefingWithSecret(): Promise<{ ctx: OpsContext; briefingId: number; meetingId: number }> {
  const ctx = testContext();
  await dispatch(ctx, 'system.loadDemo', {});
  const meeting = (await dispatch(ctx, 'meeting.list', { when: 'upcoming' }))[0]!;
  const b = await dispatch(ctx, 'briefing.create', { meetingId: meeting.id, title: 'Brief for the delegation', classification: 'OFFICIAL-SENSITIVE' });
  const objectives = b.sections.find((s) => s.kind === 'markdown')!;
  await dispatch(ctx, 'section.update', {
    id: objectives.id,
    content: `Secure support for the joint study.\n\n<!-- handling: not_for_disclosure -->\nOur ${SECRET} applies if the vote is lost.\n\nReport back to Berlin.`,
  });
  const qa = b.sections.find((s) => s.kind === 'qa')!;
  await dispatch(ctx, 'section.update', { id: qa.id, content: JSON.stringify({ pairs: [{ question: 'Will you support the study?', answer: 'Yes.' }, { question: 'What is your red line on funding?', answer: 'Two million.', handling: 'internal' }] }) });
  return { ctx, briefingId: b.id, meetingId: meeting.id };
}

describe('pack variants', () => {
  let demo: Awaited<ReturnType<typeof briefingWithSecret>>;
  let full: Buffer;
  let releasable: Awaited<ReturnType<typeof dispatch<'pack.build'>>>;
  let fullReport: Awaited<ReturnType<typeof dispatch<'pack.build'>>>['report'];

  beforeAll(async () => {
    demo = await briefingWithSecret();
    const f = await dispatch(demo.ctx, 'pack.build', { briefingId: demo.briefingId, date: DATE });
    full = Buffer.from(f.bytesBase64!, 'base64');
    fullReport = f.report;
    releasable = await dispatch(demo.ctx, 'pack.build', { briefingId: demo.briefingId, date: DATE, variant: 'releasable', copy: { number: 3, of: 7, recipient: 'J. Smith' } });
  }, 60_000);

  it('the full pack prints the not-for-disclosure paragraph, labelled, and is marked for what it contains', () => {
    const text = pageTexts(tempPdf(full)).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(SECRET);
    expect(text).toContain('[Background — not for disclosure]');
    expect(text).toContain('What is your red line on funding?');
    expect(fullReport.marking).toBe('OFFICIAL-SENSITIVE — Internal');
    expect(text).toContain('OFFICIAL-SENSITIVE — INTERNAL');
    expect(text).toMatch(/INFORMATION CURRENT AS OF 23 November 2026/);
    expect(rawText(full)).toContain(SECRET); // in the attached briefing.json
  });

  it('the releasable pack has none of the marked words: not in its text, its decompressed bytes or its attachments', () => {
    const bytes = Buffer.from(releasable.bytesBase64!, 'base64');
    expect(qpdfCheck(tempPdf(bytes)).ok).toBe(true);
    const text = pageTexts(tempPdf(bytes)).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Secure support for the joint study.');
    expect(text).toContain('Will you support the study?');
    for (const gone of [SECRET, 'Zanzibar', 'red line on funding', 'Two million']) {
      expect(text).not.toContain(gone);
      expect(rawText(bytes)).not.toContain(gone);
      expect(bytes.toString('latin1')).not.toContain(gone);
      expect(attachmentsText(bytes)).not.toContain(gone);
    }
    expect(attachmentsText(bytes)).toContain('Secure support for the joint study.');
  });

  it('names what it dropped in the release report, and carries its copy line on every page', () => {
    expect(releasable.report.dropped.map((d) => [d.part, d.text])).toEqual([
      ['paragraph', `Our ${SECRET} applies if the vote is lost.`],
      ['question', 'What is your red line on funding?'],
    ]);
    expect(releasable.report.marking).toBe('OFFICIAL-SENSITIVE');
    const pages = pageTexts(tempPdf(Buffer.from(releasable.bytesBase64!, 'base64')));
    expect(pages.every((p) => p.includes('Copy 3 of 7 — for J. Smith'))).toBe(true);
  });

  it('the run book keeps programme, who’s who and contact sheet only', async () => {
    const r = await dispatch(demo.ctx, 'pack.build', { briefingId: demo.briefingId, date: DATE, variant: 'runbook' });
    expect(r.toc.map((t) => t.title)).toEqual(['Programme', 'Who’s who', 'Contact sheet']);
    expect(r.report.dropped.some((d) => d.part === 'section' && d.text === 'Objectives' && d.reason === 'runbook')).toBe(true);
  }, 30_000);
});

describe('pre-flight', () => {
  it('on the demo meeting reports the contact whose details date from 2017, with a route to fix it', async () => {
    const ctx = testContext();
    await dispatch(ctx, 'system.loadDemo', {});
    const meeting = (await dispatch(ctx, 'meeting.list', { when: 'upcoming' }))[0]!;
    const r = await dispatch(ctx, 'pack.preflight', { meetingId: meeting.id, date: DATE });
    const stale = r.findings.filter((f) => f.kind === 'stale_contact');
    const stenvold = stale.find((f) => f.message.includes('Thoralf Stenvold'));
    expect(stenvold?.message).toContain('2017');
    expect(stenvold?.route).toBe(`#/contacts/${stenvold?.where.contactId}`);
  }, 30_000);

  it('finds empty briefs, markers, glyphs the font lacks and budgets; remembers accepted findings and prints flagged ones', async () => {
    const { ctx, briefingId } = await briefingWithSecret();
    const b = await dispatch(ctx, 'briefing.get', { id: briefingId });
    const background = b.sections.filter((s) => s.kind === 'markdown')[1]!;
    await dispatch(ctx, 'section.update', { id: background.id, content: 'TODO: check the figures with [[Statistics unit]].\n\nThe chair, 王先生, agrees ✓ 𝔸.' });
    await dispatch(ctx, 'section.setBudget', { id: background.id, words: 5, pages: null });
    let r = await dispatch(ctx, 'pack.preflight', { briefingId, date: DATE });
    const kinds = new Set(r.findings.map((f) => f.kind));
    for (const k of ['stale_contact', 'empty_brief', 'todo_marker', 'missing_glyph', 'over_budget'] as const) expect(kinds).toContain(k);
    expect(r.findings.find((f) => f.kind === 'missing_glyph')?.message).toContain('U+738B 王');
    expect(r.findings.filter((f) => f.kind === 'todo_marker').every((f) => f.where.sectionId === background.id)).toBe(true);
    expect(r.sides?.limit).toBe(4);

    const marker = r.findings.find((f) => f.kind === 'todo_marker')!;
    const stale = r.findings.find((f) => f.kind === 'stale_contact')!;
    await dispatch(ctx, 'pack.preflightDecide', { briefingId, key: marker.key, decision: 'accept' });
    await dispatch(ctx, 'pack.preflightDecide', { briefingId, key: stale.key, decision: 'flag' });
    r = await dispatch(ctx, 'pack.preflight', { briefingId, date: DATE });
    expect(r.findings.find((f) => f.key === marker.key)?.decision).toBe('accept');
    const pack = await dispatch(ctx, 'pack.build', { briefingId, date: DATE });
    const text = pageTexts(tempPdf(Buffer.from(pack.bytesBase64!, 'base64'))).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain(`To check: ${stale.message}`);
  }, 60_000);
});

describe('issue, then addenda', () => {
  it('freezes the issued pack; an addendum holds only the changed section, marked against the issued text', async () => {
    const { ctx, briefingId } = await briefingWithSecret();
    const dir = mkdtempSync(join(tmpdir(), 'dossier-issue-'));
    const issuedFile = join(dir, 'issued.pdf');
    const issued = await dispatch(ctx, 'pack.issue', { briefingId, date: DATE, out: issuedFile });
    const issuedBytes = readFileSync(issuedFile);
    expect(issued.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(issued.pageMap.length).toBeGreaterThan(5);
    expect(issued.pageMap[0]!.from).toBeGreaterThan(1);

    await expect(dispatch(ctx, 'pack.issue', { briefingId, date: DATE })).rejects.toThrow(DossierError);
    await expect(dispatch(ctx, 'pack.addendum', { briefingId, date: DATE })).rejects.toThrow(/Nothing has changed/);

    const b = await dispatch(ctx, 'briefing.get', { id: briefingId });
    const background = b.sections.filter((s) => s.kind === 'markdown')[1]!;
    await dispatch(ctx, 'section.update', { id: background.id, content: 'The ministers meet again in March.' });
    const a1 = await dispatch(ctx, 'pack.addendum', { briefingId, date: '2026-11-30', out: join(dir, 'addendum-1.pdf') });
    expect(a1.changed).toEqual(['Background']);
    expect(a1.addendumNumber).toBe(1);
    expect(a1.title).toBe(`Addendum 1 to ${issued.title}`);
    const pages = pageTexts(a1.file!);
    const body = pages.slice(2).join('\n');
    expect(body).toContain('Background');
    expect(body).toContain('The ministers meet again in March.');
    expect(body).not.toContain('Objectives');
    expect(a1.pageMap.map((p) => p.title)).toEqual(['Background']);

    // The issued pack is untouched: same stored bytes, same hash.
    const stored = await dispatch(ctx, 'pack.issuedPdf', { id: issued.id });
    expect(Buffer.from(stored.bytesBase64, 'base64').equals(issuedBytes)).toBe(true);
    expect(stored.sha256).toBe(issued.sha256);

    const key = b.sections.find((s) => s.kind === 'key_messages')!;
    await dispatch(ctx, 'section.update', { id: key.id, content: JSON.stringify({ items: ['A new key message.'] }) });
    const a2 = await dispatch(ctx, 'pack.addendum', { briefingId, date: '2026-12-01' });
    expect(a2.addendumNumber).toBe(2);
    expect(a2.changed).toEqual(['Key messages']);

    const e2 = await dispatch(ctx, 'pack.issue', { briefingId, date: '2026-12-02', newEdition: true });
    expect(e2.edition).toBe(2);
    const list = await dispatch(ctx, 'pack.issued', { meetingId: b.meetingId });
    expect(list.map((p) => [p.edition, p.addendumNumber])).toEqual([
      [1, null],
      [1, 1],
      [1, 2],
      [2, null],
    ]);
  }, 90_000);
});
