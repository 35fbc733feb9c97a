/** Institutions and their units, kept as a tree (ILO > Governing Body > WPSDG). */
import { DossierError, notFound } from '../../contract/errors';
import type { z } from 'zod';
import type { Institution, InstitutionInput } from '../../contract/model';
import { type ReadDb, type WriteDb, nowIso } from './db';
import { indexRecord, unindexRecord } from './search';
import { all, get, insertSql, run, updateSql } from './sql';
import { type InstitutionRow, groupBy, institutionsByIds, toInstitution } from './institution-tree';
import { setInstitutionTopics } from './topics';

/** An institution's fields after validation (defaults applied). */
export type InstitutionFields = z.output<typeof InstitutionInput>;

interface Row extends InstitutionRow {
  path: string;
}

// Tree order with each node's path of short names (acronym where there is one). Siblings sort by that short name,
// the name the tree and pickers show first (ECOSOC beside EC, not under U for United Nations).
const TREE_SQL = `
  WITH RECURSIVE tree(id, sort_key, path) AS (
    SELECT id, lower(CASE WHEN acronym <> '' THEN acronym ELSE name END), json_array(CASE WHEN acronym <> '' THEN acronym ELSE name END)
      FROM institutions WHERE parent_id IS NULL
    UNION ALL
    SELECT i.id, t.sort_key || char(31) || lower(CASE WHEN i.acronym <> '' THEN i.acronym ELSE i.name END), json_insert(t.path, '$[#]', CASE WHEN i.acronym <> '' THEN i.acronym ELSE i.name END)
      FROM institutions i JOIN tree t ON i.parent_id = t.id
  )
  SELECT i.id, i.parent_id, i.name, i.acronym, i.kind, i.seat, i.website, i.profile, i.updated_at, t.path,
         (SELECT count(*) FROM institutions c WHERE c.parent_id = i.id) AS child_count,
         (SELECT count(*) FROM contacts c WHERE c.institution_id = i.id) AS contact_count
    FROM tree t JOIN institutions i ON i.id = t.id`;

export function listInstitutions(db: ReadDb, query = ''): Institution[] {
  const q = query.trim().toLowerCase();
  const rows = all<Row>(db, `${TREE_SQL} ORDER BY t.sort_key`);
  const filtered = q ? rows.filter((r) => r.name.toLowerCase().includes(q) || r.acronym.toLowerCase().includes(q)) : rows;
  // One query for every institution's topics, not one per row (100,000 rows in the tree).
  const topics = groupBy(
    all<{ institution_id: number; name: string }>(
      db,
      'SELECT it.institution_id, t.name FROM institution_topics it JOIN topics t ON t.id = it.topic_id ORDER BY t.name COLLATE NOCASE',
    ),
    (t) => t.institution_id,
    (t) => t.name,
  );
  return filtered.map((r) => toInstitution(r, JSON.parse(r.path) as string[], topics.get(r.id) ?? []));
}

/** One institution; its path is walked up from it (TREE_SQL would build the whole tree first: 100,000 rows). */
export function getInstitution(db: ReadDb, id: number): Institution {
  const found = institutionsByIds(db, [id])[0];
  if (!found) throw notFound('Institution', id);
  return found;
}

/** Full names from the root down ('International Labour Organization', 'Multilateral Cooperation Department'), as files carry them. */
export function institutionNames(db: ReadDb, id: number): string[] {
  return all<{ name: string }>(
    db,
    `WITH RECURSIVE up(id, parent_id, name, depth) AS (
       SELECT id, parent_id, name, 0 FROM institutions WHERE id = ?
       UNION ALL SELECT i.id, i.parent_id, i.name, up.depth + 1 FROM institutions i JOIN up ON i.id = up.parent_id)
     SELECT name FROM up ORDER BY depth DESC`,
    id,
  ).map((r) => r.name);
}

