import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run';
import { buildPack } from '../pack/build';
import { samplePackDocument } from '../test-support/sample-pack';
import type { OpsContext } from './context';
import { openDossier } from './open';
import { dispatch } from './index';
import { TEST_NOW } from './test-context';

const DATE = '2026-11-23';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }, () => TEST_NOW);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const fileContext = (path: string): OpsContext => openDossier({ path, now: () => TEST_NOW, writesFiles: true });

describe('a pack carries its data', () => {
  let dir: string;
  let pack: string;
  let source: { meetingId: number; agenda: string[]; people: number };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dossier-pack-import-'));
    const ctx = fileContext(join(dir, 'sender.db'));
    await dispatch(ctx, 'system.loadDemo', {});
    const m = (await dispatch(ctx, 'meeting.list', { when: 'upcoming' }))[0]!;
    const detail = await dispatch(ctx, 'meeting.get', { id: m.id });
    const b = await dispatch(ctx, 'briefing.create', { meetingId: m.id, title: 'Brief for the delegation', classification: 'RESTRICTED' });
    const km = b.sections.find((s) => s.kind === 'key_messages')!;
    await dispatch(ctx, 'section.update', { id: km.id, content: JSON.stringify({ items: ['Decent work belongs in trade policy.'] }) });
    const briefs = b.sections.find((s) => s.kind === 'agenda_briefs')!;
    await dispatch(ctx, 'section.update', { id: briefs.id, content: JSON.stringify({ briefs: [{ agendaItemId: detail.agenda[1]!.id, text: 'Support the study; ask for a timeline.' }] }) });
    await dispatch(ctx, 'version.save', { briefingId: b.id, name: 'Sent to the head' });
    pack = join(dir, 'pack.pdf');
    await dispatch(ctx, 'pack.build', { briefingId: b.id, out: pack, date: DATE });
    source = { meetingId: m.id, agenda: detail.agenda.map((a) => a.title), people: detail.delegation.length + detail.counterparts.length };
    ctx.db.close();
  });

  it('embeds the meeting (.ics), the who’s who (.vcf), the briefing and a manifest (.json) as PDF attachments', () => {
    const r = spawnSync('pdfdetach', ['-list', pack], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/4 embedded files/);
    for (const name of ['meeting.ics', 'whos-who.vcf', 'briefing.json', 'manifest.json']) expect(r.stdout).toContain(name);
    const out = join(dir, 'manifest.json');
    spawnSync('pdfdetach', ['-savefile', 'manifest.json', '-o', out, pack]);
    const manifest = JSON.parse(readFileSync(out, 'utf8'));
    expect(manifest).toMatchObject({ format: 'dossier-pack', built: DATE, briefing: { title: 'Brief for the delegation', version: 1 } });
    expect(manifest.appVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('dossier import pack.pdf into an empty dossier creates the meeting with its agenda, the who’s who and the briefing', async () => {
    const empty = join(dir, 'empty.db');
    const r = await cli('--db', empty, 'import', pack, '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const result = JSON.parse(r.out) as { meetingId: number; briefingId: number; created: number[]; source: string };
    expect(result.created).toHaveLength(source.people);
    expect(result.source).toBe(`From pack WPSDG — Working Party on the Social Dimension of Globalization, ${DATE}`);

    const ctx = fileContext(empty);
    const m = await dispatch(ctx, 'meeting.get', { id: result.meetingId });
    expect(m.agenda.map((a) => a.title)).toEqual(source.agenda);
    expect(m.timeZone).toBe('Europe/Zurich');
    expect(m.delegation.map((p) => p.displayName)).toContain('Ms. Ayşe Özdemir');
    expect(m.counterparts.map((p) => p.displayName)).toContain('Mr. Pieter van der Berg');
    const c = await dispatch(ctx, 'contact.get', { id: result.created[0]! });
    expect(c.source).toBe(result.source);
    const b = await dispatch(ctx, 'briefing.get', { id: result.briefingId });
    expect(b.classification).toBe('RESTRICTED');
    const briefs = JSON.parse(b.sections.find((s) => s.kind === 'agenda_briefs')!.content) as { briefs: { agendaItemId: number; text: string }[] };
    // The line to take found its agenda item again under the new id.
    expect(briefs.briefs[0]).toMatchObject({ agendaItemId: m.agenda[1]!.id, text: 'Support the study; ask for a timeline.' });
    expect((await dispatch(ctx, 'version.list', { briefingId: b.id }))[0]!.name).toBe(result.source);

    // The same pack again: the meeting, people and briefing are recognised, nothing is doubled.
    const again = JSON.parse((await cli('--db', empty, '--json', 'import', pack)).out) as { meetingId: number; briefingId: number; created: number[]; skipped: number };
    expect(again).toMatchObject({ meetingId: result.meetingId, briefingId: result.briefingId, created: [], skipped: source.people });
    expect((await dispatch(ctx, 'system.info', {})).counts).toMatchObject({ meetings: 1, contacts: source.people, briefings: 1 });
    ctx.db.close();
  });

  it('previews without saving (--dry-run), and refuses a PDF that is not a Dossier pack, writing nothing', async () => {
    const db = join(dir, 'other.db');
    const dry = await cli('--db', db, '--json', 'import', pack, '--dry-run');
    expect(dry.code).toBe(0);
    const p = JSON.parse(dry.out);
    expect(p.meeting.agenda).toHaveLength(source.agenda.length);
    expect(p.contacts).toHaveLength(source.people);
    expect(p.briefing).toMatchObject({ title: 'Brief for the delegation', versionLabel: 'Version 1 “Sent to the head”' });

    const plain = join(dir, 'plain.pdf');
    writeFileSync(plain, (await buildPack(samplePackDocument(), { date: DATE })).bytes);
    const r = await cli('--db', db, 'import', plain);
    expect(r.code).toBe(1);
    expect(r.err).toContain('plain.pdf is a PDF but not a Dossier pack');
    const ctx = fileContext(db);
    expect((await dispatch(ctx, 'system.info', {})).empty).toBe(true);
    ctx.db.close();
  });

  it('reads briefing.json through its schema: a pack whose data does not fit is refused, naming the file and the field', async () => {
    const spawned = spawnSync('pdfdetach', ['-saveall', '-o', dir, pack]);
    expect(spawned.status).toBe(0);
    const attached = (name: string) => readFileSync(join(dir, name));
    const briefing = JSON.parse(attached('briefing.json').toString('utf8'));
    briefing.briefing.sections[0].kind = 'poem';
    const doc = samplePackDocument();
    doc.attachments = ['meeting.ics', 'whos-who.vcf', 'manifest.json'].map((name) => ({ name, type: 'application/octet-stream', description: name, content: attached(name) }));
    doc.attachments.push({ name: 'briefing.json', type: 'application/json', description: 'tampered', content: Buffer.from(JSON.stringify(briefing)) });
    const bad = join(dir, 'bad.pdf');
    writeFileSync(bad, (await buildPack(doc, { date: DATE })).bytes);
    const db = join(dir, 'bad.db');
    const r = await cli('--db', db, 'import', bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain('bad.pdf: the attached briefing.json does not fit a Dossier pack at briefing.sections.0.kind');
    const ctx = fileContext(db);
    expect((await dispatch(ctx, 'system.info', {})).empty).toBe(true);
    ctx.db.close();
  });
});
