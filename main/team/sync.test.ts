import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpsContext } from '../ops/context';
import { dispatch } from '../ops/index';
import { openDossier } from '../ops/open';
import { canonicalDump } from '../store/sync/dump';
import { setHlcWall } from '../store/sync/hlc';
import { stampPending } from '../store/sync/outbox';
import { pendingChanges } from '../store/sync/state';
import { connect } from './connect';
import { createTeam, joinTeam } from './membership';
import { syncOnce } from './sync';
import { type TestCluster, startCluster } from './test-cluster';
import { parseTeamUrl } from './url';

let pg: TestCluster;
beforeAll(async () => {
  pg = await startCluster();
  await pg.team('unit', ['anna', 'ben', 'carla']);
}, 60_000);
afterAll(() => pg?.stop());

const dir = mkdtempSync(join(tmpdir(), 'dossier-team-'));
function replica(name: string): OpsContext & { call: (op: string, input: unknown) => Promise<any> } {
  const dbPath = join(dir, `${name}-${Math.random().toString(36).slice(2)}.db`);
  const ctx: OpsContext = openDossier({ path: dbPath, dataDir: dir });
  return Object.assign(ctx, { call: (op: string, input: unknown) => dispatch(ctx, op, input) as Promise<any> });
}
async function withClient<T>(login: string, db: string, fn: (c: Awaited<ReturnType<typeof connect>>, a: ReturnType<typeof parseTeamUrl>) => Promise<T>): Promise<T> {
  const a = parseTeamUrl(pg.url(login, db));
  const c = await connect(a, { password: `${login}-pw` });
  try {
    return await fn(c, a);
  } finally {
    await c.end();
  }
}
const sync = (login: string, r: OpsContext) => withClient(login, 'unit', (c) => syncOnce(c, r.db));

/** A team of its own for one scenario, with two members: anna makes it from her dossier, ben joins it. */
async function twoMembers(name: string) {
  await pg.team(name, ['anna', 'ben']);
  return {
    sync: (login: string, r: OpsContext) => withClient(login, name, (c) => syncOnce(c, r.db)),
    create: (r: OpsContext) => withClient('anna', name, (c, addr) => createTeam(c, r.db, addr)),
    join: (r: OpsContext) => withClient('ben', name, (c, addr) => joinTeam(c, r.db, addr)),
  };
}

