import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ContactProposal } from '../../contract/model';
import { parseContactText, parseContactTexts, splitUnits } from './contact-text';
import { parsePartialDate } from './text-date';
import { findEmails } from './text-email';
import { splitName } from './text-name';

const page = (name: string) => readFileSync(new URL(`./fixtures/pages/${name}`, import.meta.url), 'utf8');
const parse = (name: string, region?: string) => {
  const p = parseContactText(page(name), { defaultRegion: region ?? null });
  ContactProposal.parse(p); // the renderer receives exactly this shape
  return p;
};
const e164s = (p: ContactProposal) => p.phones.map((x) => [x.label, x.e164]);

describe('paste parser: English pages', () => {
  it('reads the ILO Global Advocacy block (seed 002) out of the whole page', () => {
    const p = parse('en-ilo-global-advocacy.txt');
    expect(p).toMatchObject({
      honorific: 'Mr.',
      givenName: 'Thoralf',
      familyName: 'Stenvold',
      position: 'Senior Specialist – Global Governance',
      institutionNames: ['ILO', 'Multilateral Cooperation Department'],
      phones: [{ label: 'work', value: '+41 22 7996111', e164: '+41227996111' }],
      emails: [{ label: 'work', value: 'Perrin@ilo.org' }],
      website: 'www.ilo.org',
      informationDated: '2017',
      source: 'Global Advocacy - ILO',
      line: 7,
      warnings: [],
    });
    expect(p.origin.name).toEqual({ lines: [7], confidence: 0.9 });
    expect(p.origin.informationDated?.lines).toEqual([5]);
    expect(p.origin.emails?.lines).toEqual([15]);
  });

  it('skips navigation and prose on a staff page; "AT … DOT" e-mail; "Last updated" day date; post-nominals dropped', () => {
    const p = parse('en-oecd-staff.txt');
    expect(p).toMatchObject({
      honorific: 'Ms',
      givenName: 'Jane',
      familyName: 'Doe-Smith',
      position: 'Senior Policy Analyst',
      institutionNames: ['Directorate for Employment, Labour and Social Affairs'],
      emails: [{ value: 'jane.doe-smith@oecd.org' }],
      // "French (fluent), Spanish (basic)": the level stays with its language.
      languages: ['en', 'fr (fluent)', 'es (basic)'],
      informationDated: '2024-01-12',
    });
    expect(e164s(p)).toEqual([['work', '+33145248200']]);
    expect(p.warnings.join(' ')).toContain('PhD');
  });

  it('reads an e-mail signature: capitals family name, "|" separated phones, "(at)", address into notes, "Updated"', () => {
    const p = parse('en-signature.txt');
    expect(p).toMatchObject({
      honorific: 'Dr.',
      givenName: 'Eleni',
      familyName: 'Papadopoulou',
      position: 'Head of Unit – International Affairs',
      institutionNames: ['European Commission', 'Directorate-General for Employment, Social Affairs and Inclusion'],
      emails: [{ value: 'eleni.papadopoulou@ec.europa.eu' }],
      notes: 'Rue Joseph II 27, B-1049 Brussels',
      informationDated: '2023-03-03',
    });
    expect(e164s(p)).toEqual([
      ['work', '+3222991111'],
      ['mobile', '+32498123456'],
    ]);
  });

  it('finds every person on a team page, picks the one with most details, reads "name at domain dot org" only where labelled', () => {
    const all = parseContactTexts(page('en-team-page.txt'));
    expect(all.map((p) => `${p.givenName} ${p.familyName}`)).toEqual(['Samuel Okafor', 'Li Wei']);
    const p = parse('en-team-page.txt');
    expect(p).toMatchObject({ givenName: 'Li', familyName: 'Wei', emails: [{ value: 'liwei@ilo.org' }], languages: ['en', 'zh', 'fr'], informationDated: '2021-03' });
    expect(p.warnings[0]).toContain('2 contacts');
    // The prose "meet us at the office … dot by dot" yields no address.
    expect(all.flatMap((c) => c.emails.map((e) => e.value))).toEqual(['liwei@ilo.org']);
  });
});

