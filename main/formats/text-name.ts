/**
 * Splitting a written name into honorific, given and family name: "Mr. Thoralf Stenvold", "Prof. Dr. Anna-Lena Weiß",
 * "Mevr. drs. A.B. van der Berg", "S.E. M. Jean de La Fontaine", "STENVOLD Thoralf", "Stenvold, Thoralf".
 * Particles (van der, de, von) stay with the family name, as address books and the Dutch phone book keep them.
 */
import { simplify, titleCase } from './text-lines';

// Honorifics, styles and academic titles that stand before a name, folded and without the final dot.
const HONORIFICS = new Set(
  [
    'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'h.e', 'hon', 'rev', 'amb', 'ambassador',
    'herr', 'frau', 'fr', 'hr', 'dipl.-ing', 'dipl-ing', 'dr.-ing', 'dr. rer. nat', 'mag', 'ing',
    'dhr', 'de heer', 'mevr', 'mevrouw', 'mw', 'drs', 'ir',
    'm', 'mme', 'mlle', 'me', 'pr', 's.e', 'son excellence', 'monsieur', 'madame', 'mademoiselle',
  ].map((h) => h.replace(/\.$/, '')),
);
// Dutch "mr." (a law degree) is written lower-case; capitalised "Mr." is the English honorific. Both are honorifics.

/** Particles that belong to the family name when they come before it. */
const PARTICLES = new Set([
  'van', 'der', 'den', 'de', 'het', "'t", 'ter', 'ten', 'te', 'von', 'vom', 'zu', 'zum', 'zur', 'und',
  'du', 'des', 'la', 'le', 'di', 'da', 'del', 'della', 'dello', 'dos', 'das', 'do', 'y', 'bin', 'ibn', 'al', 'el', 'af', 'av',
]);

/** Letters after a name that are not part of it ("Anna Weiß, PhD"). */
const POST_NOMINALS = /,?\s+(?:ph\.?\s?d\.?|mba|ll\.?\s?m\.?|m\.?\s?a\.?|m\.?\s?sc\.?|b\.?\s?a\.?|msc|jr\.?|sr\.?|esq\.?|m\.?\s?p\.?\s?a\.?|i{2,3})$/i;

const isHonorific = (token: string) => HONORIFICS.has(simplify(token).replace(/\.$/, ''));
// Belgian and Dutch-emigrant names capitalise particles ("Jan De Smet", "Anna Van Der Berg"); one-letter ones ("y") only count in lower case.
const isParticle = (token: string) => PARTICLES.has(token.toLowerCase()) && (token === token.toLowerCase() || token.length > 1);
const isCaps = (token: string) => /\p{Lu}{2,}/u.test(token) && token === token.toUpperCase();

/** The parts of a person's name. `dropped` holds post-nominals that were left out. */
export interface NameParts {
  honorific: string;
  givenName: string;
  familyName: string;
  dropped: string[];
}

/** Takes honorific words off the front, including two-word ones ("De heer", "Son Excellence") and chains ("Prof. Dr."). */
function takeHonorifics(tokens: string[]): string[] {
  const out: string[] = [];
  while (tokens.length > 1) {
    const two = tokens.length > 2 ? `${tokens[0]} ${tokens[1]}` : '';
    if (two && isHonorific(two)) out.push(tokens.shift()!, tokens.shift()!);
    else if (isHonorific(tokens[0]!)) out.push(tokens.shift()!);
    else break;
  }
  return out;
}

/** Splits a written name. Never throws; a single word becomes the family name. */
export function splitName(written: string): NameParts {
  let text = written.trim().replace(/\s+/g, ' ');
  const dropped: string[] = [];
  for (let m = text.match(POST_NOMINALS); m; m = text.match(POST_NOMINALS)) {
    dropped.unshift(m[0].replace(/^,?\s+/, ''));
    text = text.slice(0, m.index);
  }
  const tokens = text.split(' ').filter(Boolean);
  const honorific = takeHonorifics(tokens).join(' ');
  let given: string[];
  let family: string[];
  const comma = tokens.join(' ').indexOf(',');
  if (comma > 0) {
    // "Stenvold, Thoralf": family name first.
    const joined = tokens.join(' ');
    family = joined.slice(0, comma).trim().split(' ');
    given = joined.slice(comma + 1).trim().split(' ').filter(Boolean);
  } else if (tokens.length > 1 && isCaps(tokens[0]!) && !tokens.slice(1).every(isCaps)) {
    // "STENVOLD Thoralf" or "VAN DER BERG Pieter" as EU directories write it: capitals mark the family name.
    const n = tokens.findIndex((t) => !isCaps(t));
    family = tokens.slice(0, n).map((t) => (PARTICLES.has(t.toLowerCase()) ? t.toLowerCase() : titleCase(t)));
    given = tokens.slice(n);
  } else {
    const particle = tokens.findIndex((t, i) => i > 0 && isParticle(t) && i < tokens.length - 1);
    const split = particle > 0 ? particle : Math.max(tokens.length - 1, 0);
    given = tokens.slice(0, split);
    family = tokens.slice(split);
    // "Thoralf STENVOLD": a family name in capitals is written in Title Case.
    if (family.length && family.every((t) => isCaps(t) || isParticle(t)) && given.some((t) => !isCaps(t))) family = family.map((t) => (isParticle(t) ? (isCaps(t) ? t.toLowerCase() : t) : titleCase(t)));
  }
  return { honorific, givenName: given.join(' '), familyName: family.join(' '), dropped };
}

/** Whether a line opens with an honorific followed by a capitalised word ("Mr. Thoralf Stenvold", "Mme Claire Dubois"). */
export function startsWithHonorific(line: string): boolean {
  const tokens = line.split(' ');
  const rest = tokens.slice(takeHonorifics([...tokens]).length);
  return rest.length > 0 && rest.length < tokens.length && /^\p{Lu}/u.test(rest[0]!);
}

/** A short line of two to five capitalised words (particles and initials allowed) and nothing else: a person's name. */
export function looksLikeName(line: string): boolean {
  if (line.length > 60 || /[\d@:;/|()[\]{}•·–—]|\s-\s/.test(line)) return false;
  const tokens = line.replace(POST_NOMINALS, '').split(' ');
  const words = tokens.slice(takeHonorifics([...tokens]).length);
  if (words.length < 2 || words.length > 5) return false;
  return words.every((w, i) => /^\p{Lu}[\p{L}'’.-]*,?$/u.test(w) || (i > 0 && isParticle(w)));
}
