/**
 * A pack PDF's attachments are untrusted (issue 15): held to PACK_LIMITS (contract/pack-file.ts) and read through the
 * contract's schemas before anything is parsed or written. Each refusal names the pack, the attached file and the
 * limit or field, and leaves the dossier as it was. Without the limits each of these packs would import (or, for the
 * bomb, take gigabytes).
 */
import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { DossierError } from '../../contract/errors';
import { PACK_FILES, PACK_LIMITS } from '../../contract/pack-file';
import { readPdfAttachments } from '../formats/pack-file';
import { deflatedRepeat, pdfWithAttachments } from '../formats/testing-pdf';
import { dispatch } from './index';
import { fileContext, testContext } from './test-context';

let seed: Map<string, Buffer>;
const briefingJson = () => JSON.parse(seed.get(PACK_FILES.briefing)!.toString('utf8'));

/** A pack PDF carrying the seed pack's files with `changed` put in their place (or added). */
function pack(changed: Record<string, Buffer | string> = {}): string {
  const files = new Map(seed);
  for (const [name, content] of Object.entries(changed)) files.set(name, Buffer.from(content));
  return pdfWithAttachments([...files].map(([name, b]) => ({ name, stream: deflateSync(b) }))).toString('base64');
}

/** pack.import into a fresh dossier: the error it answers with, and whether the dossier is still empty. */
async function refusal(contentBase64: string): Promise<{ error: DossierError; empty: boolean }> {
  const ctx = testContext();
  const error = await dispatch(ctx, 'pack.import', { contentBase64, fileName: 'hostile.pdf' }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DossierError);
  const empty = (await dispatch(ctx, 'system.info', {})).empty;
  ctx.db.close();
  return { error: error as DossierError, empty };
}

beforeAll(async () => {
  const ctx = testContext();
  await dispatch(ctx, 'system.loadDemo', {});
  const m = (await dispatch(ctx, 'meeting.list', { when: 'upcoming' }))[0]!;
  const b = await dispatch(ctx, 'briefing.create', { meetingId: m.id, title: 'Brief for the delegation' });
  const built = await dispatch(ctx, 'pack.build', { briefingId: b.id, date: '2026-11-23' });
  seed = await readPdfAttachments(Buffer.from(built.bytesBase64!, 'base64'), 'seed.pdf');
  ctx.db.close();
}, 120_000);

