/** Prepared statements cached per connection, so repositories can write SQL inline without re-preparing it. */
import type Database from 'better-sqlite3';
import type { ReadDb } from './db';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function stmt(db: ReadDb, source: string): Database.Statement {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  let s = perDb.get(source);
  if (!s) perDb.set(source, (s = db.prepare(source)));
  return s;
}

export const all = <T>(db: ReadDb, source: string, ...params: unknown[]) => stmt(db, source).all(...params) as T[];
export const get = <T>(db: ReadDb, source: string, ...params: unknown[]) => stmt(db, source).get(...params) as T | undefined;
export const run = (db: ReadDb, source: string, ...params: unknown[]) => stmt(db, source).run(...params);
