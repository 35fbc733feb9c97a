import { describe, expect, it } from 'vitest';
import { createDb, migrateTo } from '../db';
import { indexRecord, searchIndex } from '../search';

describe('migration 50: the search index rebuilt, the tree order indexed', () => {
  it('keeps every indexed record findable, by one letter too, and keeps no copy of the text', () => {
    const db = createDb(10);
    indexRecord(db, 'contact', 1, 'Ayşe Özdemir', 'Head of Division · Bundesministerium');
    indexRecord(db, 'institution', 2, 'International Labour Organization ILO', 'Geneva');
    indexRecord(db, 'contact', 3, 'Seán Ó Briain', 'Counsellor');
    migrateTo(db, 50);

    expect(searchIndex(db, 'ozdemir', 10)).toEqual([{ kind: 'contact', id: 1 }]);
    expect(searchIndex(db, 'bundesmin', 10)).toEqual([{ kind: 'contact', id: 1 }]);
    expect(searchIndex(db, 'ilo', 10)).toEqual([{ kind: 'institution', id: 2 }]);
    // The name first (its title holds both words), then the contact whose title and body hold one each.
    expect(searchIndex(db, 'Ó B', 10)).toEqual([
      { kind: 'contact', id: 3 },
      { kind: 'contact', id: 1 },
    ]);
    // Contentless: the columns read back empty; the records hold the text.
    expect(db.prepare('SELECT title FROM search_index WHERE rowid = ?').get(1 * 8 + 2)).toEqual({ title: null });
    expect(db.prepare(`SELECT v FROM search_index_config WHERE k = 'hashsize'`).get()).toEqual({ v: 33554432 });
    // Re-indexing a record replaces it (contentless_delete).
    indexRecord(db, 'contact', 1, 'Ayşe Yılmaz', '');
    expect(searchIndex(db, 'ozdemir', 10)).toEqual([]);
    expect(searchIndex(db, 'yilmaz', 10)).toEqual([{ kind: 'contact', id: 1 }]);
  });

  it('reads a level of the tree in sibling order from the index, without sorting', () => {
    const db = createDb(50);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM institutions WHERE parent_id IS NULL ORDER BY parent_id, lower(CASE WHEN acronym <> '' THEN acronym ELSE name END), id`)
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING (COVERING )?INDEX institutions_tree_order/);
    expect(plan.map((p) => p.detail).join('\n')).not.toMatch(/TEMP B-TREE/);
  });
});
