/**
 * Issue 17 through the ops: what arrives in the store from real exports, what the preview says, and round trips
 * (vCard 4.0, 3.0, CSV, iCalendar) that lose nothing Dossier stores — addresses, photo and other details included.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { DossierError } from '../../contract/errors';
import type { Contact } from '../../contract/model';
import type { OpsContext } from './context';
import { dispatch } from './index';
import { testContext } from './test-context';

const fixture = (name: string) => readFileSync(new URL(`../formats/fixtures/fidelity/${name}`, import.meta.url), 'utf8');
const photo = (name: string) => readFileSync(new URL(`../formats/fixtures/fidelity/${name}`, import.meta.url)).toString('base64');

let ctx: OpsContext;
let inst: Map<string, number>;
beforeEach(async () => {
  ctx = testContext(new Date('2026-08-01T09:00:00Z'));
  await dispatch(ctx, 'system.loadDemo', {});
  inst = new Map((await dispatch(ctx, 'institution.list', {})).map((i) => [i.acronym || i.name, i.id]));
});

/** A contact's own data, without ids, dates of the store and what is derived. */
const own = ({ id: _i, displayName: _d, institutionName: _n, stale: _s, updatedAt: _u, hasPhoto: _h, ...rest }: Contact) => rest;

describe('contacts: what arrives, what the preview says', () => {
  it('an Outlook vCard arrives with its addresses, photo and other details, and the preview counts every field', async () => {
    const input = { format: 'vcard' as const, content: fixture('outlook-2016-anna-weiss.vcf'), fileName: 'anna.vcf' };
    const p = await dispatch(ctx, 'contact.importPreview', input);
    expect(p.rejected).toEqual([]);
    expect(p.fields.find((f) => f.key === 'TEL')).toEqual({ key: 'TEL', stored: 5, other: 0, dropped: 0 });
    expect(p.fields.find((f) => f.key === 'X-MS-OL-DESIGN')).toEqual({ key: 'X-MS-OL-DESIGN', stored: 0, other: 1, dropped: 0 });
    const r = await dispatch(ctx, 'contact.importCommit', input);
    const c = await dispatch(ctx, 'contact.get', { id: r.created[0]! });
    expect(c).toMatchObject({
      familyName: 'Weiß',
      hasPhoto: true,
      photo: { mediaType: 'image/jpeg', dataBase64: photo('photo.jpg') },
      addresses: [{ label: 'work', street: 'Wilhelmstraße 49', locality: 'Berlin', postalCode: '10117', country: 'Deutschland' }],
    });
    expect(c.otherDetails.map((d) => d.name)).toEqual(['X-MS-OL-DEFAULT-POSTAL-ADDRESS', 'Role', 'Birthday', 'X-MS-IMADDRESS', 'X-MS-OL-DESIGN']);
    // A list does not carry photos (they are large) but says there is one.
    const listed = (await dispatch(ctx, 'contact.list', { query: 'Weiß' })).items.find((x) => x.id === c.id)!;
    expect([listed.hasPhoto, listed.photo]).toEqual([true, null]);
  });

  it('the user drops a property in the preview: only then is it dropped', async () => {
    const input = { format: 'vcard' as const, content: fixture('apple-contacts-macos14.vcf'), fileName: 'apple.vcf', drop: ['X-ABUID', 'X-SOCIALPROFILE'] };
    const p = await dispatch(ctx, 'contact.importPreview', input);
    expect(p.fields.filter((f) => f.dropped)).toEqual([
      { key: 'X-SOCIALPROFILE', stored: 0, other: 0, dropped: 1 },
      { key: 'X-ABUID', stored: 0, other: 0, dropped: 1 },
    ]);
    const r = await dispatch(ctx, 'contact.importCommit', input);
    const c = await dispatch(ctx, 'contact.get', { id: r.created[0]! });
    expect(c.otherDetails.map((d) => d.property.split(';')[0])).toEqual(['X-ABRELATEDNAMES', 'X-ABDATE', 'IMPP', 'BDAY']);
  });

  it('a partial file: the preview lists what cannot be imported; the import refuses by default and takes the rest on request', async () => {
    const content = fixture('android-13.vcf') + 'BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE:no name, no e-mail\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut Short\r\n';
    const input = { format: 'vcard' as const, content, fileName: 'android.vcf' };
    const p = await dispatch(ctx, 'contact.importPreview', input);
    expect(p.count).toBe(3);
    expect(p.rejected).toEqual([
      { line: 58, reason: 'the card has no name, e-mail address or organisation to name it by.' },
      { line: 62, reason: 'the card opened here has no END:VCARD (the file may be cut short).' },
    ]);
    const before = (await dispatch(ctx, 'contact.list', { limit: 1 })).total;
    const err = await dispatch(ctx, 'contact.importCommit', input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DossierError);
    expect((err as DossierError).message).toBe('android.vcf, line 58: the card has no name, e-mail address or organisation to name it by.');
    expect((await dispatch(ctx, 'contact.list', { limit: 1 })).total).toBe(before);
    const r = await dispatch(ctx, 'contact.importCommit', { ...input, skipInvalid: true });
    expect([r.created.length, r.rejected]).toEqual([3, 2]);
  });

  it('national numbers take their country from the institution’s seat when the contact has no address (the preview says so)', async () => {
    // "022 799 70 00" under the ILO (seat Geneva) is Swiss although the e-mail domain is French.
    const csv = 'First Name,Last Name,Company,E-mail Address,Business Phone\nClaire,Dubois,ILO,claire.dubois@example.fr,022 799 70 00\n';
    const p = await dispatch(ctx, 'contact.importPreview', { format: 'csv', content: csv, fileName: 'x.csv' });
    expect(p.contacts[0]!.proposal).toMatchObject({ institutionId: inst.get('ILO'), phoneRegion: { region: 'CH', from: 'seat' }, phones: [{ e164: '+41227997000' }] });
    // Without an institution the e-mail domain decides, then the setting.
    const alone = await dispatch(ctx, 'contact.importPreview', { format: 'csv', content: csv.replace('ILO', 'Nowhere Institute'), fileName: 'x.csv' });
    expect(alone.contacts[0]!.proposal.phoneRegion).toEqual({ region: 'FR', from: 'email' });
    await dispatch(ctx, 'settings.update', { region: 'CH' });
    const set = await dispatch(ctx, 'contact.importPreview', { format: 'csv', content: csv.replace('ILO', 'Nowhere Institute').replace('example.fr', 'example.org'), fileName: 'x.csv' });
    expect(set.contacts[0]!.proposal.phoneRegion).toEqual({ region: 'CH', from: 'setting' });
  });

  it('other details and addresses are searchable', async () => {
    await dispatch(ctx, 'contact.importCommit', { format: 'vcard', content: fixture('apple-contacts-macos14.vcf'), fileName: 'a.vcf' });
    const bySpouse = await dispatch(ctx, 'search.query', { query: 'Nikos Papadopoulos' });
    expect(bySpouse.map((h) => h.title)).toContain('Dr. Eleni Papadopoulou');
    const byStreet = await dispatch(ctx, 'contact.list', { query: 'Joseph' });
    expect(byStreet.items.map((c) => c.familyName)).toEqual(['Papadopoulou']);
  });

  it('"update" keeps the stored photo and details and adds the file’s', async () => {
    const first = await dispatch(ctx, 'contact.importCommit', { format: 'vcard', content: fixture('apple-contacts-macos14.vcf'), fileName: 'a.vcf' });
    const again = fixture('apple-contacts-macos14.vcf').replace(/PHOTO;[^\r]*\r\n( [^\r]*\r\n)*/, '').replace('X-ABUID:', 'X-SPOUSE:Nikos\r\nX-ABUID:');
    const r = await dispatch(ctx, 'contact.importCommit', { format: 'vcard', content: again, fileName: 'b.vcf', resolution: 'update' });
    expect(r.updated).toEqual(first.created);
    const c = await dispatch(ctx, 'contact.get', { id: first.created[0]! });
    expect(c.hasPhoto).toBe(true);
    expect(c.otherDetails.filter((d) => d.property === 'X-SPOUSE')).toHaveLength(1);
    expect(c.otherDetails.filter((d) => d.property === 'X-ABUID')).toHaveLength(1);
  });
});

