/**
 * CSV import with a column-mapping step, and CSV export, with papaparse. The delimiter (',' ';' or tab), a
 * byte-order mark and a preamble before the header (LinkedIn's "Notes:") are detected; the exports of Outlook,
 * Google, Thunderbird, Apple tools and LinkedIn map by themselves (csv-headers.ts). Every non-empty cell is stored,
 * kept as an other detail, or dropped because the user mapped its column to 'ignore'. A row that cannot be imported
 * is a rejected record with its line and reason; the others are read.
 */
import Papa from 'papaparse';
import type { Address, OtherDetail, RejectedRecord } from '../../contract/model';
import { PHOTO_MAX_BASE64, PHOTO_TYPES } from '../../contract/model';
import { type ContactProposal, type CsvField, CSV_FIELDS } from '../../contract/model';
import { type ContactData, type ContactFileRead, Tallies, emptyContact, fileError, labelFromTypes, proposeName, proposalOf, rejectedError, toPartialDate } from './contact-data';
import { autoField, autoMapping, isEmptyCell, key, pairOf } from './csv-headers';
import { resolvePhones } from './phone-region';
import { languageCodes } from './text-labels';
import { splitName } from './text-name';
import { findEmails } from './text-email';
import { SUFFIX_DETAIL } from './vcard';

/** A parsed CSV before mapping: its header row, data rows and the physical line each row starts on. */
export interface CsvTable {
  headers: string[];
  rows: { line: number; cells: string[] }[];
  delimiter: string;
  /** Rows that cannot be read as CSV (unbalanced quotes, too many fields), with line and reason. */
  rejected: RejectedRecord[];
  /** Lines before the header (an exporter's note), so the preview can say they were not contacts. */
  preamble: number;
}

const STANDARD_LABELS = new Set(['work', 'home', 'mobile', 'fax', 'home fax', 'pager']);
/**
 * "* Work" (Google's mark of the primary), "Mobile", "WORK" → 'work'/'mobile'. Anything else is kept as written, a
 * star included ("*", "*!", "* Anna"): a label of one's own that starts with a star comes back from an export as it
 * went, and a custom label Google marked as the primary keeps its mark rather than lose a character it may mean.
 */
const normalLabel = (raw: string): string => {
  const text = raw.trim();
  const std = labelFromTypes([text.replace(/^\*\s*/, '')]);
  return STANDARD_LABELS.has(std) ? std : text;
};
// Exports guard against spreadsheet formula injection with a leading apostrophe; take it off again.
const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** The delimiter of a line: whichever of , ; and tab occurs most outside quotes (German Excel writes ';'). */
function detectDelimiter(line: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]!++;
  }
  return Object.entries(counts).reduce((best, cur) => (cur[1] > best[1] ? cur : best))[0];
}

/** The index of the header among the first lines: the first with two or more known headers, else the first non-empty one. */
function headerLine(lines: string[]): number {
  for (let i = 0; i < Math.min(lines.length, 30); i++) {
    const cells = Papa.parse<string[]>(lines[i]!, { delimiter: detectDelimiter(lines[i]!) }).data[0] ?? [];
    if (cells.filter((c) => autoField(c) !== 'other').length >= 2) return i;
  }
  return Math.max(0, lines.findIndex((l) => l.trim() !== ''));
}

