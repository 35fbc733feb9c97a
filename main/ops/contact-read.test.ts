/**
 * A large import read on a reader thread beside the writer (contact-read.ts, issue 18): the same rows and ids as read
 * in one thread, over real address books' exports; an error anywhere still refuses the whole file, naming its line;
 * a cancel leaves nothing and stops the reader; what crosses between the threads comes back as it went.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DossierError } from '../../contract/errors';
import { ops } from '../../contract/ops';
import { vCardRecords } from '../formats/vcard';
import { importCommit } from './contact-io';
import { institutionMatcher } from './contact-io-match';
import { checkRecords, pack, unpack } from './contact-read';
import type { OpsContext } from './context';
import { dispatch } from './index';
import { runHandler } from './run';
import { testContext } from './test-context';
import { startThread } from './threads';

// The threads started, so a test can see the reader ran and that it stopped.
vi.mock('./threads', async (original) => {
  const real = await original<typeof import('./threads')>();
  return { ...real, startThread: vi.fn(real.startThread) };
});
const readers = () => vi.mocked(startThread).mock.results.map((r) => r.value as import('node:worker_threads').Worker);
afterEach(() => vi.mocked(startThread).mockClear());

const fixtures = (dir: string) =>
  readdirSync(new URL(`../formats/fixtures/${dir}/`, import.meta.url))
    .filter((f) => f.endsWith('.vcf'))
    .sort()
    .map((f) => readFileSync(new URL(`../formats/fixtures/${dir}/${f}`, import.meta.url), 'utf8').replace(/\r?\n?$/, '\r\n'));
/** Real exports (Outlook, Google, Apple, Thunderbird, Android; a file broken in the middle), one after another. */
const corpus = [...fixtures('fidelity'), ...fixtures('vcard')].join('');
const card = (i: number, extra: string[] = []) => ['BEGIN:VCARD', 'VERSION:4.0', `FN:Person${i} Lesefaden`, `N:Lesefaden;Person${i};;;`, `EMAIL:p${i}@example.org`, ...extra, 'END:VCARD', ''].join('\r\n');

/**
 * Runs contact.importCommit as dispatch does, with the reader thread from `readerFrom` cards, handed the file after
 * `handOverAt` records read in this thread (default: as soon as the thread is ready).
 */
const commit = (ctx: OpsContext, raw: unknown, readerFrom: number, handOverAt?: number) =>
  runHandler(ctx, 'contact.importCommit', importCommit(handOverAt === undefined ? { readerFrom } : { readerFrom, handOverAt }), ops['contact.importCommit'].input.parse(raw));

async function demo(): Promise<OpsContext> {
  const ctx = testContext();
  await dispatch(ctx, 'system.loadDemo', {});
  return ctx;
}

