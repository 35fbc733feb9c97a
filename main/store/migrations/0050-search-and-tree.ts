import type { WriteDb } from '../db';

/**
 * The search index rebuilt for speed at 100,000 contacts (issue 18):
 * - contentless (content = ''): the index no longer keeps its own copy of the folded text, which nothing reads
 *   back (titles come from the records), so every write is smaller; contentless_delete lets a record be
 *   re-indexed by rowid as before;
 * - prefix indexes for 1, 2 and 3 letters: "o b" or "de" no longer expand into thousands of terms per query;
 * - a 32 MB pending-terms buffer (hashsize; the default is 1 MB): a large import flushes and merges segments a
 *   few times instead of every few hundred rows.
 * The folded text is copied across from the old table, so nothing needs re-folding.
 *
 * And the institution tree's sibling order as an index (it replaces institutions_parent, whose column it leads
 * with): the tree screen reads a level in order from it instead of sorting 100,000 rows.
 */
export default function migrate0050(db: WriteDb): void {
  db.exec(`
    CREATE VIRTUAL TABLE search_index_v50 USING fts5(
      title,
      body,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '1 2 3',
      content = '',
      contentless_delete = 1
    );
    INSERT INTO search_index_v50 (search_index_v50, rank) VALUES ('hashsize', 33554432);
    INSERT INTO search_index_v50 (rowid, title, body) SELECT rowid, title, body FROM search_index;
    DROP TABLE search_index;
    ALTER TABLE search_index_v50 RENAME TO search_index;

    CREATE INDEX institutions_tree_order ON institutions(parent_id, lower(CASE WHEN acronym <> '' THEN acronym ELSE name END));
    DROP INDEX institutions_parent;
  `);
}
