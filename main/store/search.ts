/**
 * The search index: one FTS5 table over institutions, contacts, meetings and briefings.
 * Text is folded before indexing and before querying, so "ozdemir" finds "Özdemir" and "weiss" finds "Weiß".
 */
import type { SearchHit } from '../../contract/model';
import type { ReadDb, WriteDb } from './db';
import { all, run } from './sql';

export type SearchKind = SearchHit['kind'];
const KIND_CODE: Record<SearchKind, number> = { institution: 1, contact: 2, meeting: 3, briefing: 4 };
const CODE_KIND = Object.fromEntries(Object.entries(KIND_CODE).map(([k, v]) => [v, k])) as Record<number, SearchKind>;
const rowidOf = (kind: SearchKind, id: number) => id * 8 + KIND_CODE[kind];

const SPECIAL: Record<string, string> = { ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ł: 'l', Ł: 'l', ı: 'i', þ: 'th', Þ: 'th', ð: 'd', Ð: 'd' };
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL).join('')}]`, 'g');

const ASCII = /^[\x00-\x7f]*$/;

/** Lower-case, strip diacritics, spell out letters that have no decomposition (ß → ss, ø → o). */
export function fold(s: string): string {
  // Most text (e-mails, English names of institutions) is ASCII, which NFKD leaves as it is.
  if (ASCII.test(s)) return s.toLowerCase();
  return s
    .replace(SPECIAL_RE, (c) => SPECIAL[c]!)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * Puts a record's text in the index, replacing what it had (one statement: contentless_delete drops the old entry
 * by rowid). Also right for a record just created: a deleted record of the same id may have left its entry behind.
 */
export function indexRecord(db: WriteDb, kind: SearchKind, id: number, title: string, body: string): void {
  run(db, INDEX, rowidOf(kind, id), fold(title), fold(body));
}
const INDEX = 'INSERT OR REPLACE INTO search_index (rowid, title, body) VALUES (?, ?, ?)';

/**
 * Index entries written a batch at a time, for writes of many records in one transaction (an import). FTS5 flushes
 * its pending terms to a new segment at every statement savepoint, and every write that fires a trigger opens one
 * (the team capture triggers are on every shared table), so entries written between the rows make one segment
 * per record and endless merging. Queued here, they are written together: one segment per batch. The batch is
 * bounded, so 100,000 records never wait in memory at once. Call `flush` before the transaction ends.
 * Each batch ends with a savepoint of its own, so it is one segment even when nothing else opens one (a bulk import
 * sets capture's insert triggers aside: sync/schema.ts). Left to grow, the pending terms of 100,000 contacts were
 * flushed and merged in other shapes, and searching the merged index took longer: p95 3.3 to 3.6 ms against 1.9 to
 * 2.3 (bench/contacts.ts query mix).
 */
export class IndexBatch {
  private queue: [rowid: number, title: string, body: string][] = [];
  private folded = new Map<string, string>();
  constructor(
    private readonly db: WriteDb,
    private readonly size = 5000,
  ) {}
  /** A record's title and body, each as pieces to be joined by spaces (names, post, institution, addresses…). */
  add(kind: SearchKind, id: number, title: readonly string[], body: readonly string[]): void {
    this.queue.push([rowidOf(kind, id), this.fold(title), this.fold(body)]);
    if (this.queue.length >= this.size) this.flush();
  }
  /**
   * fold(pieces.join(' ')), folding each distinct piece once: thousands of records share a post, an institution,
   * a given name. (Folding keeps a space where it is and works within the text between spaces, so piece by piece
   * gives the same text.)
   */
  fold(pieces: readonly string[]): string {
    let out = '';
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i]!;
      let f = ASCII.test(p) ? p.toLowerCase() : this.folded.get(p);
      if (f === undefined) {
        f = fold(p);
        if (this.folded.size < 20_000 && p.length <= 300) this.folded.set(p, f);
      }
      out = i === 0 ? f : `${out} ${f}`;
    }
    return out;
  }
  flush(): void {
    if (this.queue.length) this.batches++;
    for (const [rowid, title, body] of this.queue) run(this.db, INDEX, rowid, title, body);
    if (this.queue.length) this.db.exec('SAVEPOINT search_batch; RELEASE search_batch');
    this.queue = [];
  }
  /**
   * The last entries, and after a bulk write of several batches the index merged into one segment: each batch left a
   * segment of its own, and a search reads every segment (p95 of the contacts bench 2.7 ms unmerged, 2.0 ms merged).
   */
  finish(): void {
    this.flush();
    if (this.batches > 1) optimizeIndex(this.db);
  }
  private batches = 0;
}

/** Merges the search index into one segment (FTS5 'optimize'): after bulk writes, so searches read one segment. */
export function optimizeIndex(db: WriteDb): void {
  run(db, `INSERT INTO search_index (search_index) VALUES ('optimize')`);
}

export function unindexRecord(db: WriteDb, kind: SearchKind, id: number): void {
  run(db, 'DELETE FROM search_index WHERE rowid = ?', rowidOf(kind, id));
}

/** What a person types as folded words (at most 12), the way the index splits text. */
function queryWords(query: string): string[] {
  return fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 12);
}

/** Turns what a person types into an FTS5 query: every word must match as a prefix. */
export function toFtsQuery(query: string): string | null {
  const words = queryWords(query);
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}

/**
 * Matching records, best first: `tier` 0 (every word is a whole word of the title), 1 (every word starts a word of
 * the title) or 2 (every word starts a word of the title or the body); see searchIndex.
 */
function tieredHits(db: ReadDb, query: string, limit: number, kinds?: readonly SearchKind[]): { kind: SearchKind; id: number; tier: number }[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const exact = words.map((w) => `"${w}"`).join(' ');
  const prefix = words.map((w) => `"${w}"*`).join(' ');
  const ofKind = kinds ? ` AND rowid % 8 IN (${kinds.map((k) => KIND_CODE[k]).join(', ')})` : '';
  const sql = `SELECT rowid FROM search_index WHERE search_index MATCH ?${ofKind} LIMIT ?`;
  const found = new Map<number, number>();
  [`title : (${exact})`, `title : (${prefix})`, prefix].forEach((match, tier) => {
    if (found.size === limit) return;
    // Each tier holds the one before it, so ask for as many more rows as were found already.
    for (const { rowid } of all<{ rowid: number }>(db, sql, match, limit + found.size)) {
      if (found.size === limit) break;
      if (!found.has(rowid)) found.set(rowid, tier);
    }
  });
  return [...found].map(([rowid, tier]) => ({ kind: CODE_KIND[rowid % 8]!, id: Math.floor(rowid / 8), tier }));
}

/**
 * Matching records, best first. Titles are resolved by the caller (the index keeps no text).
 *
 * Ranked by how the words match, not by bm25: bm25 weighs each word by how many records hold it, and for a short
 * prefix ("de", "o") counting those means walking a list of most of the index, tens of ms at 100,000 contacts.
 * Three tiers instead, each an index-only query that stops at `limit` hits:
 *   1. every word is a whole word of the title (a name typed out),
 *   2. every word starts a word of the title (a name being typed),
 *   3. every word starts a word of the title or the body (position, unit, e-mail, notes).
 * A record appears once, in its best tier; within a tier, records keep index order here, and searchAll puts the
 * shorter titles (the closer matches) first.
 */
export function searchIndex(db: ReadDb, query: string, limit: number, kinds?: readonly SearchKind[]): { kind: SearchKind; id: number }[] {
  return tieredHits(db, query, limit, kinds).map(({ kind, id }) => ({ kind, id }));
}

const IDS = 'IN (SELECT value FROM json_each(?))';
const DESCRIBE: Record<SearchKind, string> = {
  institution: `SELECT id, CASE WHEN acronym <> '' THEN name || ' (' || acronym || ')' ELSE name END AS title, seat AS subtitle FROM institutions WHERE id ${IDS}`,
  contact: `SELECT c.id, trim(honorific || ' ' || given_name || ' ' || family_name) AS title,
                   trim(position || CASE WHEN i.name IS NOT NULL THEN ' · ' || i.name ELSE '' END, ' ·') AS subtitle
              FROM contacts c LEFT JOIN institutions i ON i.id = c.institution_id WHERE c.id ${IDS}`,
  meeting: `SELECT id, title, substr(starts_at, 1, 10) || CASE WHEN venue <> '' THEN ' · ' || venue ELSE '' END AS subtitle FROM meetings WHERE id ${IDS}`,
  briefing: `SELECT b.id, b.title, m.title AS subtitle FROM briefings b JOIN meetings m ON m.id = b.meeting_id WHERE b.id ${IDS}`,
};

/**
 * Search with a title and subtitle for each hit, as the search box shows them: best tier first (see searchIndex),
 * within a tier the shortest title first ("Claire Dubois" before "Bilateral with Claire Dubois"). One query per
 * kind describes the hits, not one per hit.
 */
export function searchAll(db: ReadDb, query: string, limit: number): SearchHit[] {
  const hits = tieredHits(db, query, limit);
  const described = new Map<string, { title: string; subtitle: string | null }>();
  for (const kind of new Set(hits.map((h) => h.kind))) {
    const ids = JSON.stringify(hits.filter((h) => h.kind === kind).map((h) => h.id));
    for (const r of all<{ id: number; title: string; subtitle: string | null }>(db, DESCRIBE[kind], ids)) described.set(`${kind}:${r.id}`, r);
  }
  return hits
    .flatMap((h) => {
      const r = described.get(`${h.kind}:${h.id}`);
      return r ? [{ tier: h.tier, hit: { kind: h.kind, id: h.id, title: r.title, subtitle: r.subtitle ?? '' } satisfies SearchHit }] : [];
    })
    .sort((a, b) => a.tier - b.tier || a.hit.title.length - b.hit.title.length) // stable: equal ones keep index order
    .map((x) => x.hit);
}
