/**
 * The institution tree as the screen shows it, a page at a time: the top level and the units of the expanded
 * nodes, flattened in tree order. At 100,000 institutions the screen asks for the rows it shows, never for all.
 */
import type { Institution } from '../../contract/model';
import type { ReadDb } from './db';
import { all, get } from './sql';

/** The name a node is shown and sorted by: its acronym where it has one (ECOSOC beside EC, not under U). */
export const SHORT_NAME = `CASE WHEN acronym <> '' THEN acronym ELSE name END`;
/** Sibling order; the index institutions_tree_order (migration 50) holds it, so a level is read in order. */
const SIBLING_ORDER = `parent_id, lower(${SHORT_NAME}), id`;

/** An institution as stored, with its counts: what the tree and the list read before the path and topics are added. */
export interface InstitutionRow {
  id: number;
  parent_id: number | null;
  name: string;
  acronym: string;
  kind: Institution['kind'];
  seat: string;
  website: string;
  profile: string;
  updated_at: string;
  child_count: number;
  contact_count: number;
}

export function toInstitution(r: InstitutionRow, path: string[], topics: string[]): Institution {
  return {
    id: r.id,
    name: r.name,
    acronym: r.acronym,
    kind: r.kind,
    parentId: r.parent_id,
    seat: r.seat,
    website: r.website,
    profile: r.profile,
    topics,
    path,
    childCount: r.child_count,
    contactCount: r.contact_count,
    updatedAt: r.updated_at,
  };
}

/** Values gathered by key, in the order the rows come (a node's path, an institution's topics). */
export function groupBy<R, V>(rows: Iterable<R>, key: (r: R) => number, value: (r: R) => V): Map<number, V[]> {
  const groups = new Map<number, V[]>();
  for (const r of rows) {
    const list = groups.get(key(r));
    if (list) list.push(value(r));
    else groups.set(key(r), [value(r)]);
  }
  return groups;
}

/**
 * The institutions with these ids, in the order given (unknown ids left out), each with its path of short names
 * (walked up from the node, so one lookup costs its depth, not the size of the tree), counts and topics.
 */
export function institutionsByIds(db: ReadDb, ids: readonly number[]): Institution[] {
  if (ids.length === 0) return [];
  const json = JSON.stringify(ids);
  const rows = all<InstitutionRow>(
    db,
    `SELECT i.id, i.parent_id, i.name, i.acronym, i.kind, i.seat, i.website, i.profile, i.updated_at,
            (SELECT count(*) FROM institutions c WHERE c.parent_id = i.id) AS child_count,
            (SELECT count(*) FROM contacts c WHERE c.institution_id = i.id) AS contact_count
       FROM institutions i WHERE i.id IN (SELECT value FROM json_each(?))`,
    json,
  );
  // Every ancestor of every node, nearest first (depth 0 is the node itself); a cycle cannot occur (checkParent).
  const paths = groupBy(
    all<{ start: number; short: string }>(
      db,
      `WITH RECURSIVE up(start, id, depth) AS (
         SELECT value, value, 0 FROM json_each(?)
         UNION ALL
         SELECT up.start, i.parent_id, up.depth + 1 FROM up JOIN institutions i ON i.id = up.id WHERE i.parent_id IS NOT NULL
       )
       SELECT up.start, ${SHORT_NAME} AS short FROM up JOIN institutions ON institutions.id = up.id ORDER BY up.start, up.depth DESC`,
      json,
    ),
    (a) => a.start,
    (a) => a.short,
  );
  const topics = groupBy(
    all<{ institution_id: number; name: string }>(
      db,
      `SELECT it.institution_id, t.name FROM institution_topics it JOIN topics t ON t.id = it.topic_id
        WHERE it.institution_id IN (SELECT value FROM json_each(?)) ORDER BY t.name COLLATE NOCASE`,
      json,
    ),
    (t) => t.institution_id,
    (t) => t.name,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [toInstitution(r, paths.get(id) ?? [], topics.get(id) ?? [])] : [];
  });
}

/** One row of the flattened tree: the institution, its place among its siblings (1-based) and how many they are. */
export interface TreeRow {
  node: Institution;
  posInSet: number;
  setSize: number;
}

export interface TreePage {
  /** Rows of the whole flattened tree (top level plus the units of expanded nodes). */
  total: number;
  rows: TreeRow[];
  /** The expanded nodes that exist, with the ancestors of `reveal` added. */
  expanded: number[];
  /** Where `reveal` sits in the flattened tree, or null. */
  revealIndex: number | null;
}

const KEY = (t: string) => `lower(CASE WHEN ${t}.acronym <> '' THEN ${t}.acronym ELSE ${t}.name END)`;
/** A node's place among its siblings (0-based), counted in the sibling-order index, not by reading the level. */
const RANK_SQL = `SELECT (SELECT count(*) FROM institutions s WHERE s.parent_id IS i.parent_id AND ${KEY('s')} < ${KEY('i')})
                       + (SELECT count(*) FROM institutions s WHERE s.parent_id IS i.parent_id AND ${KEY('s')} = ${KEY('i')} AND s.id < i.id) AS rank
                    FROM institutions i WHERE i.id = ?`;

/**
 * Rows `offset` … `offset + limit` of the tree with `expanded` open (and `reveal`'s ancestors opened, so a node
 * picked elsewhere is in view).
 *
 * Never reads a whole level: the flattened tree is the top level with the block of each open node's rows after it,
 * so a row's index follows from counts alone (how many siblings a level has, where each open node ranks among its
 * siblings, the size of its block), and the page's ids are read from the sibling-order index with LIMIT/OFFSET.
 * The work is a few index counts per open node plus the page, at any size of the tree.
 */
