import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DossierError } from '../../contract/errors';
import { APPLICATION_ID, createDb, integrityCheck, migrateTo, openDb, schemaVersion, type WriteDb } from './db';
import { LATEST_VERSION } from './migrations/index';

const tmp = () => mkdtempSync(join(tmpdir(), 'dossier-db-'));

describe('opening a database', () => {
  it('creates a new file at the latest schema with the pragmas set', () => {
    const path = join(tmp(), 'new.db');
    const db = openDb(path);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
    // Reopening is a no-op migration.
    const again = openDb(path);
    expect(schemaVersion(again)).toBe(LATEST_VERSION);
    again.close();
  });

  it('refuses a database written by a newer schema and leaves it byte-for-byte unchanged', () => {
    const path = join(tmp(), 'newer.db');
    const raw = new Database(path);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    raw.exec('CREATE TABLE future (x)');
    raw.close();
    const before = readFileSync(path);
    let err: unknown;
    try {
      openDb(path);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DossierError);
    expect((err as DossierError).code).toBe('schema_too_new');
    expect((err as DossierError).message).toMatch(/newer Dossier/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a file that is not SQLite and leaves it unchanged', () => {
    const path = join(tmp(), 'notes.db');
    writeFileSync(path, 'Minutes of the WPSDG session, not a database\n'.repeat(50));
    const before = readFileSync(path);
    expect(() => openDb(path)).toThrowError(/not a Dossier database/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses an SQLite database of another application and leaves it unchanged', () => {
    const path = join(tmp(), 'other.db');
    const raw = new Database(path);
    raw.exec("CREATE TABLE mail (id INTEGER PRIMARY KEY, subject TEXT); INSERT INTO mail (subject) VALUES ('hello')");
    raw.close();
    const before = readFileSync(path);
    expect(() => openDb(path)).toThrowError(/another application/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('rolls back every step when a migration fails', () => {
    const db = createDb(0) as WriteDb;
    const failing = [
      { version: 10, up: (d: WriteDb) => d.exec('CREATE TABLE a (x)') },
      {
        version: 20,
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrateTo(db, 20, failing)).toThrow('boom');
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'a'`).get()).toEqual({ n: 0 });
  });

  it('passes integrity_check after migration', () => {
    expect(integrityCheck(createDb())).toEqual(['ok']);
  });
});
