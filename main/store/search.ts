/**
 * The search index: one FTS5 table over institutions, contacts, meetings and briefings.
 * Text is folded before indexing and before querying, so "ozdemir" finds "Özdemir" and "weiss" finds "Weiß".
 */
import type { SearchHit } from '../../contract/model';
import type { ReadDb, WriteDb } from './db';
import { all, get, run } from './sql';

export type SearchKind = SearchHit['kind'];
const KIND_CODE: Record<SearchKind, number> = { institution: 1, contact: 2, meeting: 3, briefing: 4 };
const CODE_KIND = Object.fromEntries(Object.entries(KIND_CODE).map(([k, v]) => [v, k])) as Record<number, SearchKind>;
const rowidOf = (kind: SearchKind, id: number) => id * 8 + KIND_CODE[kind];

const SPECIAL: Record<string, string> = { ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ł: 'l', Ł: 'l', ı: 'i', þ: 'th', Þ: 'th', ð: 'd', Ð: 'd' };
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL).join('')}]`, 'g');

/** Lower-case, strip diacritics, spell out letters that have no decomposition (ß → ss, ø → o). */
export function fold(s: string): string {
  return s
    .replace(SPECIAL_RE, (c) => SPECIAL[c]!)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

export function indexRecord(db: WriteDb, kind: SearchKind, id: number, title: string, body: string): void {
  const rowid = rowidOf(kind, id);
  run(db, 'DELETE FROM search_index WHERE rowid = ?', rowid);
  run(db, 'INSERT INTO search_index (rowid, title, body) VALUES (?, ?, ?)', rowid, fold(title), fold(body));
}

export function unindexRecord(db: WriteDb, kind: SearchKind, id: number): void {
  run(db, 'DELETE FROM search_index WHERE rowid = ?', rowidOf(kind, id));
}

/** Turns what a person types into an FTS5 query: every word must match as a prefix. */
export function toFtsQuery(query: string): string | null {
  const words = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 12);
  if (words.length === 0) return null;
  return words.map((w) => `"${w}"*`).join(' ');
}

/** Matching records, best first. Titles are resolved by the caller (the index stores folded text). */
/**
 * Ranking costs per matching row, so a broad query ("mar", at 100,000 contacts thousands of rows) is ranked
 * only among title matches (names), found in index order; a narrow one is ranked in full.
 */
const RANK_ALL_BELOW = 400;

export function searchIndex(db: ReadDb, query: string, limit: number, kinds?: readonly SearchKind[]): { kind: SearchKind; id: number }[] {
  const fts = toFtsQuery(query);
  if (!fts) return [];
  const want = kinds ? limit * 4 : limit;
  const probe = all<{ rowid: number }>(db, 'SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT ?', fts, RANK_ALL_BELOW + 1);
  let rows: { rowid: number }[];
  if (probe.length <= RANK_ALL_BELOW) {
    rows = all(db, 'SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY bm25(search_index, 4.0, 1.0) LIMIT ?', fts, want);
  } else {
    const titles = all<{ rowid: number }>(db, 'SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT ?', `title : (${fts})`, want);
    const seen = new Set(titles.map((r) => r.rowid));
    rows = [...titles, ...probe.filter((r) => !seen.has(r.rowid))].slice(0, want);
  }
  const hits = rows.map((r) => ({ kind: CODE_KIND[r.rowid % 8]!, id: Math.floor(r.rowid / 8) }));
  return (kinds ? hits.filter((h) => kinds.includes(h.kind)) : hits).slice(0, limit);
}

const DESCRIBE: Record<SearchKind, string> = {
  institution: `SELECT CASE WHEN acronym <> '' THEN name || ' (' || acronym || ')' ELSE name END AS title, seat AS subtitle FROM institutions WHERE id = ?`,
  contact: `SELECT trim(honorific || ' ' || given_name || ' ' || family_name) AS title,
                   trim(position || CASE WHEN i.name IS NOT NULL THEN ' · ' || i.name ELSE '' END, ' ·') AS subtitle
              FROM contacts c LEFT JOIN institutions i ON i.id = c.institution_id WHERE c.id = ?`,
  meeting: `SELECT title, substr(starts_at, 1, 10) || CASE WHEN venue <> '' THEN ' · ' || venue ELSE '' END AS subtitle FROM meetings WHERE id = ?`,
  briefing: `SELECT b.title, m.title AS subtitle FROM briefings b JOIN meetings m ON m.id = b.meeting_id WHERE b.id = ?`,
};

/** Search with a title and subtitle for each hit, as the search box shows them. */
export function searchAll(db: ReadDb, query: string, limit: number): SearchHit[] {
  return searchIndex(db, query, limit).flatMap((h): SearchHit[] => {
    const r = get<{ title: string; subtitle: string | null }>(db, DESCRIBE[h.kind], h.id);
    return r ? [{ kind: h.kind, id: h.id, title: r.title, subtitle: r.subtitle ?? '' }] : [];
  });
}