describe('contacts: round trips lose nothing stored', () => {
  const files = ['outlook-2016-anna-weiss.vcf', 'apple-contacts-macos14.vcf', 'android-13.vcf', 'thunderbird-115.vcf', 'macosx-addressbook-2008.vcf', 'google-contacts-3.0.vcf'];
  const load = async (c: OpsContext) => {
    const ids: number[] = [];
    for (const f of files) ids.push(...(await dispatch(c, 'contact.importCommit', { format: 'vcard', content: fixture(f), fileName: f })).created);
    ids.push(...(await dispatch(c, 'contact.importCommit', { format: 'csv', content: fixture('outlook-365-en.csv'), fileName: 'o.csv' })).created);
    return ids;
  };
  for (const [format, version] of [['vcard', '4.0'], ['vcard', '3.0'], ['csv', '4.0']] as const) {
    it(`${format === 'csv' ? 'CSV' : `vCard ${version}`}: export → import into another dossier gives the same contacts`, async () => {
      const ids = await load(ctx);
      const out = await dispatch(ctx, 'contact.export', { format, version, ids });
      const other = testContext(new Date('2026-08-01T09:00:00Z'));
      await dispatch(other, 'system.loadDemo', {});
      const back = await dispatch(other, 'contact.importCommit', { format, content: out.content, fileName: out.fileName });
      expect(back.created).toHaveLength(ids.length);
      const a = await Promise.all(ids.map((id) => dispatch(ctx, 'contact.get', { id })));
      const b = await Promise.all(back.created.map((id) => dispatch(other, 'contact.get', { id })));
      // Institutions are matched by name in the other dossier, so compare their names, not ids.
      expect(b.map(own).map((c) => ({ ...c, institutionId: null }))).toEqual(a.map(own).map((c) => ({ ...c, institutionId: null })));
      expect(b.map((c) => c.institutionName)).toEqual(a.map((c) => c.institutionName));
      expect(a.some((c) => c.photo) && a.some((c) => c.addresses.length) && a.some((c) => c.otherDetails.length)).toBe(true);
    });
  }
});

