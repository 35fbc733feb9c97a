import { describe, expect, it } from 'vitest';
import { createDb } from './db';
import { IndexBatch, fold, indexRecord, searchAll, searchIndex, toFtsQuery } from './search';

describe('search', () => {
  it('folds case, accents and letters without a decomposition', () => {
    expect(fold('Özdemir')).toBe('ozdemir');
    expect(fold('Weiß')).toBe('weiss');
    expect(fold('Małgorzata Øvergård')).toBe('malgorzata overgard');
    expect(fold('Παπαδοπούλου')).toBe('παπαδοπουλου');
  });

  it('an index batch writes what indexRecord writes, in batches, folding each piece as the whole text folds', () => {
    const [a, b] = [createDb(), createDb()];
    const records: [string[], string[]][] = [
      [['ΟΔΟΣ', 'Weiß'], ['Chargée de mission', '', 'X@Example.ORG', 'Ærø\u0301 ΣΟΦΟΣ', 'Ölçek']],
      [['Łukasz', 'Nowak'], ['Chargée de mission', 'Ministère du Travail']],
      [['Ana', 'da Silva'], []],
    ];
    const batch = new IndexBatch(a, 2);
    records.forEach(([title, body], i) => {
      batch.add('contact', i + 1, title, body);
      indexRecord(b, 'contact', i + 1, title.join(' '), body.join(' '));
    });
    // Two written when the batch filled, the third waits for flush.
    expect(searchIndex(a, 'ana', 10)).toEqual([]);
    batch.flush();
    for (const q of ['οδος weiss', 'σοφος', 'aero', 'chargee ministere', 'lukasz', 'x@example.org', 'olcek', 'da silva']) {
      expect(searchIndex(a, q, 10), q).toEqual(searchIndex(b, q, 10));
      expect(searchIndex(a, q, 10).length, q).toBeGreaterThan(0);
    }
    expect(['ΟΔΟΣ Weiß', 'Ærø\u0301 ΣΟΦΟΣ Ölçek'].map(fold)).toEqual(['οδος weiss', 'aero σοφος olcek']);
  });

  it('each batch of an index batch is one segment of the index, even in a transaction where nothing else opens a savepoint', () => {
    const db = createDb();
    const segments = () => (db.prepare('SELECT count(DISTINCT segid) AS n FROM search_index_idx').get() as { n: number }).n;
    db.transaction(() => {
      const batch = new IndexBatch(db, 100);
      // Three batches written back to back, with no other write between them (a bulk import without capture's triggers).
      for (let i = 1; i <= 300; i++) batch.add('contact', i, [`Person${i}`, 'Lesefaden'], ['Referat VI a 2']);
      expect(segments()).toBe(3);
      batch.finish();
      expect(segments()).toBe(1);
    })();
    expect(searchIndex(db, 'lesefaden person12', 10)[0]).toEqual({ kind: 'contact', id: 12 });
  });

  it('turns typed words into prefix terms and ignores punctuation', () => {
    expect(toFtsQuery('van der "Berg')).toBe('"van"* "der"* "berg"*');
    expect(toFtsQuery('  ,;  ')).toBeNull();
  });

  it('finds names without their accents, and ranks a name above a mention', () => {
    const db = createDb();
    indexRecord(db, 'contact', 1, 'Ayşe Özdemir', 'Head of Division');
    indexRecord(db, 'contact', 2, 'Jonas Weiß', 'Desk officer; works with Özdemir');
    indexRecord(db, 'institution', 3, 'Bundesministerium', 'Özdemir heads the unit');
    expect(searchIndex(db, 'ozdemir', 10)[0]).toEqual({ kind: 'contact', id: 1 });
    expect(searchIndex(db, 'weiss', 10)).toEqual([{ kind: 'contact', id: 2 }]);
    expect(searchIndex(db, 'ozdemir', 10, ['institution'])).toEqual([{ kind: 'institution', id: 3 }]);
  });

  it('a broad prefix over thousands of records still puts name matches first', () => {
    const db = createDb();
    db.transaction(() => {
      for (let i = 1; i <= 3000; i++) indexRecord(db, 'contact', i, `Person ${i}`, 'Market access and maritime affairs');
      indexRecord(db, 'contact', 5000, 'Maria Martens', 'Adviser');
    })();
    const hits = searchIndex(db, 'mar', 5);
    expect(hits).toHaveLength(5);
    expect(hits[0]).toEqual({ kind: 'contact', id: 5000 });
  });

  it('ranks a name typed out above a name being typed, and both above a mention', () => {
    const db = createDb();
    indexRecord(db, 'meeting', 1, 'Bilateral with Claire Dubois', '');
    indexRecord(db, 'contact', 2, 'Claire Duboisson', 'Desk officer');
    indexRecord(db, 'contact', 3, 'Jonas Weiß', 'Deputy to Claire Dubois');
    indexRecord(db, 'contact', 4, 'Claire Dubois', 'Head of Unit');
    expect(searchIndex(db, 'claire dubois', 10)).toEqual([
      { kind: 'meeting', id: 1 }, // every word whole in the title
      { kind: 'contact', id: 4 },
      { kind: 'contact', id: 2 }, // in the title as a prefix
      { kind: 'contact', id: 3 }, // in the body only
    ]);
    expect(searchIndex(db, 'claire dubois', 2, ['contact'])).toEqual([
      { kind: 'contact', id: 4 },
      { kind: 'contact', id: 2 },
    ]);
  });

  it('shows the shortest title first among equally good matches', () => {
    const db = createDb();
    db.prepare(`INSERT INTO meetings (id, title, starts_at, ends_at, time_zone, created_at, updated_at) VALUES (1, 'Bilateral with Claire Dubois', '2026-11-23T09:00:00Z', '2026-11-23T10:00:00Z', 'UTC', '', '')`).run();
    db.prepare(`INSERT INTO contacts (id, given_name, family_name, created_at, updated_at) VALUES (4, 'Claire', 'Dubois', '', '')`).run();
    indexRecord(db, 'meeting', 1, 'Bilateral with Claire Dubois', '');
    indexRecord(db, 'contact', 4, 'Claire Dubois', 'Head of Unit');
    expect(searchAll(db, 'claire dubois', 10).map((h) => h.title)).toEqual(['Claire Dubois', 'Bilateral with Claire Dubois']);
  });

  it('describes hits for the search box', () => {
    const db = createDb();
    db.prepare(`INSERT INTO institutions (id, name, acronym, seat, created_at, updated_at) VALUES (7, 'International Labour Organization', 'ILO', 'Geneva', '', '')`).run();
    indexRecord(db, 'institution', 7, 'International Labour Organization ILO', 'Geneva');
    expect(searchAll(db, 'ilo', 5)).toEqual([{ kind: 'institution', id: 7, title: 'International Labour Organization (ILO)', subtitle: 'Geneva' }]);
  });
});
