/**
 * CSV import with a column-mapping step, and CSV export, with papaparse. The delimiter (',' ';' or tab) and a
 * byte-order mark are detected; Outlook and Google Contacts headers map automatically (csv-headers.ts).
 * All or nothing: the first bad row refuses the file with its line and column.
 */
import Papa from 'papaparse';
import { type ContactProposal, type CsvField, CSV_FIELDS } from '../../contract/model';
import { type ContactData, emptyContact, fileError, fillE164, labelFromTypes, proposalOf, toPartialDate } from './contact-data';
import { autoMapping, pairOf } from './csv-headers';
import { languageCodes } from './text-labels';
import { splitName } from './text-name';
import { findEmails } from './text-email';

/** A parsed CSV before mapping: its header row, data rows and the physical line each row starts on. */
export interface CsvTable {
  headers: string[];
  rows: { line: number; cells: string[] }[];
  delimiter: string;
}

const STANDARD_LABELS = new Set(['work', 'home', 'mobile', 'fax', 'pager']);
/** "* Work", "Mobile", "WORK" → 'work'/'mobile'; anything else kept as written. */
const normalLabel = (raw: string): string => {
  const clean = raw.replace(/^\*\s*/, '').trim();
  const std = labelFromTypes([clean]);
  return STANDARD_LABELS.has(std) ? std : clean;
};
// Exports guard against spreadsheet formula injection with a leading apostrophe; take it off again.
const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** The delimiter of the header row: whichever of , ; and tab occurs most outside quotes (German Excel writes ';'). */
function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text.slice(0, 10_000)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch]!++;
  }
  return Object.entries(counts).reduce((best, cur) => (cur[1] > best[1] ? cur : best))[0];
}

/** Parses the text into header and rows. Throws DossierError naming file and line on malformed CSV. */
export function readCsvTable(content: string, file: string): CsvTable {
  const text = content.replace(/^\ufeff/, '');
  // Line of each row start: papaparse gives the character offset where each row ends.
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
    return lo + 1;
  };
  const rows: { line: number; cells: string[] }[] = [];
  let start = 0;
  const errors: { line: number; message: string }[] = [];
  const delimiter = detectDelimiter(text);
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step: (r, parser) => {
      const line = lineAt(start);
      const bad = r.errors[0];
      if (bad) errors.push({ line, message: bad.message });
      const cells = r.data.map((c) => unguard(c));
      if (cells.some((c) => c.trim() !== '')) rows.push({ line, cells });
      start = r.meta.cursor;
      if (bad) parser.abort();
    },
  });
  if (errors[0]) throw fileError(file, errors[0].line, `${errors[0].message.replace(/\.$/, '')}.`);
  const header = rows.shift();
  if (!header) throw fileError(file, 1, 'the file is empty (a header row is expected).');
  const headers = header.cells.map((h) => h.trim());
  for (const r of rows) {
    if (r.cells.length > headers.length && r.cells.slice(headers.length).some((c) => c.trim())) {
      throw fileError(file, r.line, `the row has ${r.cells.length} fields but the header has ${headers.length}; check the quotes and the delimiter ("${delimiter}").`);
    }
  }
  return { headers, rows, delimiter };
}

/** The header row and the mapping proposed for it, for the preview's column-mapping step. */
export function csvColumns(content: string, file: string): { headers: string[]; mapping: Record<string, CsvField>; delimiter: string; rows: number } {
  const t = readCsvTable(content, file);
  return { headers: t.headers, mapping: autoMapping(t.headers), delimiter: t.delimiter, rows: t.rows.length };
}

/** Every row as a contact, with `mapping` (header → field) or the automatic one. Throws on the first bad row. Takes the text or a table already read. */
export function readCsv(content: string | CsvTable, file: string, mapping?: Record<string, string>, region: string | null = null): ContactProposal[] {
  const t = typeof content === 'string' ? readCsvTable(content, file) : content;
  const map = { ...autoMapping(t.headers), ...(mapping ?? {}) };
  const fields = t.headers.map((h) => {
    const f = map[h] ?? 'ignore';
    if (!(CSV_FIELDS as readonly string[]).includes(f)) throw fileError(file, 1, `column "${h}" is mapped to "${f}", which is not a contact field.`, h);
    return f as CsvField;
  });
  return t.rows.map((r) => readRow(t.headers, fields, r, file, region));
}

