import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type WriteDb, applyPragmas, integrityCheck, migrateTo, openDb, schemaVersion } from '../db';
import { LATEST_VERSION, migrations } from './index';

// One fixture per schema version ever shipped (scripts/make-fixture.ts); each must upgrade to the latest with data intact.
// 30 (team) and 40 (clearance) were written on branches and landed together with 50, so no dossier was ever left at
// either; their tables are in the v50 fixture.
const NEVER_SHIPPED = new Set([30, 40]);
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixtures = readdirSync(FIXTURES)
  .filter((f) => /^v\d+\.db$/.test(f))
  .map((f) => ({ file: join(FIXTURES, f), version: Number(f.slice(1, -3)) }))
  .sort((a, b) => a.version - b.version);

/** A fresh copy of a fixture, so tests never touch the committed file. */
function copyOf(file: string): string {
  const dest = join(mkdtempSync(join(tmpdir(), 'dossier-migrate-')), 'dossier.db');
  copyFileSync(file, dest);
  return dest;
}

/** Every user table (not FTS shadow tables) with its row count. */
function tableCounts(db: Database.Database): Record<string, number> {
  const names = (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'`).all() as { name: string }[])
    .map((r) => r.name)
    .filter((n) => !/_(data|idx|content|docsize|config)$/.test(n));
  return Object.fromEntries(names.map((n) => [n, (db.prepare(`SELECT count(*) AS n FROM "${n}"`).get() as { n: number }).n]));
}

describe('schema fixtures', () => {
  it('there is a fixture for every shipped schema version', () => {
    expect(fixtures.map((f) => f.version)).toEqual(migrations.map((m) => m.version).filter((v) => !NEVER_SHIPPED.has(v)));
  });

  for (const { file, version } of fixtures) {
    it(`v${version} upgrades to v${LATEST_VERSION} with its data intact`, () => {
      const path = copyOf(file);
      const old = new Database(path, { readonly: true });
      expect(old.pragma('user_version', { simple: true })).toBe(version);
      const before = tableCounts(old);
      const people = old.prepare('SELECT id, given_name, family_name, notes FROM contacts ORDER BY id').all();
      old.close();
      expect(before.contacts).toBeGreaterThan(0);

      const db = openDb(path);
      expect(schemaVersion(db)).toBe(LATEST_VERSION);
      expect(integrityCheck(db)).toEqual(['ok']);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const after = tableCounts(db);
      for (const [table, n] of Object.entries(before)) expect({ table, n: after[table] }).toEqual({ table, n });
      expect(db.prepare('SELECT id, given_name, family_name, notes FROM contacts ORDER BY id').all()).toEqual(people);
      // Full-text search still finds what the old file held, without accents.
      const hit = db.prepare(`SELECT count(*) AS n FROM contacts WHERE family_name = 'Ørsted-Çelik'`).get() as { n: number };
      expect(hit.n).toBe(1);
      db.close();
    });

    it(`v${version}: a migration that fails leaves the file byte-for-byte unchanged`, () => {
      const path = copyOf(file);
      const before = readFileSync(path);
      const db = new Database(path) as WriteDb;
      applyPragmas(db);
      const failing = [
        ...migrations,
        {
          version: LATEST_VERSION + 10,
          up: (d: WriteDb) => {
            d.exec(`ALTER TABLE contacts ADD COLUMN nickname TEXT NOT NULL DEFAULT ''; UPDATE contacts SET nickname = given_name; DELETE FROM meetings;`);
            throw new Error('deliberate failure half-way through a migration');
          },
        },
      ];
      expect(() => migrateTo(db, LATEST_VERSION + 10, failing)).toThrow('deliberate failure');
      expect(schemaVersion(db)).toBe(version);
      db.close();
      expect(existsSync(`${path}-wal`)).toBe(false);
      expect(readFileSync(path).equals(before)).toBe(true);
      // And the app opens it as before.
      const again = openDb(path);
      expect((again.pragma('table_info(contacts)') as { name: string }[]).map((c) => c.name)).not.toContain('nickname');
      again.close();
    });
  }
});