/** Parses the text into header and rows. Throws only when there is no header; rows that cannot be read are rejected. */
export function readCsvTable(content: string, file: string): CsvTable {
  let text = content.replace(/^\ufeff/, '');
  const firstLines = text.slice(0, 20_000).split(/\r\n|\n|\r/);
  const skip = headerLine(firstLines);
  let offsetLines = 0;
  if (skip > 0) {
    let cut = 0;
    for (let i = 0; i < skip; i++) cut = text.indexOf('\n', cut) + 1;
    text = text.slice(cut);
    offsetLines = skip;
  }
  const newlines: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) newlines.push(i);
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newlines[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1 + offsetLines;
  };
  const rows: { line: number; cells: string[] }[] = [];
  const rejected: RejectedRecord[] = [];
  let start = 0;
  const delimiter = detectDelimiter(firstLines[skip] ?? '');
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (r, parser) => {
      const line = lineAt(start);
      const bad = r.errors[0];
      start = r.meta.cursor;
      if (bad) {
        // An unbalanced quote swallows the rest of the file: nothing after it can be told apart.
        rejected.push({ line, reason: `${bad.message.replace(/\.$/, '')}; the rows from here to the end of the file cannot be read.` });
        parser.abort();
        return;
      }
      const cells = r.data.map((c) => unguard(c));
      if (cells.some((c) => c.trim() !== '')) rows.push({ line, cells });
    },
  });
  const header = rows.shift();
  if (!header) throw fileError(file, 1, 'the file is empty (a header row is expected).');
  // Repeated headers (French Outlook's two "Titre") become "Titre (2)" so each column maps on its own.
  const seen = new Map<string, number>();
  const headers = header.cells.map((h) => {
    const name = h.trim();
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
  const good = rows.filter((r) => {
    if (r.cells.length > headers.length && r.cells.slice(headers.length).some((c) => c.trim())) {
      rejected.push({ line: r.line, reason: `the row has ${r.cells.length} fields but the header has ${headers.length}; check the quotes and the delimiter ("${delimiter}").` });
      return false;
    }
    return true;
  });
  rejected.sort((a, b) => a.line - b.line);
  return { headers, rows: good, delimiter, rejected, preamble: offsetLines };
}

/** The header row and the mapping proposed for it, for the preview's column-mapping step. */
export function csvColumns(content: string, file: string): { headers: string[]; mapping: Record<string, CsvField>; delimiter: string; rows: number } {
  const t = readCsvTable(content, file);
  return { headers: t.headers, mapping: autoMapping(t.headers), delimiter: t.delimiter, rows: t.rows.length };
}

/** Options of the CSV reader. */
export interface CsvReadOptions {
  mapping?: Record<string, string>;
  region?: string | null;
}

/** Every row as a contact with `mapping` (header → field) or the automatic one, the rows that cannot be imported, and per column what happens to its values. */
export function readCsvFile(content: string | CsvTable, file: string, opts: CsvReadOptions = {}): ContactFileRead & { table: CsvTable; mapping: Record<string, CsvField> } {
  const t = typeof content === 'string' ? readCsvTable(content, file) : content;
  const map = { ...autoMapping(t.headers), ...(opts.mapping ?? {}) };
  const fields = t.headers.map((h) => {
    const f = map[h] ?? 'other';
    if (!(CSV_FIELDS as readonly string[]).includes(f)) throw fileError(file, 1, `column "${h}" is mapped to "${f}", which is not a contact field.`, h);
    return f as CsvField;
  });
  const tallies = new Tallies();
  const rejected = [...t.rejected];
  const proposals: ContactProposal[] = [];
  for (const r of t.rows) {
    try {
      proposals.push(readRow(t.headers, fields, r, tallies, opts.region ?? null));
    } catch (err) {
      rejected.push({ line: r.line, reason: (err as Error).message });
    }
  }
  rejected.sort((a, b) => a.line - b.line);
  return { proposals, rejected, fields: tallies.list(), table: t, mapping: Object.fromEntries(t.headers.map((h, i) => [h, fields[i]!])) };
}

/** Every row as a contact; the first row that cannot be imported refuses the whole file (all or nothing). */
export function readCsv(content: string | CsvTable, file: string, mapping?: Record<string, string>, region: string | null = null): ContactProposal[] {
  const r = readCsvFile(content, file, { mapping, region });
  if (r.rejected[0]) throw rejectedError(file, r.rejected[0]);
  return r.proposals;
}

const PHONE_LABELS: Record<string, string> = { homeFax: 'home fax', otherFax: 'other fax' };

/** A birthday as an ISO date when its form is unambiguous (2024-01-12, 12.01.1970, 12-1-1970, --01-12, 31/1/1970), else as written. */
export function birthdayValue(raw: string): { value: string; property: string } {
  const v = raw.trim();
  const iso = v.match(/^(\d{4})-(\d{1,2})-(\d{1,2})/);
  const pad = (n: string) => n.padStart(2, '0');
  if (iso) return { value: `${iso[1]}-${pad(iso[2]!)}-${pad(iso[3]!)}`, property: 'BDAY' };
  if (/^--\d{2}-?\d{2}$/.test(v)) return { value: v, property: 'BDAY' };
  const dmy = v.match(/^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$/);
  if (dmy) return { value: `${dmy[3]}-${pad(dmy[2]!)}-${pad(dmy[1]!)}`, property: 'BDAY' };
  const slash = v.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  if (slash) {
    const [a, b] = [Number(slash[1]), Number(slash[2])];
    // 5/14/1970 is American, 14/5/1970 is not; 5/4/1970 cannot be told and stays as written.
    if (a > 12 && b <= 12) return { value: `${slash[3]}-${pad(slash[2]!)}-${pad(slash[1]!)}`, property: 'BDAY' };
    if (b > 12 && a <= 12) return { value: `${slash[3]}-${pad(slash[1]!)}-${pad(slash[2]!)}`, property: 'BDAY' };
  }
  return { value: v, property: 'BDAY;VALUE=text' };
}

function readRow(headers: string[], fields: CsvField[], row: { line: number; cells: string[] }, tallies: Tallies, region: string | null): ContactProposal {
  const c: ContactData = emptyContact();
  const warnings: string[] = [];
  const names = { honorific: [] as string[], given: [] as string[], middle: [] as string[], family: [] as string[], full: '' };
  const units: { org: string[]; dept: string[]; path: string[] } = { org: [], dept: [], path: [] };
  // Labels, E.164 forms and vCard properties of numbered groups, by group key ("phone 1").
  const pairLabel = new Map<string, string>();
  const pairE164 = new Map<string, string>();
  const pairProperty = new Map<string, string>();
  const addresses = new Map<string, Address & { formatted: string }>();
  const birth = { year: '', month: '', day: '' };
  const cell = (i: number) => (row.cells[i] ?? '').trim();
  fields.forEach((f, i) => {
    const pair = pairOf(headers[i]!);
    const v = cell(i);
    if (!pair || !v) return;
    if (f === 'label') pairLabel.set(pair, normalLabel(v));
    if (f === 'e164') pairE164.set(pair, v);
    if (f === 'property') pairProperty.set(pair, v);
  });
  // Names first: bookkeeping cells such as Outlook's initials are recognised against them.
  const allGiven: string[] = [];
  fields.forEach((f, i) => {
    const v = cell(i);
    if (v && (f === 'givenName' || f === 'middleName')) allGiven.push(v);
    if (v && f === 'givenName') names.given.push(v);
    if (v && f === 'familyName') names.family.push(v);
  });
  const fail = (i: number, reason: string) => new Error(`column "${headers[i]}": ${reason}`);
  const keep = (i: number, d: OtherDetail) => {
    c.otherDetails.push({ ...d, name: d.name.slice(0, 200), property: d.property.slice(0, 500) });
    tallies.add(headers[i]!, 'other');
  };

  fields.forEach((f, i) => {
    const header = headers[i]!;
    const raw = cell(i);
    if (!raw || f === 'label' || f === 'e164' || f === 'property') return;
    if (isEmptyCell(header, raw, { givenName: allGiven.join(' '), familyName: names.family.join(' ') })) return;
    if (f === 'ignore') return tallies.add(header, 'dropped');
    const stored = () => tallies.add(header, 'stored');
    const pair = pairOf(header);
    // Google joins several values of one cell with " ::: ".
    const values = raw.split(/\s+:::\s+/).filter(Boolean);
    const [kind, sub, part] = f.split('.') as [string, string | undefined, string | undefined];
    switch (kind) {
      case 'honorific':
        names.honorific.push(raw), stored();
        break;
      case 'givenName':
      case 'familyName':
        stored();
        break;
      case 'middleName':
        names.middle.push(raw), stored();
        break;
      case 'fullName':
        names.full = raw;
        stored();
        break;
      case 'nameSuffix':
        keep(i, { name: SUFFIX_DETAIL, value: raw, property: '' });
        break;
      case 'nickname':
        keep(i, { name: header, value: raw, property: 'NICKNAME' });
        break;
      case 'position':
        c.position = c.position ? `${c.position}, ${raw}` : raw;
        stored();
        break;
      case 'organisation':
        units.org.push(raw), stored();
        break;
      case 'department':
        units.dept.push(raw), stored();
        break;
      case 'institutionPath':
        units.path.push(...raw.split(/\s+>\s+/)), stored();
        break;
      case 'phone':
        for (const v of values) {
          const label = (sub ? (PHONE_LABELS[sub] ?? (sub === 'other' ? 'other' : sub === 'assistant' ? 'assistant' : sub === 'car' ? 'car' : sub)) : undefined) ?? (pair ? pairLabel.get(pair) : undefined) ?? '';
          const e164 = (pair ? pairE164.get(pair) : undefined) ?? null;
          if (!c.phones.some((p) => p.value === v)) c.phones.push({ label, value: v, e164 });
        }
        stored();
        break;
      case 'email':
        for (const v of values) {
          if (!findEmails(v, true).length) throw fail(i, `"${v}" is not an e-mail address.`);
          const label = sub ?? (pair ? pairLabel.get(pair) : undefined) ?? '';
          if (!c.emails.some((e) => e.value.toLowerCase() === v.toLowerCase())) c.emails.push({ label, value: v });
        }
        stored();
        break;
      case 'address': {
        const group = part ? sub! : (pair ?? 'address');
        const which = (part ?? sub) as keyof (Address & { formatted: string }) | 'city';
        let a = addresses.get(group);
        if (!a) {
          const label = part ? sub! : ((pair ? pairLabel.get(pair) : undefined) ?? '');
          addresses.set(group, (a = { label, poBox: '', extended: '', street: '', locality: '', region: '', postalCode: '', country: '', formatted: '' }));
        }
        const slot = which === 'city' ? 'locality' : which;
        a[slot] = a[slot] ? `${a[slot]}\n${raw}` : raw;
        stored();
        break;
      }
      case 'website':
        if (!c.website) (c.website = values[0]!), stored();
        else keep(i, { name: (pair ? pairLabel.get(pair) : undefined) || header, value: raw, property: 'URL' });
        break;
      case 'languages':
        c.languages = [...new Set([...c.languages, ...languageCodes(raw)])];
        stored();
        break;
      case 'notes':
        c.notes = c.notes ? `${c.notes}\n\n${raw}` : raw;
        stored();
        break;
      case 'birthday': {
        const b = birthdayValue(raw);
        keep(i, { name: header, ...b });
        break;
      }
      case 'birthYear':
      case 'birthMonth':
      case 'birthDay':
        birth[kind === 'birthYear' ? 'year' : kind === 'birthMonth' ? 'month' : 'day'] = raw;
        tallies.add(header, 'other');
        break;
      case 'photo': {
        const data = /^data:(image\/[a-z]+);base64,([A-Za-z0-9+/=\s]+)$/i.exec(raw);
        const media = data?.[1]!.toLowerCase();
        if (data && !c.photo && (PHOTO_TYPES as readonly string[]).includes(media!) && data[2]!.length <= PHOTO_MAX_BASE64) {
          c.photo = { mediaType: media as (typeof PHOTO_TYPES)[number], dataBase64: data[2]!.replace(/\s+/g, '') };
          stored();
        } else keep(i, { name: header, value: raw, property: /^https?:/i.test(raw) ? 'PHOTO;VALUE=uri' : '' });
        break;
      }
      case 'informationDated':
        c.informationDated = toPartialDate(raw);
        if (!c.informationDated) throw fail(i, `"${raw}" is not a year, a year-month or a date (2017, 2021-03, 2024-01-12).`);
        stored();
        break;
      case 'internal':
        if (!/^(yes|no|true|false|1|0|ja|nein|oui|non|nee)$/i.test(raw)) throw fail(i, `"${raw}" is not yes or no.`);
        c.internal = /^(yes|true|1|ja|oui)$/i.test(raw);
        stored();
        break;
      case 'source':
        c.source = raw;
        stored();
        break;
      case 'other': {
        // Google's default group says nothing; its other labels do.
        const kept = key(header).startsWith('labels') || key(header).startsWith('group membership') ? values.filter((v) => !/^\*\s*mycontacts$/i.test(v)).join(' ::: ') : raw;
        if (kept) keep(i, { name: (pair ? pairLabel.get(pair) : undefined) || header, value: kept, property: (pair ? pairProperty.get(pair) : undefined) ?? '' });
        break;
      }
    }
  });
  for (const a of addresses.values()) {
    const { formatted, ...parts } = a;
    // A formatted address is only kept as the street when the file gives no parts (Google writes both).
    if (!parts.street && !parts.locality && !parts.postalCode && !parts.country && formatted) parts.street = formatted;
    if (parts.street || parts.locality || parts.postalCode || parts.country || parts.poBox || parts.region || parts.extended) c.addresses.push(parts);
  }
  if (birth.year || birth.month || birth.day) {
    const pad = (n: string) => n.padStart(2, '0');
    const value = birth.month && birth.day ? `${birth.year || '-'}-${pad(birth.month)}-${pad(birth.day)}` : [birth.year, birth.month, birth.day].filter(Boolean).join('-');
    c.otherDetails.push({ name: 'Birthday', value, property: birth.month && birth.day ? 'BDAY' : 'BDAY;VALUE=text' });
  }
  c.institutionNames = units.path.length ? units.path : [...units.org, ...units.dept];
  Object.assign(c, { honorific: names.honorific.join(' '), givenName: [...names.given, ...names.middle].join(' '), familyName: names.family.join(' ') });
  if (!c.givenName && !c.familyName && names.full) {
    const split = splitName(names.full);
    Object.assign(c, { honorific: c.honorific || split.honorific, givenName: split.givenName, familyName: split.familyName });
  }
  if (!c.givenName && !c.familyName) {
    const proposed = proposeName(c, 'row');
    if (!proposed) throw new Error('the row has no name (map a column to given, family or full name).');
    warnings.push(proposed);
  }
  const phoneRegion = resolvePhones(c, null, region);
  return proposalOf(c, row.line, warnings, phoneRegion);
}

const MAX = (list: readonly ContactData[], f: (c: ContactData) => number) => list.reduce((m, c) => Math.max(m, f(c)), 0);

/**
 * A CSV of the contacts in Dossier's layout (which its import maps back automatically), with a BOM for spreadsheets.
 * Addresses use Google's "Address N - …" columns; other details are "Detail N - Name/Value/vCard"; the photo a data: URI.
 */
export function writeCsv(contacts: readonly ContactData[], delimiter: ',' | ';' = ','): string {
  const phones = Math.max(1, MAX(contacts, (c) => c.phones.length));
  const emails = Math.max(1, MAX(contacts, (c) => c.emails.length));
  const addresses = MAX(contacts, (c) => c.addresses.length);
  const details = MAX(contacts, (c) => c.otherDetails.length);
  const photo = contacts.some((c) => c.photo);
  const fields = ['Honorific', 'Given Name', 'Family Name', 'Position', 'Institution'];
  for (let i = 1; i <= phones; i++) fields.push(`Phone ${i} - Label`, `Phone ${i} - Value`, `Phone ${i} - E164`);
  for (let i = 1; i <= emails; i++) fields.push(`E-mail ${i} - Label`, `E-mail ${i} - Value`);
  for (let i = 1; i <= addresses; i++) {
    fields.push(`Address ${i} - Label`, `Address ${i} - PO Box`, `Address ${i} - Extended Address`, `Address ${i} - Street`, `Address ${i} - City`, `Address ${i} - Region`, `Address ${i} - Postal Code`, `Address ${i} - Country`);
  }
  fields.push('Website', 'Languages', 'Notes', 'Internal', 'Source', 'Information Dated');
  if (photo) fields.push('Photo');
  for (let i = 1; i <= details; i++) fields.push(`Detail ${i} - Name`, `Detail ${i} - Value`, `Detail ${i} - vCard`);
  const data = contacts.map((c) => [
    c.honorific,
    c.givenName,
    c.familyName,
    c.position,
    c.institutionNames.join(' > '),
    ...Array.from({ length: phones }, (_, i) => [c.phones[i]?.label ?? '', c.phones[i]?.value ?? '', c.phones[i]?.e164 ?? '']).flat(),
    ...Array.from({ length: emails }, (_, i) => [c.emails[i]?.label ?? '', c.emails[i]?.value ?? '']).flat(),
    ...Array.from({ length: addresses }, (_, i) => {
      const a = c.addresses[i];
      return a ? [a.label, a.poBox, a.extended, a.street, a.locality, a.region, a.postalCode, a.country] : ['', '', '', '', '', '', '', ''];
    }).flat(),
    c.website,
    c.languages.join(', '),
    c.notes,
    c.internal ? 'yes' : 'no',
    c.source,
    c.informationDated ?? '',
    ...(photo ? [c.photo ? `data:${c.photo.mediaType};base64,${c.photo.dataBase64}` : ''] : []),
    ...Array.from({ length: details }, (_, i) => [c.otherDetails[i]?.name ?? '', c.otherDetails[i]?.value ?? '', c.otherDetails[i]?.property ?? '']).flat(),
  ]);
  // A cell starting with = + - @ must not run as a formula when the file is opened in a spreadsheet. Done here, not with
  // papaparse's escapeFormulae, whose test misses cells that span several lines.
  const guarded = data.map((row) => row.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)));
  return '\ufeff' + Papa.unparse({ fields, data: guarded }, { delimiter, newline: '\r\n', quotes: false });
}
