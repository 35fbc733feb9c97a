/** Prepared statements cached per connection, so repositories can write SQL inline without re-preparing it. */
import type Database from 'better-sqlite3';
import type { ReadDb, ReadStatement, WriteDb } from './db';

const cache = new WeakMap<object, Map<string, ReadStatement>>();

function cached(db: ReadDb, source: string): ReadStatement {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  let s = perDb.get(source);
  if (!s) perDb.set(source, (s = db.prepare(source)));
  return s;
}

/** A cached statement to read with. */
export const stmt = (db: ReadDb, source: string): ReadStatement => cached(db, source);
export const all = <T>(db: ReadDb, source: string, ...params: unknown[]) => cached(db, source).all(...params) as T[];
export const get = <T>(db: ReadDb, source: string, ...params: unknown[]) => cached(db, source).get(...params) as T | undefined;
/** Runs a writing statement: only with a write handle. */
export const run = (db: WriteDb, source: string, ...params: unknown[]): Database.RunResult => (cached(db, source) as Database.Statement).run(...params);

/**
 * INSERT and UPDATE of one table's own columns from one list, so the two never list them differently. Pass the
 * values in the same order; UPDATE takes the row id last.
 */
export const insertSql = (table: string, columns: readonly string[]) => `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
export const updateSql = (table: string, columns: readonly string[]) => `UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`;