describe('calendars through the ops', () => {
  const series = () => fixture('outlook-recurring-series.ics');
  const input = (content: string, extra = {}) => ({ content, fileName: 'series.ics', defaultZone: 'Europe/Berlin', ...extra });

  it('a series becomes meetings of one series; re-importing updates them, a moved occurrence moves, a removed one is marked cancelled', async () => {
    const p = await dispatch(ctx, 'meeting.importPreview', input(series()));
    expect(p.counts).toEqual({ create: 15, update: 0, series: 1, cancelled: 0 });
    const first = await dispatch(ctx, 'meeting.importIcs', input(series()));
    expect(first.created).toHaveLength(15);
    const list = await dispatch(ctx, 'meeting.list', { seriesId: (await dispatch(ctx, 'meeting.get', { id: first.created[0]! })).seriesId });
    expect(list).toHaveLength(15);

    // The organiser moves 8 December to 9 December and drops 1 December (EXDATE).
    const changed = series()
      .replace('EXDATE;TZID="W. Europe Standard Time":20261013T100000', 'EXDATE;TZID="W. Europe Standard Time":20261013T100000,20261201T100000')
      .replace(
        'END:VCALENDAR',
        'BEGIN:VEVENT\r\nUID:040000008200E00074C5B7101A82E00800000000A0B1C2D3E4F5A601000000000000000010000000112233445566778899AABBCCDDEEFF00\r\nRECURRENCE-ID;TZID="W. Europe Standard Time":20261208T100000\r\nDTSTART;TZID="W. Europe Standard Time":20261209T100000\r\nDTEND;TZID="W. Europe Standard Time":20261209T103000\r\nSUMMARY:G20 EWG Delegationsrunde\r\nEND:VEVENT\r\nEND:VCALENDAR',
      );
    const p2 = await dispatch(ctx, 'meeting.importPreview', input(changed));
    expect(p2.counts).toEqual({ create: 0, update: 14, series: 1, cancelled: 1 });
    const second = await dispatch(ctx, 'meeting.importIcs', input(changed));
    expect([second.created.length, second.updated.length, second.cancelled.length]).toEqual([0, 14, 1]);
    const all = await dispatch(ctx, 'meeting.list', { seriesId: list[0]!.seriesId });
    expect(all).toHaveLength(15);
    expect(all.find((m) => m.start.startsWith('2026-12-01'))?.status).toBe('cancelled');
    expect(all.some((m) => m.start === '2026-12-09T10:00')).toBe(true);
    expect(all.some((m) => m.start === '2026-12-08T10:00')).toBe(false);
  });

  it('attendees are matched by e-mail, then by name, and offered as delegation or counterparts; the user’s choice decides', async () => {
    const me = await dispatch(ctx, 'contact.create', { givenName: 'Anna', familyName: 'Weiß', internal: true, emails: [{ label: 'work', value: 'anna.weiss@example.bmas.bund.de' }] });
    const p = await dispatch(ctx, 'meeting.importPreview', input(fixture('exchange-invitation.ics')));
    const people = p.meetings[0]!.attendees;
    expect(people.find((a) => a.email === 'anna.weiss@example.bmas.bund.de')).toMatchObject({ contactId: me.id, match: 'email', side: 'delegation' });
    const stenvold = people.find((a) => a.name === 'Thoralf Stenvold')!;
    // The demo's Thoralf Stenvold has another address: found by name.
    expect(stenvold).toMatchObject({ match: 'name', side: 'counterpart' });
    expect(people.find((a) => a.organizer)).toMatchObject({ email: 'wpsdg@example.ilo.org', contactId: null, side: null });
    const r = await dispatch(ctx, 'meeting.importIcs', { ...input(fixture('exchange-invitation.ics')), attendees: { 'stenvold@example.ilo.org': 'ignore' } });
    const m = await dispatch(ctx, 'meeting.get', { id: r.created[0]! });
    expect(m.delegation.map((d) => d.contactId)).toEqual([me.id]);
    expect(m.counterparts.map((c) => c.contactId)).not.toContain(stenvold.contactId);
    expect(m.agenda.map((a) => a.title)).toEqual(['Opening', 'Just transition']);
  });

  it('iCalendar round trip: all-day dates, occurrences with their keys, kind, format, host, institutions and participants', async () => {
    await dispatch(ctx, 'meeting.importIcs', input(fixture('google-calendar-export.ics')));
    await dispatch(ctx, 'meeting.importIcs', input(series()));
    const all = await dispatch(ctx, 'meeting.list', {});
    const gb = all.find((m) => m.title.startsWith('357th'))!;
    expect(gb).toMatchObject({ allDay: true, start: '2027-03-15T00:00', end: '2027-03-19T23:59' });
    const contact = (await dispatch(ctx, 'contact.list', { query: 'Stenvold' })).items[0]!;
    const detail = await dispatch(ctx, 'meeting.get', { id: gb.id });
    await dispatch(ctx, 'meeting.update', { id: gb.id, patch: { ...detail, kind: 'Governing Body session', format: 'hybrid', hostInstitutionId: inst.get('ILO')!, institutionIds: [inst.get('OECD')!] } });
    await dispatch(ctx, 'meeting.setParticipant', { meetingId: gb.id, contactId: contact.id, side: 'counterpart' });
    const ics = (await dispatch(ctx, 'meeting.exportIcs', { all: true })).content;
    expect(ics).toContain('DTSTART;VALUE=DATE:20270315');
    expect(ics).toContain('DTEND;VALUE=DATE:20270320');
    expect(ics).toMatch(/RECURRENCE-ID:20261020T080000Z/);

    // Another dossier with the same institutions and people, but none of these meetings.
    const other = testContext(new Date('2026-08-01T09:00:00Z'));
    await dispatch(other, 'system.loadDemo', {});
    for (const m of await dispatch(other, 'meeting.list', {})) await dispatch(other, 'meeting.delete', { id: m.id });
    const r = await dispatch(other, 'meeting.importIcs', { content: ics, fileName: 'back.ics', defaultZone: 'UTC' });
    const mine = await Promise.all(all.map((m) => dispatch(ctx, 'meeting.get', { id: m.id })));
    const theirs = await Promise.all(r.created.map((id) => dispatch(other, 'meeting.get', { id })));
    const key = (m: (typeof mine)[number]) => ({
      title: m.title, series: m.series, kind: m.kind, start: m.start, end: m.end, timeZone: m.allDay ? '' : m.timeZone, allDay: m.allDay, venue: m.venue,
      format: m.format, hostInstitutionName: m.hostInstitutionName, status: m.status, notes: m.notes, agenda: m.agenda.map((a) => a.title),
      counterparts: m.counterparts.map((c) => c.displayName), institutions: m.institutionIds.length,
    });
    expect(theirs.map(key).sort((a, b) => (a.start + a.title).localeCompare(b.start + b.title))).toEqual(mine.map(key).sort((a, b) => (a.start + a.title).localeCompare(b.start + b.title)));
    // And importing the export back here updates, never duplicates.
    const again = await dispatch(ctx, 'meeting.importIcs', { content: ics, fileName: 'back.ics', defaultZone: 'UTC' });
    expect(again.created).toEqual([]);
    expect(again.updated).toHaveLength(all.length);
  });

  it('skipInvalid imports the events that can be read; the default refuses the file', async () => {
    const content = fixture('conference-programme.ics');
    await expect(dispatch(ctx, 'meeting.importIcs', input(content))).rejects.toThrow(/line 36: DTSTART cannot be read/);
    const r = await dispatch(ctx, 'meeting.importIcs', { ...input(content), skipInvalid: true });
    expect([r.created.length, r.skipped]).toEqual([4, 1]);
  });
});

