import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDurability } from '../../scripts/durability';
import { openDb } from './db';

// The short form of `npm run test:durability` (100 kills): a writer process killed with SIGKILL at random moments.
describe('durability: every acknowledged write survives a killed process', () => {
  it('5 kills: nothing lost, integrity ok', async () => {
    const fig = await runDurability({ kills: 5, minMs: 100, maxMs: 500 });
    expect(fig.kills).toBe(5);
    expect(fig.acknowledged).toBeGreaterThan(0);
    expect(fig.problems).toEqual([]);
    expect(fig.lost).toBe(0);
    expect(fig.integrityFailures).toBe(0);
  }, 120_000);

  it('the check itself catches a lost write', async () => {
    const fig = await runDurability({
      kills: 1,
      minMs: 300,
      maxMs: 400,
      tamper: (dbPath, ids) => {
        const db = new Database(dbPath);
        db.prepare('DELETE FROM contacts WHERE id = ?').run(ids[0]);
        db.close();
      },
    });
    expect(fig.acknowledged).toBeGreaterThan(0);
    expect(fig.lost).toBe(1);
  }, 60_000);

  it('a bulk import killed half-way leaves the dossier as it was: its contacts, indexes and capture triggers, integrity ok', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'dossier-bulk-kill-')), 'dossier.db');
    const before = openDb(dbPath);
    before.prepare(`INSERT INTO contacts (given_name, family_name, sort_name, created_at, updated_at, gid) VALUES ('Ana', 'Lopes', 'lopes ana', '', '', 'keep')`).run();
    before.close();
    // Read with a plain connection: openDb would mend a missing trigger or index (installCapture) and hide the damage.
    const schema = (file: string) => {
      const db = new Database(file);
      try {
        return {
          schema: db.prepare(`SELECT type, name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') ORDER BY name`).all(),
          contacts: db.prepare('SELECT gid FROM contacts').all(),
          integrity: db.pragma('integrity_check', { simple: true }),
        };
      } finally {
        db.close();
      }
    };
    const was = schema(dbPath);
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/durability-bulk-child.ts', dbPath, '20000'], { cwd: resolve(__dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] });
    let seen = '';
    let killedAt = -1;
    child.stdout!.setEncoding('utf8').on('data', (t: string) => {
      seen += t;
      const m = [...seen.matchAll(/PROGRESS (\d+) (\d+)/g)].at(-1);
      // Well inside the transaction: past the schema changes at its start, short of the index builds at its end.
      if (killedAt < 0 && m && Number(m[1]) >= 4000) {
        killedAt = Number(m[1]);
        child.kill('SIGKILL');
      }
    });
    await new Promise((done) => child.once('exit', done));
    expect(seen).not.toMatch(/DONE/);
    expect(killedAt).toBeGreaterThanOrEqual(4000);
    expect(schema(dbPath)).toEqual(was);
    expect(was.contacts).toEqual([{ gid: 'keep' }]);
    expect(was.integrity).toBe('ok');
    // Dropped inside the import's transaction, the bulk import's triggers and indexes are among what came back.
    expect((was.schema as { name: string }[]).map((r) => r.name)).toEqual(expect.arrayContaining(['team_i_contacts', 'team_i_contact_phones', 'contacts_sort_name', 'contact_emails_contact']));
  }, 120_000);
});
