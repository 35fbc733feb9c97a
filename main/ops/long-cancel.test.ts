/**
 * Cancel in long work that writes (issue 15): a calendar import, Back Up Now, a restore, issuing a pack and an
 * addendum each report their steps, and a cancel seen at any step before the write leaves the dossier and its folder
 * (backups included) exactly as they were. The cancel is given as the user gives it: while the work runs (here, on a step).
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpsContext } from './context';
import { engineOf, type Progress } from './engine';
import { dispatch } from './index';
import { fileContext, testContext } from './test-context';

/** Every file under `dir` (names only, folders marked), as a user's file manager shows them. */
function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) {
        out.push(`${relative(dir, p)}/`);
        walk(p);
      } else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out;
}

/** Runs `name` and cancels it when step number `at` is reported; returns the reply and the steps seen. */
async function cancelAt(ctx: OpsContext, name: string, input: unknown, at: number) {
  const stop = new AbortController();
  const steps: Progress[] = [];
  const reply = await engineOf(ctx).call(name, input, {
    signal: stop.signal,
    onProgress: (p) => {
      steps.push(p);
      if (steps.length - 1 === at) stop.abort();
    },
  });
  return { reply, steps };
}

const names = async (ctx: OpsContext) => (await dispatch(ctx, 'institution.list', {})).map((i) => i.name);

describe('cancelling long work that writes', () => {
  it('Back Up Now reports its steps; cancelled at any of them, it leaves no backup, no .part file, no backups folder', async () => {
    const ctx = fileContext();
    await dispatch(ctx, 'institution.create', { name: 'ILO' });
    const before = tree(ctx.dataDir);
    for (const at of [0, 1]) {
      const { reply, steps } = await cancelAt(ctx, 'backup.create', {}, at);
      expect(reply).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      expect(steps.length).toBeGreaterThan(at);
      expect(tree(ctx.dataDir)).toEqual(before);
    }
    // Not cancelled, the same call makes the backup and says so step by step.
    const { reply, steps } = await cancelAt(ctx, 'backup.create', {}, 99);
    expect(reply.ok).toBe(true);
    expect(steps.map((s) => s.done)).toEqual([0, 1, 2, 3]);
    expect(steps.every((s) => s.total === 3)).toBe(true);
    expect(tree(ctx.dataDir)).toContain('backups/dossier-2026-11-23-090000.db');
    ctx.db.close();
  });

  it('a restore cancelled before the swap keeps the dossier, its folder and the backups as they were', async () => {
    const ctx = fileContext();
    await dispatch(ctx, 'institution.create', { name: 'ILO' });
    const made = await dispatch(ctx, 'backup.create', {});
    await dispatch(ctx, 'institution.create', { name: 'OECD' });
    const before = tree(ctx.dataDir);
    // Steps: checking the backup, copying it, keeping the current dossier, replacing it. Cancel at each before the last.
    for (const at of [0, 1, 2]) {
      const { reply, steps } = await cancelAt(ctx, 'backup.restore', { name: made.name }, at);
      expect(reply, `cancelled at step ${at}`).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      expect(steps.map((s) => s.done)).toEqual([0, 1, 2].slice(0, at + 1));
      expect(tree(ctx.dataDir)).toEqual(before);
      expect(await names(ctx)).toEqual(['ILO', 'OECD']);
    }
    // Past the last safe point a cancel comes too late: the restore is done, as the reply says.
    const { reply } = await cancelAt(ctx, 'backup.restore', { name: made.name }, 3);
    expect(reply).toMatchObject({ ok: true });
    expect(await names(ctx)).toEqual(['ILO']);
    ctx.db.close();
  });

  it('a calendar import cancelled once the file is read imports nothing', async () => {
    const ctx = testContext();
    const content = [
      'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Secretariat//EN',
      'BEGIN:VEVENT', 'UID:gb-356@example.org', 'DTSTAMP:20260101T000000Z', 'DTSTART:20261105T090000Z', 'DTEND:20261105T170000Z', 'SUMMARY:ILO Governing Body, 356th session', 'END:VEVENT',
      'END:VCALENDAR', '',
    ].join('\r\n');
    const { reply, steps } = await cancelAt(ctx, 'meeting.importIcs', { content, fileName: 'gb.ics' }, 0);
    expect(reply).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(steps[0]).toMatchObject({ done: 0, total: 2 });
    expect((await dispatch(ctx, 'meeting.list', {})).length).toBe(0);
    const preview = await cancelAt(ctx, 'meeting.importPreview', { content, fileName: 'gb.ics' }, 0);
    expect(preview.reply).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const { reply: imported } = await cancelAt(ctx, 'meeting.importIcs', { content, fileName: 'gb.ics' }, 99);
    expect(imported.ok).toBe(true);
    expect((await dispatch(ctx, 'meeting.list', {})).length).toBe(1);
  });

  it('issuing a pack or an addendum cancelled while it is laid out stores nothing', async () => {
    const ctx = testContext();
    await dispatch(ctx, 'system.loadDemo', {});
    const meeting = (await dispatch(ctx, 'meeting.list', { when: 'upcoming' }))[0]!;
    const b = await dispatch(ctx, 'briefing.create', { meetingId: meeting.id, title: 'Brief for the delegation' });
    const input = { briefingId: b.id, date: '2026-11-23' };
    for (const at of [0, 1]) {
      const { reply, steps } = await cancelAt(ctx, 'pack.issue', input, at);
      expect(reply).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      expect(steps[0]).toMatchObject({ done: 0, total: 3 });
      expect(await dispatch(ctx, 'pack.issued', { meetingId: meeting.id })).toEqual([]);
    }
    await dispatch(ctx, 'pack.issue', input);
    const text = b.sections.find((s) => s.kind === 'markdown')!;
    await dispatch(ctx, 'section.update', { id: text.id, content: 'The ministers meet again in March.' });
    const { reply } = await cancelAt(ctx, 'pack.addendum', input, 1);
    expect(reply).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await dispatch(ctx, 'pack.issued', { meetingId: meeting.id })).toHaveLength(1);
    expect((await cancelAt(ctx, 'pack.addendum', input, 99)).reply.ok).toBe(true);
    expect(await dispatch(ctx, 'pack.issued', { meetingId: meeting.id })).toHaveLength(2);
  });
});