/** Everything an import leaves that a user sees: contacts field by field (ids included), the institution tree; not the instants of the writes. */
async function contents(ctx: OpsContext) {
  const ids = (ctx.db.prepare('SELECT id FROM contacts ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  const contacts = [];
  for (const id of ids) contacts.push({ ...(await dispatch(ctx, 'contact.get', { id })), updatedAt: '' });
  return { contacts, institutions: (await dispatch(ctx, 'institution.list', {})).map((i) => ({ ...i, updatedAt: '' })) };
}

describe('a large import read on a reader thread', () => {
  it('gives the same rows and ids as reading in this thread: real exports, refused cards left out, stored contacts updated', async () => {
    // The demo's own contacts come back (found by e-mail and updated), the corpus many times over (several batches).
    const stored = await demo();
    const own = (await dispatch(stored, 'contact.export', { format: 'vcard', version: '4.0' })).content;
    const content = own + corpus.repeat(100);
    const input = { format: 'vcard', content, fileName: 'many.vcf', skipInvalid: true, resolution: 'update' };
    const inThread = await demo();
    const one = await commit(inThread, input, Infinity);
    expect(readers()).toHaveLength(0);
    expect(one.updated.length).toBeGreaterThan(0);
    expect(one.rejected).toBeGreaterThan(0);
    expect(one.created.length).toBeGreaterThan(750);
    const expected = await contents(inThread);
    // The whole file on the thread; handed over amid the corpus; never (the file read here before the thread was wanted).
    for (const handOverAt of [0, 777, 5000]) {
      const beside = await demo();
      expect(await commit(beside, input, 10, handOverAt), `handed over at ${handOverAt}`).toEqual(one);
      expect(await contents(beside), `handed over at ${handOverAt}`).toEqual(expected);
    }
    expect(readers()).toHaveLength(3);
  }, 120_000);

  it('refuses the whole file for a record in the middle that cannot be imported, naming its line as the one-thread import does', async () => {
    const cards = Array.from({ length: 3000 }, (_, i) => card(i, i === 1700 ? [`TITLE:${'x'.repeat(400)}`] : []));
    const input = { format: 'vcard', content: cards.join(''), fileName: 'big.vcf' };
    const ctx = await demo();
    const before = await contents(ctx);
    const [beside, inThread] = [await commit(ctx, input, 10, 0).catch((e: unknown) => e), await commit(ctx, input, Infinity).catch((e: unknown) => e)];
    expect(readers()).toHaveLength(1);
    // Card 1700 starts on line 1700 × 6 + 1; its TITLE is its fifth line, but a refused value names the card.
    expect(beside).toBeInstanceOf(DossierError);
    expect((beside as DossierError).message).toMatch(/^big\.vcf, line 10201: position: /);
    expect((beside as DossierError).toData()).toEqual((inThread as DossierError).toData());
    expect(await contents(ctx)).toEqual(before);
    // A card that cannot be read at all, before it, the same way.
    const broken = { ...input, content: cards.join('').replace('FN:Person1500 Lesefaden', 'FN;TYPE="oops:Person1500') };
    const unreadable = await commit(ctx, broken, 10, 1000).catch((e: unknown) => e);
    expect((unreadable as DossierError).toData()).toEqual(((await commit(ctx, broken, Infinity).catch((e: unknown) => e)) as DossierError).toData());
    expect((unreadable as DossierError).details).toMatchObject({ file: 'big.vcf', line: expect.any(Number), rejected: 2 });
    expect((unreadable as DossierError).details!.line).toBeGreaterThanOrEqual(9001);
    expect((unreadable as DossierError).details!.line).toBeLessThan(9007);
    expect(await contents(ctx)).toEqual(before);
  }, 120_000);

  it('cancelled mid-import leaves nothing and stops its reader', async () => {
    const ctx = await demo();
    const before = await contents(ctx);
    const stop = new AbortController();
    const steps: number[] = [];
    const content = Array.from({ length: 6000 }, (_, i) => card(i)).join('');
    const progress = (done: number) => {
      steps.push(done);
      if (done >= 2000) stop.abort();
    };
    const reply = await commit({ ...ctx, signal: stop.signal, progress }, { format: 'vcard', content, fileName: 'long.vcf' }, 10, 0).catch((e: unknown) => e);
    expect((reply as DossierError).code).toBe('cancelled');
    expect(steps.at(-1)).toBeLessThan(6000);
    expect(await contents(ctx)).toEqual(before);
    const [reader] = readers();
    expect(await new Promise((resolve) => (reader!.threadId === -1 ? resolve('stopped') : reader!.once('exit', () => resolve('stopped'))))).toBe('stopped');
  }, 120_000);

  it('hands records over between the threads exactly as read: every field of real exports, refused records, dedupe keys', async () => {
    const ctx = await demo();
    const read = [...checkRecords(vCardRecords(corpus, 'corpus.vcf'), institutionMatcher(ctx.db), 'DE', { skipInvalid: true, dedupe: true })];
    expect(read.some((r) => 'reason' in r)).toBe(true);
    expect(read.some((r) => 'f' in r && (r.f.addresses.length > 0 && r.f.photo && r.f.otherDetails.length > 0))).toBe(true);
    // The writer takes the match's stored unit and the names to create; the path is for display only.
    const expected = read.map((r) => ('institution' in r && r.institution ? { ...r, institution: { institutionId: r.institution.institutionId, create: r.institution.create } } : r));
    expect([...unpack(pack(read))]).toEqual(expected);
    const refusing = [...checkRecords(vCardRecords(corpus, 'corpus.vcf'), institutionMatcher(ctx.db), null, { skipInvalid: false, dedupe: false })];
    expect([...unpack(pack(refusing))]).toEqual(refusing.map((r) => ('institution' in r && r.institution ? { ...r, institution: { institutionId: r.institution.institutionId, create: r.institution.create } } : r)));
  });
});
