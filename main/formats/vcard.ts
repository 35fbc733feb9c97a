/**
 * vCard 4.0 / 3.0 (and Outlook's 2.1) import with ical.js. All or nothing: the first malformed line refuses the
 * whole file with its name, line and reason. Properties parsed one by one so errors carry their line.
 * Export lives in vcard-write.ts.
 */
import ICAL from 'ical.js';
import { DossierError } from '../../contract/errors';
import { normaliseLanguages } from '../../contract/language';
import type { ContactProposal } from '../../contract/model';
import { type ContactData, emptyContact, fileError, fillE164, labelFromTypes, proposalOf, toPartialDate } from './contact-data';
import { readPhone } from './phone';
import { splitName } from './text-name';
import { type CardLine, type RawCard, splitCards } from './vcard-lines';

type Params = Record<string, string | string[]>;
/** A jCard property: [name, params, value type, ...values]. */
type JProp = [string, Params, string, ...unknown[]];

const DESIGN = { '2.1': ICAL.design.getDesignSet('vcard3'), '3.0': ICAL.design.getDesignSet('vcard3'), '4.0': ICAL.design.getDesignSet('vcard') } as const;

/** Our own properties, so a Dossier → Dossier round trip keeps what vCard has no place for. */
export const X = { internal: 'x-dossier-internal', source: 'x-dossier-source', dated: 'x-dossier-dated', written: 'x-dossier-written', e164: 'x-dossier-e164', label: 'x-dossier-label' } as const;

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const param = (p: Params, key: string): string | undefined => list(p[key])[0];
/** A text value, or a structured component that ical.js split further on commas, as one string. */
const str = (v: unknown): string => (Array.isArray(v) ? v.map(str).join(', ') : v == null ? '' : typeof v === 'string' ? v : String(v));
const parts = (p: JProp): string[] => {
  const v = p[3];
  return Array.isArray(v) ? v.map(str) : [str(v)];
};
// Apple's "item1.X-ABLabel:_$!<Mobile>!$_" names the label of the grouped property item1.TEL; a custom label is plain text.
const appleLabel = (l: string) => {
  const builtIn = l.match(/^_\$!<(.*)>!\$_$/);
  return builtIn ? labelFromTypes([builtIn[1]!]) : l;
};

/**
 * A tel: URI's global number with only visual separators ("+41-22-799-6111") is E.164 already (RFC 3966 §5.1.4);
 * taking it as is spares libphonenumber, the slowest step of a large import.
 */
function globalNumber(n: string): string | null {
  if (!/^\+[\d.()-]+$/.test(n)) return null;
  const digits = n.replace(/\D/g, '');
  return digits.length >= 8 && digits.length <= 15 && digits[0] !== '0' ? `+${digits}` : null;
}

function parseLine(line: CardLine, version: RawCard['version'], file: string): JProp {
  try {
    const p = ICAL.parse.property(line.text, DESIGN[version]) as JProp | undefined;
    if (!p) throw new Error('empty property');
    return p;
  } catch (err) {
    throw fileError(file, line.no, `${(err as Error).message.replace(/\.$/, '')}.`);
  }
}

