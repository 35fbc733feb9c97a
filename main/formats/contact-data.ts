/**
 * The contact shape the file formats read and write: a contact's own fields with its institution given by names
 * (outermost first), since a file knows no database ids. Readers return ContactProposals built from it.
 */
import { DossierError } from '../../contract/errors';
import type { PhoneRegion, RejectedRecord, FieldTally } from '../../contract/model';
import { type Contact, type ContactProposal, PARTIAL_DATE_RE } from '../../contract/model';
import { readPhone, regionOfDomain } from './phone';

/** A contact as a file holds it; `institutionNames` e.g. ['International Labour Organization', 'Multilateral Cooperation Department']. */
export type ContactData = Omit<ContactProposal, 'line' | 'origin' | 'warnings' | 'institutionId' | 'phoneRegion'>;

/**
 * What reading a contact file gives: the contacts, the records that could not be read (with line and reason; the
 * user imports the rest or nothing), and per field of the file how many values were stored, kept or dropped.
 */
export interface ContactFileRead {
  proposals: ContactProposal[];
  rejected: RejectedRecord[];
  fields: FieldTally[];
}

/** Counts per field key of what an import does with the values; keeps the file's order of first appearance. */
export class Tallies {
  private map = new Map<string, FieldTally>();
  add(key: string, what: 'stored' | 'other' | 'dropped', n = 1): void {
    let t = this.map.get(key);
    if (!t) this.map.set(key, (t = { key, stored: 0, other: 0, dropped: 0 }));
    t[what] += n;
  }
  list(): FieldTally[] {
    return [...this.map.values()];
  }
}

export function emptyContact(): ContactData {
  return {
    honorific: '',
    givenName: '',
    familyName: '',
    position: '',
    institutionNames: [],
    phones: [],
    emails: [],
    website: '',
    languages: [],
    notes: '',
    internal: false,
    source: '',
    informationDated: null,
    addresses: [],
    photo: null,
    otherDetails: [],
  };
}

/** A stored contact as a file holds it: its own fields, its institution by the names from the root down. */
export function contactData(c: Contact, institutionNames: string[]): ContactData {
  const { id: _id, displayName: _d, institutionId: _i, institutionName: _n, stale: _s, updatedAt: _u, hasPhoto: _h, ...own } = c;
  return { ...own, institutionNames };
}

/**
 * A proposal read from `line` of a file: every field comes from that record, so no per-field origin is given.
 * Takes over `data` (a fresh record from the reader) rather than copying it: a large import makes one per row.
 */
export const proposalOf = (data: ContactData, line: number, warnings: string[] = [], phoneRegion: PhoneRegion | null = null): ContactProposal =>
  Object.assign(data, { institutionId: null, line, origin: {}, warnings, phoneRegion });

/**
 * A name for a record that has none: from its first e-mail address (Android exports e-mail-only contacts), else its
 * organisation (company cards of Outlook and Apple). Sets it on `c` and returns the warning to show; null if neither.
 */
export function proposeName(c: ContactData, record: 'card' | 'row'): string | null {
  const guess = c.emails[0] ? nameFromEmail(c.emails[0].value) : null;
  if (guess) {
    Object.assign(c, guess);
    return `The ${record} has no name; "${[guess.givenName, guess.familyName].filter(Boolean).join(' ')}" was proposed from ${c.emails[0]!.value}.`;
  }
  if (!c.institutionNames[0]) return null;
  c.familyName = c.institutionNames[0].slice(0, 200);
  return `The ${record} has no name; it was named after its organisation "${c.institutionNames[0]}".`;
}

/** A name proposed from an e-mail address ("anna.weiss@bmas.de" → Anna Weiss; "info@ilo.org" → Info), for cards that carry none. */
export function nameFromEmail(email: string): { givenName: string; familyName: string } | null {
  const parts = (email.split('@')[0] ?? '').split(/[._-]+/).filter((p) => /^\p{L}+$/u.test(p));
  if (parts.length === 0) return null;
  const cap = (p: string) => p[0]!.toUpperCase() + p.slice(1).toLowerCase();
  return { givenName: parts.slice(0, -1).map(cap).join(' '), familyName: cap(parts[parts.length - 1]!) };
}

/** The error every reader throws for a malformed file: file name, line and reason, so the user can fix it. */
export function fileError(file: string, line: number, reason: string, field?: string): DossierError {
  return new DossierError('invalid_input', `${file}, line ${line}: ${reason}`, { details: { file, line, reason, ...(field ? { field } : {}) } });
}

/** The refusal of an all-or-nothing import: the first record that cannot be imported, with its line and reason. */
export const rejectedError = (file: string, r: RejectedRecord): DossierError => fileError(file, r.line, r.reason);

/** A partial date from whatever a file holds ('2017', '2021-03-05T10:00:00Z', '20210305'), or null. */
export function toPartialDate(value: string): string | null {
  const v = value.trim();
  const compact = v.match(/^(\d{4})(\d{2})(\d{2})(?:T|$)/);
  const d = compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : v.slice(0, 10);
  // The schema's own pattern, tested directly: a zod parse per card costs more than the rest of reading the date.
  return PARTIAL_DATE_RE.test(d) ? d : PARTIAL_DATE_RE.test(v) ? v : null;
}

const PHONE_TYPES: Record<string, string> = { cell: 'mobile', mobile: 'mobile', iphone: 'mobile', fax: 'fax', home: 'home', work: 'work', pager: 'pager', main: 'work' };
const NOISE = new Set(['voice', 'internet', 'pref', 'x400', 'text', 'msg', 'video', 'other', 'bbs', 'modem', 'car', 'isdn', 'pcs', 'intl', 'dom', 'postal', 'parcel']);

const labelCache = new Map<string, string>();

/** A Dossier label from vCard TYPE values or CSV header words ('WORK,VOICE' → 'work', 'CELL' → 'mobile'). */
export function labelFromTypes(types: readonly string[]): string {
  // Files repeat a handful of TYPE combinations thousands of times; remember each answer.
  const key = types.join(',');
  let label = labelCache.get(key);
  if (label === undefined) {
    const t = key.toLowerCase().split(',').map((x) => x.trim()).filter((x) => x && !NOISE.has(x));
    const has = (want: string) => t.some((x) => PHONE_TYPES[x] === want);
    // A home fax is not the office fax (vCard TYPE=HOME,FAX; Outlook's "Home Fax").
    label = has('fax') && has('home') ? 'home fax' : (['fax', 'mobile', 'home', 'work', 'pager'].find(has) ?? t[0] ?? '');
    if (labelCache.size < 1000) labelCache.set(key, label);
  }
  return label;
}