export function findInstitutionByName(db: ReadDb, name: string): number | null {
  const r = get<{ id: number }>(db, 'SELECT id FROM institutions WHERE lower(name) = lower(?) OR lower(acronym) = lower(?) ORDER BY id LIMIT 1', name, name);
  return r?.id ?? null;
}

/** Refuses a parent that is the institution itself or one of its units. */
function checkParent(db: ReadDb, id: number | null, parentId: number | null): void {
  if (parentId === null) return;
  if (!get(db, 'SELECT 1 FROM institutions WHERE id = ?', parentId)) {
    throw new DossierError('invalid_input', `Parent institution ${parentId} does not exist.`, { field: 'parentId' });
  }
  if (id === null) return;
  const cycle = get(
    db,
    `WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT i.parent_id FROM institutions i JOIN up ON i.id = up.id WHERE i.parent_id IS NOT NULL)
     SELECT 1 FROM up WHERE id = ?`,
    parentId,
    id,
  );
  if (cycle) throw new DossierError('conflict', 'An institution cannot be moved under itself or one of its own units.', { field: 'parentId' });
}

/** Puts an institution's name, acronym, seat and profile in the search index (again): after a write here, an import, or a team member's change (sync/apply.ts). */
export function reindexInstitution(db: WriteDb, id: number): void {
  const r = get<{ name: string; acronym: string; seat: string; profile: string }>(db, 'SELECT name, acronym, seat, profile FROM institutions WHERE id = ?', id);
  if (r) indexRecord(db, 'institution', id, `${r.name} ${r.acronym}`, `${r.seat} ${r.profile}`);
}

/** An institution's own columns and their values, in one order for INSERT and UPDATE. */
const COLUMNS = ['parent_id', 'name', 'acronym', 'kind', 'seat', 'website', 'profile'];
const own = (f: InstitutionFields) => [f.parentId, f.name, f.acronym, f.kind, f.seat, f.website, f.profile];
const INSERT = insertSql('institutions', [...COLUMNS, 'source', 'created_at', 'updated_at']);
const UPDATE = updateSql('institutions', [...COLUMNS, 'updated_at']);

/**
 * A new institution. `index: false` leaves its search entry to the caller (reindexInstitution): an import adds
 * contacts in rowid order, and an institution indexed between them would make the index flush its write buffer.
 */
export function createInstitution(db: WriteDb, f: InstitutionFields, source = '', { index = true }: { index?: boolean } = {}): number {
  checkParent(db, null, f.parentId);
  const now = nowIso();
  const id = Number(run(db, INSERT, ...own(f), source, now, now).lastInsertRowid);
  setInstitutionTopics(db, id, f.topics);
  if (index) reindexInstitution(db, id);
  return id;
}

export function updateInstitution(db: WriteDb, id: number, f: InstitutionFields): void {
  if (!get(db, 'SELECT 1 FROM institutions WHERE id = ?', id)) throw notFound('Institution', id);
  checkParent(db, id, f.parentId);
  run(db, UPDATE, ...own(f), nowIso(), id);
  setInstitutionTopics(db, id, f.topics);
  reindexInstitution(db, id);
}

/** Puts an institution (and so its units) under another parent or at the top level; a cycle is refused. */
export function moveInstitution(db: WriteDb, id: number, parentId: number | null): void {
  if (!get(db, 'SELECT 1 FROM institutions WHERE id = ?', id)) throw notFound('Institution', id);
  checkParent(db, id, parentId);
  run(db, 'UPDATE institutions SET parent_id = ?, updated_at = ? WHERE id = ?', parentId, nowIso(), id);
}

/** Deletes an institution; its units move up to its parent rather than losing their place. */
export function deleteInstitution(db: WriteDb, id: number): void {
  const row = get<{ parent_id: number | null }>(db, 'SELECT parent_id FROM institutions WHERE id = ?', id);
  if (!row) throw notFound('Institution', id);
  run(db, 'UPDATE institutions SET parent_id = ? WHERE parent_id = ?', row.parent_id, id);
  run(db, 'DELETE FROM institutions WHERE id = ?', id);
  unindexRecord(db, 'institution', id);
}