function readRow(headers: string[], fields: CsvField[], row: { line: number; cells: string[] }, file: string, region: string | null): ContactProposal {
  const c: ContactData = emptyContact();
  const warnings: string[] = [];
  const names = { honorific: [] as string[], given: [] as string[], middle: [] as string[], family: [] as string[], full: '' };
  const units: { org: string[]; dept: string[]; path: string[] } = { org: [], dept: [], path: [] };
  // Labels and E.164 forms of Google-style pairs, by pair key ("phone 1").
  const pairLabel = new Map<string, string>();
  const pairE164 = new Map<string, string>();
  fields.forEach((f, i) => {
    const pair = pairOf(headers[i]!);
    const v = (row.cells[i] ?? '').trim();
    if (pair && v && f === 'label') pairLabel.set(pair, normalLabel(v));
    if (pair && v && f === 'e164') pairE164.set(pair, v);
  });
  const fail = (i: number, reason: string) => fileError(file, row.line, `column "${headers[i]}": ${reason}`, headers[i]);

  fields.forEach((f, i) => {
    const raw = (row.cells[i] ?? '').trim();
    if (!raw || f === 'ignore' || f === 'label' || f === 'e164') return;
    const pair = pairOf(headers[i]!);
    // Google joins several values of one cell with " ::: ".
    const values = raw.split(/\s+:::\s+/).filter(Boolean);
    const [kind, fixedLabel] = f.split('.') as [string, string | undefined];
    switch (kind) {
      case 'honorific':
        names.honorific.push(raw);
        break;
      case 'givenName':
        names.given.push(raw);
        break;
      case 'middleName':
        names.middle.push(raw);
        break;
      case 'familyName':
        names.family.push(raw);
        break;
      case 'fullName':
        names.full = raw;
        break;
      case 'position':
        c.position = c.position ? `${c.position}, ${raw}` : raw;
        break;
      case 'organisation':
        units.org.push(raw);
        break;
      case 'department':
        units.dept.push(raw);
        break;
      case 'institutionPath':
        units.path.push(...raw.split(/\s+>\s+/));
        break;
      case 'phone':
        for (const v of values) {
          const label = fixedLabel ?? (pair ? pairLabel.get(pair) : undefined) ?? '';
          const e164 = (pair ? pairE164.get(pair) : undefined) ?? null;
          if (!c.phones.some((p) => p.value === v)) c.phones.push({ label, value: v, e164 });
        }
        break;
      case 'email':
        for (const v of values) {
          if (!findEmails(v, true).length) throw fail(i, `"${v}" is not an e-mail address.`);
          const label = fixedLabel ?? (pair ? pairLabel.get(pair) : undefined) ?? '';
          if (!c.emails.some((e) => e.value.toLowerCase() === v.toLowerCase())) c.emails.push({ label, value: v });
        }
        break;
      case 'website':
        if (!c.website) c.website = values[0]!;
        break;
      case 'languages':
        c.languages = [...new Set([...c.languages, ...languageCodes(raw)])];
        break;
      case 'notes':
        c.notes = c.notes ? `${c.notes}\n\n${raw}` : raw;
        break;
      case 'informationDated':
        c.informationDated = toPartialDate(raw);
        if (!c.informationDated) throw fail(i, `"${raw}" is not a year, a year-month or a date (2017, 2021-03, 2024-01-12).`);
        break;
      case 'internal':
        if (!/^(yes|no|true|false|1|0|ja|nein|oui|non|nee)$/i.test(raw)) throw fail(i, `"${raw}" is not yes or no.`);
        c.internal = /^(yes|true|1|ja|oui)$/i.test(raw);
        break;
      case 'source':
        c.source = raw;
        break;
    }
  });
  fillE164(c, region);
  c.institutionNames = units.path.length ? units.path : [...units.org, ...units.dept];
  Object.assign(c, { honorific: names.honorific.join(' '), givenName: [...names.given, ...names.middle].join(' '), familyName: names.family.join(' ') });
  if (!c.givenName && !c.familyName && names.full) {
    const split = splitName(names.full);
    Object.assign(c, { honorific: c.honorific || split.honorific, givenName: split.givenName, familyName: split.familyName });
  }
  if (!c.givenName && !c.familyName) {
    const local = c.emails[0]?.value.split('@')[0]?.split(/[._-]/).filter(Boolean) ?? [];
    if (local.length === 0) throw fileError(file, row.line, 'the row has no name (map a column to given, family or full name).');
    const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
    Object.assign(c, { givenName: local.slice(0, -1).map(cap).join(' '), familyName: cap(local[local.length - 1]!) });
    warnings.push('The row has no name; it was guessed from the e-mail address.');
  }
  return proposalOf(c, row.line, warnings);
}

const MAX = (list: readonly ContactData[], f: (c: ContactData) => number) => list.reduce((m, c) => Math.max(m, f(c)), 0);

/** A CSV of the contacts in Dossier's layout (which its import maps back automatically), with a BOM for spreadsheets. */
export function writeCsv(contacts: readonly ContactData[], delimiter: ',' | ';' = ','): string {
  const phones = Math.max(1, MAX(contacts, (c) => c.phones.length));
  const emails = Math.max(1, MAX(contacts, (c) => c.emails.length));
  const fields = ['Honorific', 'Given Name', 'Family Name', 'Position', 'Institution'];
  for (let i = 1; i <= phones; i++) fields.push(`Phone ${i} - Label`, `Phone ${i} - Value`, `Phone ${i} - E164`);
  for (let i = 1; i <= emails; i++) fields.push(`E-mail ${i} - Label`, `E-mail ${i} - Value`);
  fields.push('Website', 'Languages', 'Notes', 'Internal', 'Source', 'Information Dated');
  const data = contacts.map((c) => [
    c.honorific,
    c.givenName,
    c.familyName,
    c.position,
    c.institutionNames.join(' > '),
    ...Array.from({ length: phones }, (_, i) => [c.phones[i]?.label ?? '', c.phones[i]?.value ?? '', c.phones[i]?.e164 ?? '']).flat(),
    ...Array.from({ length: emails }, (_, i) => [c.emails[i]?.label ?? '', c.emails[i]?.value ?? '']).flat(),
    c.website,
    c.languages.join(', '),
    c.notes,
    c.internal ? 'yes' : 'no',
    c.source,
    c.informationDated ?? '',
  ]);
  // A cell starting with = + - @ must not run as a formula when the file is opened in a spreadsheet. Done here, not with
  // papaparse's escapeFormulae, whose test misses cells that span several lines.
  const guarded = data.map((row) => row.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell)));
  return '\ufeff' + Papa.unparse({ fields, data: guarded }, { delimiter, newline: '\r\n', quotes: false });
}
