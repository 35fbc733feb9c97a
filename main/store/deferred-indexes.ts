/**
 * Index work deferred inside one write transaction (issue 18). A bulk write that adds many rows to a table, relative
 * to what it holds, is faster with the table's secondary indexes dropped at its start and re-created before it
 * commits: each index is then built once, by sorting, instead of being updated row by row at random pages. For
 * 100,000 contacts written into an empty dossier (bench/contacts.ts, raw loop), the eight indexes of contacts,
 * contact_phones and contact_emails cost 2.5 to 4.5 s of CPU kept up row by row and 1.2 to 2.3 s built at the end
 * (quiet to busy machine). The definitions are read from sqlite_master, as the migrations
 * left them (one source of truth), and dropping and re-creating are part of the transaction: a rollback restores
 * the indexes with everything else. Nothing inside the bulk write may rely on an index it dropped (`keep` those).
 */
import { DossierError } from '../../contract/errors';
import type { WriteDb } from './db';
import { sqliteCode } from './sqlite-errors';
import { all } from './sql';

interface IndexDef {
  name: string;
  table: string;
  sql: string;
}

/**
 * Drops the secondary indexes of `tables` (all but those named in `keep`; the automatic ones of PRIMARY KEY and
 * UNIQUE columns cannot be dropped) and returns what re-creates them. Call it before the transaction commits; a
 * unique index that no longer holds (two rows with one team id) fails it with a DossierError, rolling the write back.
 */
export function deferIndexes(db: WriteDb, tables: readonly string[], keep: readonly string[] = []): () => void {
  if (!db.inTransaction) throw new Error('deferIndexes: only inside a write transaction (a rollback must restore the indexes).');
  const defs = all<IndexDef>(
    db,
    `SELECT name, tbl_name AS "table", sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
    JSON.stringify(tables),
  ).filter((d) => !keep.includes(d.name));
  for (const d of defs) db.exec(`DROP INDEX "${d.name.replace(/"/g, '""')}"`);
  return () => {
    for (const d of defs) {
      try {
        db.exec(d.sql);
      } catch (err) {
        if (sqliteCode(err)?.startsWith('SQLITE_CONSTRAINT')) {
          throw new DossierError('conflict', `Two rows of ${d.table} would share a value that must be unique (${d.name}), so nothing was written.`, { details: { table: d.table, index: d.name } });
        }
        throw err;
      }
    }
  };
}
