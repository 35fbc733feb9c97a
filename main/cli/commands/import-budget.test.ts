/**
 * Issue 15's acceptance: `dossier import <ics with an endless VTIMEZONE rule> --dry-run` answers within seconds with a
 * clear error. The 400-byte calendar below once took over a gigabyte and never ended. Whatever the reader makes of it,
 * the import runs on a lane held to its time and memory budget, so the answer comes within the budget.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../run';

export const ENDLESS_VTIMEZONE = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Hostile//Calendar//EN',
  'BEGIN:VTIMEZONE',
  'TZID:Endless',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'RRULE:FREQ=SECONDLY',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0100',
  'END:STANDARD',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'UID:trap@example.org',
  'DTSTAMP:20260101T000000Z',
  'DTSTART;TZID=Endless:20261130T090000',
  'DTEND;TZID=Endless:20261130T100000',
  'SUMMARY:Trap',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('dossier import: a hostile calendar', () => {
  it('an .ics whose VTIMEZONE repeats every second is refused with a clear error, and nothing is written', async () => {
    expect(ENDLESS_VTIMEZONE.length).toBeLessThan(450);
    const dir = mkdtempSync(join(tmpdir(), 'dossier-budget-'));
    const file = join(dir, 'trap.ics');
    writeFileSync(file, ENDLESS_VTIMEZONE);
    const db = join(dir, 'dossier.db');
    const err: string[] = [];
    const code = await runCli(['--db', db, 'import', file, '--dry-run'], { out: () => {}, err: (t) => err.push(t) });
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^dossier: .*trap\.ics/);
    expect(err[0]).not.toMatch(/\bat .*\.(ts|js)|Error:/);
    const again = await runCli(['--db', db, 'list', 'meetings', '--json'], { out: (t) => err.push(t), err: () => {} });
    expect(again).toBe(0);
    expect(JSON.parse(err[1]!)).toEqual([]);
  }, 60_000);
});
