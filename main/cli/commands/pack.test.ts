import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../run';
import { packTarget } from './pack';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('dossier pack', () => {
  it('writes the pack of a meeting atomically; --json prints file, pages and ms; the same --date gives the same bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-pack-cli-'));
    const db = join(dir, 'd.db');
    expect((await cli('--db', db, 'demo')).code).toBe(0);
    const meetings = JSON.parse((await cli('--db', db, '--json', 'list', 'meetings', '--when', 'upcoming')).out) as { id: number }[];
    const file = join(dir, 'pack.pdf');
    const r = await cli('--db', db, '--json', 'pack', String(meetings[0]!.id), '--out', file, '--date', '2026-11-23');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { file: string; pages: number; ms: number };
    expect(Object.keys(json).sort()).toEqual(['file', 'ms', 'pages']);
    expect(json.file).toBe(file);
    expect(json.pages).toBeGreaterThan(3);
    const first = readFileSync(file);
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    const again = await cli('--db', db, 'pack', `m${meetings[0]!.id}`, '--out', file, '--date', '2026-11-23', '--pdfa');
    expect(again.out).toMatch(/^Wrote .*pack\.pdf \(\d+ pages, \d+ ms\)\.\nMarking: VS-NUR FÜR DEN DIENSTGEBRAUCH — Internal$/);
    expect(readFileSync(file).includes('pdfaid:part')).toBe(true);
    await cli('--db', db, 'pack', String(meetings[0]!.id), '--out', file, '--date', '2026-11-23');
    expect(readFileSync(file).equals(first)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('says who cleared the final briefing of the demo, as its cover does (issue 20)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-pack-cli-'));
    const db = join(dir, 'd.db');
    expect((await cli('--db', db, 'demo')).code).toBe(0);
    const briefings = JSON.parse((await cli('--db', db, '--json', 'list', 'briefings')).out) as { id: number; status: string }[];
    const final = briefings.find((b) => b.status === 'final')!;
    const r = await cli('--db', db, 'pack', `b${final.id}`, '--out', join(dir, 'final.pdf'));
    expect(r.out).toMatch(/\nCleared by: Mr\. Tobias Brandt, Head of Unit, ILO and United Nations — \d{4}-\d\d-\d\d\nCleared by: Ms\. Ayşe Özdemir, Head of Division, Bilateral and Multilateral Relations — \d{4}-\d\d-\d\d$/);
  }, 60_000);

  it('refuses a missing --out or a bad id with exit status 2, and an unknown meeting with 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-pack-cli-'));
    const db = join(dir, 'd.db');
    expect((await cli('--db', db, 'pack', '1')).code).toBe(2);
    expect((await cli('--db', db, 'pack', 'x1', '--out', join(dir, 'a.pdf'))).code).toBe(2);
    expect((await cli('--db', db, 'pack', '99', '--out', join(dir, 'a.pdf'))).code).toBe(1);
    expect(readdirSync(dir).filter((f) => f.endsWith('.pdf'))).toEqual([]);
  });

  it('reads meeting and briefing ids', () => {
    expect(packTarget('12')).toEqual({ meetingId: 12 });
    expect(packTarget('meeting:12')).toEqual({ meetingId: 12 });
    expect(packTarget('b3')).toEqual({ briefingId: 3 });
    expect(packTarget('briefing:3')).toEqual({ briefingId: 3 });
    expect(() => packTarget('0')).toThrow();
  });
});
