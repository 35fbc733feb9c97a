import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { quickProperty } from './vcard-quick';
import { splitCards } from './vcard-lines';
import { writeVCards } from './vcard-write';

const DESIGN = { vcard: ICAL.design.getDesignSet('vcard'), vcard3: ICAL.design.getDesignSet('vcard3') };
/** ical.js's answer, or the error it throws (as a value, to compare). */
function ical(line: string, design: 'vcard' | 'vcard3'): unknown {
  try {
    return ICAL.parse.property(line, DESIGN[design]);
  } catch (err) {
    return { error: (err as Error).message };
  }
}

// Lines near the simple kind: names, groups, parameters and values from pieces that matter to the parser.
const word = fc.constantFrom('FN', 'N', 'ORG', 'TITLE', 'ROLE', 'TEL', 'EMAIL', 'URL', 'LANG', 'NOTE', 'ADR', 'REV', 'BDAY', 'CATEGORIES', 'NICKNAME', 'PHOTO', 'VERSION', 'X-FOO', 'X-ABLabel', 'X-DOSSIER-SOURCE', 'fn', 'Tel', 'KIND', 'UID', 'LABEL', 'IMPP');
const text = fc.stringMatching(/^[A-Za-z0-9 .,;:@+\-éüß'"\\^=/]{0,24}$/);
const paramKey = fc.constantFrom('TYPE', 'type', 'PREF', 'VALUE', 'value', 'X-DOSSIER-WRITTEN', 'CHARSET', 'LABEL', 'GROUP');
const paramValue = fc.oneof(fc.constantFrom('work', 'WORK,VOICE', 'pref', 'text', 'TEXT', 'uri', 'timestamp', 'date', '', '"a,b"', 'x^n', '1'), text);
const line = fc
  .tuple(fc.option(fc.constantFrom('item1', 'ITEM2', 'a.b'), { nil: undefined }), word, fc.array(fc.tuple(paramKey, paramValue), { maxLength: 3 }), text)
  .map(([group, name, params, value]) => `${group ? `${group}.` : ''}${name}${params.map(([k, v]) => `;${k}=${v}`).join('')}:${value}`);

describe('quickProperty', () => {
  for (const design of ['vcard', 'vcard3'] as const) {
    it(`reads a line exactly as ical.js does, or leaves it to ical.js (${design})`, () => {
      fc.assert(
        fc.property(line, (l) => {
          const quick = quickProperty(l, design);
          if (quick) expect(quick).toEqual(ical(l, design));
        }),
        { numRuns: 3000 },
      );
    });
  }

  it('the generated lines exercise both paths', () => {
    const sample = fc.sample(line, { numRuns: 2000, seed: 18 });
    const taken = sample.filter((l) => quickProperty(l, 'vcard')).length;
    expect(taken).toBeGreaterThan(200);
    expect(taken).toBeLessThan(1800);
  });

  it('reads the common lines of real and exported files itself, exactly as ical.js does', () => {
    const dir = join(import.meta.dirname, 'fixtures', 'vcard');
    const files = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
    const exported = writeVCards([
      {
        honorific: 'Dr.',
        givenName: 'Zoë',
        familyName: 'Ørsted-Çelik',
        position: 'Senior Adviser',
        institutionNames: ['International Labour Organization', 'Multilateral Cooperation Department'],
        phones: [{ label: 'work', value: '+41 22 799 61 11', e164: '+41227996111' }],
        emails: [{ label: 'work', value: 'z.orsted@example.org' }],
        website: 'https://www.ilo.org',
        languages: ['fr', 'en'],
        notes: 'Prefers French',
        internal: false,
        source: 'Demo',
        informationDated: '2019-05',
      },
    ]);
    let quick = 0;
    let lines = 0;
    for (const content of [...files, exported]) {
      try {
        for (const card of splitCards(content, 'f.vcf')) {
          const design = card.version === '4.0' ? 'vcard' : 'vcard3';
          for (const l of card.lines) {
            lines++;
            const q = quickProperty(l.text, design);
            if (!q) continue;
            quick++;
            expect(q).toEqual(ical(l.text, design));
          }
        }
      } catch {
        // broken-middle.vcf is broken on purpose; its cards before the break were checked.
      }
    }
    expect(quick / lines).toBeGreaterThan(0.6);
  });
});
