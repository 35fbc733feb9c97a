/**
 * Settings of the whole unit (the default clearance chain), as opposed to `settings`, which stay with each member.
 * In a team dossier these travel with the other shared records.
 */
import type { ReadDb, WriteDb } from './db';
import { get, run } from './sql';

export function getShared<T>(db: ReadDb, key: string, fallback: T): T {
  const r = get<{ value: string }>(db, 'SELECT value FROM shared_settings WHERE key = ?', key);
  return r ? (JSON.parse(r.value) as T) : fallback;
}

export function setShared(db: WriteDb, key: string, value: unknown): void {
  run(db, 'INSERT INTO shared_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', key, JSON.stringify(value));
}
