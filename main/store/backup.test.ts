import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../ops/index';
import type { OpsContext } from '../ops/context';
import { openDossier } from '../ops/open';
import { backupNow, checkRestorable, commitRestore, dailyBackup, keptCopyPath, listBackups, prepareRestore } from './backup';
import { integrityCheck, openDb } from './db';

const tmp = () => mkdtempSync(join(tmpdir(), 'dossier-backup-'));
const ctxAt = (dir: string, now = new Date('2026-11-23T09:00:00Z')): OpsContext => openDossier({ path: join(dir, 'dossier.db'), now: () => now });
const names = (dir: string) => listBackups(dir).map((b) => b.name);

describe('daily backups', () => {
  it('makes one backup per day at start-up and keeps only the newest N automatic ones', async () => {
    const dir = tmp();
    const ctx = ctxAt(dir);
    await dispatch(ctx, 'institution.create', { name: 'International Labour Organization', acronym: 'ILO' });
    const day0 = Date.parse('2026-11-01T08:00:00Z');
    // A copy cut off by closing the app on an earlier day: cleared by the next daily backup.
    mkdirSync(join(dir, 'backups'), { recursive: true });
    writeFileSync(join(dir, 'backups', 'dossier-2026-10-31.db.part'), 'half a copy');
    for (let d = 0; d < 10; d++) {
      const r = await dailyBackup(ctx.db, dir, new Date(day0 + d * 86_400_000), 7);
      expect(r.created).toMatch(/dossier-2026-11-\d\d\.db$/);
      // A second start the same day does nothing.
      expect((await dailyBackup(ctx.db, dir, new Date(day0 + d * 86_400_000 + 3_600_000), 7)).created).toBeNull();
    }
    expect(readdirSync(join(dir, 'backups')).filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(names(dir)).toEqual(['04', '05', '06', '07', '08', '09', '10'].map((d) => `dossier-2026-11-${d}.db`).reverse());
    // Each backup is a Dossier database with the data in it.
    const copy = new Database(listBackups(dir)[0]!.file, { readonly: true });
    expect(copy.prepare('SELECT name FROM institutions').all()).toEqual([{ name: 'International Labour Organization' }]);
    copy.close();
    ctx.db.close();
  });

  it('counts a backup the user made today, and never prunes those', async () => {
    const dir = tmp();
    const ctx = ctxAt(dir);
    const now = new Date('2026-11-23T09:15:02Z');
    const b = await backupNow(ctx.db, dir, now);
    expect(b).toMatchObject({ name: 'dossier-2026-11-23-091502.db', automatic: false, takenAt: '2026-11-23T09:15:02.000Z' });
    expect((await dailyBackup(ctx.db, dir, new Date('2026-11-23T18:00:00Z'), 1)).created).toBeNull();
    await dailyBackup(ctx.db, dir, new Date('2026-11-24T08:00:00Z'), 1);
    await dailyBackup(ctx.db, dir, new Date('2026-11-25T08:00:00Z'), 1);
    expect(names(dir)).toEqual(['dossier-2026-11-25.db', 'dossier-2026-11-23-091502.db']);
    ctx.db.close();
  });

  it('backs up while another connection keeps writing, and the copy is consistent', async () => {
    const dir = tmp();
    const ctx = ctxAt(dir);
    for (let i = 0; i < 300; i++) await dispatch(ctx, 'contact.create', { givenName: `Anna ${i}`, familyName: 'Schmidt', notes: 'x'.repeat(2000) });
    const other = openDb(ctx.dbPath);
    let writing = true;
    const writer = (async () => {
      let n = 0;
      while (writing) {
        other.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`).run(`k${n++}`, 'v');
        await new Promise((r) => setImmediate(r));
      }
      return n;
    })();
    const b = await backupNow(ctx.db, dir, new Date());
    writing = false;
    expect(await writer).toBeGreaterThan(0);
    const copy = new Database(b.file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) AS n FROM contacts').get()).toEqual({ n: 300 });
    copy.close();
    other.close();
    ctx.db.close();
  });
});

describe('restore', () => {
  it('refuses a file that is not a Dossier database, or a damaged one, touching nothing', async () => {
    const dir = tmp();
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'not a database at all');
    expect(() => checkRestorable(junk)).toThrow(/not a Dossier database/);
    const foreign = join(dir, 'foreign.db');
    const f = new Database(foreign);
    f.exec('CREATE TABLE mail (x)');
    f.close();
    expect(() => checkRestorable(foreign)).toThrow(/another application/);
    expect(() => checkRestorable(join(dir, 'missing.db'))).toThrow(/no file/);

    // Damage a real backup in the middle of its pages.
    const ctx = ctxAt(dir);
    for (let i = 0; i < 200; i++) await dispatch(ctx, 'contact.create', { givenName: `P${i}`, familyName: 'Q', notes: 'n'.repeat(3000) });
    const b = await backupNow(ctx.db, dir, new Date());
    const bytes = readFileSync(b.file);
    bytes.fill(0x5a, 8 * 4096, 12 * 4096);
    writeFileSync(b.file, bytes);
    const before = readFileSync(ctx.dbPath);
    await expect(prepareRestore(ctx.dbPath, b.file, new Date(), ctx.db)).rejects.toThrow(/damaged|malformed|not a Dossier/);
    expect(readFileSync(ctx.dbPath).equals(before)).toBe(true);
    expect(existsSync(`${ctx.dbPath}.restore`)).toBe(false);
    ctx.db.close();
  });

  it('keeps the current database as a dated copy, swaps the backup in, and the app reopens it', async () => {
    const dir = tmp();
    const now = new Date('2026-11-23T09:00:00Z');
    const ctx = ctxAt(dir, now);
    await dispatch(ctx, 'institution.create', { name: 'OECD' });
    const b = await backupNow(ctx.db, dir, now);
    await dispatch(ctx, 'institution.create', { name: 'Made after the backup' });

    const plan = await prepareRestore(ctx.dbPath, b.file, now, ctx.db);
    expect(plan.schemaVersion).toBeGreaterThan(0);
    ctx.db.close();
    commitRestore(ctx.dbPath, plan);
    expect(existsSync(`${ctx.dbPath}-wal`)).toBe(false);
    expect(plan.kept).toBe(keptCopyPath(ctx.dbPath, now));
    expect(plan.kept).toMatch(/dossier-before-restore-20261123-090000\.db$/);

    const db = openDb(ctx.dbPath);
    expect(integrityCheck(db)).toEqual(['ok']);
    expect(db.prepare('SELECT name FROM institutions ORDER BY id').all()).toEqual([{ name: 'OECD' }]);
    db.close();
    const kept = new Database(plan.kept!, { readonly: true });
    expect(kept.prepare('SELECT name FROM institutions ORDER BY id').all()).toEqual([{ name: 'OECD' }, { name: 'Made after the backup' }]);
    kept.close();
    expect(readdirSync(dir).filter((n) => n.endsWith('.restore') || n.endsWith('.part'))).toEqual([]);
  });

  it('refuses to swap while another process still has the database open', async () => {
    const dir = tmp();
    const ctx = ctxAt(dir);
    const b = await backupNow(ctx.db, dir, new Date());
    const plan = await prepareRestore(ctx.dbPath, b.file, new Date(), ctx.db);
    // ctx.db stays open, as if the app were still running elsewhere.
    expect(() => commitRestore(ctx.dbPath, plan)).toThrow(/open in another Dossier/);
    expect(existsSync(plan.staged)).toBe(false);
    ctx.db.close();
  });
});
