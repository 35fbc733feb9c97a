import Database from 'better-sqlite3';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreInto } from '../ops/backup';
import { dispatch } from '../ops/index';
import { APPLICATION_ID, openDb } from './db';
import { backupNow, copyDatabase, dailyBackup, prepareRestore } from './backup';

const tmp = () => mkdtempSync(join(tmpdir(), 'dossier-privacy-'));
const mode = (p: string) => statSync(p).mode & 0o777;
const modes = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, mode(join(dir, f))]));
const posix = process.platform !== 'win32';

describe.skipIf(!posix)('private files', () => {
  it('a new dossier, its WAL and shared-memory files are 0600 in a 0700 folder it creates', async () => {
    const dir = join(tmp(), 'Dossier data');
    const path = join(dir, 'dossier.db');
    const db = openDb(path);
    await dispatch({ db, dbPath: path, dataDir: dir, now: () => new Date() }, 'institution.create', { name: 'ILO' });
    expect(mode(dir)).toBe(0o700);
    expect(modes(dir)).toEqual({ 'dossier.db': 0o600, 'dossier.db-wal': 0o600, 'dossier.db-shm': 0o600 });
    db.close();
  });

  it('a dossier an older version left readable by others is tightened when opened', () => {
    const dir = tmp();
    const path = join(dir, 'dossier.db');
    openDb(path).close();
    chmodSync(path, 0o644);
    const db = openDb(path);
    expect(mode(path)).toBe(0o600);
    expect(mode(`${path}-wal`)).toBe(0o600);
    db.close();
  });

  it('backups are 0600 in a 0700 folder, self-contained, and leave no .part files', async () => {
    const dir = tmp();
    const path = join(dir, 'dossier.db');
    const db = openDb(path);
    const ctx = { db, dbPath: path, dataDir: dir, now: () => new Date('2026-11-23T09:00:00Z') };
    await dispatch(ctx, 'system.loadDemo', {});
    await dailyBackup(db, dir, ctx.now());
    await backupNow(db, dir, ctx.now());
    const usb = join(tmp(), 'copy.db');
    await copyDatabase(db, usb);
    const backups = join(dir, 'backups');
    expect(mode(backups)).toBe(0o700);
    expect(modes(backups)).toEqual({ 'dossier-2026-11-23.db': 0o600, 'dossier-2026-11-23-090000.db': 0o600 });
    expect(modes(join(usb, '..'))).toEqual({ 'copy.db': 0o600 });
    // Opening a backup creates nothing beside it: it is a rollback-journal file, not a WAL one.
    const b = new Database(join(backups, 'dossier-2026-11-23.db'), { readonly: true });
    expect(b.pragma('journal_mode', { simple: true })).toBe('delete');
    b.close();
    expect(readdirSync(backups)).toHaveLength(2);
    db.close();
  });

  it('a refused file gets nothing created beside it (not SQLite, another program’s WAL database, a newer dossier, a damaged one)', () => {
    const dir = tmp();
    const text = join(dir, 'notes.db');
    writeFileSync(text, 'not a database');
    const foreign = join(dir, 'mail.db');
    const f = new Database(foreign);
    f.pragma('journal_mode = WAL');
    f.exec('CREATE TABLE mail (x)');
    f.close();
    const newer = join(dir, 'newer.db');
    const n = new Database(newer);
    n.pragma('journal_mode = WAL');
    n.exec('CREATE TABLE t (x)');
    n.pragma(`application_id = ${APPLICATION_ID}`);
    n.pragma('user_version = 99999');
    n.close();
    const damaged = join(dir, 'damaged.db');
    const bytes = readFileSync(newer);
    bytes.fill(0xa5, 16, 24);
    writeFileSync(damaged, bytes);
    const before = readdirSync(dir).sort();
    const contents = before.map((name) => readFileSync(join(dir, name)));
    expect(() => openDb(text)).toThrow(/not a Dossier database/);
    expect(() => openDb(foreign)).toThrow(/another application/);
    expect(() => openDb(newer)).toThrow(/newer Dossier/);
    expect(() => openDb(damaged)).toThrow(expect.objectContaining({ code: 'damaged' }));
    expect(readdirSync(dir).sort()).toEqual(before);
    before.forEach((name, i) => expect(readFileSync(join(dir, name)).equals(contents[i]!), name).toBe(true));
  });

  it('restoring from a refused or damaged file creates nothing beside it, and an old WAL-mode backup restores cleanly', async () => {
    const dir = tmp();
    const path = join(dir, 'dossier.db');
    const ctx = { db: openDb(path), dbPath: path, dataDir: dir, now: () => new Date('2026-11-23T09:00:00Z') };
    await dispatch(ctx, 'institution.create', { name: 'OECD' });
    const elsewhere = tmp();
    // A backup as Dossier 0.1 made them: a WAL-mode file with no -wal beside it.
    const old = join(elsewhere, 'old-backup.db');
    await ctx.db.backup(old);
    const w = new Database(old);
    w.pragma('journal_mode = WAL');
    w.close();
    const foreign = join(elsewhere, 'mail.db');
    const f = new Database(foreign);
    f.pragma('journal_mode = WAL');
    f.exec('CREATE TABLE mail (x)');
    f.close();
    const broken = join(elsewhere, 'broken.db');
    const bytes = readFileSync(old);
    bytes.fill(0x5a, 2 * 4096, bytes.length);
    writeFileSync(broken, bytes);
    const before = readdirSync(elsewhere).sort();
    await expect(prepareRestore(path, foreign, ctx.now(), ctx.db)).rejects.toThrow(/another application/);
    await expect(prepareRestore(path, broken, ctx.now(), ctx.db)).rejects.toThrow(/damaged/);
    expect(readdirSync(elsewhere).sort()).toEqual(before);
    const r = await restoreInto(ctx, old);
    expect(r.schemaVersion).toBeGreaterThan(0);
    expect(readdirSync(elsewhere).sort()).toEqual(before);
    expect(readdirSync(dir).filter((n) => /\.(restore|part)/.test(n))).toEqual([]);
    expect(mode(path)).toBe(0o600);
    ctx.db.close();
  });
});
