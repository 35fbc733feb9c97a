/** The dossier itself: facts and checks, the demo, search across every noun, and the dossier's settings. */
import { z } from 'zod';
import { SearchHit, SystemInfo } from '../model/system';
import { op } from './op';

const Settings = z.object({
  staleAfterMonths: z.number().int().min(1, 'Use at least 1 month.').max(600, 'Use at most 600 months (50 years).'),
  packMaxSides: z.number().int().min(1, 'Use at least 1 side.').max(500, 'Use at most 500 sides.'),
  /** The country for phone numbers without a country code when neither address, seat nor e-mail domain tells (ISO code), or null. */
  region: z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as CH.').nullable(),
  /** How many months of a repeating calendar event's occurrences an import brings in. */
  recurrenceHorizonMonths: z.number().int().min(1, 'Use at least 1 month.').max(120, 'Use at most 120 months (10 years).'),
});

export const systemOps = {
  'system.info': op({ input: z.object({}), output: SystemInfo, kind: 'read', doc: 'App and database facts: schema version, counts, whether the dossier is empty.' }),
  'system.check': op({
    input: z.object({}),
    output: z.object({ ok: z.boolean(), schemaVersion: z.number().int(), integrity: z.array(z.string()) }),
    kind: 'read',
    long: true,
    doc: 'Run PRAGMA integrity_check and report the schema version.',
  }),
  'system.loadDemo': op({
    input: z.object({}),
    output: z.object({ institutions: z.number(), contacts: z.number(), meetings: z.number(), briefings: z.number() }),
    kind: 'write',
    doc: 'Load the demo dossier (institutions, contacts, the last and the next WPSDG session with their briefings, issued pack and addendum, snippets). Refused if the dossier is not empty.',
  }),

  // ----- search -----
  'search.query': op({
    input: z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(200).default(30) }),
    output: z.array(SearchHit),
    kind: 'read',
    doc: 'Full-text search over institutions, contacts, meetings and briefings, ignoring case and diacritics.',
  }),

  // ----- settings -----
  'settings.get': op({ input: z.object({}), output: Settings, kind: 'read', doc: 'The dossier’s settings (kept in the file): how old contact details may be before they are flagged “to check”.' }),
  'settings.update': op({ input: Settings.partial(), output: Settings, kind: 'write', doc: 'Change some of the dossier’s settings; returns them all.' }),
} as const;
