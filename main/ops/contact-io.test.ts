import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { DossierError } from '../../contract/errors';
import type { Contact } from '../../contract/model';
import type { OpsContext } from './context';
import { call, dispatch } from './index';
import { testContext } from './test-context';

const page = (name: string) => readFileSync(new URL(`../formats/fixtures/pages/${name}`, import.meta.url), 'utf8');
const card = (lines: string[]) => ['BEGIN:VCARD', 'VERSION:4.0', ...lines, 'END:VCARD'].join('\r\n') + '\r\n';

let ctx: OpsContext;
let inst: Map<string, number>;
const count = async () => (await dispatch(ctx, 'contact.list', { limit: 1 })).total;
const institutions = async () => (await dispatch(ctx, 'institution.list', {})).length;

beforeEach(async () => {
  ctx = testContext();
  await dispatch(ctx, 'system.loadDemo', {});
  inst = new Map((await dispatch(ctx, 'institution.list', {})).map((i) => [i.acronym || i.name, i.id]));
});

describe('contact.parseText', () => {
  it('matches the seed 002 block to the deepest stored unit and finds the stored contact by e-mail', async () => {
    const r = await dispatch(ctx, 'contact.parseText', { text: page('en-ilo-global-advocacy.txt') });
    expect(r.institution).toEqual({ institutionId: inst.get('MULTILATERALS'), path: ['ILO', 'MULTILATERALS'], create: [] });
    expect(r.proposal).toMatchObject({ familyName: 'Stenvold', institutionId: inst.get('MULTILATERALS'), informationDated: '2017' });
    expect(r).toMatchObject({ duplicateReason: 'email', candidates: 1 });
    expect(r.duplicateOf).not.toBeNull();
  });

  it('proposes a unit with no stored match as new under the institution that matched', async () => {
    const r = await dispatch(ctx, 'contact.parseText', { text: page('de-bmas-referat.txt') });
    expect(r.institution).toEqual({ institutionId: inst.get('BMAS'), path: ['BMAS'], create: ['Abteilung VI – Europäische und internationale Beschäftigungs- und Sozialpolitik'] });
    expect(r.duplicateOf).toBeNull();
  });

  it('falls back on the e-mail domain when no name matches', async () => {
    const r = await dispatch(ctx, 'contact.parseText', { text: page('en-oecd-staff.txt') });
    expect(r.institution).toEqual({ institutionId: inst.get('OECD'), path: ['OECD'], create: ['Directorate for Employment, Labour and Social Affairs'] });
    const fr = await dispatch(ctx, 'contact.parseText', { text: page('fr-oit.txt') });
    // "Organisation internationale du Travail" is the ILO itself (ilo.org), not a unit to create under it.
    expect(fr.institution).toEqual({ institutionId: inst.get('ILO'), path: ['ILO'], create: ['Département de la coopération multilatérale'] });
  });

  it('proposes every name as new when nothing is stored', async () => {
    const r = await dispatch(ctx, 'contact.parseText', { text: page('nl-szw.txt') });
    expect(r.institution).toEqual({ institutionId: null, path: [], create: ['Ministerie van Sociale Zaken en Werkgelegenheid', 'Directie Internationale Zaken'] });
  });
});

