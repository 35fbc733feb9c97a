/** The contact halves of `import` and `export`: vCard, CSV and pasted-text files in, vCard and CSV out. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DossierError } from '../../../contract/errors';
import type { CsvField } from '../../../contract/model';
import { decodeText } from '../../../contract/text-decode';
import { writeFileAtomic } from '../../ops/files';
import { UsageError, type CommandEnv } from '../command';
import { table } from '../format';

type Values = Record<string, string | boolean | string[] | undefined>;

export type ContactFormat = 'vcard' | 'csv' | 'text';

/** File extensions and --format words of contact files. */
export const CONTACT_FORMATS: Record<string, ContactFormat> = { vcf: 'vcard', vcard: 'vcard', csv: 'csv', txt: 'text', text: 'text' };
/** Options the contact import adds to `import`. */
export const contactImportOptions = {
  region: { type: 'string' },
  'on-duplicate': { type: 'string' },
  map: { type: 'string', multiple: true },
  drop: { type: 'string', multiple: true },
} as const;

const RESOLUTIONS = { skip: 'skip', update: 'update', 'keep-both': 'keep_both', keep_both: 'keep_both' } as const;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function importInput(file: string, format: ContactFormat, values: Values) {
  const mapping: Record<string, CsvField> = {};
  for (const m of (values.map as string[] | undefined) ?? []) {
    const eq = m.lastIndexOf('=');
    if (eq <= 0) throw new UsageError(`--map wants "Column header=field", e.g. --map "Wer=fullName"; got "${m}".`);
    mapping[m.slice(0, eq)] = m.slice(eq + 1) as CsvField;
  }
  const region = values.region as string | undefined;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new DossierError('not_found', `Cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}.`, { details: { file } });
  }
  return {
    format,
    content: decodeText(bytes),
    fileName: basename(file),
    ...(Object.keys(mapping).length ? { mapping } : {}),
    defaultRegion: region ? region.toUpperCase() : null,
    drop: (values.drop as string[] | undefined) ?? [],
  };
}

/** "Fields: TEL 12 stored; X-ABUID 3 kept as other details; …": what happens to each field of the file. */
function fieldLines(fields: { key: string; stored: number; other: number; dropped: number }[]): string[] {
  if (!fields.length) return [];
  const part = (n: number, what: string) => (n ? `${n} ${what}` : '');
  return ['Fields:', ...fields.map((f) => `  ${f.key}: ${[part(f.stored, 'stored'), part(f.other, 'kept as other details'), part(f.dropped, 'dropped')].filter(Boolean).join(', ')}`), ''];
}

/** `import contacts.vcf|.csv|.txt [--dry-run] [--on-duplicate skip|update|keep-both] [--region CH] [--map "Header=field"]`. */
export async function importContacts(file: string, format: ContactFormat, values: Values, env: CommandEnv): Promise<number> {
  const input = importInput(file, format, values);
  if (values['dry-run']) {
    const p = await env.call('contact.importPreview', input);
    env.print({ format: p.format, count: p.count, counts: p.counts, columns: p.columns, contacts: p.contacts, fields: p.fields, rejected: p.rejected }, () =>
      [
        ...(p.columns ? [`Columns: ${p.columns.headers.map((h) => `${h} → ${p.columns!.mapping[h]}`).join(', ')}`, ''] : []),
        table(
          p.contacts.map((c) => ({
            line: c.proposal.line,
            name: [c.proposal.honorific, c.proposal.givenName, c.proposal.familyName].filter(Boolean).join(' '),
            institution: [...c.institution.path, ...c.institution.create.map((n) => `${n} (new)`)].join(' > '),
            duplicate: c.duplicateOf ? `#${c.duplicateOf} (${c.duplicateReason === 'email' ? 'same e-mail' : 'same name and institution'})` : '',
            warnings: c.proposal.warnings.join(' '),
          })),
          ['line', 'name', 'institution', 'duplicate', 'warnings'],
        ),
        '',
        ...fieldLines(p.fields),
        ...p.rejected.map((r) => `Cannot be imported: line ${r.line}: ${r.reason}`),
        `${plural(p.count, 'contact')}: ${p.counts.new} new, ${plural(p.counts.duplicates, 'duplicate')}, ${plural(p.counts.institutionsToCreate, 'new institution')}${p.rejected.length ? `; ${plural(p.rejected.length, 'record')} cannot be imported (--skip-invalid imports the rest)` : ''}. Nothing was saved (--dry-run).`,
      ].join('\n'),
    );
    return 0;
  }
  const choice = String(values['on-duplicate'] ?? 'skip');
  const resolution = RESOLUTIONS[choice as keyof typeof RESOLUTIONS];
  if (!resolution) throw new UsageError(`--on-duplicate is skip, update or keep-both, not "${choice}".`);
  const r = await env.call('contact.importCommit', { ...input, resolution, skipInvalid: Boolean(values['skip-invalid']) });
  env.print(
    {
      file: input.fileName,
      counts: { created: r.created.length, updated: r.updated.length, skipped: r.skipped, institutionsCreated: r.institutionsCreated.length, rejected: r.rejected },
      created: r.created,
      updated: r.updated,
      institutionsCreated: r.institutionsCreated,
    },
    () =>
      `Imported ${plural(r.created.length, 'contact')} from ${input.fileName}` +
      `${r.updated.length ? `, updated ${r.updated.length}` : ''}${r.skipped ? `, skipped ${plural(r.skipped, 'duplicate')}` : ''}` +
      `${r.institutionsCreated.length ? `; ${plural(r.institutionsCreated.length, 'new institution')}` : ''}` +
      `${r.rejected ? `; ${plural(r.rejected, 'record')} that cannot be imported left out` : ''}.`,
  );
  return 0;
}

/** `export contacts --format vcard|csv [--vcard-version 3.0] [--out FILE]`: atomic write, or stdout without --out. */
export async function exportContacts(format: 'vcard' | 'csv', values: Values, env: CommandEnv): Promise<number> {
  const version = String(values['vcard-version'] ?? '4.0');
  if (version !== '3.0' && version !== '4.0') throw new UsageError(`--vcard-version is 3.0 or 4.0, not "${version}".`);
  const r = await env.call('contact.export', { format, version });
  const out = values.out as string | undefined;
  if (!out || out === '-') {
    env.io.out(r.content.replace(/^\ufeff/, '').trimEnd());
    return 0;
  }
  writeFileAtomic(out, r.content);
  env.print({ file: out, contacts: r.count, format }, () => `Wrote ${plural(r.count, 'contact')} to ${out}.`);
  return 0;
}
