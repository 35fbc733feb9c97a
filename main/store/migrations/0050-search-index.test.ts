import { describe, expect, it } from 'vitest';
import { createDb, migrateTo } from '../db';
import { indexRecord, searchIndex } from '../search';

describe('migration 50: the search index rebuilt', () => {
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
});