describe('a pack from elsewhere is held to its limits', () => {
  it('the seed pack, re-wrapped, imports: the limits leave a real pack alone', async () => {
    const ctx = testContext();
    const r = await dispatch(ctx, 'pack.import', { contentBase64: pack(), fileName: 'fine.pdf' });
    expect(r.briefingId).not.toBeNull();
    expect((await dispatch(ctx, 'briefing.get', { id: r.briefingId! })).title).toBe('Brief for the delegation');
    ctx.db.close();
  }, 60_000);

  it('a 700 KB PDF carrying 600 MB of compressed vCard is refused through pack.import, with bounded memory, writing nothing', async () => {
    const bomb = pdfWithAttachments([...[...seed].filter(([n]) => n !== PACK_FILES.people).map(([name, b]) => ({ name, stream: deflateSync(b) })), { name: PACK_FILES.people, stream: await deflatedRepeat(600 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const ctx = fileContext();
    const before = process.memoryUsage().rss;
    const error = await dispatch(ctx, 'pack.import', { contentBase64: bomb.toString('base64'), fileName: 'bomb.pdf' }).catch((e: unknown) => e);
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024);
    expect(error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^bomb\.pdf was refused: .*more than 64 MB.*Nothing was imported\.$/) });
    expect((await dispatch(ctx, 'system.info', {})).empty).toBe(true);
    ctx.db.close();
  }, 120_000);

  it('an attached file over its size is refused before it is parsed, naming the file', async () => {
    // 33 MB of who's who packs into a few dozen KB: under the PDF's own caps, over the who's who's.
    const big = pdfWithAttachments([...[...seed].filter(([n]) => n !== PACK_FILES.people).map(([name, b]) => ({ name, stream: deflateSync(b) })), { name: PACK_FILES.people, stream: await deflatedRepeat(33 * 1024 * 1024) }]);
    const { error, empty } = await refusal(big.toString('base64'));
    expect(error.message).toMatch(/^hostile\.pdf was refused: the attached whos-who\.vcf holds 33\.0 MB; a pack's whos-who\.vcf holds at most 32 MB\./);
    expect(error.details).toMatchObject({ attachment: PACK_FILES.people, limit: 'bytes' });
    expect(empty).toBe(true);
  }, 60_000);

  it('too many attached files, or too many people in the who’s who, are refused', async () => {
    const extra = Object.fromEntries(Array.from({ length: PACK_LIMITS.attachments }, (_, i) => [`extra-${i}.txt`, 'x']));
    const many = await refusal(pack(extra));
    expect(many.error.message).toContain(`carries ${seed.size + PACK_LIMITS.attachments} attached files; a Dossier pack carries at most ${PACK_LIMITS.attachments}`);
    expect(many.empty).toBe(true);

    const card = (i: number) => `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Person ${i}\r\nN:${i};Person;;;\r\nEND:VCARD\r\n`;
    const crowd = await refusal(pack({ [PACK_FILES.people]: Array.from({ length: PACK_LIMITS.people + 1 }, (_, i) => card(i)).join('') }));
    expect(crowd.error.message).toContain(`lists ${PACK_LIMITS.people + 1} people; a pack's who's who lists at most ${PACK_LIMITS.people}`);
    expect(crowd.empty).toBe(true);
  }, 60_000);

  it('briefing.json is read through the contract with the editor’s limits: counts, text sizes, a language', async () => {
    const cases: [string, (j: ReturnType<typeof briefingJson>) => void][] = [
      ['briefing.sections', (j) => (j.briefing.sections = Array.from({ length: PACK_LIMITS.sections + 1 }, (_, i) => ({ ...j.briefing.sections[0], id: i + 1, position: i + 1 })))],
      ['briefing.sections.0.content', (j) => (j.briefing.sections[0].content = 'x'.repeat(200_001))],
      ['briefing.sections.0.title', (j) => (j.briefing.sections[0].title = 'T'.repeat(301))],
      ['briefing.title', (j) => (j.briefing.title = '')],
      ['briefing.language', (j) => (j.briefing.language = 'Deutsch (Muttersprache)')],
      ['briefing.classification', (j) => (j.briefing.classification = 'S'.repeat(101))],
      ['outcomes', (j) => (j.outcomes = Array.from({ length: PACK_LIMITS.items + 1 }, (_, i) => ({ id: i + 1, text: 'Agreed.', committedBy: '' })))],
      ['outcomes.0.text', (j) => (j.outcomes = [{ id: 1, text: 'x'.repeat(5001), committedBy: '' }])],
      ['participants.0.role', (j) => (j.participants = [{ side: 'delegation', role: 'r'.repeat(101) }])],
    ];
    for (const [field, change] of cases) {
      const j = briefingJson();
      change(j);
      const { error, empty } = await refusal(pack({ [PACK_FILES.briefing]: JSON.stringify(j) }));
      expect(error.message, field).toContain(`hostile.pdf: the attached briefing.json does not fit a Dossier pack at ${field}:`);
      expect(empty, field).toBe(true);
    }
  }, 120_000);

  it('what fits the schemas but not its kind still leaves a briefing that opens and builds', async () => {
    const j = briefingJson();
    const base = j.briefing.sections[0];
    const odd = [
      ['key_messages', '{not json'],
      ['qa', '{"pairs": "many"}'],
      ['agenda_briefs', JSON.stringify({ briefs: [{ agendaItemId: 999_999, text: 'For an item no agenda has.' }] })],
      ['programme', 'generated sections hold nothing; this text is ignored'],
      ['markdown', '# \u0000\u202e<script>alert(1)</script> [x](javascript:alert(1))'],
    ];
    j.briefing.sections = odd.map(([kind, content], i) => ({ ...base, id: 900 + i, position: i + 1, kind, title: `Odd ${kind}`, content }));
    const ctx = testContext();
    const r = await dispatch(ctx, 'pack.import', { contentBase64: pack({ [PACK_FILES.briefing]: JSON.stringify(j) }), fileName: 'odd.pdf' });
    const opened = await dispatch(ctx, 'briefing.get', { id: r.briefingId! });
    expect(opened.sections.map((s) => s.title)).toEqual(odd.map(([kind]) => `Odd ${kind}`));
    const built = await dispatch(ctx, 'pack.build', { briefingId: r.briefingId!, date: '2026-11-23' });
    expect(built.pages).toBeGreaterThan(0);
    ctx.db.close();
  }, 60_000);
});

describe('a pack import cancelled', () => {
  it('stops once the PDF is read and writes nothing', async () => {
    const ctx = testContext();
    const controller = new AbortController();
    const cancelling = { ...ctx, signal: controller.signal };
    controller.abort();
    await expect(dispatch(cancelling, 'pack.import', { contentBase64: pack(), fileName: 'fine.pdf' })).rejects.toMatchObject({ code: 'cancelled' });
    expect((await dispatch(ctx, 'system.info', {})).empty).toBe(true);
    ctx.db.close();
  }, 60_000);
});
