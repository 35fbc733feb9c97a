import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../store/db';
import { startupBackup } from './backup';
import type { OpsContext } from './context';
import { call, dispatch } from './index';

function fileContext(now: Date): OpsContext {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-opsbackup-'));
  const dbPath = join(dir, 'dossier.db');
  return { db: openDb(dbPath), dbPath, dataDir: dir, now: () => now };
}

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
    ctx.db.close();
  });

  it('the start-up backup runs once a day by the pinned clock', async () => {
    let now = new Date('2026-11-23T07:00:00Z');
    const ctx = fileContext(now);
    ctx.now = () => now;
    expect(await startupBackup(ctx)).toMatch(/dossier-2026-11-23\.db$/);
    now = new Date('2026-11-23T22:00:00Z');
    expect(await startupBackup(ctx)).toBeNull();
    now = new Date('2026-11-24T06:00:00Z');
    expect(await startupBackup(ctx)).toMatch(/dossier-2026-11-24\.db$/);
    ctx.db.close();
  });
});
