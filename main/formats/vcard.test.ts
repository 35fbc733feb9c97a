import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DossierError } from '../../contract/errors';
import { ContactProposal } from '../../contract/model';
import { type ContactData, emptyContact } from './contact-data';
import { readVCardFile, readVCards } from './vcard';
import { writeVCards } from './vcard-write';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/vcard/${name}`, import.meta.url), 'utf8');
const data = ({ line: _l, origin: _o, warnings: _w, institutionId: _i, phoneRegion: _r, ...rest }: ContactProposal): ContactData => rest;
const png = readFileSync(new URL('./fixtures/fidelity/photo.png', import.meta.url)).toString('base64');
const jpg = readFileSync(new URL('./fixtures/fidelity/photo.jpg', import.meta.url)).toString('base64');
const contact = (c: Partial<ContactData>): ContactData => ({ ...emptyContact(), ...c });

const people: ContactData[] = [
  contact({
    honorific: 'Dr.',
    givenName: 'Ελένη',
    familyName: 'Παπαδοπούλου',
    position: 'Head of Unit, International Affairs; G20',
    institutionNames: ['European Commission', 'DG EMPL'],
    phones: [
      { label: 'work', value: '+32 2 299 11 11', e164: '+3222991111' },
      { label: 'Assistant', value: '030 18527-0', e164: '+4930185270' },
      { label: '', value: '555 01 02', e164: null },
    ],
    emails: [
      { label: 'work', value: 'eleni.papadopoulou@example.ec.europa.eu' },
      { label: 'home', value: 'eleni@example.gr' },
    ],
    website: 'https://commission.europa.eu',
    languages: ['el', 'en', 'fr'],
    notes: 'Follows the G20 EWG, the OECD ELSAC; speaks at "social dimension" panels.\nSecond line: ' + 'ü'.repeat(90),
    internal: false,
    source: 'Pasted: EC page, 2023',
    informationDated: '2021-03',
    addresses: [
      { label: 'work', poBox: '', extended: 'Bureau 4/112', street: 'Rue Joseph II 27', locality: 'Bruxelles', region: '', postalCode: '1000', country: 'Belgique' },
      { label: 'Athens flat', poBox: 'PO 12', extended: '', street: 'Οδός Αθηνάς 5\nSecond line; with, commas', locality: 'Αθήνα', region: 'Attica', postalCode: '105 51', country: 'Ελλάδα' },
    ],
    photo: { mediaType: 'image/jpeg', dataBase64: jpg },
    // Canonical order: the name suffix (N's fifth part) comes first.
    otherDetails: [
      { name: 'Name suffix', value: 'PhD', property: '' },
      { name: 'Birthday', value: '1975-11-03', property: 'BDAY' },
      { name: 'Spouse', value: 'Nikos; "Niko", Papadopoulos\nsecond line', property: 'X-ABRELATEDNAMES;TYPE=pref' },
      { name: 'Geburtstag', value: '1975-11-03', property: 'BDAY' },
      { name: 'Custom column: ^caret', value: 'kept', property: '' },
      { name: 'Skype', value: 'skype:eleni.p', property: 'IMPP;X-SERVICE-TYPE=Skype;TYPE=work' },
    ],
  }),
  contact({ givenName: 'Дмитрий', familyName: 'Иванов', position: 'Советник', phones: [{ label: 'mobile', value: '+7 495 123-45-67', e164: '+74951234567' }], informationDated: '2017' }),
  contact({ givenName: '小明', familyName: '王', institutionNames: ['国际劳工组织'], emails: [{ label: 'work', value: 'wang@example.cn' }], informationDated: '2024-01-12' }),
  contact({ honorific: 'Bayan', givenName: 'Ayşe Gül', familyName: 'Özdemir', internal: true, phones: [{ label: 'fax', value: '+90 312 296 60 00', e164: '+903122966000' }] }),
  contact({ givenName: 'Małgorzata', familyName: 'Kowalska-Żółć', institutionNames: ['Ministerstwo Rodziny, Pracy i Polityki Społecznej'], languages: ['pl', 'de'] }),
  contact({ givenName: 'Pieter', familyName: 'van der Berg', emails: [{ label: 'work', value: 'p.vanderberg@example.oecd.org' }], photo: { mediaType: 'image/png', dataBase64: png } }),
  contact({ familyName: 'Wpsdg Secretariat', phones: [{ label: 'home fax', value: '+41 22 799 70 01', e164: '+41227997001' }] }),
];

describe('vCard round trip', () => {
  for (const version of ['4.0', '3.0'] as const) {
    it(`export ${version} → import gives the same contacts field for field, in any script`, () => {
      const text = writeVCards(people, version);
      expect(text.startsWith(`BEGIN:VCARD\r\nVERSION:${version}\r\n`)).toBe(true);
      // RFC 6350 §3.2: lines are folded at 75 octets.
      for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(76);
      const back = readVCards(text, 'export.vcf');
      back.forEach((p) => ContactProposal.parse(p));
      expect(back.map(data)).toEqual(people);
      expect(back.map((p) => p.warnings)).toEqual(people.map(() => []));
    });
  }

  it('writes tel: URIs in 4.0 and the written number in 3.0', () => {
    expect(writeVCards([people[0]!], '4.0').replace(/\r\n /g, '')).toContain('tel:+3222991111');
    expect(writeVCards([people[0]!], '3.0').replace(/\r\n /g, '')).toContain('TEL;TYPE=WORK,VOICE;X-DOSSIER-E164=+3222991111:+32 2 299 11 11');
    // Other details go back as the properties they came as; a name that is not the property's usual one rides along.
    const v4 = writeVCards([people[0]!], '4.0').replace(/\r\n /g, '');
    expect(v4).toContain('\r\nBDAY:1975-11-03\r\n');
    expect(v4).toContain('\r\nBDAY;X-DOSSIER-NAME=Geburtstag:1975-11-03\r\n');
    expect(v4).toContain('\r\nN:Παπαδοπούλου;Ελένη;;Dr.;PhD\r\n');
    expect(v4).toContain('X-DOSSIER-DETAIL;X-NAME="Custom column: ^^caret":kept');
    expect(v4).toContain(`PHOTO:data:image/jpeg;base64,${jpg}`);
    expect(writeVCards([people[0]!], '3.0').replace(/\r\n /g, '')).toContain(`PHOTO;ENCODING=b;TYPE=JPEG:${jpg}`);
  });
});

describe('vCard import', () => {
  it('reads a 4.0 file with a folded NOTE, escaped commas, tel: URIs, several ORG units and TYPE params', () => {
    const [a, b] = readVCards(fixture('v4-folded.vcf'), 'v4-folded.vcf');
    expect(a).toMatchObject({
      honorific: 'Mr.',
      givenName: 'Thoralf',
      familyName: 'Stenvold',
      position: 'Senior Specialist, Global Governance',
      institutionNames: ['International Labour Organization', 'Multilateral Cooperation Department'],
      phones: [
        { label: 'work', value: '+41-22-799-6111', e164: '+41227996111' },
        { label: 'mobile', value: '+41-79-555-0102 ext. 12', e164: '+41795550102' },
      ],
      emails: [{ label: 'work', value: 'perrin@ilo.org' }],
      website: 'https://www.ilo.org',
      languages: ['en', 'fr'],
      notes: 'Contact officer for Global Advocacy, trade and employment; follows the Working Party, the WPSDG, and its agenda.\nMet in Geneva, March 2024.',
      informationDated: '2017-06-15',
      line: 1,
    });
    expect(b).toMatchObject({ givenName: 'Ayşe', familyName: 'Özdemir', internal: true, informationDated: '2026-09', line: 17 });
    expect(b!.phones[0]!.e164).toBe('+4930185270');
  });

  it('reads Apple-style 3.0: item groups with X-ABLabel, repeated type params, ADR as an address, regional numbers via the address', () => {
    const [a, b] = readVCards(fixture('v3-apple.vcf'), 'v3-apple.vcf');
    expect(a).toMatchObject({
      honorific: 'Dr.',
      givenName: 'Eleni',
      familyName: 'Papadopoulou',
      institutionNames: ['European Commission', 'Directorate-General for Employment, Social Affairs and Inclusion'],
      emails: [{ label: 'work', value: 'eleni.papadopoulou@ec.europa.eu' }],
      phones: [
        { label: 'work', value: '+32 2 299 11 11', e164: '+3222991111' },
        { label: 'Assistant', value: '+32 498 12 34 56', e164: '+32498123456' },
      ],
      website: 'https://commission.europa.eu',
    });
    expect(b).toMatchObject({
      givenName: 'Małgorzata',
      familyName: 'Kowalska',
      position: 'Referentin',
      institutionNames: ['Bundesministerium für Arbeit und Soziales', 'Referat VI a 2'],
      notes: '',
      addresses: [{ label: 'work', poBox: '', extended: '', street: 'Wilhelmstraße 49', locality: 'Berlin', region: '', postalCode: '10117', country: 'Deutschland' }],
      phoneRegion: { region: 'DE', from: 'address' },
      informationDated: '2024-01-12',
    });
    expect(b!.phones.map((p) => [p.label, p.e164])).toEqual([
      ['work', '+4930185274415'],
      ['mobile', '+491701234567'],
    ]);
  });

  it("reads Outlook's 2.1 export: bare TYPE params and QUOTED-PRINTABLE values with soft line breaks", () => {
    const [a] = readVCards(fixture('v21-outlook.vcf'), 'v21-outlook.vcf', 'CH');
    expect(a).toMatchObject({
      honorific: 'Herr',
      givenName: 'Hans',
      familyName: 'Müller',
      position: 'Leiter Internationale Arbeitsfragen, Ressort Arbeitsbeziehungen',
      institutionNames: ['Staatssekretariat für Wirtschaft SECO', 'Internationale Arbeitsfragen'],
      emails: [{ label: '', value: 'hans.mueller@seco.admin.ch' }],
      notes: 'Zuständig für die IAO-Konferenz',
      informationDated: '2023-03-01',
    });
    expect(a!.phones.map((p) => [p.label, p.e164])).toEqual([
      ['work', '+41584622918'],
      ['mobile', '+41791234567'],
    ]);
  });

  const refusal = (content: string, file = 'contacts.vcf') => {
    try {
      readVCards(content, file);
    } catch (err) {
      expect(err).toBeInstanceOf(DossierError);
      return err as DossierError;
    }
    throw new Error('expected the file to be refused');
  };

  it('refuses a file with a broken card in the middle, naming file and line, and returns nothing', () => {
    const err = refusal(fixture('broken-middle.vcf'), 'broken-middle.vcf');
    expect(err.code).toBe('invalid_input');
    expect(err.details).toMatchObject({ file: 'broken-middle.vcf', line: 12 });
    expect(err.message).toMatch(/^broken-middle\.vcf, line 12: "THIS LINE HAS NO COLON" is not a property/);
  });

  it('refuses structural faults with their line', () => {
    const card = (body: string) => `BEGIN:VCARD\nVERSION:4.0\n${body}\nEND:VCARD\n`;
    expect(refusal(`BEGIN:VCARD\nVERSION:4.0\nFN:A\n${card('FN:B')}`).message).toMatch(/line 1: the card opened on line 1 has no END:VCARD before the next BEGIN:VCARD on line 4/);
    expect(refusal(`${card('FN:A')}hello\n`).details).toMatchObject({ line: 5 });
    expect(refusal(card('FN:A').replace('END:VCARD\n', '')).details).toMatchObject({ line: 1 });
    expect(refusal(card('NOTE:only a note')).message).toMatch(/line 1: the card has no name, e-mail address or organisation/);
    expect(refusal(card('FN:A\nX-DOSSIER-DATED:last spring')).details).toMatchObject({ line: 4 });
    expect(refusal('BEGIN:VCARD\nVERSION:5.0\nFN:A\nEND:VCARD').details).toMatchObject({ line: 2 });
    expect(refusal('').message).toMatch(/no vCard found/);
  });
});

describe('vCard partial files', () => {
  it('lists the cards that cannot be imported with line and reason, and reads the others', () => {
    const r = readVCardFile(fixture('broken-middle.vcf'), 'broken-middle.vcf');
    expect(r.proposals.map((p) => p.familyName)).toEqual(['Dubois', 'Weiss']);
    expect(r.rejected).toEqual([{ line: 12, reason: '"THIS LINE HAS NO COLON" is not a property (NAME:value).' }]);
  });

  it('reads a NOTE line that lost its folding space as part of the note, with a warning', () => {
    const r = readVCardFile('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Silva\r\nNOTE:first line\r\nsecond line, still the note\r\nEND:VCARD\r\n', 'x.vcf');
    expect(r.proposals[0]!.notes).toBe('first line\nsecond line, still the note');
    expect(r.proposals[0]!.warnings).toEqual(['Line 5 does not start a property; read as the continuation of line 4.']);
  });

  it('decodes RFC 6868 in parameters and keeps labels from Apple groups and Android types', () => {
    const r = readVCardFile(
      ['BEGIN:VCARD', 'VERSION:4.0', 'FN:Ana Silva', 'ADR;TYPE=work;LABEL="Rua ^\'Augusta^\' 1^n1100 Lisboa":;;Rua Augusta 1;Lisboa;;1100;Portugal', 'item7.TEL:+351 21 000 0000', 'item7.X-ABLabel:Gabinete', 'EMAIL;X-Assistant:x@example.pt', 'END:VCARD'].join('\r\n'),
      'x.vcf',
    );
    const p = r.proposals[0]!;
    expect(p.addresses[0]).toMatchObject({ street: 'Rua Augusta 1', country: 'Portugal' });
    expect(p.phones[0]).toMatchObject({ label: 'Gabinete', e164: '+351210000000' });
    expect(p.emails[0]).toMatchObject({ label: 'assistant' });
  });
});