describe('contact.importPreview and contact.importCommit', () => {
  const file = [
    card(['FN:Thoralf Stenvold', 'N:Stenvold;Thoralf;;Mr.;', 'EMAIL:PERRIN@ilo.org', 'TEL;VALUE=uri;TYPE=cell:tel:+41-79-555-0101', 'LANG:de']),
    card(['FN:Jonas Weiss', 'N:Weiss;Jonas;;;', 'ORG:Bundesministerium für Arbeit und Soziales', 'EMAIL:j.weiss@example.org', 'TITLE:Referent']),
    card(['FN:Lena Vogt', 'N:Vogt;Lena;;;', 'ORG:BMAS;Referat VI b 3', 'EMAIL:lena.vogt@example.bmas.de']),
    card(['FN:Tim Roth', 'N:Roth;Tim;;;', 'ORG:BMAS;Referat VI b 3', 'EMAIL:tim.roth@example.bmas.de', 'REV:20250105T000000Z']),
  ].join('');
  const input = { format: 'vcard' as const, content: file, fileName: 'team.vcf' };

  it('previews counts, duplicates by e-mail and by name + institution, and units to create', async () => {
    const r = await dispatch(ctx, 'contact.importPreview', input);
    expect(r).toMatchObject({ format: 'vcard', count: 4, columns: null, counts: { new: 2, duplicates: 2, institutionsToCreate: 1 } });
    expect(r.contacts.map((c) => c.duplicateReason)).toEqual(['email', 'name_institution', null, null]);
    expect(r.contacts[2]!.institution).toEqual({ institutionId: inst.get('BMAS'), path: ['BMAS'], create: ['Referat VI b 3'] });
    expect(r.contacts.map((c) => c.proposal.line)).toEqual([1, 9, 17, 24]);
  });

  it('skips duplicates by default and creates a new unit once for all its contacts', async () => {
    const before = await count();
    const r = await dispatch(ctx, 'contact.importCommit', input);
    expect(r).toMatchObject({ updated: [], skipped: 2 });
    expect(r.created).toHaveLength(2);
    expect(r.institutionsCreated).toHaveLength(1);
    expect(await count()).toBe(before + 2);
    const unit = await dispatch(ctx, 'institution.get', { id: r.institutionsCreated[0]! });
    expect(unit).toMatchObject({ name: 'Referat VI b 3', parentId: inst.get('BMAS'), contactCount: 2 });
  });

  it('updates duplicates without blanking stored fields, keeps both where asked per contact', async () => {
    const preview = await dispatch(ctx, 'contact.importPreview', input);
    const stenvoldId = preview.contacts[0]!.duplicateOf!;
    const before: Contact = await dispatch(ctx, 'contact.get', { id: stenvoldId });
    const r = await dispatch(ctx, 'contact.importCommit', { ...input, resolution: 'update', overrides: { '1': 'keep_both' } });
    expect(r.updated).toEqual([stenvoldId]);
    expect(r.created).toHaveLength(3);
    const after = await dispatch(ctx, 'contact.get', { id: stenvoldId });
    expect(after).toMatchObject({ position: before.position, institutionId: before.institutionId, notes: before.notes, informationDated: before.informationDated });
    expect(after.phones.map((p) => p.e164)).toEqual(['+41795550101', ...before.phones.map((p) => p.e164)]);
    expect(after.emails.map((e) => e.value)).toEqual(['PERRIN@ilo.org']);
    expect(after.languages).toEqual(['de', ...before.languages]);
  });

  it('writes nothing when one contact is malformed, and names the file and line', async () => {
    const [before, beforeInst] = [await count(), await institutions()];
    const bad = file + card(['FN:Too Long', `TITLE:${'x'.repeat(400)}`]);
    const err = await dispatch(ctx, 'contact.importCommit', { ...input, content: bad }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DossierError);
    expect((err as DossierError).details).toMatchObject({ file: 'team.vcf', line: 32 });
    expect((err as DossierError).message).toMatch(/^team\.vcf, line 32: position: /);
    const broken = await dispatch(ctx, 'contact.importCommit', { ...input, content: file.replace('TITLE:Referent', 'TITLE;TYPE="oops:Referent') }).catch((e: unknown) => e);
    expect((broken as DossierError).message).toMatch(/^team\.vcf, line 15: /);
    expect([await count(), await institutions()]).toEqual([before, beforeInst]);
  });

  it('imports in one pass as the preview showed it: choices by preview index past unreadable cards, every refused record counted, progress all along', async () => {
    const cards = [
      card(['FN:Ana Silva', 'EMAIL:ana.silva@example.org']),
      card(['NOTE:no name, no e-mail']),
      card(['FN:Ben Okafor', 'EMAIL:ben.okafor@example.org']),
      card(['FN:Too Long', `TITLE:${'x'.repeat(400)}`]),
      card(['FN:Cleo Marchetti', 'EMAIL:cleo.marchetti@example.org']),
    ];
    const input = { format: 'vcard' as const, content: cards.join(''), fileName: 'mixed.vcf' };
    const preview = await dispatch(ctx, 'contact.importPreview', input);
    expect(preview.contacts.map((c) => c.proposal.familyName)).toEqual(['Silva', 'Okafor', 'Long', 'Marchetti']);
    const before = await count();
    const err = await dispatch(ctx, 'contact.importCommit', input).catch((e: unknown) => e);
    expect((err as DossierError).details).toMatchObject({ file: 'mixed.vcf', line: 6, rejected: 2 });
    expect(await count()).toBe(before);
    // Okafor is stored already; "skip" for him by his index in the preview (1), which the unreadable card before him does not shift.
    await dispatch(ctx, 'contact.importCommit', { format: 'vcard', content: cards[2]!, fileName: 'ben.vcf' });
    const reports: [number, number][] = [];
    ctx.progress = (done, total) => reports.push([done, total]);
    const r = await dispatch(ctx, 'contact.importCommit', { ...input, skipInvalid: true, resolution: 'keep_both', overrides: { '1': 'skip' } });
    const names = await Promise.all(r.created.map(async (id) => (await dispatch(ctx, 'contact.get', { id })).familyName));
    expect([names, r.skipped, r.rejected]).toEqual([['Silva', 'Marchetti'], 1, 2]);
    expect(reports[0]).toEqual([0, 5]);
    expect(reports.at(-1)).toEqual([4, 4]);
  });

  it('a large import is found by search card for card, and its rows carry the team ids the capture triggers give', async () => {
    // More cards than one search-index batch (store/search.ts IndexBatch), so entries written in several batches are checked.
    const n = 5200;
    const cards = Array.from({ length: n }, (_, i) => card([`FN:Person${i} Quellmalz${i}`, `N:Quellmalz${i};Person${i};;;`, `EMAIL:p${i}@example.org`, `TEL:+41 22 799 ${String(i).padStart(4, '0')}`]));
    const r = await dispatch(ctx, 'contact.importCommit', { format: 'vcard', content: cards.join(''), fileName: 'many.vcf' });
    expect(r.created).toHaveLength(n);
    for (const i of [0, 4999, 5000, n - 1]) {
      const hits = await dispatch(ctx, 'search.query', { query: `quellmalz${i}` });
      expect(hits.map((h) => h.id)).toEqual([r.created[i]]);
    }
    const rows = ctx.db
      .prepare(`SELECT c.gid, p.gid AS phone, e.gid AS email FROM contacts c JOIN contact_phones p ON p.contact_id = c.id JOIN contact_emails e ON e.contact_id = c.id WHERE c.id IN (?, ?)`)
      .all(r.created[0], r.created[n - 1]) as { gid: string; phone: string; email: string }[];
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toEqual({ gid: expect.stringMatching(/^[0-9a-f]{32}$/), phone: `${row.gid}|p0`, email: `${row.gid}|e0` });
    expect(rows[0]!.gid).not.toBe(rows[1]!.gid);
  });

  it('imports CSV with the mapping shown in the preview, and all contacts of a text file', async () => {
    const csv = 'Wer,Mail,Firma\nDr. Ana da Silva,ana.silva@example.org,OECD\n';
    const p = await dispatch(ctx, 'contact.importPreview', { format: 'csv', content: csv, fileName: 'x.csv', mapping: { Wer: 'fullName', Mail: 'email.work', Firma: 'organisation' } });
    expect(p.columns).toEqual({ headers: ['Wer', 'Mail', 'Firma'], mapping: { Wer: 'fullName', Mail: 'email.work', Firma: 'organisation' }, delimiter: ',' });
    expect(p.contacts[0]!.proposal).toMatchObject({ honorific: 'Dr.', givenName: 'Ana', familyName: 'da Silva', institutionId: inst.get('OECD') });
    const t = await dispatch(ctx, 'contact.importCommit', { format: 'text', content: page('en-team-page.txt'), fileName: 'team.txt' });
    expect(t.created).toHaveLength(2);
    const none = await dispatch(ctx, 'contact.importPreview', { format: 'text', content: 'Nothing here.', fileName: 'empty.txt' }).catch((e: unknown) => e);
    expect((none as DossierError).message).toMatch(/empty\.txt: no contact/);
  });
});

