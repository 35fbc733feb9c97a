/**
 * The contact shape the file formats read and write: a contact's own fields with its institution given by names
 * (outermost first), since a file knows no database ids. Readers return ContactProposals built from it.
 */
import { DossierError } from '../../contract/errors';
import { type Contact, type ContactProposal, PARTIAL_DATE_RE } from '../../contract/model';
import { readPhone, regionOfDomain } from './phone';

/** A contact as a file holds it; `institutionNames` e.g. ['International Labour Organization', 'Multilateral Cooperation Department']. */
export type ContactData = Omit<ContactProposal, 'line' | 'origin' | 'warnings' | 'institutionId'>;

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
  };
}

/** A stored contact as a file holds it: its own fields, its institution by the names from the root down. */
export function contactData(c: Contact, institutionNames: string[]): ContactData {
  const { id: _id, displayName: _d, institutionId: _i, institutionName: _n, stale: _s, updatedAt: _u, ...own } = c;
  return { ...own, institutionNames };
}

/**
 * A proposal read from `line` of a file: every field comes from that record, so no per-field origin is given.
 * Takes over `data` (a fresh record from the reader) rather than copying it: a large import makes one per row.
 */
export const proposalOf = (data: ContactData, line: number, warnings: string[] = []): ContactProposal =>
  Object.assign(data, { institutionId: null, line, origin: {}, warnings });

/** The error every reader throws for a malformed file: file name, line and reason, so the user can fix it. */
export function fileError(file: string, line: number, reason: string, field?: string): DossierError {
  return new DossierError('invalid_input', `${file}, line ${line}: ${reason}`, { details: { file, line, reason, ...(field ? { field } : {}) } });
}

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
    label = ['fax', 'mobile', 'home', 'work', 'pager'].find((want) => t.some((x) => PHONE_TYPES[x] === want)) ?? t[0] ?? '';
    if (labelCache.size < 1000) labelCache.set(key, label);
  }
  return label;
}

/**
 * The region for numbers written without a country code: the one a country-code domain of the contact's e-mail
 * or website implies ('bmas.bund.de' → DE), else the caller's default. An address says more than a setting.
 */
export function regionFor(c: Pick<ContactData, 'emails' | 'website'>, fallback: string | null): string | null {
  const domains = [...c.emails.map((e) => e.value.split('@')[1] ?? ''), c.website.replace(/^https?:\/\//i, '').split('/')[0]!];
  return domains.map((d) => (d ? regionOfDomain(d) : null)).find((r) => r !== null) ?? fallback;
}

/** Fills in the E.164 form of phones that have none yet, now that the contact's region is known. */
export function fillE164(c: ContactData, fallback: string | null): void {
  if (c.phones.every((p) => p.e164 !== null)) return;
  const region = regionFor(c, fallback);
  for (const p of c.phones) if (p.e164 === null) p.e164 = readPhone(p.value, region).e164;
}
