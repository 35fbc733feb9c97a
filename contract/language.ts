/**
 * A contact's languages: each value is a BCP 47 tag ("de", "en-GB"), a tag with a note kept as written after it
 * ("de (Muttersprache)", "fr – fluent"), or free text printed as written. Every path in (forms, the API, vCard LANG,
 * CSV, pasted text, packs) goes through `normaliseLanguages`; every path out through `languageLabel`, which never
 * throws, so no language value can break a pack (Intl.DisplayNames throws on anything that is not a tag).
 */

import { LANGUAGE_NAMES } from './language-names';

/** Languages whose names are recognised in English, German, Dutch and French ("Deutsch", "German", "allemand", "Duits"). */
export const KNOWN = ['en', 'fr', 'de', 'nl', 'es', 'it', 'pt', 'ru', 'ar', 'zh', 'ja', 'ko', 'tr', 'pl', 'el', 'sv', 'da', 'no', 'nb', 'fi', 'cs', 'sk', 'sl', 'hu', 'ro', 'bg', 'hr', 'sr', 'uk', 'he', 'hi', 'sw', 'lb', 'et', 'lv', 'lt', 'ga', 'mt', 'is', 'fa', 'ur', 'bn', 'id', 'ms', 'th', 'vi', 'am', 'ha', 'yo', 'zu', 'af', 'sq', 'hy', 'ka', 'mk', 'bs', 'ca', 'eu', 'gl', 'cy', 'tl', 'ta', 'ne', 'so', 'rw'];
export const UI = ['en', 'de', 'nl', 'fr'] as const;

/** Lower case, accents folded ("Französisch" → "franzosisch", "Weiß" → "weiss"). */
const fold = (s: string): string => s.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/ß/g, 'ss').toLowerCase();

let names: Map<string, string> | null = null;
/** Folded language name → tag, built once from the platform's own names in the four UI languages. */
function nameMap(): Map<string, string> {
  if (names) return names;
  names = new Map();
  for (const ui of UI) {
    for (const tag of KNOWN) {
      const name = LANGUAGE_NAMES[ui][tag];
      if (name && name !== tag) names.set(fold(name), tag);
    }
  }
  // Names people write that the platform spells otherwise.
  for (const [name, tag] of [['chinese', 'zh'], ['mandarin', 'zh'], ['farsi', 'fa'], ['persisch', 'fa'], ['norwegian', 'no'], ['vlaams', 'nl'], ['flemish', 'nl'], ['flamand', 'nl'], ['flamisch', 'nl']] as const) names.set(name, tag);
  return names;
}

const TAG_SYNTAX = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/;
/** A note after a tag starts with punctuation, so "de (Muttersprache)" reads as a tag and "es ist gut" as plain text. */
const NOTE_START = /^[([{,;:/–—-]/u;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu;

/**
 * `fn` remembering its answers (a few thousand at most, then afresh): an import asks about the same few language
 * values 100,000 times, and each Intl lookup costs more than the rest of reading the value (issue 18).
 */
function remembered<T>(fn: (s: string) => T): (s: string) => T {
  const known = new Map<string, T>();
  return (s) => {
    if (known.has(s)) return known.get(s) as T;
    if (known.size >= 5000) known.clear();
    const v = fn(s);
    known.set(s, v);
    return v;
  };
}

/** The canonical BCP 47 form of `s` ("EN_gb" → "en-GB"), or null if it is not a well-formed tag. */
export const canonicalTag = remembered((s: string): string | null => {
  if (!TAG_SYNTAX.test(s)) return null;
  try {
    return Intl.getCanonicalLocales(s.replace(/_/g, '-'))[0] ?? null;
  } catch {
    return null;
  }
});

let english: Intl.DisplayNames | null | undefined;
/** Does the platform know a name for this tag (so "xx" or "qqq" are not mistaken for languages)? */
const isNamed = remembered((tag: string): boolean => {
  try {
    english ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
    const n = english.of(tag);
    return n !== undefined && n !== tag;
  } catch {
    return false;
  }
});

/**
 * One language value as stored: "Deutsch (Muttersprache)" → "de (Muttersprache)", "English" → "en", "EN-gb" → "en-GB",
 * "Englisch, fließend" → "en, fließend", "English C1" → "en (C1)"; anything else is kept as written (trimmed, on
 * one line). Empty stays empty.
 */
export function normaliseLanguage(value: string): string {
  // An address book names the same few languages on every card: each answer is remembered (a pure function).
  let known = normalised.get(value);
  if (known === undefined) {
    known = normaliseUncached(value);
    if (normalised.size < 2000) normalised.set(value, known);
  }
  return known;
}
const normalised = new Map<string, string>();

function normaliseUncached(value: string): string {
  const v = value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  if (!v) return '';
  const whole = canonicalTag(v);
  if (whole && (isNamed(whole) || v.length > 3)) return whole;
  // The longest run of leading words (up to three) that names a language: "Brazilian Portuguese" is not one, "Portuguese" is.
  const words = v.split(' ');
  for (let k = Math.min(3, words.length); k >= 1; k--) {
    const head = words.slice(0, k).join(' ');
    const bare = head.replace(/[.,;:]+$/, '');
    const rest = v.slice(bare.length).trim();
    const named = nameMap().get(fold(bare));
    if (named) return !rest ? named : NOTE_START.test(rest) ? `${named} ${rest}` : `${named} (${rest})`;
    // A code leads only with a note after punctuation ("de (native)"); "es ist gut" is a sentence, kept as written.
    const code = k === 1 ? canonicalTag(bare) : null;
    if (code && isNamed(code) && NOTE_START.test(rest)) return `${code} ${rest}`;
  }
  return v;
}

/** A contact's languages as stored: each normalised, empties dropped, the first of equal values kept. */
export function normaliseLanguages(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const n = normaliseLanguage(v);
    if (n && !out.some((o) => o.toLowerCase() === n.toLowerCase())) out.push(n);
  }
  return out;
}

/** The tag a stored value starts with ("de (Muttersprache)" → "de"), or null for free text. */
export function languageTag(value: string): string | null {
  const space = value.indexOf(' ');
  const head = space < 0 ? value : value.slice(0, space);
  const rest = space < 0 ? '' : value.slice(space + 1);
  const tag = canonicalTag(head);
  return tag === head && (rest === '' || NOTE_START.test(rest)) ? tag : null;
}

const displayNames = new Map<string, Intl.DisplayNames | null>();
/**
 * A stored value for people to read, in `locale`: "de (Muttersprache)" → "German (Muttersprache)" in English,
 * "Deutsch (Muttersprache)" in German; free text exactly as written. Never throws. The common languages in the four UI
 * languages come from language-names.ts (the platform's own names, written out); others from Intl.DisplayNames.
 */
export function languageLabel(value: string, locale: string): string {
  const tag = languageTag(value);
  if (!tag) return value;
  const known = (LANGUAGE_NAMES as Record<string, Record<string, string> | undefined>)[locale]?.[tag];
  if (known) return `${known}${value.slice(tag.length)}`;
  let dn = displayNames.get(locale);
  if (dn === undefined) {
    try {
      dn = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
    } catch {
      dn = null;
    }
    displayNames.set(locale, dn);
  }
  let name = tag;
  try {
    name = dn?.of(tag) ?? tag;
  } catch {
    name = tag;
  }
  return `${name}${value.slice(tag.length)}`;
}

/** A typed list of languages split at commas and semicolons outside brackets: "fr (fluent, written), en" → two values. */
export function splitLanguageList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    if ((ch === ',' || ch === ';') && depth === 0) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((s) => s.trim()).filter(Boolean);
}