describe('two dossiers joined to one PostgreSQL', () => {
  it('a contact created on one is found on the other after sync; one section written on both converges, the other text kept as a version on both', async () => {
    const a = replica('anna');
    await a.call('system.loadDemo', {});
    const created = await withClient('anna', 'unit', (c, addr) => createTeam(c, a.db, addr));
    expect(created.records).toBeGreaterThan(50);
    const b = replica('ben');
    const joined = await withClient('ben', 'unit', (c, addr) => joinTeam(c, b.db, addr));
    expect(joined.records).toBe(created.records);
    expect(canonicalDump(b.db)).toEqual(canonicalDump(a.db));

    const c1 = await a.call('contact.create', { givenName: 'Ingrid', familyName: 'Vasquez-Lindqvist', position: 'Counsellor' });
    expect(pendingChanges(a.db)).toBeGreaterThan(0);
    await sync('anna', a);
    expect(pendingChanges(a.db)).toBe(0);
    const r = await sync('ben', b);
    expect(r.pulled).toBeGreaterThan(0);
    const found = await b.call('search.query', { query: 'vasquez' });
    expect(found.map((h: { title: string }) => h.title)).toContain('Ingrid Vasquez-Lindqvist');
    expect(c1.id).toBeGreaterThan(0);

    // One section, written differently on both while apart.
    const meeting = (await a.call('meeting.list', {}))[0];
    const brief = await a.call('briefing.create', { meetingId: meeting.id, title: 'Brief for the session' });
    await sync('anna', a);
    await sync('ben', b);
    const bBrief = (await b.call('briefing.list', {}))[0];
    const aSec = brief.sections.find((s: { title: string }) => s.title === 'Objectives');
    const bSec = (await b.call('briefing.get', { id: bBrief.id })).sections.find((s: { title: string }) => s.title === 'Objectives');
    await a.call('section.update', { id: aSec.id, content: 'Anna: secure support for the new standard.' });
    await b.call('section.update', { id: bSec.id, content: 'Ben: keep the discussion on the budget.' });
    await sync('anna', a);
    await sync('ben', b);
    await sync('anna', a);
    const textA = (await a.call('briefing.get', { id: brief.id })).sections.find((s: { id: number }) => s.id === aSec.id).content;
    const textB = (await b.call('briefing.get', { id: bBrief.id })).sections.find((s: { id: number }) => s.id === bSec.id).content;
    expect(textA).toBe(textB);
    expect(textA).toBe('Ben: keep the discussion on the budget.');
    for (const [r2, id] of [[a, brief.id], [b, bBrief.id]] as const) {
      const versions = await r2.call('version.list', { briefingId: id });
      const conflict = versions.find((v: { name: string }) => v.name.startsWith('conflict: anna'));
      expect(conflict).toBeDefined();
      const snap = await r2.call('version.get', { id: conflict.id });
      expect(snap.snapshot.sections.map((s: { content: string }) => s.content)).toContain('Anna: secure support for the new standard.');
    }
    expect(canonicalDump(b.db)).toEqual(canonicalDump(a.db));

    // Anna takes her text back from the conflict marker: it is current on both, and Ben's stays in the versions.
    const [open] = await a.call('conflict.list', { briefingId: brief.id });
    await a.call('conflict.resolve', { id: open.id, take: true });
    await sync('anna', a);
    await sync('ben', b);
    expect((await b.call('briefing.get', { id: bBrief.id })).sections.find((s: { id: number }) => s.id === bSec.id).content).toBe('Anna: secure support for the new standard.');
    expect(await b.call('conflict.list', { briefingId: bBrief.id })).toEqual([]);
    for (const [r2, id] of [[a, brief.id], [b, bBrief.id]] as const) {
      const kept = (await r2.call('version.list', { briefingId: id })).find((v: { reason: string }) => v.reason.startsWith('before taking the other text'));
      expect(kept).toBeDefined();
      expect((await r2.call('version.get', { id: kept.id })).snapshot.sections.map((s: { content: string }) => s.content)).toContain('Ben: keep the discussion on the budget.');
    }
    expect(canonicalDump(b.db)).toEqual(canonicalDump(a.db));
  });
});

describe('ids inside saved data name the same record on every replica', () => {
  it('a version naming a removed agenda item still names it after a new item takes that item’s local id', async () => {
    const team = await twoMembers('reuse');
    const sync2 = team.sync;
    const a = replica('anna');
    await a.call('system.loadDemo', {});
    const meeting = (await a.call('meeting.list', {}))[0];
    const brief = await a.call('briefing.create', { meetingId: meeting.id, title: 'Brief with agenda' });
    const added = await a.call('agenda.save', { meetingId: meeting.id, title: 'Item to be removed' });
    const item = added.agenda[added.agenda.length - 1];
    const sec = brief.sections.find((s: { kind: string }) => s.kind === 'agenda_briefs') ?? (await a.call('section.add', { briefingId: brief.id, kind: 'agenda_briefs', title: 'Agenda' })).sections.find((s: { kind: string }) => s.kind === 'agenda_briefs');
    await a.call('section.update', { id: sec.id, content: JSON.stringify({ briefs: [{ agendaItemId: item.id, text: 'Lines on the removed item' }] }) });
    await a.call('version.save', { briefingId: brief.id, name: 'with the item' });
    await team.create(a);
    const b = replica('ben');
    await team.join(b);

    // Anna removes the item (the highest id) and adds another: SQLite hands the new one the same local id.
    await a.call('agenda.remove', { meetingId: meeting.id, id: item.id });
    const again = await a.call('agenda.save', { meetingId: meeting.id, title: 'A new item' });
    expect(again.agenda[again.agenda.length - 1].id).toBe(item.id);
    await sync2('anna', a);
    await sync2('ben', b);
    expect(canonicalDump(b.db)).toEqual(canonicalDump(a.db));
  });
});

