/**
 * The four catalogs stay complete: every key of en exists, non-empty, in de/nl/fr (and no stray keys),
 * every message parses as ICU with the same placeholders, every key a .svelte file uses exists in en,
 * and every value of the contract's enums has a label.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import * as model from '../../../contract/model';
import en from './en.json';
import de from './de.json';
import nl from './nl.json';
import fr from './fr.json';

type Tree = { [k: string]: Tree | string };
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const catalogs = { en, de, nl, fr } as Record<string, Tree>;
const flat = Object.fromEntries(Object.entries(catalogs).map(([l, c]) => [l, flatten(c)])) as Record<string, Map<string, string>>;
const enKeys = flat.en!;

/** Placeholder names of an ICU message ({name}, {n, plural, ...}). */
function argsOf(msg: string, lang: string): string[] {
  const names = new Set<string>();
  const walk = (els: unknown[]) => {
    for (const el of els as { type: number; value?: string; options?: Record<string, { value: unknown[] }>; children?: unknown[] }[]) {
      if (el.type !== 0 && el.type !== 7 && typeof el.value === 'string') names.add(el.value);
      if (el.options) for (const o of Object.values(el.options)) walk(o.value);
      if (el.children) walk(el.children);
    }
  };
  walk(new IntlMessageFormat(msg, lang).getAst() as unknown[]);
  return [...names].sort();
}

function svelteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? svelteFiles(p) : p.endsWith('.svelte') ? [p] : [];
  });
}

describe('UI catalogs', () => {
  for (const lang of ['de', 'nl', 'fr']) {
    it(`${lang} has every key of en, none empty, none extra`, () => {
      const other = flat[lang]!;
      const missing = [...enKeys.keys()].filter((k) => !other.get(k)?.trim());
      const extra = [...other.keys()].filter((k) => !enKeys.has(k));
      expect(missing, `missing or empty in ${lang}.json`).toEqual([]);
      expect(extra, `in ${lang}.json but not in en.json`).toEqual([]);
    });
  }

  it('no message is empty, each parses as ICU with the same placeholders as en', () => {
    for (const [lang, msgs] of Object.entries(flat)) {
      for (const [k, v] of msgs) {
        expect(v.trim(), `${lang}:${k}`).not.toBe('');
        expect(argsOf(v, lang), `placeholders of ${lang}:${k}`).toEqual(argsOf(enKeys.get(k) ?? '', 'en'));
      }
    }
  });

  it('every key used in a .svelte file exists in en', () => {
    const root = join(__dirname, '..');
    const missing: string[] = [];
    for (const file of svelteFiles(root)) {
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/\$_\(\s*(['"])([^'"]+)\1/g)) {
        if (!enKeys.has(m[2]!)) missing.push(`${relative(root, file)}: ${m[2]}`);
      }
      // A dynamic key must name a group of en, e.g. $_(`enum.meetingStatus.${m.status}`) (enums are checked below).
      for (const m of src.matchAll(/\$_\(\s*`([^`$]*)\$\{/g)) {
        if (!/^[\w.]+\.$/.test(m[1]!) || ![...enKeys.keys()].some((k) => k.startsWith(m[1]!))) missing.push(`${relative(root, file)}: ${m[1]}…`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every value of the contract enums has a label', () => {
    const enums: Record<string, readonly string[]> = {
      institutionKind: model.INSTITUTION_KINDS,
      meetingFormat: model.MEETING_FORMATS,
      meetingStatus: model.MEETING_STATUSES,
      delegationRole: model.DELEGATION_ROLES,
      actionStatus: model.ACTION_STATUSES,
      briefingStatus: model.BRIEFING_STATUSES,
      sectionKind: model.SECTION_KINDS,
      handling: model.HANDLING_MARKS,
      searchKind: model.SEARCH_KINDS,
    };
    const missing = Object.entries(enums).flatMap(([name, values]) => values.map((v) => `enum.${name}.${v}`).filter((k) => !enKeys.has(k)));
    expect(missing).toEqual([]);
  });
});