describe('paste parser: German pages', () => {
  it('BMAS page: "Frau Dr.", "(at)", German phone numbers via the .de domain, Sprachen, "Stand: März 2021"', () => {
    const p = parse('de-bmas-referat.txt');
    expect(p).toMatchObject({
      honorific: 'Frau Dr.',
      givenName: 'Anna-Lena',
      familyName: 'Weiß',
      position: 'Referatsleiterin VI a 2 – Internationale Sozialpolitik, G20',
      institutionNames: ['Bundesministerium für Arbeit und Soziales', 'Abteilung VI – Europäische und internationale Beschäftigungs- und Sozialpolitik'],
      emails: [{ value: 'anna-lena.weiss@bmas.bund.de' }],
      languages: ['de', 'en', 'fr'],
      informationDated: '2021-03',
    });
    expect(p.phones).toEqual([
      { label: 'work', value: '030 18527-4412', e164: '+4930185274412' },
      { label: 'fax', value: '030 18527-1830', e164: '+4930185271830' },
    ]);
  });

  it('"[ät]" e-mail and "Stand der Information: 12.01.2024"', () => {
    const p = parse('de-referent.txt');
    expect(p).toMatchObject({
      honorific: 'Herr',
      givenName: 'Jonas',
      familyName: 'Weiss',
      position: 'Referent',
      emails: [{ value: 'jonas.weiss@bmas.bund.de' }],
      informationDated: '2024-01-12',
    });
    expect(p.institutionNames[0]).toMatch(/^Referat VI a 1/);
  });

  it('Austrian page: "Mag. Dr.", "{at}" without a label, street address, "Letzte Aktualisierung: 5. Juni 2023"', () => {
    const p = parse('de-austria.txt');
    expect(p).toMatchObject({
      honorific: 'Mag. Dr.',
      givenName: 'Maria',
      familyName: 'Huber',
      position: 'Abteilungsleiterin',
      emails: [{ value: 'maria.huber@sozialministerium.at' }],
      notes: 'Stubenring 1, 1010 Wien',
      informationDated: '2023-06-05',
    });
    expect(e164s(p)).toEqual([['work', '+43171100862345']]);
  });
});

describe('paste parser: Dutch pages', () => {
  it('Rijksoverheid page: "Mevr. drs.", particles, "[at]…[dot]", Dutch numbers, Talen, "Informatie bijgewerkt: maart 2021"', () => {
    const p = parse('nl-szw.txt');
    expect(p).toMatchObject({
      honorific: 'Mevr. drs.',
      givenName: 'A.B.',
      familyName: 'van der Berg',
      position: 'Senior beleidsmedewerker internationale zaken',
      institutionNames: ['Ministerie van Sociale Zaken en Werkgelegenheid', 'Directie Internationale Zaken'],
      emails: [{ value: 'ab.vanderberg@minszw.nl' }],
      languages: ['nl', 'en', 'fr'],
      informationDated: '2021-03',
    });
    expect(e164s(p)).toEqual([
      ['work', '+31703334444'],
      ['mobile', '+31612345678'],
    ]);
  });

  it('"Dhr.", "van den", "AT … DOT", "Laatst bijgewerkt op 12 januari 2024"', () => {
    const p = parse('nl-pv-geneve.txt');
    expect(p).toMatchObject({
      honorific: 'Dhr.',
      givenName: 'Pieter',
      familyName: 'van den Broek',
      emails: [{ value: 'p.vandenbroek@minbuza.nl' }],
      informationDated: '2024-01-12',
    });
    expect(p.institutionNames).toEqual(['Permanente Vertegenwoordiging van het Koninkrijk der Nederlanden bij de VN te Genève', 'Afdeling Multilaterale Zaken']);
  });

  it('Belgian page: "De heer", capitalised particle "De Smet", Belgian number from .be, "Bijgewerkt: 2023"', () => {
    const p = parse('nl-belgie.txt');
    expect(p).toMatchObject({ honorific: 'De heer', givenName: 'Jan', familyName: 'De Smet', position: 'Adviseur', informationDated: '2023' });
    expect(p.emails[0]!.value).toBe('jan.desmet@werk.belgie.be');
    expect(e164s(p)).toEqual([['work', '+3222334111']]);
  });
});

describe('paste parser: French pages', () => {
  it('ILO French page: "M.", "de La Fontaine", "(at) … (point)", Langues, "Mis à jour le 12 janvier 2024"', () => {
    const p = parse('fr-oit.txt');
    expect(p).toMatchObject({
      honorific: 'M.',
      givenName: 'Jean-Pierre',
      familyName: 'de La Fontaine',
      position: "Chef de l'Unité des relations multilatérales",
      institutionNames: ['Organisation internationale du Travail', 'Département de la coopération multilatérale'],
      emails: [{ value: 'jp.delafontaine@ilo.org' }],
      languages: ['fr', 'en', 'es'],
      informationDated: '2024-01-12',
    });
    expect(e164s(p)).toEqual([['work', '+41227996111']]);
  });

  it('ministry page: "Mme", "{at}", French number from .fr, "Dernière mise à jour : mars 2022"', () => {
    const p = parse('fr-ministere.txt');
    expect(p).toMatchObject({
      honorific: 'Mme',
      givenName: 'Claire',
      familyName: 'Dubois',
      position: 'Conseillère pour les affaires sociales internationales',
      emails: [{ value: 'claire.dubois@travail.gouv.fr' }],
      informationDated: '2022-03',
    });
    expect(p.institutionNames[0]).toBe("Ministère du Travail, du Plein emploi et de l'Insertion");
    expect(e164s(p)).toEqual([['work', '+33140566000']]);
  });

  it('permanent mission: "S.E. Mme", "[at]", "Date de mise à jour : 01/02/2024" (day first)', () => {
    const p = parse('fr-mission.txt');
    expect(p).toMatchObject({ honorific: 'S.E. Mme', givenName: 'Anne', familyName: 'Martin', position: 'Ambassadrice, Représentante permanente', informationDated: '2024-02-01' });
    expect(p.emails[0]!.value).toBe('anne.martin@diplomatie.gouv.fr');
  });
});

