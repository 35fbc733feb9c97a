import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../run';

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('dossier backup / restore', () => {
  it('backs up to a file, restores it with the previous dossier kept, and refuses a file that is not a dossier', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-cli-restore-'));
    const db = join(dir, 'dossier.db');
    expect((await cli(['--db', db, 'demo'])).code).toBe(0);
    const copy = join(dir, 'copy.db');
    const b = await cli(['--db', db, 'backup', copy]);
    expect(b).toMatchObject({ code: 0 });
    expect(b.out).toContain(copy);

    // Changes after the backup are undone by the restore, but kept in the dated copy.
    const inBackup = JSON.parse((await cli(['--db', db, 'list', 'institutions', '--json'])).out).length;
    expect((await cli(['--db', db, 'backup'])).code).toBe(0); // into <dir>/backups
    const listed = JSON.parse((await cli(['--db', db, 'backup', '--list', '--json'])).out);
    expect(listed).toHaveLength(1);
    const r = await cli(['--db', db, '--json', 'restore', copy]);
    expect(r.code).toBe(0);
    const res = JSON.parse(r.out);
    expect(existsSync(res.keptCopy)).toBe(true);
    expect(JSON.parse((await cli(['--db', db, 'list', 'institutions', '--json'])).out)).toHaveLength(inBackup);
    expect(JSON.parse((await cli(['--db', db, 'check', '--json'])).out)).toMatchObject({ ok: true });

    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'hello');
    const before = readFileSync(db);
    const bad = await cli(['--db', db, 'restore', junk]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/not a Dossier database/);
    expect(readFileSync(db).equals(before)).toBe(true);
    expect((await cli(['--db', db, 'restore'])).code).toBe(2);
  });
});
