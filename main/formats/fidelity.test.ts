/**
 * The fidelity corpus (issue 17): contact exports written the way Outlook, Google, Apple, Thunderbird, Android and
 * LinkedIn write them (fixtures/fidelity/, built from their documented layouts and real behaviour: 2.1 quoted-printable
 * with soft breaks, base64 photos in three dialects, grouped properties with Apple labels, RFC 6868, tel: URIs with
 * extensions, Outlook's bookkeeping columns in five languages, LinkedIn's preamble). Each fixture has its
 * field-by-field expectation; every file must arrive with nothing dropped.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ContactProposal } from '../../contract/model';
import { ContactProposal as ProposalSchema } from '../../contract/model';
import { readCsvFile, readCsvTable } from './csv';
import { isEmptyCell } from './csv-headers';
import { readVCardFile } from './vcard';

const DIR = new URL('./fixtures/fidelity/', import.meta.url);
const text = (name: string) => readFileSync(new URL(name, DIR), 'utf8');
const photo = (name: string) => readFileSync(new URL(name, DIR)).toString('base64');
const vcf = (name: string) => readVCardFile(text(name), name);
const csv = (name: string) => readCsvFile(text(name), name);
const detail = (p: ContactProposal, name: string) => p.otherDetails.find((d) => d.name === name);
const noDrops = (r: { fields: { dropped: number }[]; rejected: unknown[] }) => {
  expect(r.rejected).toEqual([]);
  expect(r.fields.filter((f) => f.dropped > 0)).toEqual([]);
};

describe('fidelity corpus: every file reads, schema-valid, nothing dropped', () => {
  const files = readdirSync(DIR).filter((f) => /\.(vcf|csv)$/.test(f));
  it('holds exports of each program', () => {
    expect(files.length).toBeGreaterThanOrEqual(17);
  });
  for (const f of files) {
    it(f, () => {
      const r = f.endsWith('.vcf') ? vcf(f) : csv(f);
      noDrops(r);
      expect(r.proposals.length).toBeGreaterThan(0);
      for (const p of r.proposals) ProposalSchema.parse(p);
    });
  }

  it('CSV: every non-empty cell is stored or kept as an other detail', () => {
    for (const f of files.filter((x) => x.endsWith('.csv'))) {
      const t = readCsvTable(text(f), f);
      const r = readCsvFile(t, f);
      const paired = new Set(['label', 'e164', 'property']);
      let cells = 0;
      t.rows.forEach((row, k) => {
        const p = r.proposals[k]!;
        t.headers.forEach((h, i) => {
          const v = (row.cells[i] ?? '').trim();
          if (v && !paired.has(r.mapping[h]!) && !isEmptyCell(h, v, { givenName: p.givenName, familyName: p.familyName })) cells++;
        });
      });
      const counted = r.fields.reduce((n, x) => n + x.stored + x.other, 0);
      expect({ f, counted }).toEqual({ f, counted: cells });
    }
  });
});

describe('vCard exports', () => {
  it('Outlook 2016, vCard 2.1: QP note with a soft break, home fax ≠ work fax, ADR + LABEL, base64 photo block, X-MS properties kept', () => {
    const r = vcf('outlook-2016-anna-weiss.vcf');
    const [a] = r.proposals;
    expect(a).toMatchObject({
      honorific: 'Dr.',
      givenName: 'Anna Lena',
      familyName: 'Weiß',
      position: 'Referentin',
      institutionNames: ['Bundesministerium für Arbeit und Soziales', 'Referat VI a 2'],
      notes: 'Met at the G20 EWG, Berlin 2024; prefers e-mail, not phone, and\nasks for papers two weeks in advance. Grüße an das Referat.',
      website: 'http://www.bmas.de',
      informationDated: '2024-01-12',
      addresses: [{ label: 'work', street: 'Wilhelmstraße 49', locality: 'Berlin', postalCode: '10117', country: 'Deutschland' }],
      photo: { mediaType: 'image/jpeg', dataBase64: photo('photo.jpg') },
      phoneRegion: { region: 'DE', from: 'address' },
    });
    expect(a!.phones.map((p) => [p.label, p.value, p.e164])).toEqual([
      ['work', '030 18527-4412', '+4930185274412'],
      ['home', '030 555 0101', '+49305550101'],
      ['mobile', '0170 1234567', '+491701234567'],
      ['fax', '030 18527-1830', '+4930185271830'],
      ['home fax', '030 555 0102', '+49305550102'],
    ]);
    expect(a!.otherDetails).toEqual([
      { name: 'X-MS-OL-DEFAULT-POSTAL-ADDRESS', value: '2', property: 'X-MS-OL-DEFAULT-POSTAL-ADDRESS' },
      { name: 'Role', value: 'Delegierte G20 EWG', property: 'ROLE' },
      { name: 'Birthday', value: '19700514', property: 'BDAY' },
      { name: 'X-MS-IMADDRESS', value: 'anna.weiss@example.bmas.bund.de', property: 'X-MS-IMADDRESS' },
      expect.objectContaining({ name: 'X-MS-OL-DESIGN', property: 'X-MS-OL-DESIGN' }),
    ]);
    expect(r.fields.find((f) => f.key === 'LABEL')).toEqual({ key: 'LABEL', stored: 1, other: 0, dropped: 0 });
    expect(r.fields.find((f) => f.key === 'PHOTO')).toEqual({ key: 'PHOTO', stored: 1, other: 0, dropped: 0 });
  });

  it('Google Contacts, vCard 3.0: the whole long NOTE, "https\\://" unescaped, folded ORG, nickname, birthday and categories kept', () => {
    const [c] = vcf('google-contacts-3.0.vcf').proposals;
    expect(c!.notes).toHaveLength(707);
    expect(c!.notes.endsWith('the side event and the visit to Berlin, all open.')).toBe(true);
    expect(c).toMatchObject({
      honorific: 'Mme',
      givenName: 'Claire',
      familyName: 'Dubois',
      institutionNames: ['Organisation internationale du Travail', 'Département de la coopération multilatérale'],
      website: 'https://www.ilo.org/multilateral',
      emails: [
        { label: 'work', value: 'dubois@example.ilo.org' },
        { label: 'home', value: 'claire.dubois@example.fr' },
      ],
      addresses: [{ label: 'work', street: 'Route des Morillons 4', locality: 'Genève', postalCode: '1211', country: 'Suisse' }],
      // "022 799 70 00" is Swiss by the address, though one e-mail is French.
      phones: [
        { label: 'mobile', e164: '+41791234567' },
        { label: 'work', value: '022 799 70 00', e164: '+41227997000' },
      ],
      phoneRegion: { region: 'CH', from: 'address' },
    });
    expect(c!.otherDetails).toEqual([
      { name: 'Nickname', value: 'Clo', property: 'NICKNAME' },
      { name: 'Birthday', value: '1978-04-02', property: 'BDAY' },
      { name: 'Categories', value: 'myContacts, WPSDG', property: 'CATEGORIES' },
    ]);
  });

  it('Apple Contacts, macOS 14: grouped labels (built-in and custom), X-ABADR country, related names and dates, IM, photo', () => {
    const [e] = vcf('apple-contacts-macos14.vcf').proposals;
    expect(e).toMatchObject({
      honorific: 'Dr.',
      givenName: 'Eleni',
      familyName: 'Papadopoulou',
      institutionNames: ['European Commission', 'Directorate-General for Employment, Social Affairs and Inclusion'],
      emails: [{ label: 'work', value: 'eleni.papadopoulou@ec.europa.eu' }],
      website: 'http://ec.europa.eu/social',
      notes: 'Met at ECOSOC, New York\nFollows the G20 EWG',
      addresses: [{ label: 'work', street: 'Rue Joseph II 27', locality: 'Bruxelles', postalCode: '1000', country: 'BE' }],
      photo: { mediaType: 'image/jpeg', dataBase64: photo('photo.jpg') },
    });
    expect(e!.phones.map((p) => [p.label, p.e164])).toEqual([
      ['work', '+3222991111'],
      ['Assistant', '+32498123456'],
      ['home fax', '+302105550199'],
      ['fax', '+3222991112'],
    ]);
    expect(e!.otherDetails).toEqual([
      { name: 'Spouse', value: 'Nikos Papadopoulos', property: 'X-ABRELATEDNAMES;type=pref' },
      { name: 'Anniversary', value: '2015-06-20', property: 'X-ABDATE;type=pref' },
      { name: 'Social profile', value: 'https://twitter.com/epapadopoulou', property: 'X-SOCIALPROFILE;type=twitter;x-user=epapadopoulou' },
      { name: 'Instant messaging', value: 'skype:eleni.papadopoulou', property: 'IMPP;X-SERVICE-TYPE=Skype;type=WORK;type=pref' },
      { name: 'Birthday', value: '1975-11-03', property: 'BDAY;value=date' },
      { name: 'X-ABUID', value: '5A8E4C52-1B2C-4D3E-8F90-ABCDEF123456:ABPerson', property: 'X-ABUID' },
    ]);
  });

  it('Mac OS X Address Book (2008): PHOTO;BASE64 with indented data lines, escaped colon in X-ABUID', () => {
    const [p] = vcf('macosx-addressbook-2008.vcf').proposals;
    expect(p).toMatchObject({
      givenName: 'Pieter',
      familyName: 'van der Berg',
      institutionNames: ['OECD', 'Directorate for Employment, Labour and Social Affairs'],
      photo: { mediaType: 'image/png', dataBase64: photo('photo.png') },
      phones: [{ label: 'work', value: '01 45 24 82 00', e164: '+33145248200' }],
      phoneRegion: { region: 'FR', from: 'address' },
      otherDetails: [{ name: 'X-ABUID', value: '0A1B2C3D-4E5F-6789-ABCD-EF0123456789:ABPerson', property: 'X-ABUID' }],
    });
  });

  it('Thunderbird 115, vCard 4.0: tel: URI with its extension kept, RFC 6868 in LABEL, escaped ";" in NOTE, custom fields', () => {
    const [t] = vcf('thunderbird-115.vcf').proposals;
    expect(t).toMatchObject({
      honorific: 'Mr.',
      position: 'Senior Specialist, Global Governance',
      notes: 'Focal point for the WPSDG; speaks Norwegian, English and French.',
      addresses: [{ label: 'work', street: 'Route des Morillons 4', locality: 'Genève 22', postalCode: 'CH-1211', country: 'Switzerland' }],
    });
    expect(t!.phones).toEqual([
      { label: 'work', value: '+41 22 799 6111', e164: '+41227996111' },
      { label: 'mobile', value: '+41 79 555 01 02', e164: '+41795550102' },
      { label: '', value: '+41-22-799-6112 ext. 204', e164: '+41227996112' },
    ]);
    expect(t!.otherDetails.map((d) => [d.name, d.value])).toEqual([
      ['Birthday', '19680301'],
      ['Anniversary', '19950610'],
      ['X-CUSTOM1', 'Room 4-112'],
      ['X-CUSTOM2', 'Assistant: M. Rossi'],
      ['UID', '0b3c7a2e-5f9d-4c1b-9e8a-2d6f1c3b7a90'],
    ]);
  });

  it('Android 13, vCard 2.1: QP names, a 707-character QP note with soft breaks, e-mail-only cards named from their address', () => {
    const r = vcf('android-13.vcf');
    const [a, b, c] = r.proposals;
    expect(a).toMatchObject({
      givenName: 'Ayşe',
      familyName: 'Özdemir',
      addresses: [{ street: 'Cinnah Cad. 33', locality: 'Çankaya', region: 'Ankara', postalCode: '06680', country: 'Türkiye' }],
      phones: [
        { label: 'mobile', e164: '+905321234567' },
        { label: 'work', value: '0312 296 60 00', e164: '+903122966000' },
      ],
      phoneRegion: { region: 'TR', from: 'address' },
      otherDetails: [{ name: 'Nickname', value: 'Ayşe Gül', property: 'NICKNAME' }],
      photo: { mediaType: 'image/jpeg', dataBase64: photo('photo.jpg') },
    });
    expect(a!.notes).toHaveLength(707);
    expect(b).toMatchObject({ givenName: 'Jonas', familyName: 'Weiss', emails: [{ label: 'home', value: 'jonas.weiss@example.bmas.bund.de' }], line: 48 });
    expect(b!.warnings[0]).toMatch(/no name; "Jonas Weiss" was proposed from jonas\.weiss@/);
    expect(c).toMatchObject({ familyName: 'Wpsdg', emails: [{ label: 'secretariat', value: 'wpsdg@example.ilo.org' }] });
  });

  it('a property the user chooses to drop is counted as dropped, and only then', () => {
    const r = readVCardFile(text('apple-contacts-macos14.vcf'), 'a.vcf', { drop: ['X-ABUID'] });
    expect(r.fields.find((f) => f.key === 'X-ABUID')).toEqual({ key: 'X-ABUID', stored: 0, other: 0, dropped: 1 });
    expect(r.proposals[0]!.otherDetails.some((d) => d.property === 'X-ABUID')).toBe(false);
  });
});

describe('CSV exports', () => {
  it('Outlook 365, English: addresses, birthday, home fax, assistant; bookkeeping defaults ("Normal", "0/0/00", "SMTP", initials) carry nothing', () => {
    const r = csv('outlook-365-en.csv');
    const [a, j] = r.proposals;
    expect(a).toMatchObject({
      honorific: 'Dr.',
      givenName: 'Anna Lena',
      familyName: 'Weiß',
      notes: 'Met at the G20 EWG, Berlin 2024.\r\nPrefers e-mail.',
      addresses: [
        { label: 'work', street: 'Wilhelmstraße 49', locality: 'Berlin', postalCode: '10117', country: 'Germany' },
        { label: 'home', street: 'Chausseestraße 12\nHinterhaus, 3. OG', locality: 'Berlin', postalCode: '10115', country: 'Germany' },
      ],
      phoneRegion: { region: 'DE', from: 'address' },
    });
    expect(a!.phones.map((p) => [p.label, p.e164])).toEqual([
      ['assistant', '+4930185274400'],
      ['fax', '+4930185271830'],
      ['work', '+4930185274412'],
      ['home fax', '+49305550102'],
      ['home', '+49305550101'],
      ['mobile', '+491701234567'],
    ]);
    expect(a!.otherDetails).toEqual([
      { name: "Assistant's Name", value: 'Frau Kaiser', property: '' },
      { name: 'Birthday', value: '1970-05-14', property: 'BDAY' },
      { name: 'Categories', value: 'G20;Berlin', property: '' },
      { name: 'Office Location', value: 'Haus 2, Raum 3.114', property: '' },
      { name: 'Spouse', value: 'Martin Weiß', property: '' },
    ]);
    expect(j!.emails).toEqual([
      { label: 'work', value: 'jdevries@example.minszw.nl' },
      { label: '', value: 'jan.devries@example.nl' },
    ]);
    expect(j!.otherDetails).toEqual([
      { name: 'Private', value: 'True', property: '' },
      { name: 'User 1', value: 'Brussels focal point', property: '' },
    ]);
    expect(r.fields.find((f) => f.key === 'Business Street')).toEqual({ key: 'Business Street', stored: 2, other: 0, dropped: 0 });
    expect(r.fields.some((f) => ['Sensitivity', 'Priority', 'Gender', 'E-mail Type', 'Anniversary', 'Initials'].includes(f.key))).toBe(false);
  });

  it('Outlook 365, German (";"): Straße/Ort/Postleitzahl geschäftlich, Geburtstag as a date, Fax privat as home fax', () => {
    const [j, m] = csv('outlook-365-de.csv').proposals;
    expect(j).toMatchObject({
      honorific: 'Herr',
      addresses: [{ label: 'work', street: 'Wilhelmstraße 49', locality: 'Berlin', postalCode: '10117', country: 'Deutschland' }],
      otherDetails: [
        { name: 'Büro', value: 'Raum 2.117', property: '' },
        { name: 'Geburtstag', value: '1981-09-03', property: 'BDAY' },
        { name: 'Kategorien', value: 'OECD', property: '' },
      ],
    });
    expect(j!.phones.map((p) => [p.label, p.e164])).toEqual([
      ['fax', '+4930185271830'],
      ['work', '+4930185274413'],
      ['mobile', '+4915123456789'],
    ]);
    expect(m).toMatchObject({ languages: ['pl', 'de'], phones: [{ label: 'work' }, { label: 'home fax', e164: '+49305550177' }], phoneRegion: { region: 'DE', from: 'email' } });
  });

  it('Outlook 2019, French: the two "Titre" columns are honorific and post', () => {
    const [c] = csv('outlook-2019-fr.csv').proposals;
    expect(c).toMatchObject({
      honorific: 'Mme',
      position: 'Cheffe de bureau',
      institutionNames: ["Ministère du Travail, du Plein emploi et de l'Insertion", 'Délégation aux affaires européennes et internationales'],
      addresses: [{ street: '39-43 quai André Citroën', locality: 'Paris', postalCode: '75015', country: 'France' }],
      languages: ['fr', 'en'],
      emails: [{ value: 'claire.dubois@example.travail.gouv.fr' }],
    });
    // 2/4/1978 may be 2 April or 4 February: kept as written.
    expect(detail(c!, 'Anniversaire')).toEqual({ name: 'Anniversaire', value: '2/4/1978', property: 'BDAY;VALUE=text' });
  });

  it('Outlook 2016, Dutch and Spanish', () => {
    const [ab] = csv('outlook-2016-nl.csv').proposals;
    expect(ab).toMatchObject({
      honorific: 'Mevr. drs.',
      givenName: 'A.B.',
      familyName: 'van der Berg',
      addresses: [{ poBox: 'Postbus 90801', street: 'Parnassusplein 5', locality: 'Den Haag', postalCode: '2511 VX', country: 'Nederland' }],
      languages: ['nl', 'en', 'fr'],
      otherDetails: [{ name: 'Verjaardag', value: '1969-03-12', property: 'BDAY' }],
      phoneRegion: { region: 'NL', from: 'address' },
    });
    const [l] = csv('outlook-2016-es.csv').proposals;
    expect(l).toMatchObject({
      honorific: 'Sra.',
      givenName: 'Lucía',
      familyName: 'Fernández García',
      position: 'Consejera técnica',
      addresses: [{ street: 'Paseo de la Castellana 63', locality: 'Madrid', postalCode: '28071', country: 'España' }],
      phones: [
        { label: 'work', e164: '+34913630000' },
        { label: 'mobile', e164: '+34612345678' },
      ],
      otherDetails: [{ name: 'Cumpleaños', value: '1980-07-25', property: 'BDAY' }],
    });
  });

  it('Google Contacts (2024 layout): labelled groups, address parts over the formatted one, relation and custom field by their labels', () => {
    const [e] = csv('google-contacts-2024.csv').proposals;
    expect(e).toMatchObject({
      phones: [
        { label: 'work', e164: '+3222991111' },
        { label: 'mobile', value: '0498 12 34 56', e164: '+32498123456' },
      ],
      addresses: [{ label: 'work', street: 'Rue Joseph II 27', locality: 'Bruxelles', postalCode: '1000', country: 'Belgium' }],
      phoneRegion: { region: 'BE', from: 'address' },
    });
    expect(e!.otherDetails).toEqual([
      { name: 'Name suffix', value: 'PhD', property: '' },
      { name: 'Nickname', value: 'Lena', property: 'NICKNAME' },
      { name: 'Birthday', value: '1975-11-03', property: 'BDAY' },
      { name: 'Photo', value: 'https://lh3.googleusercontent.com/contacts/AAAA-example', property: 'PHOTO;VALUE=uri' },
      { name: 'Labels', value: 'Brussels', property: '' },
      { name: 'Spouse', value: 'Nikos Papadopoulos', property: '' },
      { name: 'Sherpa', value: 'G20 EWG', property: '' },
    ]);
  });

  it('Google Contacts (legacy layout): " ::: " multi-values, a formatted-only address read for its country', () => {
    const [c] = csv('google-contacts-legacy.csv').proposals;
    expect(c!.emails.map((x) => x.value)).toEqual(['dubois@example.ilo.org', 'claire.dubois@example.fr']);
    expect(c!.addresses).toEqual([{ label: 'work', poBox: '', extended: '', street: 'Route des Morillons 4, 1211 Genève 22, Suisse', locality: '', region: '', postalCode: '', country: '' }]);
    expect(c).toMatchObject({ phones: [{ value: '022 799 70 00', e164: '+41227997000' }, { e164: '+41791234567' }], phoneRegion: { region: 'CH', from: 'address' } });
    expect(c!.otherDetails.map((d) => d.name)).toEqual(['Birthday', 'Group Membership', 'Organization 1 - Location']);
  });

  it('Thunderbird, English and German: e-mails, fax, web pages, the birthday in three columns', () => {
    const [t] = csv('thunderbird-102-en.csv').proposals;
    expect(t).toMatchObject({
      emails: [
        { label: 'work', value: 'stenvold@example.ilo.org' },
        { label: '', value: 't.stenvold@example.no' },
      ],
      phones: [{ label: 'work' }, { label: 'fax', e164: '+41227998577' }, { label: 'mobile' }],
      website: 'https://www.ilo.org',
      addresses: [{ label: 'work', street: 'Route des Morillons 4\nOffice 4-112', locality: 'Genève', postalCode: '1211', country: 'Switzerland' }],
    });
    expect(detail(t!, 'Birthday')).toEqual({ name: 'Birthday', value: '1968-03-01', property: 'BDAY' });
    expect(detail(t!, 'Web Page 2')).toEqual({ name: 'Web Page 2', value: 'https://www.regjeringen.no', property: 'URL' });
    const [j] = csv('thunderbird-102-de.csv').proposals;
    expect(j).toMatchObject({
      emails: [{ value: 'jonas.weiss@example.bmas.bund.de' }, { value: 'jonas.weiss@example.de' }],
      phones: [{ label: 'work' }, { label: 'fax' }, { label: 'mobile', e164: '+4915123456789' }],
      addresses: [{ street: 'Wilhelmstraße 49', locality: 'Berlin', postalCode: '10117', country: 'Deutschland' }],
    });
    // German Thunderbird's "Geburtstag" is the day of the month, beside Geburtsmonat.
    expect(detail(j!, 'Birthday')).toEqual({ name: 'Birthday', value: '--09-03', property: 'BDAY' });
  });

  it('Apple Contacts through an exporter tool: labels in the headers ("Phone : iPhone", "Address : work : ZIP")', () => {
    const [a] = csv('apple-contacts-exporter.csv').proposals;
    expect(a).toMatchObject({
      phones: [
        { label: 'work', e164: '+903122966000' },
        { label: 'home fax', e164: '+903125550199' },
        { label: 'mobile', e164: '+905321234567' },
      ],
      emails: [{ label: 'work', value: 'a.ozdemir@example.gov.tr' }],
      addresses: [{ label: 'work', street: 'Cinnah Cad. 33', locality: 'Ankara', postalCode: '06680', country: 'Türkiye' }],
      website: 'https://www.ilo.org/ankara',
      notes: 'Knows the Turkish social partners well.',
    });
  });

  it('LinkedIn connections: the "Notes:" preamble is skipped, lines still counted; profile URL as website', () => {
    const r = csv('linkedin-connections.csv');
    expect(r.proposals.map((p) => [p.line, p.givenName, p.familyName, p.website, p.emails.length])).toEqual([
      [5, 'Thoralf', 'Stenvold', 'https://www.linkedin.com/in/thoralf-stenvold-1a2b3c', 0],
      [6, 'Lucía', 'Fernández García', 'https://www.linkedin.com/in/lucia-fernandez-garcia', 1],
    ]);
    expect(r.proposals[0]!.otherDetails).toEqual([{ name: 'Connected On', value: '12 Mar 2024', property: '' }]);
  });

  it('a column the user maps to "ignore" is counted as dropped', () => {
    const r = readCsvFile(text('linkedin-connections.csv'), 'l.csv', { mapping: { 'Connected On': 'ignore' } });
    expect(r.fields.find((f) => f.key === 'Connected On')).toEqual({ key: 'Connected On', stored: 0, other: 0, dropped: 2 });
  });
});
