import { describe, expect, it } from 'vitest';
import { opNames, ops } from '../../contract/ops';
import type { OpsContext } from '../ops/context';
import { dispatch } from '../ops/index';
import { openDossier } from '../ops/open';
import { NOT_SHARED, writeSamples } from '../ops/write-samples';
import { createDb, writeTx } from '../store/db';
import { applyChanges } from '../store/sync/apply';
import type { Row } from '../store/sync/codec';
import { canonicalDump } from '../store/sync/dump';
import { deferInsertCapture, installCapture, LOCAL_COLUMNS, sharedTables } from '../store/sync/schema';
import { startMembership } from '../store/sync/state';
import { seeded } from '../ops/write-samples';
import { numberedCards } from '../test-support/cards';

function member(): OpsContext {
  const ctx = openDossier({ path: ':memory:', now: () => new Date('2026-11-23T09:00:00Z'), writesFiles: true });
  writeTx(ctx.db, () => startMembership(ctx.db, { teamId: 't', url: 'postgres://anna@db/unit', login: 'anna', replica: 'aaaaaaaa000000000000000000000000', position: 0, hlc: '', teamSchema: 30, joinedAt: '2026-11-23T09:00:00Z' }));
  return ctx;
}

/** Records (table, gid) whose shared content differs between two dumps, with the fields that differ. */
function changedRecords(a: ReturnType<typeof canonicalDump>, b: ReturnType<typeof canonicalDump>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const t of new Set([...Object.keys(a.live), ...Object.keys(b.live)])) {
    const x = a.live[t] ?? {};
    const y = b.live[t] ?? {};
    for (const gid of new Set([...Object.keys(x), ...Object.keys(y)])) {
      const before: Row | undefined = x[gid];
      const after: Row | undefined = y[gid];
      if (!before || !after) {
        out.set(`${t}|${gid}`, new Set(['_deleted']));
        continue;
      }
      const fields = Object.keys({ ...before, ...after }).filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
      if (fields.length) out.set(`${t}|${gid}`, new Set(fields));
    }
  }
  return out;
}

function outboxSince(ctx: OpsContext, seq: number): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of ctx.db.prepare('SELECT tbl, gid, fields, hlc, author FROM team_outbox WHERE seq > ?').all(seq) as { tbl: string; gid: string; fields: string; hlc: string; author: string }[]) {
    expect(r.hlc).toMatch(/^[0-9a-f]{12}\.[0-9a-f]{6}\.[0-9a-f]{8}$/);
    expect(r.author).toBe('anna');
    const set = out.get(`${r.tbl}|${r.gid}`) ?? new Set<string>();
    for (const f of Object.keys(JSON.parse(r.fields) as Row)) set.add(f);
    out.set(`${r.tbl}|${r.gid}`, set);
  }
  return out;
}

const maxSeq = (ctx: OpsContext) => (ctx.db.prepare('SELECT coalesce(max(seq), 0) AS n FROM team_outbox').get() as { n: number }).n;