describe('contact.export', () => {
  const comparable = ({ id: _i, updatedAt: _u, stale: _s, ...rest }: Contact) => rest;

  for (const [format, version] of [
    ['vcard', '4.0'],
    ['vcard', '3.0'],
    ['csv', '4.0'],
  ] as const) {
    it(`${format} ${format === 'vcard' ? version : ''}: export, then import into another dossier gives the same contacts field for field`, async () => {
      const all = (await dispatch(ctx, 'contact.list', { limit: 1000 })).items;
      const out = await dispatch(ctx, 'contact.export', { format, version });
      expect(out.count).toBe(all.length);
      const other = testContext();
      await dispatch(other, 'system.loadDemo', {});
      for (const c of (await dispatch(other, 'contact.list', { limit: 1000 })).items) await dispatch(other, 'contact.delete', { id: c.id });
      const r = await dispatch(other, 'contact.importCommit', { format, content: out.content, fileName: out.fileName });
      expect(r).toMatchObject({ skipped: 0, institutionsCreated: [] });
      const back = (await dispatch(other, 'contact.list', { limit: 1000 })).items;
      expect(back.map(comparable)).toEqual(all.map(comparable));
    });
  }

  it('exports chosen ids, and refuses unknown ones', async () => {
    const [first] = (await dispatch(ctx, 'contact.list', { limit: 1 })).items;
    const out = await dispatch(ctx, 'contact.export', { format: 'vcard', ids: [first!.id] });
    expect(out.count).toBe(1);
    expect(out.fileName).toMatch(/\.vcf$/);
    await expect(dispatch(ctx, 'contact.export', { format: 'csv', ids: [first!.id, 99999] })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('contact.saveProposal', () => {
  it('saves a reviewed paste with its new unit in one go, reusing the unit when saved again', async () => {
    const r = await dispatch(ctx, 'contact.parseText', { text: page('de-bmas-referat.txt') });
    const { proposal: p, institution } = r;
    const contact = { ...p, givenName: 'Anna Lena', institutionId: institution.institutionId };
    const saved = await dispatch(ctx, 'contact.saveProposal', { contact, createInstitutions: institution.create });
    expect(saved).toMatchObject({ givenName: 'Anna Lena', familyName: 'Weiß', informationDated: '2021-03', institutionName: institution.create[0] });
    const unit = await dispatch(ctx, 'institution.get', { id: saved.institutionId! });
    expect(unit.parentId).toBe(inst.get('BMAS'));
    const again = await dispatch(ctx, 'contact.saveProposal', { contact: { ...contact, givenName: 'Anna' }, createInstitutions: institution.create });
    expect(again.institutionId).toBe(saved.institutionId);
  });

  it('merges into the duplicate it names, and writes nothing when the contact is invalid', async () => {
    const r = await dispatch(ctx, 'contact.parseText', { text: page('en-ilo-global-advocacy.txt') });
    const merged = await dispatch(ctx, 'contact.saveProposal', { contact: { ...r.proposal, languages: ['de'] }, updateId: r.duplicateOf });
    expect(merged.id).toBe(r.duplicateOf);
    expect(merged.languages).toEqual(['de', 'en', 'fr']);
    const before = await institutions();
    const bad = await call(ctx, 'contact.saveProposal', { contact: { ...r.proposal, givenName: '', familyName: '' }, createInstitutions: ['New Unit'] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'contact.familyName' } });
    expect(await institutions()).toBe(before);
  });

  it('leaves nothing behind when it fails part-way: the new units are undone with the contact', async () => {
    const r = await dispatch(ctx, 'contact.parseText', { text: page('en-ilo-global-advocacy.txt') });
    const gone = r.duplicateOf!;
    await dispatch(ctx, 'contact.delete', { id: gone }); // deleted in another window while this paste was reviewed
    const before = await institutions();
    // The units are created first, inside the transaction; then the merge finds no contact to merge into.
    const failed = await call(ctx, 'contact.saveProposal', { contact: r.proposal, createInstitutions: ['Orphan Unit', 'Orphan Team'], updateId: gone });
    expect(failed).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await institutions()).toBe(before);
    expect((await dispatch(ctx, 'institution.list', { query: 'Orphan' })).length).toBe(0);
  });
});
