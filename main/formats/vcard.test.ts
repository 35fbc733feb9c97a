import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DossierError } from '../../contract/errors';
import { ContactProposal } from '../../contract/model';
import { type ContactData, emptyContact } from './contact-data';
import { readVCards } from './vcard';
import { writeVCards } from './vcard-write';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/vcard/${name}`, import.meta.url), 'utf8');
const data = ({ line: _l, origin: _o, warnings: _w, institutionId: _i, ...rest }: ContactProposal): ContactData => rest;
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
  }),
  contact({ givenName: 'Дмитрий', familyName: 'Иванов', position: 'Советник', phones: [{ label: 'mobile', value: '+7 495 123-45-67', e164: '+74951234567' }], informationDated: '2017' }),
  contact({ givenName: '小明', familyName: '王', institutionNames: ['国际劳工组织'], emails: [{ label: 'work', value: 'wang@example.cn' }], informationDated: '2024-01-12' }),
  contact({ honorific: 'Bayan', givenName: 'Ayşe Gül', familyName: 'Özdemir', internal: true, phones: [{ label: 'fax', value: '+90 312 296 60 00', e164: '+903122966000' }] }),
  contact({ givenName: 'Małgorzata', familyName: 'Kowalska-Żółć', institutionNames: ['Ministerstwo Rodziny, Pracy i Polityki Społecznej'], languages: ['pl', 'de'] }),
  contact({ givenName: 'Pieter', familyName: 'van der Berg', emails: [{ label: 'work', value: 'p.vanderberg@example.oecd.org' }] }),
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
    expect(writeVCards([people[0]!], '4.0')).toContain('tel:+3222991111');
    expect(writeVCards([people[0]!], '3.0')).toContain('TEL;TYPE=WORK,VOICE;X-DOSSIER-E164=+3222991111:+32 2 299 11 11');
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

  it('reads Apple-style 3.0: item groups with X-ABLabel, repeated type params, ADR into notes, regional numbers via the domain', () => {
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
      notes: 'Wilhelmstraße 49\nBerlin\n10117\nDeutschland',
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
    expect(err.message).toMatch(/^broken-middle\.vcf, line 12: .*no token/);
  });

  it('refuses structural faults with their line', () => {
    const card = (body: string) => `BEGIN:VCARD\nVERSION:4.0\n${body}\nEND:VCARD\n`;
    expect(refusal(`BEGIN:VCARD\nVERSION:4.0\nFN:A\n${card('FN:B')}`).details).toMatchObject({ line: 4 });
    expect(refusal(`${card('FN:A')}hello\n`).details).toMatchObject({ line: 5 });
    expect(refusal(card('FN:A').replace('END:VCARD\n', '')).details).toMatchObject({ line: 1 });
    expect(refusal(card('EMAIL:a@b.org')).message).toMatch(/line 1: the card has no name/);
    expect(refusal(card('FN:A\nX-DOSSIER-DATED:last spring')).details).toMatchObject({ line: 4 });
    expect(refusal('BEGIN:VCARD\nVERSION:5.0\nFN:A\nEND:VCARD').details).toMatchObject({ line: 2 });
    expect(refusal('').message).toMatch(/no vCard found/);
  });
});
