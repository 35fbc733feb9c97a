/** Snippets: standard lines to take, each tagged with one topic ("core labour standards"). */
import type { z } from 'zod';
import { notFound } from '../../contract/errors';
import type { Snippet, SnippetInput } from '../../contract/model';
import { type ReadDb, type WriteDb, nowIso } from './db';
import { fold } from './search';
import { all, get, run } from './sql';
import { listTopics, topicId } from './topics';

interface Row {
  id: number;
  topic: string | null;
  title: string;
  text: string;
  updated_at: string;
}
const SELECT = 'SELECT s.id, t.name AS topic, s.title, s.text, s.updated_at FROM snippets s LEFT JOIN topics t ON t.id = s.topic_id';
const toSnippet = (r: Row): Snippet => ({ id: r.id, topic: r.topic ?? '', title: r.title, text: r.text, updatedAt: r.updated_at });

/** Snippets by topic then title; `query` keeps those whose topic, title or text holds every word (ignoring case and accents). */
export function listSnippets(db: ReadDb, query = ''): Snippet[] {
  const rows = all<Row>(db, `${SELECT} ORDER BY t.name IS NULL, t.name COLLATE NOCASE, s.title COLLATE NOCASE, s.id`).map(toSnippet);
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((s) => {
    const hay = fold(`${s.topic} ${s.title} ${s.text}`);
    return words.every((w) => hay.includes(w));
  });
}

export function getSnippet(db: ReadDb, id: number): Snippet {
  const r = get<Row>(db, `${SELECT} WHERE s.id = ?`, id);
  if (!r) throw notFound('Snippet', id);
  return toSnippet(r);
}

export function saveSnippet(db: WriteDb, input: z.output<typeof SnippetInput>): Snippet {
  const topic = input.topic ? topicId(db, input.topic) : null;
  const now = nowIso();
  if (input.id === null) {
    const id = Number(run(db, 'INSERT INTO snippets (topic_id, title, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', topic, input.title, input.text, now, now).lastInsertRowid);
    return getSnippet(db, id);
  }
  if (run(db, 'UPDATE snippets SET topic_id = ?, title = ?, text = ?, updated_at = ? WHERE id = ?', topic, input.title, input.text, now, input.id).changes === 0) {
    throw notFound('Snippet', input.id);
  }
  return getSnippet(db, input.id);
}

export function deleteSnippet(db: WriteDb, id: number): void {
  if (run(db, 'DELETE FROM snippets WHERE id = ?', id).changes === 0) throw notFound('Snippet', id);
}

export const topicNames = (db: ReadDb): string[] => listTopics(db).map((t) => t.name);