describe('clocks that disagree', () => {
  it('an edit made over a text from a laptop whose clock is a month ahead wins, on every replica', async () => {
    const team = await twoMembers('ahead');
    const sync2 = team.sync;
    const now = Date.now();
    const a = replica('anna');
    setHlcWall(a.db, () => now);
    await a.call('system.loadDemo', {});
    const meeting = (await a.call('meeting.list', {}))[0];
    const brief = await a.call('briefing.create', { meetingId: meeting.id, title: 'Brief' });
    await team.create(a);
    const b = replica('ben');
    // Ben's laptop is set a month ahead: more than the day a clock follows another by.
    setHlcWall(b.db, () => now + 30 * 24 * 3600_000);
    await team.join(b);
    const contact = (await a.call('contact.list', {})).items?.[0] ?? (await a.call('contact.list', {}))[0];
    const gidOf = (r: OpsContext, tbl: string, id: number) => (r.db.prepare(`SELECT gid FROM ${tbl} WHERE id = ?`).get(id) as { gid: string }).gid;
    const idOf = (r: OpsContext, tbl: string, gid: string) => (r.db.prepare(`SELECT id FROM ${tbl} WHERE gid = ?`).get(gid) as { id: number }).id;
    const sec = brief.sections.find((s: { title: string }) => s.title === 'Objectives');
    const [cg, sg] = [gidOf(a, 'contacts', contact.id), gidOf(a, 'briefing_sections', sec.id)];

    await b.call('section.update', { id: idOf(b, 'briefing_sections', sg), content: 'Ben, from the future.' });
    const bc = await b.call('contact.get', { id: idOf(b, 'contacts', cg) });
    await b.call('contact.update', { id: bc.id, patch: { ...bc, notes: 'Ben’s note.' } });
    await sync2('ben', b);
    await sync2('anna', a);
    expect((await a.call('contact.get', { id: contact.id })).notes).toBe('Ben’s note.');

    // Anna, having seen both, writes over them: her edits are the later ones, whatever the clocks say.
    await a.call('section.update', { id: sec.id, content: 'Anna, over Ben’s text.' });
    const ac = await a.call('contact.get', { id: contact.id });
    await a.call('contact.update', { id: ac.id, patch: { ...ac, notes: 'Anna’s note, over Ben’s.' } });
    await sync2('anna', a);
    await sync2('ben', b);
    await sync2('anna', a);
    for (const r of [a, b]) {
      expect((r.db.prepare('SELECT content FROM briefing_sections WHERE gid = ?').get(sg) as { content: string }).content).toBe('Anna, over Ben’s text.');
      expect((r.db.prepare('SELECT notes FROM contacts WHERE gid = ?').get(cg) as { notes: string }).notes).toBe('Anna’s note, over Ben’s.');
    }
    expect(canonicalDump(b.db)).toEqual(canonicalDump(a.db));
  });
});

