import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../store/db';
import { startupBackup } from './backup';
import { engineOf, startEngine } from './engine';
import { call, dispatch } from './index';
import { fileContext } from './test-context';

describe('backup ops', () => {
  it('backs up now, lists, and restores a listed backup in the running app', async () => {
    const ctx = fileContext(new Date('2026-11-23T09:00:00Z'));
    await dispatch(ctx, 'institution.create', { name: 'ILO' });
    const made = await dispatch(ctx, 'backup.create', {});
    expect(made).toMatchObject({ name: 'dossier-2026-11-23-090000.db', automatic: false });
    await dispatch(ctx, 'institution.create', { name: 'OECD' });
    const list = await dispatch(ctx, 'backup.list', {});
    expect(list.dir).toBe(join(ctx.dataDir, 'backups'));
    expect(list.backups.map((b) => b.name)).toEqual(['dossier-2026-11-23-090000.db']);

    const before = ctx.db;
    const r = await dispatch(ctx, 'backup.restore', { name: made.name });
    expect(ctx.db).not.toBe(before);
    expect(r.keptCopy && existsSync(r.keptCopy)).toBe(true);
    expect((await dispatch(ctx, 'institution.list', {})).map((i) => i.name)).toEqual(['ILO']);
    expect((await dispatch(ctx, 'system.check', {})).ok).toBe(true);
    ctx.db.close();
  });

  it('restores only backups from the list, never a path the page names', async () => {
    const ctx = fileContext(new Date('2026-11-23T09:00:00Z'));
    expect(await call(ctx, 'backup.restore', { name: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'name' } });
    expect(await call(ctx, 'backup.restore', { name: 'dossier-2020-01-01.db' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // A file path is the command line's: the window and the browser host (writesFiles unset) are refused before any file is touched.
    const elsewhere = join(ctx.dataDir, 'elsewhere.db');
    expect(await call(ctx, 'backup.create', { out: elsewhere })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'out' } });
    expect(existsSync(elsewhere)).toBe(false);
    expect(await call(ctx, 'backup.restore', { file: ctx.dbPath })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'file' } });
    expect(await call(ctx, 'backup.create', { out: 'relative.db' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'out' } });
    ctx.db.close();
  });

  it('the command line backs up to a file it names and restores from it', async () => {
    const ctx = fileContext(new Date('2026-11-23T09:00:00Z'), { writesFiles: true });
    await dispatch(ctx, 'institution.create', { name: 'ILO' });
    const out = join(ctx.dataDir, 'copies', 'before-g20.db');
    const made = await dispatch(ctx, 'backup.create', { out });
    expect(made).toMatchObject({ file: out, name: 'before-g20.db', automatic: false });
    expect(made.pages).toBeGreaterThan(0);
    // Not one of the listed backups: those are the backups folder's.
    expect((await dispatch(ctx, 'backup.list', {})).backups).toEqual([]);
    await dispatch(ctx, 'institution.create', { name: 'OECD' });
    const r = await dispatch(ctx, 'backup.restore', { file: out });
    expect(r.restored).toBe(out);
    expect((await dispatch(ctx, 'institution.list', {})).map((i) => i.name)).toEqual(['ILO']);
    expect(await call(ctx, 'backup.restore', { name: 'dossier-2026-11-23.db', file: out })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    ctx.db.close();
  });

  it('the start-up backup runs once a day by the pinned clock', async () => {
    let now = new Date('2026-11-23T07:00:00Z');
    const ctx = fileContext(now);
    ctx.now = () => now;
    const engine = engineOf(ctx);
    expect(await startupBackup(engine)).toMatch(/dossier-2026-11-23\.db$/);
    now = new Date('2026-11-23T22:00:00Z');
    expect(await startupBackup(engine)).toBeNull();
    now = new Date('2026-11-24T06:00:00Z');
    expect(await startupBackup(engine)).toMatch(/dossier-2026-11-24\.db$/);
    ctx.db.close();
  });

  it('the start-up backup is made on the lane while the app keeps answering and writing', async () => {
    const ctx = fileContext(new Date());
    await dispatch(ctx, 'institution.create', { name: 'International Labour Organization', acronym: 'ILO' });
    const engine = await startEngine(ctx);
    try {
      expect(engine.lanes).toBe(true);
      const backup = startupBackup(engine, (m) => expect.fail(m));
      // Not waited for: a quick write is answered while the copy is made.
      expect(await engine.call('institution.create', { name: 'Organisation for Economic Co-operation and Development', acronym: 'OECD' })).toMatchObject({ ok: true });
      const file = await backup;
      expect(file).toMatch(/dossier-\d{4}-\d{2}-\d{2}\.db$/);
      const copy = openDb(file!);
      expect((copy.prepare('SELECT name FROM institutions').all() as { name: string }[]).map((r) => r.name)).toContain('International Labour Organization');
      copy.close();
      expect(existsSync(`${file}.part`)).toBe(false);
      // Once a day: the next start makes none.
      expect(await startupBackup(engine)).toBeNull();
    } finally {
      await engine.close();
      ctx.db.close();
    }
  });
});
