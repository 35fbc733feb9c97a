import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call } from '../ops/index';
import { testContext } from '../ops/test-context';
import { openDb } from './db';

const tmp = () => mkdtempSync(join(tmpdir(), 'dossier-sqlite-errors-'));

describe('SQLite failures as typed errors', () => {
  it('a dossier locked by another writer past the busy timeout says another program is writing, with no SqliteError stack', async () => {
    const path = join(tmp(), 'dossier.db');
    const db = openDb(path, { busyTimeoutMs: 50 });
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    const logged: unknown[] = [];
    const reply = await call({ db, dbPath: path, dataDir: tmp(), now: () => new Date() }, 'institution.create', { name: 'ILO' }, (_m, e) => logged.push(e));
    other.exec('ROLLBACK');
    other.close();
    expect(reply).toMatchObject({ ok: false, error: { code: 'busy', details: { sqlite: 'SQLITE_BUSY' } } });
    const { message } = (reply as { error: { message: string } }).error;
    expect(message).toMatch(/^Another program is writing to the dossier \(.*dossier\.db\)/);
    expect(message).toMatch(/Nothing was changed/);
    expect(message).not.toMatch(/SqliteError|at |\n/);
    expect(logged).toEqual([]);
    // Once the other writer is done, the same call lands.
    expect(await call({ db, dbPath: path, dataDir: tmp(), now: () => new Date() }, 'institution.create', { name: 'ILO' })).toMatchObject({ ok: true });
    db.close();
  });

  it('read-only operations never say the change was not saved; writes do', async () => {
    const ctx = testContext();
    ctx.db.close(); // every statement now fails in a way no operation expects
    const logged: unknown[] = [];
    const read = await call(ctx, 'contact.list', {}, (_m, e) => logged.push(e));
    expect(read).toMatchObject({ ok: false, error: { code: 'internal' } });
    const readMessage = (read as { error: { message: string } }).error.message;
    expect(readMessage).not.toMatch(/not saved/);
    expect(readMessage).toMatch(/nothing was changed/);
    const written = await call(ctx, 'institution.create', { name: 'ILO' }, (_m, e) => logged.push(e));
    expect((written as { error: { message: string } }).error.message).toMatch(/The change was not saved/);
    // Logged in full here, in main; the reply carries no stack.
    expect(logged).toHaveLength(2);
    expect(JSON.stringify(read)).not.toMatch(/TypeError|\bat\b.*\.ts/);
  });
});
