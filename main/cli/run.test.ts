import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run';

function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

describe('dossier CLI', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'dossier-cli-')), 'x.db');

  it('demo, list, search, show and check as JSON', async () => {
    expect((await cli(['--db', db, 'demo'])).code).toBe(0);
    const list = await cli(['--db', db, 'list', 'institutions', '--json']);
    expect(list.code).toBe(0);
    const institutions = JSON.parse(list.out) as { id: number; acronym: string }[];
    expect(institutions.map((i) => i.acronym)).toEqual(expect.arrayContaining(['ILO', 'GB', 'WPSDG', 'MULTILATERALS', 'BMAS', 'DG EMPL', 'OECD', 'G20', 'WB', 'IMF', 'ECOSOC']));
    expect(institutions.every((i) => typeof i.id === 'number')).toBe(true);

    const hits = JSON.parse((await cli(['--db', db, 'search', 'stenvold', '--json'])).out) as { kind: string; id: number; title: string }[];
    expect(hits[0]).toMatchObject({ kind: 'contact', title: 'Mr. Thoralf Stenvold' });
    const contact = JSON.parse((await cli(['--db', db, 'show', 'contact', String(hits[0]!.id), '--json'])).out);
    expect(contact).toMatchObject({ informationDated: '2017', stale: true, emails: [{ value: 'perrin@ilo.org' }] });

    const check = JSON.parse((await cli(['--db', db, 'check', '--json'])).out);
    expect(check).toMatchObject({ ok: true, integrity: ['ok'] });
    expect(check.schemaVersion).toBeGreaterThan(0);
  });

  it('prints errors on stderr: exit 1 for bad input, 2 for usage', async () => {
    const missing = await cli(['--db', db, 'show', 'contact', '9999']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/Contact 9999 does not exist/);
    expect(missing.out).toBe('');
    expect((await cli(['--db', db, 'frobnicate'])).code).toBe(2);
    expect((await cli(['--db', db, 'list', 'planets'])).code).toBe(2);
    expect((await cli(['--db', db, 'show', 'contact', 'abc'])).code).toBe(2);
    expect((await cli(['--db', db, 'demo'])).code).toBe(1); // not empty any more
  });

  it('refuses a file that is not a Dossier database and leaves it unchanged', async () => {
    const notes = join(mkdtempSync(join(tmpdir(), 'dossier-cli-')), 'notes.db');
    writeFileSync(notes, 'not a database');
    const r = await cli(['--db', notes, 'check']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not a Dossier database/);
    expect(readFileSync(notes, 'utf8')).toBe('not a database');
  });

  it('backs up the dossier to a file that passes check', async () => {
    const dest = join(mkdtempSync(join(tmpdir(), 'dossier-cli-')), 'backup.db');
    expect((await cli(['--db', db, 'backup', dest])).code).toBe(0);
    const check = JSON.parse((await cli(['--db', dest, 'check', '--json'])).out);
    expect(check.ok).toBe(true);
    const hits = JSON.parse((await cli(['--db', dest, 'search', 'özdemir', '--json'])).out);
    expect(hits.length).toBe(1);
  });
});
