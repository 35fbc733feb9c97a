/**
 * The hostile-input suite (issue 15): structure-aware mutations (testing-hostile.ts) of vCard, CSV, iCalendar, pasted
 * text and pack attachments, each sent through the engine as the app sends it (long work on its lane, held to its
 * budget). Every input either imports or is refused with a typed error — never an internal one — within its budget,
 * and a refusal writes nothing (the other connection's PRAGMA data_version does not move). The suite kills nothing and
 * waits on nothing longer than an input's budget; HOSTILE_RUNS=200 npx vitest run main/ops/hostile-input.test.ts for
 * a longer run.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../contract/errors';
import { readPdfAttachments } from '../formats/pack-file';
import { pdfWithAttachments } from '../formats/testing-pdf';
import { openDb } from '../store/db';
import { type Engine, startEngine } from './engine';
import { ICS_LINES, VCARD_LINES, mutateContentLines, mutateCsv, mutateJson, mutateText } from './testing-hostile';

const RUNS = Number(process.env.HOSTILE_RUNS ?? 30);
/** An input's time budget: the app's own (engine.ts). */
const BUDGET = { baseMs: 15_000, msPerMb: 10_000 };
const fixtures = (dir: string) => readdirSync(join('main/formats/fixtures', dir)).map((f) => readFileSync(join('main/formats/fixtures', dir, f), 'utf8'));

let engine: Engine;
let seeds: { ics: string; pack: Map<string, Buffer> };

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-hostile-'));
  const dbPath = join(dir, 'dossier.db');
  engine = await startEngine({ db: openDb(dbPath), dbPath, dataDir: dir, now: () => new Date('2026-11-23T09:00:00Z') }, { importBudget: BUDGET, heapMb: 1024 });
  const ok = <T>(r: Reply<unknown>) => {
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.value as T;
  };
  ok(await engine.call('system.loadDemo', {}));
  const [meeting] = ok<{ id: number }[]>(await engine.call('meeting.list', { when: 'upcoming' }));
  ok(await engine.call('briefing.create', { meetingId: meeting!.id, title: 'Brief' }));
  const ics = ok<{ content: string }>(await engine.call('meeting.exportIcs', { all: true })).content;
  const pack = ok<{ bytesBase64: string }>(await engine.call('pack.build', { meetingId: meeting!.id, date: '2026-11-23' }));
  seeds = { ics, pack: await readPdfAttachments(Buffer.from(pack.bytesBase64, 'base64'), 'seed.pdf') };
  // The lane loads its PDF reader once, on the first pack: not part of any input's work.
  ok(await engine.call('pack.importPreview', { contentBase64: pack.bytesBase64, fileName: 'seed.pdf' }));
}, 120_000);

afterAll(async () => {
  await engine.close();
  engine.ctx.db.close();
});

const dataVersion = () => engine.ctx.db.pragma('data_version', { simple: true }) as number;

/** Sends one input; asserts the answer is an import or a typed refusal that wrote nothing. */
async function attempt(name: string, input: Record<string, unknown>): Promise<unknown> {
  const before = dataVersion();
  const reply = await engine.call(name, input);
  if (process.env.HOSTILE_TALLY) console.log('TALLY', name, reply.ok ? 'ok' : `${reply.error.code} ${reply.error.message.slice(0, 90)}`);
  if (reply.ok) return reply.value;
  expect(reply.error.code, `${name} answered an internal error: ${reply.error.message}`).not.toBe('internal');
  expect(typeof reply.error.message).toBe('string');
  expect(dataVersion(), `${name} wrote something although it refused: ${reply.error.message}`).toBe(before);
  return undefined;
}

const runs = (n = RUNS) => ({ numRuns: n, endOnFailure: true });

describe('hostile input is answered, never obeyed', () => {
  it('vCard', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fixtures('vcard')).chain((seed) => mutateContentLines(seed, VCARD_LINES)), async (content) => void (await attempt('contact.importCommit', { format: 'vcard', content, fileName: 'hostile.vcf' }))),
      runs(),
    );
  }, 300_000);

  it('CSV', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fixtures('csv')).chain(mutateCsv), async (content) => void (await attempt('contact.importCommit', { format: 'csv', content, fileName: 'hostile.csv' }))),
      runs(),
    );
  }, 300_000);

  it('iCalendar', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(seeds.ics).chain((seed) => mutateContentLines(seed, ICS_LINES)),
        async (content) => void (await attempt('meeting.importIcs', { content, fileName: 'hostile.ics' })),
      ),
      runs(),
    );
  }, 300_000);

  it('pasted text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fixtures('pages')).chain(mutateText), async (text) => {
        await attempt('contact.parseText', { text });
        await attempt('contact.importCommit', { format: 'text', content: text, fileName: 'pasted.txt' });
      }),
      runs(Math.ceil(RUNS * 0.7)),
    );
  }, 300_000);

  it('pack attachments', async () => {
    const names = [...seeds.pack.keys()];
    const mutated = fc.constantFrom(...names).chain((name) => {
      const text = seeds.pack.get(name)!.toString('utf8');
      const content: fc.Arbitrary<string> = name.endsWith('.vcf')
        ? mutateContentLines(text, VCARD_LINES)
        : name.endsWith('.ics')
          ? mutateContentLines(text, ICS_LINES)
          : mutateJson(JSON.parse(text)).map((v) => JSON.stringify(v) ?? 'null');
      return content.map((c) => ({ name, content: c }));
    });
    await fc.assert(
      fc.asyncProperty(mutated, async ({ name, content }) => {
        const files = [...seeds.pack].map(([n, b]) => ({ name: n, stream: deflateSync(n === name ? Buffer.from(content, 'utf8') : b) }));
        const r = (await attempt('pack.import', { contentBase64: pdfWithAttachments(files).toString('base64'), fileName: 'hostile.pdf' })) as { meetingId: number; briefingId: number | null } | undefined;
        if (!r) return;
        // Whatever came in opens: the meeting, the briefing, and the briefing's own pack.
        expect(await engine.call('meeting.get', { id: r.meetingId })).toMatchObject({ ok: true });
        if (r.briefingId !== null) {
          const opened = await engine.call('briefing.get', { id: r.briefingId });
          expect(opened, JSON.stringify(opened).slice(0, 300)).toMatchObject({ ok: true });
          const built = await engine.call('pack.build', { briefingId: r.briefingId, date: '2026-11-23' });
          expect(built.ok ? 'ok' : built.error.code, JSON.stringify(built).slice(0, 300)).not.toBe('internal');
        }
      }),
      runs(Math.ceil(RUNS * 0.8)),
    );
  }, 300_000);
});
