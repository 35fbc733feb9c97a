/** `import <file>`: the format comes from --format or the file's extension; each format's reader lives in its own file. */
import { extname } from 'node:path';
import { UsageError, type Command } from '../command';
import { importIcs } from './meetings-io';

export const importCommand: Command = {
  name: 'import',
  summary: 'Import a file into the dossier, all or nothing (.ics: meetings with their agenda).',
  usage: 'import <file> [--format ics] [--dry-run] [--zone ZONE]',
  options: { format: { type: 'string' }, 'dry-run': { type: 'boolean' }, zone: { type: 'string' } },
  run: async ([file], values, env) => {
    if (!file) throw new UsageError('import what? Give a file, e.g. "dossier import calendar.ics".');
    const format = String(values.format ?? extname(file).slice(1)).toLowerCase();
    switch (format) {
      case 'ics':
      case 'ical':
      case 'icalendar':
        return importIcs(file, values, env);
      default:
        throw new UsageError(`Cannot tell the format of "${file}"${format ? ` ("${format}")` : ''}. Use --format ics.`);
    }
  },
};
