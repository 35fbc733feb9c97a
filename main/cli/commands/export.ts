/** `export <what> --format F --out FILE`: written atomically (temp file, then rename); without --out, to stdout. */
import { extname } from 'node:path';
import { UsageError, type Command } from '../command';
import { exportIcs } from './meetings-io';
import { exportContacts } from './contacts-io';

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export from the dossier (meetings as .ics: all, one --meeting ID, or a --series NAME; contacts as vCard 4.0, --vcard-version 3.0, or CSV).',
  usage: 'export <meetings|contacts> [--format ics|vcard|csv] [--out FILE] [...]',
  options: { format: { type: 'string' }, out: { type: 'string' }, meeting: { type: 'string' }, series: { type: 'string' }, 'vcard-version': { type: 'string' } },
  run: async ([what], values, env) => {
    const format = String(values.format ?? (values.out ? extname(String(values.out)).slice(1) : '') ?? '').toLowerCase();
    switch (`${what ?? ''}:${format}`) {
      case 'meetings:ics':
      case 'meetings:':
      case 'meeting:ics':
        return exportIcs(values, env);
      case 'contacts:vcard':
      case 'contacts:vcf':
      case 'contacts:':
        return exportContacts('vcard', values, env);
      case 'contacts:csv':
        return exportContacts('csv', values, env);
      default:
        throw new UsageError(what ? `Cannot export ${what} as "${format || '?'}". Known: meetings --format ics, contacts --format vcard|csv.` : 'export what? e.g. "dossier export meetings --format ics --out meetings.ics".');
    }
  },
};
