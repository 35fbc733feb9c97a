/** `import <file>`: the format comes from --format or the file's extension; each format's reader lives in its own file. */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { UsageError, type Command, type CommandEnv } from '../command';
import { importIcs } from './meetings-io';
import { CONTACT_FORMATS, contactImportOptions, importContacts } from './contacts-io';

export const importCommand: Command = {
  name: 'import',
  summary:
    'Import a file, all or nothing (--skip-invalid: import what can be read and list what cannot). .pdf: a Dossier pack (meeting, who’s who, briefing; --on-duplicate). .ics: meetings with their agenda; repeating events as their occurrences (--zone for floating times, --horizon MONTHS, --tz "TZID=Zone" for unknown zone names). .vcf/.csv/.txt: contacts (--on-duplicate skip|update|keep-both, --region CC for numbers without +, --map "Column=field" for CSV, --drop PROPERTY to leave a vCard property out).',
  usage: 'import <file> [--format pdf|ics|vcard|csv|text] [--dry-run] [--skip-invalid] [...]',
  options: { format: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'skip-invalid': { type: 'boolean' }, zone: { type: 'string' }, horizon: { type: 'string' }, tz: { type: 'string', multiple: true }, ...contactImportOptions },
  run: async ([file], values, env) => {
    if (!file) throw new UsageError('import what? Give a file, e.g. "dossier import calendar.ics".');
    const format = String(values.format ?? extname(file).slice(1)).toLowerCase();
    switch (format) {
      case 'pdf':
      case 'pack':
        return importPack(file, values, env);
      case 'ics':
      case 'ical':
      case 'icalendar':
        return importIcs(file, values, env);
      default:
        if (CONTACT_FORMATS[format]) return importContacts(file, CONTACT_FORMATS[format], values, env);
        throw new UsageError(`Cannot tell the format of "${file}"${format ? ` ("${format}")` : ''}. Use --format pdf, ics, vcard, csv or text.`);
    }
  },
};

const RESOLUTIONS = { skip: 'skip', update: 'update', 'keep-both': 'keep_both' } as const;

/** `import pack.pdf`: the meeting, who's who and briefing a Dossier pack carries. */
async function importPack(file: string, values: Record<string, string | boolean | undefined>, env: CommandEnv): Promise<number> {
  const input = { contentBase64: readFileSync(file).toString('base64'), fileName: basename(file) };
  if (values['dry-run']) {
    const p = await env.call('pack.importPreview', input);
    env.print(p, () =>
      [
        `${p.source} (Dossier ${p.appVersion}); carries ${p.files.join(', ')}.`,
        `Meeting: ${p.meeting.title}, ${p.meeting.start} ${p.meeting.timeZone}, ${p.meeting.agenda.length} agenda items${p.meeting.duplicateOf ? ` (already here as #${p.meeting.duplicateOf})` : ''}.`,
        `Who’s who: ${p.contacts.length} (${p.contacts.filter((c) => c.duplicateOf !== null).length} already here).`,
        `Briefing: ${p.briefing ? `${p.briefing.title}, ${p.briefing.sections} sections` : 'none'}.`,
      ].join('\n'),
    );
    return 0;
  }
  const choice = String(values['on-duplicate'] ?? 'skip');
  const resolution = RESOLUTIONS[choice as keyof typeof RESOLUTIONS];
  if (!resolution) throw new UsageError(`--on-duplicate is skip, update or keep-both, not "${choice}".`);
  const r = await env.call('pack.import', { ...input, resolution });
  env.print(r, () => `Imported ${basename(file)}: meeting #${r.meetingId}, ${r.created.length} new contact${r.created.length === 1 ? '' : 's'}${r.updated.length ? `, ${r.updated.length} updated` : ''}${r.skipped ? `, ${r.skipped} already here` : ''}${r.briefingId ? `, briefing #${r.briefingId}` : ''}.`);
  return 0;
}
