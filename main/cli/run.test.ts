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

describe('dossier CLI: damage and conflicts in one clear message', () => {
  it('check on a damaged dossier reports the damage and says to restore a backup, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-cli-'));
    const db = join(dir, 'dossier.db');
    expect((await cli(['--db', db, 'demo'])).code).toBe(0);
    const pages = readFileSync(db);
    // Damage in the middle of the tables, and damage to the header itself.
    const middle = join(dir, 'middle.db');
    writeFileSync(middle, Buffer.concat([pages.subarray(0, 4096 * 4), Buffer.alloc(4096 * 2, 0xa5), pages.subarray(4096 * 6)]));
    const header = join(dir, 'header.db');
    writeFileSync(header, Buffer.concat([pages.subarray(0, 16), Buffer.alloc(84, 0xa5), pages.subarray(100)]));
    for (const file of [middle, header]) {
      const r = await cli(['--db', file, 'check']);
      expect(r.code, file).toBe(1);
      expect(r.out, file).toMatch(/is damaged/);
      expect(r.out, file).toMatch(/Restore a backup: .*dossier backup --list.*dossier restore <file>/);
      expect(r.err, file).not.toMatch(/SqliteError|at .*\.ts/);
      const json = JSON.parse((await cli(['--db', file, 'check', '--json'])).out);
      expect(json).toMatchObject({ ok: false, advice: expect.stringMatching(/Restore a backup/) });
    }
    // Other commands on the damaged file: one line naming the damage and what to do, no stack.
    const list = await cli(['--db', header, 'list', 'contacts']);
    expect(list.code).toBe(1);
    expect(list.err).toMatch(/^dossier: .*is damaged.*Restore a backup/);
    expect(list.err.split('\n')).toHaveLength(1);
    // And the way out works: restore over the damaged file, which is kept as it was.
    const backup = join(dir, 'good.db');
    expect((await cli(['--db', db, 'backup', backup])).code).toBe(0);
    const restored = await cli(['--db', header, '--json', 'restore', backup]);
    expect(restored.code).toBe(0);
    expect(readFileSync(JSON.parse(restored.out).keptCopy).subarray(16, 100).every((b) => b === 0xa5)).toBe(true);
    expect(JSON.parse((await cli(['--db', header, 'check', '--json'])).out)).toMatchObject({ ok: true });
  });

  it('serve on a port in use prints one line and exits 1', async () => {
    const { createServer } = await import('node:net');
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await cli(['--db', join(mkdtempSync(join(tmpdir(), 'dossier-cli-')), 'x.db'), 'serve', '--port', String(port)]);
      expect(r.code).toBe(1);
      expect(r.err.split('\n').filter((l) => l.startsWith('dossier:'))).toEqual([`dossier: Port ${port} is already in use by another program. Choose another with --port N, or leave --port out to take a free one.`]);
      expect(r.err).not.toMatch(/EADDRINUSE|at .*\.ts/);
    } finally {
      blocker.close();
    }
  });
});
