import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../run';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('dossier import / export of .ics', () => {
  it('exports all meetings atomically and imports them into another dossier; show meeting --json has offsets and the zone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-ics-'));
    const a = join(dir, 'a.db');
    const b = join(dir, 'b.db');
    expect((await cli('--db', a, 'demo')).code).toBe(0);
    const file = join(dir, 'meetings.ics');
    expect(await cli('--db', a, 'export', 'meetings', '--format', 'ics', '--out', file)).toMatchObject({ code: 0, out: `Wrote 2 meetings to ${file}.` });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readFileSync(file, 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);

    expect(await cli('--db', b, 'import', file)).toMatchObject({ code: 0, out: 'Imported 2 meetings from meetings.ics.' });
    const list = JSON.parse((await cli('--db', b, '--json', 'list', 'meetings')).out) as { id: number; title: string; startIso: string }[];
    const next = list.find((m) => !m.title.includes('previous session'))!;
    const original = JSON.parse((await cli('--db', a, '--json', 'show', 'meeting', '2')).out);
    const shown = JSON.parse((await cli('--db', b, '--json', 'show', 'meeting', String(next.id))).out);
    // Geneva in winter or in summer, depending on the day the demo was loaded.
    expect(shown.startIso).toMatch(/^\d{4}-\d{2}-\d{2}T10:00:00\+0[12]:00$/);
    expect(shown.startIso).toBe(original.startIso);
    expect(shown.timeZone).toBe('Europe/Zurich');
    expect(shown.agenda.map((i: { title: string }) => i.title)).toEqual(original.agenda.map((i: { title: string }) => i.title));
    expect(shown.agenda).toHaveLength(5);
    for (const k of ['delegation', 'counterparts', 'actions']) expect(Array.isArray(shown[k])).toBe(true);
  });

  it('refuses a broken file with its line and exit status 1, writing nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-ics-'));
    const file = join(dir, 'broken.ics');
    writeFileSync(file, 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20260101T100000Z\nSUMMARY:ok\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY no colon\nEND:VEVENT\nEND:VCALENDAR\n');
    const r = await cli('--db', join(dir, 'x.db'), 'import', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('broken.ics, line 7');
    expect(JSON.parse((await cli('--db', join(dir, 'x.db'), '--json', 'list', 'meetings')).out)).toEqual([]);
    expect((await cli('--db', join(dir, 'x.db'), 'import', join(dir, 'notes.docx'))).code).toBe(2);
  });
});
