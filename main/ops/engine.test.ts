import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeVCards } from '../formats/vcard-write';
import { emptyContact } from '../formats/contact-data';
import { openDb } from '../store/db';
import type { OpsContext } from './context';
import { type Engine, type Progress, startEngine } from './engine';

const open = (now = new Date('2026-11-23T09:00:00Z')): OpsContext => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-engine-'));
  const dbPath = join(dir, 'dossier.db');
  return { db: openDb(dbPath), dbPath, dataDir: dir, now: () => now };
};

/** A vCard file of `n` contacts, as another Dossier would export it. */
const cards = (n: number) =>
  writeVCards(
    Array.from({ length: n }, (_, i) => ({
      ...emptyContact(),
      givenName: `Anna ${i}`,
      familyName: 'Schmidt',
      position: 'Referentin',
      institutionNames: ['Bundesministerium für Arbeit und Soziales'],
      emails: [{ label: 'work', value: `anna.${i}@bmas.bund.de` }],
      phones: [{ label: 'work', value: `+49 30 18527 ${1000 + (i % 9000)}`, e164: null }],
    })),
  );

let engines: Engine[] = [];
afterEach(async () => {
  for (const e of engines) {
    await e.close();
    e.ctx.db.close();
  }
  engines = [];
});
const start = async (...args: Parameters<typeof startEngine>) => {
  const e = await startEngine(...args);
  engines.push(e);
  return e;
};
const count = async (e: Engine) => ((await e.call('contact.list', { limit: 1 })) as { value: { total: number } }).value.total;

describe('the engine: long work on its own lane', () => {
  it('keeps answering quick operations while an import runs, and reports the import’s progress', async () => {
    const e = await start(open());
    expect(e.lanes).toBe(true);
    const content = cards(3000);
    const progress: Progress[] = [];
    let importDone = false;
    const importing = e.call('contact.importCommit', { format: 'vcard', content, fileName: 'bmas.vcf' }, { onProgress: (p) => progress.push(p) }).then((r) => {
      importDone = true;
      return r;
    });
    // Quick calls answered while the import is still running: each answer arrives before the import's.
    let answeredDuring = 0;
    while (!importDone && answeredDuring < 20) {
      const info = await e.call('system.info', {});
      expect(info.ok).toBe(true);
      if (!importDone) answeredDuring++;
      await new Promise((r) => setTimeout(r, 5));
    }
    const r = await importing;
    expect(r).toMatchObject({ ok: true, value: { created: expect.any(Array) } });
    expect(answeredDuring).toBeGreaterThan(0);
    expect(await count(e)).toBe(3000);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toEqual({ done: 3000, total: 3000, label: 'Importing contacts' });
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.done).toBeGreaterThanOrEqual(progress[i - 1]!.done);
  }, 120_000);

  it('cancels a running import: nothing is written, and the lane takes the next call', async () => {
    const e = await start(open());
    const controller = new AbortController();
    const r = await e.call('contact.importCommit', { format: 'vcard', content: cards(3000), fileName: 'bmas.vcf' }, {
      signal: controller.signal,
      // Cancel as soon as the import is writing.
      onProgress: (p) => p.done > 0 && controller.abort(),
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await count(e)).toBe(0);
    // A call cancelled before it started never runs.
    const gone = new AbortController();
    gone.abort();
    expect(await e.call('contact.importCommit', { format: 'vcard', content: cards(2), fileName: 'x.vcf' }, { signal: gone.signal })).toMatchObject({ error: { code: 'cancelled' } });
    expect(await e.call('contact.importCommit', { format: 'vcard', content: cards(2), fileName: 'x.vcf' })).toMatchObject({ ok: true });
    expect(await count(e)).toBe(2);
  }, 120_000);

  it('holds an import to its time budget: stopped with a typed error, nothing written, the next call works', async () => {
    const e = await start(open(), { importBudget: { baseMs: 20, msPerMb: 0 } });
    const r = await e.call('contact.importCommit', { format: 'vcard', content: cards(4000), fileName: 'slow.vcf' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { budget: 'time' }, message: expect.stringMatching(/^Reading slow\.vcf took longer than an import may/) } });
    expect(await count(e)).toBe(0);
    // Quick writes still land (the stopped import's transaction was rolled back), and so do long calls on a fresh lane.
    expect(await e.call('institution.create', { name: 'ILO' })).toMatchObject({ ok: true });
    expect(await e.call('backup.create', {})).toMatchObject({ ok: true });
  }, 120_000);

  it('holds long work to a memory budget', async () => {
    const e = await start(open(), { heapMb: 96 });
    // A million rows of two short cells: 13 MB of text, far more than 96 MB once read.
    const content = 'Given Name,Family Name\r\n' + 'Anna,Schmidt\r\n'.repeat(1_000_000);
    const r = await e.call('contact.importPreview', { format: 'csv', content, fileName: 'huge.csv' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', details: { budget: 'memory' }, message: expect.stringMatching(/^Reading huge\.csv needed more memory/) } });
    expect(await e.call('system.info', {})).toMatchObject({ ok: true });
  }, 120_000);

  it('restores a backup under both connections and answers from the restored file', async () => {
    const e = await start(open());
    await e.call('institution.create', { name: 'OECD' });
    const backup = (await e.call('backup.create', {})) as { ok: true; value: { name: string } };
    await e.call('institution.create', { name: 'Made after the backup' });
    // Quick calls sent during the restore wait for it, then see the restored dossier.
    const restoring = e.call('backup.restore', { name: backup.value.name });
    const during = e.call('institution.list', {});
    expect(await restoring).toMatchObject({ ok: true });
    expect(((await during) as { value: { name: string }[] }).value.map((i) => i.name)).toEqual(['OECD']);
    expect(await e.call('institution.create', { name: 'After the restore' })).toMatchObject({ ok: true });
  }, 120_000);

  it('opens a pack in the viewer of the engine’s side (the desktop shell), from the lane', async () => {
    const ctx = open();
    const opened: string[] = [];
    ctx.openPath = async (p) => void opened.push(p);
    const e = await start(ctx);
    await e.call('system.loadDemo', {});
    const meetings = (await e.call('meeting.list', { when: 'upcoming' })) as { value: { id: number }[] };
    const r = (await e.call('pack.open', { meetingId: meetings.value[0]!.id, date: '2026-11-23' })) as { ok: boolean; value: { file: string } };
    expect(r.ok).toBe(true);
    expect(opened).toEqual([r.value.file]);
  }, 120_000);
});