describe('a removed section keeps its identity', () => {
  it('a section added after the one with the highest id was removed is a new record, and the removed one stays restorable with its text', async () => {
    const team = await twoMembers('revive');
    const sync2 = team.sync;
    const a = replica('anna');
    await a.call('system.loadDemo', {});
    const meeting = (await a.call('meeting.list', {}))[0];
    const first = await a.call('briefing.create', { meetingId: meeting.id, title: 'First brief' });
    await team.create(a);
    const b = replica('ben');
    await team.join(b);
    const last = first.sections[first.sections.length - 1];
    await a.call('section.update', { id: last.id, content: 'Text that must stay restorable.' });
    const removedGid = (a.db.prepare('SELECT gid FROM briefing_sections WHERE id = ?').get(last.id) as { gid: string }).gid;
    await a.call('section.remove', { id: last.id });
    // The next section added anywhere gets an id of its own, not the removed section's (and so not its global id).
    const second = await a.call('briefing.create', { meetingId: meeting.id, title: 'Second brief' });
    expect(second.sections.map((s: { id: number }) => s.id)).not.toContain(last.id);
    const gids = (a.db.prepare('SELECT gid FROM briefing_sections WHERE briefing_id = ?').all(second.id) as { gid: string }[]).map((r) => r.gid);
    expect(gids).not.toContain(removedGid);
    await sync2('anna', a);
    await sync2('ben', b);
    for (const r of [a, b]) {
      const tomb = r.db.prepare(`SELECT data FROM team_tombstones WHERE tbl = 'briefing_sections' AND gid = ?`).get(removedGid) as { data: string } | undefined;
      expect(JSON.parse(tomb!.data).content).toBe('Text that must stay restorable.');
    }
    expect(canonicalDump(b.db)).toEqual(canonicalDump(a.db));
  });
});

describe('a writer who keeps typing on a text that lost', () => {
  it('updates the conflict version another member’s merge made, even when that member’s clock is ahead', async () => {
    const team = await twoMembers('typing');
    const sync2 = team.sync;
    let t = 0;
    const T0 = Date.UTC(2026, 10, 23, 8);
    const a = replica('anna');
    setHlcWall(a.db, () => T0 + t);
    await a.call('system.loadDemo', {});
    const meeting = (await a.call('meeting.list', {}))[0];
    const brief = await a.call('briefing.create', { meetingId: meeting.id, title: 'Brief' });
    await team.create(a);
    const b = replica('ben');
    setHlcWall(b.db, () => T0 + 3600_000 + t); // an hour ahead
    await team.join(b);
    const sec = brief.sections.find((s: { title: string }) => s.title === 'Objectives');
    const sg = (a.db.prepare('SELECT gid FROM briefing_sections WHERE id = ?').get(sec.id) as { gid: string }).gid;
    const bSec = (b.db.prepare('SELECT id FROM briefing_sections WHERE gid = ?').get(sg) as { id: number }).id;

    t = 10;
    await a.call('section.update', { id: sec.id, content: 'Anna, first draft.' });
    await sync2('anna', a);
    t = 20;
    await b.call('section.update', { id: bSec, content: 'Ben, written apart.' });
    t = 30;
    await sync2('ben', b); // Ben's text is later: Anna's first draft becomes the conflict version, made by Ben's merge
    t = 40;
    await a.call('section.update', { id: sec.id, content: 'Anna, second draft, still apart.' });
    t = 50;
    await sync2('anna', a); // her second draft replaces her first in that same conflict version
    await sync2('ben', b);
    for (const r of [a, b]) {
      expect((r.db.prepare('SELECT content FROM briefing_sections WHERE gid = ?').get(sg) as { content: string }).content).toBe('Ben, written apart.');
      const conflict = (r.db.prepare(`SELECT snapshot FROM briefing_versions WHERE reason = 'conflict' AND name LIKE 'conflict: anna%'`).all() as { snapshot: string }[]).map((v) => v.snapshot);
      expect(conflict).toHaveLength(1);
      expect(conflict[0]).toContain('Anna, second draft, still apart.');
    }
    expect(canonicalDump(b.db)).toEqual(canonicalDump(a.db));
  });
});

