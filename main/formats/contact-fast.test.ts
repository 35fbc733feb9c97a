/**
 * The import's quick contact check (contract/model/contact-fast.ts) against the schema it stands in for: over every
 * record of the fidelity corpus and the vCard and CSV fixtures, and over values the schema would change or refuse,
 * the quick check either leaves the record to the schema (null) or returns exactly what ContactInput.parse does.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ContactInput, type ContactProposal } from '../../contract/model';
import { contactInputFast } from '../../contract/model/contact-fast';
import { readCsvFile } from './csv';
import { readVCardFile } from './vcard';

const inputOf = (p: ContactProposal): Record<string, unknown> => ({ ...p, institutionId: null, photo: p.photo ?? undefined });

/** Every contact of every fixture file, as the import hands it to the check. */
function corpus(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const dir of ['fidelity', 'vcard', 'csv']) {
    const base = new URL(`./fixtures/${dir}/`, import.meta.url);
    for (const f of readdirSync(base)) {
      const content = readFileSync(new URL(f, base), 'utf8');
      if (f.endsWith('.vcf')) out.push(...readVCardFile(content, f).proposals.map(inputOf));
      if (f.endsWith('.csv')) out.push(...readCsvFile(content, f).proposals.map(inputOf));
    }
  }
  return out;
}

const agrees = (input: Record<string, unknown>): 'fast' | 'schema' => {
  const fast = contactInputFast(input);
  const schema = ContactInput.safeParse(input);
  if (fast === null) return 'schema';
  expect(schema.success, JSON.stringify(input).slice(0, 300)).toBe(true);
  expect(fast).toEqual(schema.data);
  return 'fast';
};

describe('contactInputFast', () => {
  const records = corpus();

  it('returns what the schema returns for the records of real address books, and takes most of them itself', () => {
    expect(records.length).toBeGreaterThan(30);
    const taken = records.map(agrees).filter((w) => w === 'fast').length;
    // Multi-line addresses and long notes go to the schema (it flattens or refuses them); plain cards do not.
    expect(taken).toBeGreaterThan(records.length / 2);
  });

  it('leaves every value the schema would change or refuse to the schema', () => {
    const base: Record<string, unknown> = {
      ...inputOf(readVCardFile('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ana Silva\r\nEMAIL:ana@example.org\r\nTEL:+41 22 799 61 11\r\nEND:VCARD\r\n', 'a.vcf').proposals[0]!),
      addresses: [{ label: 'work', poBox: '', extended: '', street: 'Route des Morillons 4', locality: 'Genève', region: '', postalCode: '1211', country: 'CH' }],
      otherDetails: [{ name: 'Birthday', value: '1980-01-01', property: 'BDAY' }],
      languages: ['de', 'en'],
      photo: { mediaType: 'image/png', dataBase64: 'iVBORw0KGgo=' },
    };
    expect(agrees(base)).toBe('fast');
    const variants: [string, (c: Record<string, unknown>) => void][] = [
      ['name with a tab', (c) => (c.givenName = 'Ana\tMaria')],
      ['name with a line break', (c) => (c.familyName = 'Silva\nda Costa')],
      ['name with a space around it', (c) => (c.familyName = ' Silva')],
      ['name with a no-break space after it', (c) => (c.familyName = 'Silva\u00a0')],
      ['name with U+2028', (c) => (c.familyName = 'Sil\u2028va')],
      ['no name at all', (c) => Object.assign(c, { givenName: '', familyName: '' })],
      ['a long post', (c) => (c.position = 'x'.repeat(301))],
      ['a post just long enough', (c) => (c.position = 'x'.repeat(300))],
      ['a long honorific', (c) => (c.honorific = 'x'.repeat(61))],
      ['notes with CRLF', (c) => (c.notes = 'one\r\ntwo')],
      ['notes with a tab and LF', (c) => (c.notes = 'one\ttwo\nthree')],
      ['notes with a NUL', (c) => (c.notes = 'one\u0000two')],
      ['an e-mail with an upper-case domain', (c) => (c.emails = [{ label: 'work', value: 'Ana@EXAMPLE.org' }])],
      ['an e-mail with mailto:', (c) => (c.emails = [{ label: '', value: 'mailto:ana@example.org' }])],
      ['an e-mail with spaces around it', (c) => (c.emails = [{ label: '', value: '  ana@example.org ' }])],
      ['an e-mail in decomposed form', (c) => (c.emails = [{ label: '', value: 'jose\u0301@example.org' }])],
      ['not an e-mail', (c) => (c.emails = [{ label: '', value: 'ana at example' }])],
      ['an e-mail with a query', (c) => (c.emails = [{ label: '', value: 'ana@example.org?subject=x' }])],
      ['an empty phone', (c) => (c.phones = [{ label: 'work', value: '', e164: null }])],
      ['a phone without e164', (c) => (c.phones = [{ label: 'work', value: '+41 22' }])],
      ['21 phones', (c) => (c.phones = Array.from({ length: 21 }, () => ({ label: '', value: '1', e164: null })))],
      ['a label with a control character', (c) => (c.phones = [{ label: 'wo\u0007rk', value: '1', e164: null }])],
      ['languages to normalise', (c) => (c.languages = ['German', 'de', 'EN-gb', 'Deutsch (Muttersprache)'])],
      ['an empty language', (c) => (c.languages = [''])],
      ['an institution id', (c) => (c.institutionId = 3)],
      ['a bad date', (c) => (c.informationDated = '2021-13')],
      ['a partial date', (c) => (c.informationDated = '2021-03')],
      ['internal as text', (c) => (c.internal = 'yes')],
      ['a multi-line street', (c) => (c.addresses = [{ ...(c.addresses as object[])[0]!, street: 'Rue A\nBâtiment B' }])],
      ['an address without its label', (c) => (c.addresses = [{ street: 'Rue A' }])],
      ['a detail without a name', (c) => (c.otherDetails = [{ name: '', value: 'x', property: '' }])],
      ['a detail whose value has line breaks', (c) => (c.otherDetails = [{ name: 'Note', value: 'a\nb', property: 'X-NOTE' }])],
      ['a long detail value', (c) => (c.otherDetails = [{ name: 'Note', value: 'x'.repeat(20_001), property: '' }])],
      ['a photo that is not base64', (c) => (c.photo = { mediaType: 'image/png', dataBase64: 'not base64!' })],
      ['a photo of another type', (c) => (c.photo = { mediaType: 'image/tiff', dataBase64: 'AAAA' })],
      ['no photo (keep the stored one)', (c) => (c.photo = undefined)],
      ['the photo removed', (c) => (c.photo = null)],
      ['a phone that is not an object', (c) => (c.phones = [null])],
      ['a missing field', (c) => delete c.website],
    ];
    const fast: string[] = [];
    for (const [what, change] of variants) {
      const c = structuredClone(base);
      change(c);
      if (agrees(c) === 'fast') fast.push(what);
    }
    // The values already in the schema's form, and e-mails (normalised the schema's own way), are taken; the rest is not.
    expect(fast).toEqual([
      'a post just long enough',
      'notes with a tab and LF',
      'an e-mail with an upper-case domain',
      'an e-mail with mailto:',
      'an e-mail with spaces around it',
      'an e-mail in decomposed form',
      'languages to normalise',
      'a partial date',
      'a detail whose value has line breaks',
      'no photo (keep the stored one)',
      'the photo removed',
    ]);
  });
});
