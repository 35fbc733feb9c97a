import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../ops/index';
import { openDossier } from '../../ops/open';
import { openDb } from '../../store/db';
import { runCli } from '../run';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const sha = (file: string) => execFileSync('sha256sum', [file]).toString().split(' ')[0];

describe('dossier preflight, issue, addendum, pack --variant', () => {
  it('runs the release cycle from the command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-release-cli-'));
    const db = join(dir, 'd.db');
    expect((await cli('--db', db, 'demo')).code).toBe(0);
    const meeting = (JSON.parse((await cli('--db', db, '--json', 'list', 'meetings', '--when', 'upcoming')).out) as { id: number }[])[0]!;

    const pre = await cli('--db', db, '--json', 'preflight', String(meeting.id), '--date', '2026-11-23');
    const findings = JSON.parse(pre.out) as { kind: string; message: string; where: { contactId: number | null } }[];
    expect(findings.find((f) => f.kind === 'stale_contact' && f.message.includes('Thoralf Stenvold'))?.message).toContain('2017');

    // A briefing with a not-for-disclosure paragraph, written as the editor would.
    const ctx = openDossier({ path: db, now: () => new Date('2026-11-23T09:00:00Z') });
    const handle = ctx.db;
    const b = await dispatch(ctx, 'briefing.create', { meetingId: meeting.id, title: 'Brief' });
    const [objectives, background] = b.sections.filter((s) => s.kind === 'markdown');
    await dispatch(ctx, 'section.update', { id: objectives!.id, content: 'Public aim.\n\n<!-- handling: not_for_disclosure -->\nOur quiet Kestrel concession.' });
    handle.close();

    const rel = join(dir, 'rel.pdf');
    const r = await cli('--db', db, '--json', 'pack', `b${b.id}`, '--variant', 'releasable', '--copy', '2', '--of', '5', '--recipient', 'Interpreters', '--out', rel);
    expect(r.code).toBe(0);
    const report = (JSON.parse(r.out) as { report: { dropped: { text: string }[] } }).report;
    expect(report.dropped.map((d) => d.text)).toEqual(['Our quiet Kestrel concession.']);
    expect(execFileSync('pdftotext', [rel, '-']).toString()).not.toContain('Kestrel');
    expect(execFileSync('pdftotext', [rel, '-']).toString()).toContain('Copy 2 of 5 — for Interpreters');

    const issuedFile = join(dir, 'issued.pdf');
    const issued = await cli('--db', db, '--json', 'issue', `b${b.id}`, '--out', issuedFile, '--date', '2026-11-23');
    expect(issued.code).toBe(0);
    const json = JSON.parse(issued.out) as { file: string; sha256: string; pages: number };
    expect(Object.keys(json).sort()).toEqual(['file', 'pages', 'sha256']);
    expect(json.file).toBe(issuedFile);
    expect(json.sha256).toBe(sha(issuedFile));
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [issuedFile]).toString())![1])).toBe(json.pages);
    const before = readFileSync(issuedFile);

    expect((await cli('--db', db, 'issue', `b${b.id}`, '--out', join(dir, 'again.pdf'))).code).toBe(1);

    const again = openDb(db);
    await dispatch({ ...ctx, db: again }, 'section.update', { id: background!.id, content: 'New background text.' });
    again.close();
    const add = join(dir, 'addendum.pdf');
    const a = await cli('--db', db, '--json', 'addendum', `b${b.id}`, '--out', add, '--date', '2026-11-30');
    expect(a.code).toBe(0);
    expect((JSON.parse(a.out) as { changed: string[] }).changed).toEqual(['Background']);
    const text = execFileSync('pdftotext', [add, '-']).toString();
    expect(text).toContain('Addendum 1 to');
    expect(text).toContain('New background text.');
    expect(text).not.toContain('Public aim.');
    expect(readFileSync(issuedFile).equals(before)).toBe(true);
    expect(sha(issuedFile)).toBe(json.sha256);
  }, 90_000);
});
