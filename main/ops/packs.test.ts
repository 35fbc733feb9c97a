import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DossierError } from '../../contract/errors';
import { navigation, pageText, pageTexts, pdfFonts, pdfInfo, qpdfCheck, tempPdf } from '../test-support/pdf';
import type { OpsContext } from './context';
import { dispatch } from './index';
import { testContext } from './test-context';

const DATE = '2026-11-23';

/** The demo dossier with its upcoming WPSDG meeting and a briefing filled the way a desk officer would. */
async function demoBriefing(): Promise<{ ctx: OpsContext; meetingId: number; briefingId: number }> {
  const ctx = testContext();
  await dispatch(ctx, 'system.loadDemo', {});
  const meeting = (await dispatch(ctx, 'meeting.list', { when: 'upcoming' }))[0]!;
  const detail = await dispatch(ctx, 'meeting.get', { id: meeting.id });
  const b = await dispatch(ctx, 'briefing.create', { meetingId: meeting.id, title: 'Brief for the delegation', classification: 'RESTRICTED', owner: 'Jonas Weiß' });
  const content: Partial<Record<string, string>> = {
    markdown: [
      '## Objectives for the session',
      'Secure **support** for the joint ILO–WTO study and keep *social protection floors* on the G20 agenda.',
      '| Delegation | Position |\n|---|---|\n| Germany | Supports the study |\n| Poland | Supports with conditions |',
      '- Talk to the EU coordinator first\n  - before the morning session\n- Report back to Berlin',
    ].join('\n\n'),
    key_messages: JSON.stringify({ items: ['Decent work belongs in trade policy.', 'We back a **joint** study, with the social partners consulted.'] }),
    qa: JSON.stringify({ pairs: [{ question: 'Why does Germany insist on social protection floors?', answer: 'Because the G20 *asked* for a coherent approach in 2025.' }] }),
    agenda_briefs: JSON.stringify({ briefs: [{ agendaItemId: detail.agenda[1]!.id, text: 'Support the study; ask for a timeline.' }] }),
  };
  for (const s of b.sections) {
    const c = content[s.kind];
    if (c !== undefined) await dispatch(ctx, 'section.update', { id: s.id, content: c });
  }
  return { ctx, meetingId: meeting.id, briefingId: b.id };
}