/** Reads one card into contact data; throws on a card that cannot become a contact. */
function readCard(card: RawCard, file: string, region: string | null): ContactProposal {
  const props = card.lines.map((l) => ({ line: l, p: parseLine(l, card.version, file) }));
  const c: ContactData = emptyContact();
  const warnings: string[] = [];
  const labels = new Map<string, string>();
  for (const { p } of props) if (p[0] === 'x-ablabel' && p[1].group) labels.set(String(p[1].group), appleLabel(str(p[3])));
  const labelOf = (p: JProp) => param(p[1], X.label) ?? (p[1].group ? labels.get(String(p[1].group)) : undefined) ?? labelFromTypes(list(p[1].type));
  let fn = '';
  let hasN = false;
  const langs: { pref: number; tag: string }[] = [];
  const notes: string[] = [];
  for (const { line, p } of props) {
    const [name, params] = p;
    // ical.js leaves "\;" in single text values (RFC 6350 only asks for it in structured ones, but Apple and Google write it).
    const value = str(p[3]).replace(/\\;/g, ';').trim();
    switch (name) {
      case 'fn':
        fn = value;
        break;
      case 'n': {
        const [family = '', given = '', additional = '', prefix = '', suffix = ''] = parts(p).map((s) => s.trim());
        Object.assign(c, { familyName: family, givenName: [given, additional].filter(Boolean).join(' '), honorific: prefix });
        if (suffix) warnings.push(`The name suffix "${suffix}" was left out (line ${line.no}).`);
        hasN = family !== '' || given !== '';
        break;
      }
      case 'org':
        c.institutionNames = parts(p).map((s) => s.trim()).filter(Boolean);
        break;
      case 'title':
        c.position = value;
        break;
      case 'role':
        if (!c.position) c.position = value;
        break;
      case 'tel': {
        const isUri = value.toLowerCase().startsWith('tel:');
        const number = isUri ? decodeURIComponent(value.slice(4)).replace(/;ext=/i, ' ext. ').replace(/;.*$/, '') : value;
        const written = param(params, X.written) ?? number;
        if (!written) break;
        // A tel: URI carries the international number; a text value may need the region (filled in below).
        const e164 = param(params, X.e164) ?? (isUri ? globalNumber(number) ?? readPhone(number).e164 : null);
        c.phones.push({ label: labelOf(p), value: written, e164 });
        break;
      }
      case 'email':
        if (value) c.emails.push({ label: labelOf(p), value: value.replace(/^mailto:/i, '') });
        break;
      case 'url':
        if (!c.website) c.website = value;
        break;
      case 'lang':
        if (value) langs.push({ pref: Number(param(params, 'pref') ?? 100), tag: value });
        break;
      case 'note':
        if (value) notes.push(value);
        break;
      case 'adr': {
        const address = parts(p).map((s) => s.trim()).filter(Boolean).join('\n');
        if (address) notes.push(address);
        break;
      }
      case 'rev':
        if (!c.informationDated) {
          c.informationDated = toPartialDate(value);
          if (!c.informationDated) warnings.push(`REV "${value}" on line ${line.no} is not a date; it was ignored.`);
        }
        break;
      case X.dated:
        c.informationDated = toPartialDate(value);
        if (!c.informationDated) throw fileError(file, line.no, `X-DOSSIER-DATED "${value}" is not a year, a year-month or a date.`);
        break;
      case X.internal:
        c.internal = /^(true|1|yes)$/i.test(value);
        break;
      case X.source:
        c.source = value;
        break;
    }
  }
  fillE164(c, region);
  c.languages = normaliseLanguages(langs.sort((a, b) => a.pref - b.pref).map((l) => l.tag));
  c.notes = notes.join('\n\n');
  if (!hasN) {
    if (!fn) throw fileError(file, card.begin, 'the card has no name (neither FN nor N).');
    const { honorific, givenName, familyName } = splitName(fn);
    Object.assign(c, { honorific, givenName, familyName });
  }
  if (!c.givenName && !c.familyName) throw fileError(file, card.begin, 'the card has an empty name.');
  return proposalOf(c, card.begin, warnings);
}

/**
 * Every contact of a .vcf file, in file order. Throws DossierError('invalid_input') with `{file, line, reason}` on the
 * first malformed card, so nothing of a bad file is imported. `region` normalises phone numbers without a country code.
 */
export function readVCards(content: string, file: string, region: string | null = null): ContactProposal[] {
  const out: ContactProposal[] = [];
  try {
    for (const card of splitCards(content, file)) out.push(readCard(card, file, region));
    return out;
  } catch (err) {
    if (err instanceof DossierError) throw err;
    throw fileError(file, 1, `the file could not be read (${(err as Error).message}).`);
  }
}
