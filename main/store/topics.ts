/** Topics tag institutions and snippets ("core labour standards", "social protection floors"). */
import type { ReadDb, WriteDb } from './db';
import { all, get, run } from './sql';

export function topicId(db: WriteDb, name: string): number {
  const found = get<{ id: number }>(db, 'SELECT id FROM topics WHERE name = ?', name);
  if (found) return found.id;
  return Number(run(db, 'INSERT INTO topics (name) VALUES (?)', name).lastInsertRowid);
}

export function setInstitutionTopics(db: WriteDb, institutionId: number, names: readonly string[]): void {
  run(db, 'DELETE FROM institution_topics WHERE institution_id = ?', institutionId);
  for (const name of new Set(names.map((n) => n.trim()).filter(Boolean))) {
    run(db, 'INSERT OR IGNORE INTO institution_topics (institution_id, topic_id) VALUES (?, ?)', institutionId, topicId(db, name));
  }
}

export function institutionTopics(db: ReadDb, institutionId: number): string[] {
  return all<{ name: string }>(
    db,
    'SELECT t.name FROM topics t JOIN institution_topics it ON it.topic_id = t.id WHERE it.institution_id = ? ORDER BY t.name COLLATE NOCASE',
    institutionId,
  ).map((r) => r.name);
}

export function listTopics(db: ReadDb): { id: number; name: string }[] {
  return all(db, 'SELECT id, name FROM topics ORDER BY name COLLATE NOCASE');
}
