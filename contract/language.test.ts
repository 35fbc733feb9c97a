import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KNOWN, UI, languageLabel, languageTag, normaliseLanguage, normaliseLanguages } from './language';
import { LANGUAGE_NAMES } from './language-names';

describe('language values', () => {
  it('normalises names in four languages and tags to BCP 47, keeping a note after the tag as written', () => {
    const cases: [string, string][] = [
      ['Deutsch (Muttersprache)', 'de (Muttersprache)'],
      ['German', 'de'],
      ['allemand', 'de'],
      ['Duits', 'de'],
      ['Französisch', 'fr'],
      ['français', 'fr'],
      ['Engels', 'en'],
      ['EN', 'en'],
      ['en_gb', 'en-GB'],
      ['zh-hant-tw', 'zh-Hant-TW'],
      ['English C1', 'en (C1)'],
      ['Spanish (basic)', 'es (basic)'],
      ['French – fluent', 'fr – fluent'],
      ['  Nederlands\t', 'nl'],
      ['de (native)', 'de (native)'],
      ['Chinese', 'zh'],
      // Not a language Dossier can name: kept as written, on one line.
      ['Schwiizerdütsch', 'Schwiizerdütsch'],
      ['es ist kompliziert', 'es ist kompliziert'],
      ['xx', 'xx'],
      ['a\nb\u0000c', 'a b c'],
      ['', ''],
    ];
    for (const [input, stored] of cases) expect(normaliseLanguage(input), input).toBe(stored);
    expect(normaliseLanguages(['Deutsch', 'de', ' ', 'English', 'EN'])).toEqual(['de', 'en']);
  });

  it('has the platform’s own names for the common languages written out (run scripts/language-names.ts if not)', () => {
    for (const ui of UI) {
      const dn = new Intl.DisplayNames([ui], { type: 'language', fallback: 'code' });
      expect(LANGUAGE_NAMES[ui], ui).toEqual(Object.fromEntries(KNOWN.map((tag) => [tag, dn.of(tag)])));
    }
    // A language outside the table, or a tag with a region, is still named by the platform.
    expect(languageLabel('haw', 'en')).toBe('Hawaiian');
    expect(languageLabel('en-GB (fluent)', 'de')).toBe('Englisch (Vereinigtes Königreich) (fluent)');
  });

  it('prints tags in the reader’s language and everything else as written', () => {
    expect(languageLabel('de (Muttersprache)', 'en')).toBe('German (Muttersprache)');
    expect(languageLabel('de (Muttersprache)', 'de')).toBe('Deutsch (Muttersprache)');
    expect(languageLabel('fr', 'nl')).toBe('Frans');
    expect(languageLabel('Schwiizerdütsch', 'en')).toBe('Schwiizerdütsch');
    expect(languageLabel('es ist kompliziert', 'en')).toBe('es ist kompliziert');
    expect(languageTag('de (Muttersprache)')).toBe('de');
    expect(languageTag('Deutsch (Muttersprache)')).toBeNull();
  });

  it('never throws, whatever the value or the locale, and normalising twice changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.constantFrom('en', 'de', 'nl', 'fr', 'xx-invalid-locale-!!', ''), (value, locale) => {
        const once = normaliseLanguage(value);
        expect(normaliseLanguage(once)).toBe(once);
        expect(typeof languageLabel(once, locale)).toBe('string');
        expect(typeof languageLabel(value, locale)).toBe('string');
      }),
      { numRuns: 500 },
    );
  });
});
