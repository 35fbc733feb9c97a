/** `import <file>`: the format comes from --format or the file's extension; each format's reader lives in its own file. */
import { extname } from 'node:path';
import { UsageError, type Command } from '../command';
import { importIcs } from './meetings-io';
import { CONTACT_FORMATS, contactImportOptions, importContacts } from './contacts-io';

export const importCommand: Command = {
  name: 'import',
  summary:
    'Import a file, all or nothing. .ics: meetings with their agenda (--zone). .vcf/.csv/.txt: contacts (--on-duplicate skip|update|keep-both, --region CC for numbers without +, --map "Column=field" for CSV).',
  usage: 'import <file> [--format ics|vcard|csv|text] [--dry-run] [...]',
  options: { format: { type: 'string' }, 'dry-run': { type: 'boolean' }, zone: { type: 'string' }, ...contactImportOptions },
  run: async ([file], values, env) => {
    if (!file) throw new UsageError('import what? Give a file, e.g. "dossier import calendar.ics".');
    const format = String(values.format ?? extname(file).slice(1)).toLowerCase();
    switch (format) {
      case 'ics':
      case 'ical':
      case 'icalendar':
        return importIcs(file, values, env);
      default:
        if (CONTACT_FORMATS[format]) return importContacts(file, CONTACT_FORMATS[format], values, env);
        throw new UsageError(`Cannot tell the format of "${file}"${format ? ` ("${format}")` : ''}. Use --format ics, vcard, csv or text.`);
    }
  },
};
