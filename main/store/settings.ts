/** User settings kept in the dossier itself, so they travel with the file. */
import type { ReadDb, WriteDb } from './db';
import { get, run } from './sql';

export interface Settings {
  /** Contact details older than this are flagged "to check". */
  staleAfterMonths: number;
  /** Pre-flight's "four sides" rule: most sides the written brief of a pack may run to. */
  packMaxSides: number;
}
const DEFAULTS: Settings = { staleAfterMonths: 24, packMaxSides: 4 };

export function getSetting<K extends keyof Settings>(db: ReadDb, key: K): Settings[K] {
  const r = get<{ value: string }>(db, 'SELECT value FROM settings WHERE key = ?', key);
  return r ? (JSON.parse(r.value) as Settings[K]) : DEFAULTS[key];
}

export function setSetting<K extends keyof Settings>(db: WriteDb, key: K, value: Settings[K]): void {
  run(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', key, JSON.stringify(value));
}
