import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from './index';
import { openDossier } from './open';

const tmp = () => mkdtempSync(join(tmpdir(), 'dossier-open-'));

describe('openDossier', () => {
  it('creates the folder and the file, and backups go beside it', async () => {
    const dbPath = join(tmp(), 'deep', 'er', 'dossier.db');
    const ctx = openDossier({ path: dbPath, now: () => new Date('2026-11-23T09:00:00Z') });
    try {
      expect(existsSync(dbPath)).toBe(true);
      expect(ctx.dataDir).toBe(join(dbPath, '..'));
      expect(ctx.writesFiles).toBeUndefined();
      expect((await dispatch(ctx, 'system.info', {})).databasePath).toBe(dbPath);
      expect((await dispatch(ctx, 'backup.create', {})).name).toBe('dossier-2026-11-23-090000.db');
      expect(existsSync(join(dbPath, '..', 'backups', 'dossier-2026-11-23-090000.db'))).toBe(true);
    } finally {
      ctx.db.close();
    }
  });

  it('without a path uses $DOSSIER_DB, as the app, the CLI and the host do', () => {
    const dbPath = join(tmp(), 'shared.db');
    const before = process.env.DOSSIER_DB;
    process.env.DOSSIER_DB = dbPath;
    try {
      const ctx = openDossier();
      expect(ctx.dbPath).toBe(dbPath);
      ctx.db.close();
    } finally {
      if (before === undefined) delete process.env.DOSSIER_DB;
      else process.env.DOSSIER_DB = before;
    }
  });

  it('refuses a file that is not a dossier and leaves it untouched', () => {
    const path = join(tmp(), 'notes.db');
    writeFileSync(path, 'my own notes, not SQLite');
    expect(() => openDossier({ path })).toThrowError(/not a Dossier database/);
    expect(readFileSync(path, 'utf8')).toBe('my own notes, not SQLite');
  });

  it('opens a throwaway dossier in memory', async () => {
    const ctx = openDossier({ path: ':memory:', writesFiles: true });
    expect(ctx.dbPath).toBe(':memory:');
    expect(ctx.writesFiles).toBe(true);
    expect((await dispatch(ctx, 'system.info', {})).empty).toBe(true);
  });
});