export function institutionTree(db: ReadDb, q: { expanded: readonly number[]; reveal: number | null; offset: number; limit: number }): TreePage {
  const ancestors = (id: number) =>
    all<{ id: number }>(
      db,
      `WITH RECURSIVE up(id) AS (SELECT parent_id FROM institutions WHERE id = ? UNION ALL SELECT i.parent_id FROM up JOIN institutions i ON i.id = up.id)
       SELECT id FROM up WHERE id IS NOT NULL`,
      id,
    ).map((r) => r.id);
  const asked = new Set([...q.expanded, ...(q.reveal === null ? [] : ancestors(q.reveal))]);
  // The open nodes that exist, each with its parent; an open node under a closed one shows nothing (but stays open).
  const parentOf = new Map(
    all<{ id: number; parent_id: number | null }>(db, 'SELECT id, parent_id FROM institutions WHERE id IN (SELECT value FROM json_each(?))', JSON.stringify([...asked])).map((r) => [
      r.id,
      r.parent_id,
    ]),
  );
  const shown = (id: number): boolean => {
    const seen = new Set<number>();
    for (let p = parentOf.get(id); p !== undefined; p = parentOf.get(p)) {
      if (p === null) return true;
      if (!parentOf.has(p) || seen.has(p)) return false;
      seen.add(p);
    }
    return false;
  };
  const childCount = (parent: number | null) => get<{ n: number }>(db, 'SELECT count(*) AS n FROM institutions WHERE parent_id IS ?', parent)!.n;
  const rankOf = (id: number) => get<{ rank: number }>(db, RANK_SQL, id)!.rank;

  interface Level {
    n: number;
    /** Open children, by rank. */
    open: { id: number; rank: number }[];
  }
  const levels = new Map<number | null, Level>([[null, { n: childCount(null), open: [] }]]);
  for (const id of parentOf.keys()) if (shown(id)) levels.set(id, { n: childCount(id), open: [] });
  for (const id of levels.keys()) if (id !== null) levels.get(parentOf.get(id)!)!.open.push({ id, rank: rankOf(id) });
  for (const l of levels.values()) l.open.sort((a, b) => a.rank - b.rank);
  const sizes = new Map<number | null, number>();
  const blockSize = (parent: number | null): number => {
    let n = sizes.get(parent);
    if (n === undefined) {
      const l = levels.get(parent)!;
      sizes.set(parent, (n = l.n + l.open.reduce((sum, o) => sum + blockSize(o.id), 0)));
    }
    return n;
  };
  // Where rank `j` of a level sits inside that level's block: after j siblings and the blocks of the open ones before it.
  const posInBlock = (l: Level, j: number) => j + l.open.filter((o) => o.rank < j).reduce((sum, o) => sum + blockSize(o.id), 0);

  const page: { id: number; pos: number; size: number }[] = [];
  const idsAt = (parent: number | null, from: number, count: number) =>
    all<{ id: number }>(db, `SELECT id FROM institutions WHERE parent_id IS ? ORDER BY ${SIBLING_ORDER} LIMIT ? OFFSET ?`, parent, count, from).map((r) => r.id);
  /** Appends the rows of `parent`'s block from its row `from` on, until the page is full. */
  const emit = (parent: number | null, from: number) => {
    const l = levels.get(parent)!;
    let at = 0; // block row where the next run of siblings starts
    let rank = 0;
    for (const o of [...l.open, { id: null, rank: l.n }]) {
      // Siblings rank … o.rank (the open one included), then the open one's block.
      const run = Math.min(o.rank + (o.id === null ? 0 : 1), l.n) - rank;
      const skip = Math.max(0, from - at);
      if (skip < run && page.length < q.limit) {
        const ids = idsAt(parent, rank + skip, Math.min(run - skip, q.limit - page.length));
        ids.forEach((id, k) => page.push({ id, pos: rank + skip + k + 1, size: l.n }));
      }
      at += run;
      rank += run;
      if (o.id === null || page.length >= q.limit) return;
      const sub = blockSize(o.id);
      if (from < at + sub) emit(o.id, Math.max(0, from - at));
      at += sub;
      if (page.length >= q.limit) return;
    }
  };
  if (q.offset < blockSize(null)) emit(null, q.offset);

  let revealIndex: number | null = null;
  if (q.reveal !== null && get(db, 'SELECT 1 FROM institutions WHERE id = ?', q.reveal)) {
    // Down from the top: each node sits one row after its parent, plus its own place in the parent's block.
    let index = -1;
    let parent: number | null = null;
    for (const id of [...ancestors(q.reveal)].reverse().concat(q.reveal)) {
      index += 1 + posInBlock(levels.get(parent)!, rankOf(id));
      parent = id;
    }
    revealIndex = index;
  }
  const byPage = new Map(page.map((p) => [p.id, p]));
  return {
    total: blockSize(null),
    rows: institutionsByIds(db, [...byPage.keys()]).map((node) => ({ node, posInSet: byPage.get(node.id)!.pos, setSize: byPage.get(node.id)!.size })),
    // Deleted institutions drop out, so the screen's remembered set does not grow forever.
    expanded: [...parentOf.keys()].sort((a, b) => a - b),
    revealIndex,
  };
}