describe('pack.build', () => {
  let demo: Awaited<ReturnType<typeof demoBriefing>>;
  let file: string;
  let result: Awaited<ReturnType<typeof dispatch<'pack.build'>>>;

  beforeAll(async () => {
    demo = await demoBriefing();
    const dir = mkdtempSync(join(tmpdir(), 'dossier-pack-op-'));
    file = join(dir, 'wpsdg.pdf');
    result = await dispatch(demo.ctx, 'pack.build', { briefingId: demo.briefingId, date: DATE, out: file });
  }, 60_000);

  it('writes the demo meeting’s pack: qpdf-clean, fonts embedded, tagged, with the page count reported', () => {
    expect(result.file).toBe(file);
    expect(result.bytesBase64).toBeUndefined();
    expect(qpdfCheck(file).ok).toBe(true);
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded)).toBe(true);
    const info = pdfInfo(file);
    expect(info.Tagged).toBe('yes');
    expect(Number(info.Pages)).toBe(result.pages);
    expect(result.size).toBe(readFileSync(file).length);
    expect(result.ms).toBeGreaterThan(0);
  });

  it('prints every section title, the names with diacritics and Greek, and the marking on every page', () => {
    const all = pageTexts(file).join('\n');
    const titles = ['Objectives', 'Key messages', 'Programme', 'Lines to take per agenda item', 'Defensive Q&A', 'Background', 'Who’s who', 'Institution profiles', 'History and open actions', 'Since last time', 'Contact sheet'];
    expect(result.toc.map((t) => t.title)).toEqual(titles);
    for (const t of titles) expect(all).toContain(t);
    for (const name of ['Özdemir', 'Weiß', 'Małgorzata', 'Παπαδοπούλου', 'van der Berg']) expect(all).toContain(name);
    expect(all).toContain('Details dated 2017 — to check');
    expect(all).toContain('Send comments on the draft ILO–WTO');
    for (let p = 1; p <= result.pages; p++) {
      expect(pageText(file, p).match(/RESTRICTED/g)?.length, `page ${p}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('gives each contents entry the page where pdftotext finds that heading, and links there', () => {
    for (const entry of result.toc) expect(pageText(file, entry.page), entry.title).toContain(entry.title);
    const nav = navigation(file);
    expect(nav.outline.map((o) => o.page)).toEqual(result.toc.map((t) => t.page));
    expect(nav.links.map((l) => l.target)).toEqual(result.toc.map((t) => t.page));
  });

  it('is byte-identical for the same date, and returns the PDF as base64 without `out`', async () => {
    const again = await dispatch(demo.ctx, 'pack.build', { briefingId: demo.briefingId, date: DATE });
    expect(again.file).toBeNull();
    expect(Buffer.from(again.bytesBase64!, 'base64').equals(readFileSync(file))).toBe(true);
    expect(again.sha256).toBe(result.sha256);
  });

  it('builds a meeting’s pack from its briefing, or from the generated sections when it has none', async () => {
    const viaMeeting = await dispatch(demo.ctx, 'pack.build', { meetingId: demo.meetingId, date: DATE });
    expect(viaMeeting.sha256).toBe(result.sha256);
    const ctx = testContext();
    await dispatch(ctx, 'system.loadDemo', {});
    const meeting = (await dispatch(ctx, 'meeting.list', { when: 'upcoming' }))[0]!;
    for (const b of await dispatch(ctx, 'briefing.list', { meetingId: meeting.id })) await dispatch(ctx, 'briefing.delete', { id: b.id });
    const bare = await dispatch(ctx, 'pack.build', { meetingId: meeting.id, date: DATE });
    expect(bare.toc.map((t) => t.title)).toEqual(['Programme', 'Who’s who', 'Institution profiles', 'History and open actions', 'Since last time', 'Contact sheet']);
    const pages = pageTexts(tempPdf(Buffer.from(bare.bytesBase64!, 'base64')));
    expect(pages).toHaveLength(bare.pages);
    expect(pages.join(' ').replace(/\s+/g, ' ')).toContain('Trade and employment: policy coherence and the joint ILO–WTO study');
  });

  it('adds PDF/A metadata on request: PDF/A-3b, the level that allows the embedded data files', async () => {
    const r = await dispatch(demo.ctx, 'pack.build', { briefingId: demo.briefingId, date: DATE, pdfa: true });
    const raw = Buffer.from(r.bytesBase64!, 'base64').toString('latin1');
    expect(raw).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(raw).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
  });

  it('leaves no file behind when the export fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-pack-fail-'));
    mkdirSync(join(dir, 'taken.pdf'));
    const err = await dispatch(demo.ctx, 'pack.build', { briefingId: demo.briefingId, date: DATE, out: join(dir, 'taken.pdf') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DossierError);
    expect((err as DossierError).field).toBe('out');
    expect(readdirSync(dir)).toEqual(['taken.pdf']);
    const missing = join(dir, 'no-such-dir', 'pack.pdf');
    await expect(dispatch(demo.ctx, 'pack.build', { briefingId: demo.briefingId, date: DATE, out: missing })).rejects.toThrow(/could not be written/);
    expect(existsSync(join(dir, 'no-such-dir'))).toBe(false);
  });

  it('refuses input that names both or neither of briefing and meeting, and unknown ids', async () => {
    await expect(dispatch(demo.ctx, 'pack.build', { date: DATE })).rejects.toThrow(/briefingId or a meetingId/);
    await expect(dispatch(demo.ctx, 'pack.build', { briefingId: demo.briefingId, meetingId: demo.meetingId })).rejects.toThrow(/briefingId or a meetingId/);
    await expect(dispatch(demo.ctx, 'pack.build', { briefingId: 9999 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(dispatch(demo.ctx, 'pack.build', { briefingId: demo.briefingId, date: '2026-02-30' })).rejects.toThrow(/no such day/);
    // Only absolute paths of .pdf files: a stray value can never overwrite some other file.
    for (const out of ['pack.pdf', join(tmpdir(), 'notes.txt')]) {
      await expect(dispatch(demo.ctx, 'pack.build', { briefingId: demo.briefingId, out }), out).rejects.toThrow(/absolute path of a \.pdf/);
    }
  });
});

describe('pack.build from a page', () => {
  it('refuses a file path unless the caller is the command line', async () => {
    const ctx = { ...testContext(), writesFiles: false };
    await dispatch(ctx, 'system.loadDemo', {});
    const meetings = await dispatch(ctx, 'meeting.list', {});
    await expect(dispatch(ctx, 'pack.build', { meetingId: meetings[0]!.id, out: '/tmp/should-not-exist-dossier.pdf' })).rejects.toMatchObject({ code: 'invalid_input', field: 'out' });
    expect(existsSync('/tmp/should-not-exist-dossier.pdf')).toBe(false);
  });
});