describe('paste parser: pieces and edge cases', () => {
  it('de-obfuscates e-mails without turning prose into addresses', () => {
    expect(findEmails('perrin{at}ilo.org', false)).toEqual(['perrin@ilo.org']);
    expect(findEmails('j.doe (at) oecd (dot) org', false)).toEqual(['j.doe@oecd.org']);
    expect(findEmails('name at domain dot org', false)).toEqual(['name@domain.org']);
    expect(findEmails('We met at ilo.org yesterday and looked at it dot by dot', false)).toEqual([]);
    expect(findEmails('mailto:A.Weiss@BMAS.bund.de', false)).toEqual(['A.Weiss@bmas.bund.de']);
  });

  it('normalises dates in four languages to partial dates', () => {
    const cases: [string, string | null][] = [
      ['2017', '2017'],
      ['März 2021', '2021-03'],
      ['maart 2021', '2021-03'],
      ['mars 2021', '2021-03'],
      ['March 2021', '2021-03'],
      ['12 January 2024', '2024-01-12'],
      ['12.01.2024', '2024-01-12'],
      ['12 januari 2024', '2024-01-12'],
      ['12 janvier 2024', '2024-01-12'],
      ['1er février 2023', '2023-02-01'],
      ['January 12, 2024', '2024-01-12'],
      ['2024-01-12', '2024-01-12'],
      ['03/2021', '2021-03'],
      ['31.02.2024', null],
      ['soon', null],
    ];
    for (const [text, want] of cases) expect(parsePartialDate(text), text).toBe(want);
  });

  it('splits names with particles, capitals and commas', () => {
    expect(splitName('Prof. Dr. Karl-Theodor von und zu Guttenberg')).toMatchObject({ honorific: 'Prof. Dr.', givenName: 'Karl-Theodor', familyName: 'von und zu Guttenberg' });
    expect(splitName('STENVOLD Thoralf')).toMatchObject({ givenName: 'Thoralf', familyName: 'Stenvold' });
    expect(splitName('Stenvold, Thoralf')).toMatchObject({ givenName: 'Thoralf', familyName: 'Stenvold' });
    expect(splitName('Mlle Ana da Silva')).toMatchObject({ honorific: 'Mlle', givenName: 'Ana', familyName: 'da Silva' });
  });

  it('says so when a text holds no contact', () => {
    const p = parseContactText('Welcome to our website. We work for decent work for all, at home and abroad.');
    expect(p.warnings[0]).toMatch(/No contact details/);
    expect(p.emails).toEqual([]);
  });

  it('takes the default region for numbers without a country code when no domain tells', () => {
    const p = parseContactText('Ms Jane Roe\nPolicy Officer\nTel: 022 799 61 11\nE-mail: jane.roe@ilo.org', { defaultRegion: 'CH' });
    expect(p.phones[0]!.e164).toBe('+41227996111');
    const q = parseContactText('Ms Jane Roe\nPolicy Officer\nTel: 022 799 61 11\nE-mail: jane.roe@ilo.org');
    expect(q.phones[0]!.e164).toBeNull();
    expect(q.warnings.join(' ')).toMatch(/no country code/);
  });
});

describe('pasted pages keep the hierarchy (issue 17)', () => {
  it('a breadcrumb-style unit line becomes ministry › directorate › unit', () => {
    const p = parse('nl-szw-hierarchy.txt');
    expect(p.institutionNames).toEqual(['Ministerie van Sociale Zaken en Werkgelegenheid', 'Directie Internationale Zaken', 'Afdeling Multilaterale Zaken']);
    expect(p).toMatchObject({ honorific: 'Dhr. mr.', familyName: 'Jansen', informationDated: '2026-02-12', emails: [{ value: 'p.jansen@minszw.nl' }] });
  });
  it('a unit-first line (afdeling, directie, ministerie) is put outermost first', () => {
    expect(parse('nl-szw-unit-first.txt').institutionNames).toEqual(['Ministerie van Sociale Zaken en Werkgelegenheid', 'Directie Internationale Zaken', 'Afdeling Arbeidsmigratie']);
  });
  it('a name with its own comma stays whole', () => {
    expect(splitUnits('Directorate-General for Employment, Social Affairs and Inclusion')).toEqual(['Directorate-General for Employment, Social Affairs and Inclusion']);
    expect(splitUnits('ILO > Multilateral Cooperation Department')).toEqual(['ILO', 'Multilateral Cooperation Department']);
  });
});
