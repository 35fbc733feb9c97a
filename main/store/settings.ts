/** User settings kept in the dossier itself, so they travel with the file. */
import type { ReadDb, WriteDb } from './db';
import { get, run } from './sql';

export interface Settings {
  /** Contact details older than this are flagged "to check". */
  staleAfterMonths: number;
  /** Pre-flight's "four sides" rule: most sides the written brief of a pack may run to. */
  packMaxSides: number;
  /** Country for phone numbers without a country code, last in line after address, seat and e-mail domain (issue 17). */
  region: string | null;
  /** Months of a repeating calendar event's occurrences that an import brings in (issue 17). */
  recurrenceHorizonMonths: number;
}
const DEFAULTS: Settings = { staleAfterMonths: 24, packMaxSides: 4, region: null, recurrenceHorizonMonths: 18 };

export function getSetting<K extends keyof Settings>(db: ReadDb, key: K): Settings[K] {
  const r = get<{ value: string }>(db, 'SELECT value FROM settings WHERE key = ?', key);
  return r ? (JSON.parse(r.value) as Settings[K]) : DEFAULTS[key];
}

export function setSetting<K extends keyof Settings>(db: WriteDb, key: K, value: Settings[K]): void {
  run(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', key, JSON.stringify(value));
}