describe('a big pull', () => {
  it('keeps the search index right: a pulled contact is found by its new words, not by the words it lost', async () => {
    const team = await twoMembers('bigpull');
    const a = replica('anna');
    await a.call('system.loadDemo', {});
    await team.create(a);
    const b = replica('ben');
    await team.join(b);
    // A thousand changes and more, in Anna's order of her contacts, which is no order of Ben's local ids (his came from
    // the team's copy): every contact's notes, many times.
    const ids = (a.db.prepare('SELECT id FROM contacts').all() as { id: number }[]).map((r) => r.id);
    const rounds = Math.ceil(1100 / ids.length);
    for (let i = 0; i < rounds; i++) {
      a.db.transaction(() => {
        const upd = a.db.prepare('UPDATE contacts SET notes = ? WHERE id = ?');
        for (const id of ids) upd.run(`round${i}word contact${id}`, id);
      })();
      stampPending(a.db);
    }
    await withClient('anna', 'bigpull', (c) => syncOnce(c, a.db));
    const r = await withClient('ben', 'bigpull', (c) => syncOnce(c, b.db, { batch: 300 }));
    expect(r.pulled).toBeGreaterThanOrEqual(1000);
    const someone = a.db.prepare('SELECT id, given_name, family_name FROM contacts ORDER BY id LIMIT 1').get() as { id: number; given_name: string; family_name: string };
    const hits = (await b.call('search.query', { query: `round${rounds - 1}word contact${someone.id}` })) as { kind: string; title: string }[];
    expect(hits).toHaveLength(1);
    expect(hits[0]!.title).toContain(`${someone.given_name} ${someone.family_name}`);
    expect((await b.call('search.query', { query: `round${rounds - 1}word` })).length).toBeGreaterThan(0);
    expect(await b.call('search.query', { query: 'round0word' })).toEqual([]);
  });
});

describe('a section brought back over an edit it received while deleted', () => {
  it('keeps that edit in the conflict version, with the section in it', async () => {
    const team = await twoMembers('back');
    const sync2 = team.sync;
    const a = replica('anna');
    await a.call('system.loadDemo', {});
    const meeting = (await a.call('meeting.list', {}))[0];
    const brief = await a.call('briefing.create', { meetingId: meeting.id, title: 'Brief' });
    const sec = brief.sections.find((s: { title: string }) => s.title === 'Objectives');
    await a.call('section.update', { id: sec.id, content: 'The text as saved.' });
    await a.call('version.save', { briefingId: brief.id, name: 'saved' });
    await team.create(a);
    const b = replica('ben');
    await team.join(b);
    const sg = (a.db.prepare('SELECT gid FROM briefing_sections WHERE id = ?').get(sec.id) as { gid: string }).gid;
    const bSec = (b.db.prepare('SELECT id, briefing_id FROM briefing_sections WHERE gid = ?').get(sg) as { id: number; briefing_id: number });

    await a.call('section.remove', { id: sec.id });
    await sync2('anna', a);
    // Ben, apart, edits the section Anna removed; his edit reaches it while it is deleted (kept restorable).
    await b.call('section.update', { id: bSec.id, content: 'Ben’s edit of a removed section.' });
    await sync2('ben', b);
    // Then he brings the saved version back: the section returns with the saved text, his edit becomes the conflict version.
    const saved = (await b.call('version.list', { briefingId: bSec.briefing_id })).find((v: { name: string }) => v.name === 'saved');
    await b.call('version.restore', { id: saved.id });
    await sync2('ben', b);
    await sync2('anna', a);
    for (const r of [a, b]) {
      expect((r.db.prepare('SELECT content FROM briefing_sections WHERE gid = ?').get(sg) as { content: string }).content).toBe('The text as saved.');
      const kept = (r.db.prepare(`SELECT snapshot FROM briefing_versions WHERE reason = 'conflict'`).all() as { snapshot: string }[]).filter((v) => v.snapshot.includes('Ben’s edit of a removed section.'));
      expect(kept).toHaveLength(1);
    }
    expect(canonicalDump(b.db)).toEqual(canonicalDump(a.db));
  });
});