describe('capture: every write is a change the team receives', () => {
  it('every write operation of the contract is captured in its own transaction, field by field', async () => {
    const ctx = member();
    const rnd = seeded(19);
    const writes = opNames.filter((n) => ops[n].kind === 'write');
    // Every write op is either sampled here or named as not changing shared records (with why).
    const unaccounted = writes.filter((n) => !writeSamples[n] && !NOT_SHARED[n]);
    expect(unaccounted, 'write operations with no sample in main/ops/write-samples.ts: add one so the capture test covers them').toEqual([]);

    // Something to work on, including a conflict and a record deleted while edited elsewhere.
    await dispatch(ctx, 'system.loadDemo', {});
    const meeting = (ctx.db.prepare('SELECT id FROM meetings LIMIT 1').get() as { id: number }).id;
    const b = await dispatch(ctx, 'briefing.create', { meetingId: meeting, title: 'Brief' });
    await dispatch(ctx, 'version.save', { briefingId: b.id, name: 'first' });
    await dispatch(ctx, 'pack.issue', { briefingId: b.id, date: '2026-11-23' });
    await dispatch(ctx, 'snippet.save', { id: null, topic: 'Social protection', title: 'floors', text: 'We support floors.' });
    writeTx(ctx.db, () => ctx.db.prepare(`INSERT INTO section_conflicts (section_id, version_id, author, at) SELECT s.id, v.id, 'ben', '2026-11-23T08:00:00Z' FROM briefing_sections s, briefing_versions v WHERE s.briefing_id = ? AND s.kind = 'markdown' LIMIT 1`).run(b.id));
    const victim = ctx.db.prepare('SELECT id, gid FROM contacts LIMIT 1').get() as { id: number; gid: string };
    await dispatch(ctx, 'contact.delete', { id: victim.id });
    writeTx(ctx.db, () => applyChanges(ctx.db, [{ id: 'x1', tbl: 'contacts', gid: victim.gid, f: { notes: 'edited by ben meanwhile' }, h: 'ffffffffffff.000000.bbbbbbbb', author: 'ben' }]));
    expect((await dispatch(ctx, 'team.restorable', {})).length).toBe(1);
    // What issue 17 added: a contact's addresses, photo and other details; an all-day meeting series from a calendar.
    await dispatch(ctx, 'contact.create', {
      givenName: 'Ines',
      familyName: 'Duarte',
      addresses: [{ label: 'work', street: 'Route des Morillons 4', locality: 'Genève', postalCode: '1211', country: 'Switzerland' }],
      photo: { mediaType: 'image/png', dataBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==' },
      otherDetails: [{ name: 'Nickname', value: 'Nes', property: 'NICKNAME' }],
    });
    await dispatch(ctx, 'meeting.importIcs', {
      content: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:retreat@example.org\r\nDTSTAMP:20260101T000000Z\r\nDTSTART;VALUE=DATE:20270301\r\nRRULE:FREQ=WEEKLY;COUNT=2\r\nSUMMARY:Unit retreat\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
      fileName: 'retreat.ics',
    });

    const ran = new Set<string>();
    for (const name of writes) {
      const sample = writeSamples[name];
      if (!sample || name === 'system.loadDemo') continue;
      // Random deletes and final briefings may leave an op nothing to work on: keep one of each around.
      const count = (sql: string) => (ctx.db.prepare(sql).get() as { n: number }).n;
      if (!count('SELECT count(*) AS n FROM institutions')) await dispatch(ctx, 'institution.create', { name: 'International Labour Office', acronym: 'ILO' });
      if (!count('SELECT count(*) AS n FROM contacts')) await dispatch(ctx, 'contact.create', { givenName: 'Ana', familyName: 'Lopes' });
      if (!count('SELECT count(*) AS n FROM meetings')) await dispatch(ctx, 'meeting.create', { title: 'Session', start: '2027-03-10T09:00', end: '2027-03-10T17:00' });
      if (!count(`SELECT count(*) AS n FROM briefings WHERE status <> 'final'`)) {
        await dispatch(ctx, 'briefing.create', { meetingId: (ctx.db.prepare('SELECT id FROM meetings LIMIT 1').get() as { id: number }).id, title: 'Draft brief' });
      }
      if (name === 'pack.addendum') {
        // An addendum needs an issued pack and a change since: issue one, then change a section.
        const nb = await dispatch(ctx, 'briefing.create', { meetingId: (ctx.db.prepare('SELECT id FROM meetings LIMIT 1').get() as { id: number }).id, title: 'Brief 2' });
        await dispatch(ctx, 'pack.issue', { briefingId: nb.id, date: '2026-11-23' });
        await dispatch(ctx, 'section.update', { id: nb.sections[0]!.id, content: 'Changed after issue.' });
      }
      if (name === 'action.carryForward') {
        const first = (ctx.db.prepare('SELECT id FROM meetings ORDER BY starts_at LIMIT 1').get() as { id: number }).id;
        await dispatch(ctx, 'action.save', { meetingId: first, text: 'Send the draft conclusions' });
        await dispatch(ctx, 'meeting.create', { title: 'Later session', start: '2030-01-10T09:00', end: '2030-01-10T17:00' });
      }
      if (name === 'conflict.resolve') {
        const nb = await dispatch(ctx, 'briefing.create', { meetingId: (ctx.db.prepare('SELECT id FROM meetings LIMIT 1').get() as { id: number }).id, title: 'Brief 3' });
        const v = await dispatch(ctx, 'version.save', { briefingId: nb.id, name: '' });
        await dispatch(ctx, 'section.update', { id: nb.sections[0]!.id, content: 'Written here since.' });
        writeTx(ctx.db, () => ctx.db.prepare(`INSERT INTO section_conflicts (section_id, version_id, author, at) VALUES (?, ?, 'ben', '2026-11-23T08:00:00Z')`).run(nb.sections[0]!.id, v.id));
      }
      if (name === 'version.restore') {
        const draft = (ctx.db.prepare(`SELECT id FROM briefings WHERE status <> 'final' LIMIT 1`).get() as { id: number }).id;
        await dispatch(ctx, 'version.save', { briefingId: draft, name: 'before' });
        const sec = (ctx.db.prepare(`SELECT id FROM briefing_sections WHERE briefing_id = ? AND kind = 'markdown' LIMIT 1`).get(draft) as { id: number } | undefined)?.id;
        if (sec) await dispatch(ctx, 'section.update', { id: sec, content: 'Changed since the version.' });
      }
      let given: unknown = null;
      if (name === 'pack.import') {
        // A colleague's pack of a meeting this dossier does not hold.
        const m = await dispatch(ctx, 'meeting.create', { title: 'Bilateral consultations', start: '2027-05-04T09:00', end: '2027-05-04T12:00' });
        await dispatch(ctx, 'agenda.save', { meetingId: m.id, title: 'Opening' });
        const pdf = (await dispatch(ctx, 'pack.build', { meetingId: m.id, date: '2026-11-23' })).bytesBase64!;
        await dispatch(ctx, 'meeting.delete', { id: m.id });
        given = { contentBase64: pdf, fileName: 'colleague.pdf', resolution: 'keep_both' };
      }
      let done = false;
      for (let attempt = 0; attempt < 40 && !done; attempt++) {
        const input = given ?? (await sample(ctx, rnd));
        if (input === null) continue;
        const before = canonicalDump(ctx.db);
        const seq = maxSeq(ctx);
        const heldBefore = new Set((ctx.db.prepare('SELECT tbl, gid, col FROM team_dangling').all() as { tbl: string; gid: string; col: string }[]).map((d) => `${d.tbl}|${d.gid}|${d.col}`));
        try {
          await dispatch(ctx, name, input);
        } catch (err) {
          if (process.env.DEBUG_CAPTURE) console.log(name, (err as Error).message);
          continue; // refused (a final briefing, a cycle): nothing was written; try another input
        }
        const changed = changedRecords(before, canonicalDump(ctx.db));
        const captured = outboxSince(ctx, seq);
        if (NOT_SHARED[name]) {
          expect({ name, changed: changed.size, captured: captured.size }).toEqual({ name, changed: 0, captured: 0 });
          done = true;
          continue;
        }
        if (changed.size === 0) continue; // e.g. an update to the same values: try again
        for (const [key, fields] of changed) {
          const got = captured.get(key) ?? new Set();
          // A reference SQLite cleared because the op deleted what it named travels as that delete, and one made again
          // because what it named came back travels as that return: held references (sync/stamp.ts, ids.ts).
          const [tbl, gid] = key.split('|');
          const held = (f: string) => heldBefore.has(`${key}|${f}`) || !!ctx.db.prepare('SELECT 1 FROM team_dangling WHERE tbl = ? AND gid = ? AND col = ?').get(tbl, gid, f);
          const missing = [...fields].filter((f) => !got.has(f) && !(f === '_deleted' && got.size > 0) && !held(f));
          expect({ op: name, record: key, missing }).toEqual({ op: name, record: key, missing: [] });
        }
        done = true;
      }
      if (done) ran.add(name);
    }
    const required = writes.filter((n) => writeSamples[n] && !['system.loadDemo', 'pack.open'].includes(n));
    expect(required.filter((n) => !ran.has(n))).toEqual([]);
    // Every shared table that holds rows had changes captured, and every shared column of it travelled at least once.
    const dump = canonicalDump(ctx.db);
    const sent = new Map<string, Set<string>>();
    for (const r of ctx.db.prepare('SELECT tbl, fields FROM team_outbox').all() as { tbl: string; fields: string }[]) {
      const set = sent.get(r.tbl) ?? new Set<string>();
      for (const f of Object.keys(JSON.parse(r.fields) as Row)) set.add(f);
      sent.set(r.tbl, set);
    }
    for (const t of sharedTables(ctx.db)) {
      if (!Object.keys(dump.live[t.name] ?? {}).length) continue;
      expect({ table: t.name, missing: t.shared.filter((c) => !sent.get(t.name)?.has(c)) }).toEqual({ table: t.name, missing: [] });
    }
    for (const t of ['contact_addresses', 'contact_photos', 'contact_details']) expect(Object.keys(dump.live[t] ?? {}).length, t).toBeGreaterThan(0);
    expect([...(sent.get('meetings') ?? [])]).toEqual(expect.arrayContaining(['all_day', 'ics_uid', 'ics_recurrence_id']));
  }, 120_000);

  it('a bulk import, its indexes built at the end and its cards read on a reader thread, is captured contact by contact, field by field', async () => {
    // Enough cards to defer the contact tables' indexes and to be read beside the writer (ops/contact-io.ts); into an empty team dossier.
    const ctx = member();
    const n = 2100;
    const cards = numberedCards(n, 'Kaptur', 'Bulk Unit');
    const before = canonicalDump(ctx.db);
    const seq = maxSeq(ctx);
    const r = await dispatch(ctx, 'contact.importCommit', { format: 'vcard', content: cards.join(''), fileName: 'bulk.vcf' });
    expect(r.created).toHaveLength(n);
    const changed = changedRecords(before, canonicalDump(ctx.db));
    const captured = outboxSince(ctx, seq);
    // Every contact, phone and e-mail, and the unit, each with every field.
    expect([...changed.keys()].filter((k) => k.startsWith('contacts|')).length).toBe(n);
    expect([...changed.keys()].filter((k) => k.startsWith('contact_phones|')).length).toBe(n);
    expect([...changed.keys()].filter((k) => k.startsWith('contact_emails|')).length).toBe(n);
    for (const [key, fields] of changed) expect({ record: key, missing: [...fields].filter((f) => !captured.get(key)?.has(f)) }).toEqual({ record: key, missing: [] });
    // The indexes are back as the migrations define them.
    const indexes = ctx.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('contacts', 'contact_phones', 'contact_emails') AND sql IS NOT NULL ORDER BY name`).all();
    expect(indexes.map((i) => (i as { name: string }).name)).toEqual(['contact_emails_contact', 'contact_emails_gid', 'contact_emails_value', 'contact_phones_contact', 'contact_phones_gid', 'contacts_gid', 'contacts_institution', 'contacts_sort_name']);
  }, 60_000);

  it('in a dossier of one\u2019s own, a bulk import writes without the insert triggers: they come back as they were, and every row has the gid capture gives it', async () => {
    const ctx = openDossier({ path: ':memory:' });
    const triggers = () => ctx.db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name`).all();
    const before = triggers();
    const n = 1200;
    const photo = 'PHOTO:data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const cards = numberedCards(n, 'Eigen', 'Own Unit', (i) => ['ADR;TYPE=work:;;Route des Morillons 4;Genève;;1211;Switzerland', 'X-SKYPE:eigen.skype', ...(i % 100 === 0 ? [photo] : [])]);
    const r = await dispatch(ctx, 'contact.importCommit', { format: 'vcard', content: cards.join(''), fileName: 'own.vcf' });
    expect(r.created).toHaveLength(n);
    expect(triggers()).toEqual(before);
    const missingSql = `SELECT (SELECT count(*) FROM contacts WHERE gid IS NULL) + (SELECT count(*) FROM contact_phones WHERE gid IS NULL) + (SELECT count(*) FROM contact_emails WHERE gid IS NULL) + (SELECT count(*) FROM contact_addresses WHERE gid IS NULL) + (SELECT count(*) FROM contact_details WHERE gid IS NULL) + (SELECT count(*) FROM contact_photos WHERE gid IS NULL) AS n`;
    expect(ctx.db.prepare(missingSql).get()).toEqual({ n: 0 });
    // A contact's phone, e-mail, address and other detail take their gids from the contact's and their place, as capture derives them.
    const wrongSql = `SELECT count(*) AS n FROM contacts c JOIN contact_phones p ON p.contact_id = c.id JOIN contact_emails e ON e.contact_id = c.id JOIN contact_addresses a ON a.contact_id = c.id
      WHERE p.gid <> c.gid || '|p0' OR e.gid <> c.gid || '|e0' OR a.gid <> c.gid || '|a0'`;
    expect(ctx.db.prepare(wrongSql).get()).toEqual({ n: 0 });
    expect(ctx.db.prepare('SELECT count(*) AS n FROM contact_photos p JOIN contacts c ON c.id = p.contact_id AND c.gid = p.gid').get()).toEqual({ n: n / 100 });
    // Nothing left for capture to mend (installCapture says whether it changed anything).
    expect(writeTx(ctx.db, () => installCapture(ctx.db))).toBe(false);
    // And a refused bulk file leaves the triggers where they were.
    const refused = await dispatch(ctx, 'contact.importCommit', { format: 'vcard', content: [...cards.slice(0, 1100), 'BEGIN:VCARD\r\nVERSION:4.0\r\nEND:VCARD\r\n', ...cards.slice(1100)].join(''), fileName: 'broken.vcf' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Error);
    expect(triggers()).toEqual(before);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM contacts').get()).toEqual({ n });
    // The same file again, each card updating its contact: the updates, made once the triggers are back, rewrite the
    // contacts' phones and e-mails, which take their gids from the triggers as before.
    const again = await dispatch(ctx, 'contact.importCommit', { format: 'vcard', content: cards.join(''), fileName: 'own.vcf', resolution: 'update' });
    expect(again.updated).toHaveLength(n);
    expect(triggers()).toEqual(before);
    expect(ctx.db.prepare(missingSql).get()).toEqual({ n: 0 });
    expect(ctx.db.prepare(wrongSql).get()).toEqual({ n: 0 });
  }, 60_000);

  it('insert triggers set aside give a row written without its gid the one they would have given it when they come back; a team dossier keeps them', () => {
    const own = createDb();
    writeTx(own, () => {
      const restore = deferInsertCapture(own, ['contacts', 'contact_phones']);
      expect(own.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name IN ('team_i_contacts', 'team_i_contact_phones')`).get()).toEqual({ n: 0 });
      const id = own.prepare(`INSERT INTO contacts (given_name, family_name, sort_name, created_at, updated_at) VALUES ('Ana', 'Lopes', 'lopes ana', '', '')`).run().lastInsertRowid;
      own.prepare(`INSERT INTO contact_phones (contact_id, position, value) VALUES (?, 0, '+41 22 799 61 11')`).run(id);
      restore();
    });
    const row = own.prepare(`SELECT c.gid AS contact, p.gid AS phone FROM contacts c JOIN contact_phones p ON p.contact_id = c.id`).get() as { contact: string; phone: string };
    expect(row.contact).toMatch(/^[0-9a-f]{32}$/);
    expect(row.phone).toBe(`${row.contact}|p0`);
    const team = member().db;
    writeTx(team, () => {
      deferInsertCapture(team, ['contacts']);
      expect(team.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE name = 'team_i_contacts'`).get()).toEqual({ n: 1 });
    });
  });

  it('every shared table has a gid and capture triggers, and no unique rule the merge does not know', () => {
    const db = createDb();
    const triggers = new Set((db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger'`).all() as { name: string }[]).map((r) => r.name));
    const tables = sharedTables(db);
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['contacts', 'institutions', 'meetings', 'briefings', 'briefing_sections', 'packs', 'section_conflicts']));
    for (const t of tables) {
      expect({ t: t.name, gid: t.columns.some((c) => c.name === 'gid') }).toEqual({ t: t.name, gid: true });
      for (const k of ['i', 'u', 'd']) expect({ t: t.name, trigger: triggers.has(`team_${k}_${t.name}`) }).toEqual({ t: t.name, trigger: true });
      // A unique rule two replicas could break while apart needs a merge rule (sync/schema.ts): the gid, a name-derived
      // or parent-derived gid, or a column each replica keeps for itself.
      const known: Record<string, string[][]> = { topics: [['name']], series: [['name']], briefing_versions: [['briefing_id', 'number']] };
      for (const idx of db.prepare(`SELECT name, "unique" AS u, origin FROM pragma_index_list(?)`).all(t.name) as { name: string; u: number; origin: string }[]) {
        if (!idx.u || idx.origin === 'pk') continue;
        const cols = (db.prepare('SELECT name FROM pragma_index_info(?)').all(idx.name) as { name: string }[]).map((c) => c.name);
        if (cols.length === 1 && cols[0] === 'gid') continue;
        const ok = (known[t.name] ?? []).some((k) => JSON.stringify(k) === JSON.stringify(cols));
        expect({ table: t.name, unique: cols, handled: ok }).toEqual({ table: t.name, unique: cols, handled: true });
      }
    }
    expect(LOCAL_COLUMNS.briefing_versions).toContain('number');
    // Local tables are never shared.
    expect(tables.map((t) => t.name)).not.toContain('settings');
    expect(tables.some((t) => t.name.startsWith('team_') || t.name.startsWith('search_index'))).toBe(false);
  });
});