describe('pasted pages keep the hierarchy, matched to existing institutions', () => {
  it('ministry and directorate found in the dossier, the unit proposed under them, saved nested', async () => {
    const szw = await dispatch(ctx, 'institution.create', { name: 'Ministerie van Sociale Zaken en Werkgelegenheid', acronym: 'SZW', kind: 'national_government', seat: 'Den Haag' });
    const diz = await dispatch(ctx, 'institution.create', { name: 'Directie Internationale Zaken', kind: 'department', parentId: szw.id });
    const text = readFileSync(new URL('../formats/fixtures/pages/nl-szw-hierarchy.txt', import.meta.url), 'utf8');
    const r = await dispatch(ctx, 'contact.parseText', { text });
    expect(r.institution).toEqual({ institutionId: diz.id, path: ['SZW', 'Directie Internationale Zaken'], create: ['Afdeling Multilaterale Zaken'] });
    const saved = await dispatch(ctx, 'contact.saveProposal', { contact: { ...r.proposal, institutionId: diz.id }, createInstitutions: r.institution.create });
    const unit = await dispatch(ctx, 'institution.get', { id: saved.institutionId! });
    expect(unit.path).toEqual(['SZW', 'Directie Internationale Zaken', 'Afdeling Multilaterale Zaken']);
  });
});

