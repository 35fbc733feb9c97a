import { describe, expect, it } from 'vitest';
import { PACK_LANGUAGES, labelsFor } from './index';

/** Every label of a set, by path, with its value (functions called with sample arguments). */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (typeof value === 'function') return [[path, (value as (...a: unknown[]) => unknown)(3, 7, 'J. Smith')]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, value]];
}

// May-use parts add no caveat to a pack's marking, in any language.
const EMPTY_BY_DESIGN = new Set(['release.caveat.may_use']);

describe('pack labels', () => {
  it('are one file per language: en, de, nl, fr', () => {
    expect(PACK_LANGUAGES).toEqual(['en', 'de', 'nl', 'fr']);
    expect(labelsFor('xx')).toBe(labelsFor('en'));
  });

  it.each(PACK_LANGUAGES)('%s has every label English has, each a word and not a leftover', (language) => {
    const en = new Map(leaves(labelsFor('en')));
    const own = new Map(leaves(labelsFor(language)));
    expect([...own.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [path, value] of own) {
      expect(typeof value, path).toBe('string');
      if (!EMPTY_BY_DESIGN.has(path)) expect((value as string).trim(), path).not.toBe('');
      expect(value as string, path).not.toMatch(/undefined|null|\[object/);
    }
  });
});