describe('the pack carries addresses, photos and other details, and imports back whole', () => {
  it('who’s who cards show the photo; addresses only when asked; the attached vCard brings everything to another dossier', async () => {
    const { execFileSync } = await import('node:child_process');
    const { pageTexts, tempPdf } = await import('../test-support/pdf');
    const r = await dispatch(ctx, 'contact.importCommit', { format: 'vcard', content: fixture('outlook-2016-anna-weiss.vcf'), fileName: 'a.vcf' });
    const anna = r.created[0]!;
    const meetings = await dispatch(ctx, 'meeting.list', {});
    const m = meetings[meetings.length - 1]!;
    await dispatch(ctx, 'meeting.setParticipant', { meetingId: m.id, contactId: anna, side: 'counterpart' });
    const plain = tempPdf(Buffer.from((await dispatch(ctx, 'pack.build', { meetingId: m.id, date: '2026-08-01' })).bytesBase64!, 'base64'));
    const asked = tempPdf(Buffer.from((await dispatch(ctx, 'pack.build', { meetingId: m.id, date: '2026-08-01', addresses: true })).bytesBase64!, 'base64'));
    expect(pageTexts(plain).join('\n')).not.toContain('Address (work)');
    const text = pageTexts(asked).join(' ').replace(/\s+/g, ' ');
    expect(text).toContain('Address (work)');
    expect(text).toContain('Wilhelmstraße 49, 10117 Berlin, Deutschland');
    // The photo is drawn on the card: one image in the pack.
    const images = execFileSync('pdfimages', ['-list', asked], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images.length).toBeGreaterThanOrEqual(1);

    // Another dossier imports the pack: the contact arrives with its address, photo and other details.
    const other = testContext(new Date('2026-08-01T09:00:00Z'));
    await dispatch(other, 'system.loadDemo', {});
    const bytes = (await dispatch(ctx, 'pack.build', { meetingId: m.id, date: '2026-08-01' })).bytesBase64!;
    const imported = await dispatch(other, 'pack.import', { contentBase64: bytes, fileName: 'pack.pdf' });
    const [back] = (await dispatch(other, 'contact.list', { query: 'Anna Lena Weiß' })).items;
    expect(imported.created).toContain(back!.id);
    const full = await dispatch(other, 'contact.get', { id: back!.id });
    const mine = await dispatch(ctx, 'contact.get', { id: anna });
    expect({ addresses: full.addresses, photo: full.photo, otherDetails: full.otherDetails }).toEqual({ addresses: mine.addresses, photo: mine.photo, otherDetails: mine.otherDetails });
  });
});
