/**
 * What merges leave for a person: open section conflicts (the other text is a version; keep the current one or
 * take the other), and records deleted while someone else edited them (restorable with those edits).
 */
import { DossierError, notFound } from '../../../contract/errors';
import { getSection, updateSection } from '../briefings';
import type { ReadDb, WriteDb } from '../db';
import { nowIso } from '../db';
import { all, get, run } from '../sql';
import { saveVersion, versionSnapshot } from '../versions';
import { Applier } from './apply';
import type { Row } from './codec';
import { type Clocks, clockOf } from './hlc';
import { sharedTables } from './schema';
import { hasTeamTables } from './state';

export interface OpenConflict {
  id: number;
  sectionId: number;
  versionId: number | null;
  author: string;
  at: string;
}

export function openConflicts(db: ReadDb, briefingId: number): OpenConflict[] {
  if (!hasTeamTables(db)) return [];
  return all<OpenConflict>(
    db,
    `SELECT c.id, c.section_id AS sectionId, c.version_id AS versionId, c.author, c.at FROM section_conflicts c
       JOIN briefing_sections s ON s.id = c.section_id WHERE s.briefing_id = ? AND c.resolved_at IS NULL ORDER BY c.at, c.id`,
    briefingId,
  );
}

/** Closes a conflict; with `take`, the conflict version's text of that section becomes current first. */
export function resolveConflict(db: WriteDb, id: number, take: boolean): void {
  const c = get<{ section_id: number; version_id: number | null }>(db, 'SELECT section_id, version_id FROM section_conflicts WHERE id = ?', id);
  if (!c) throw notFound('Conflict', id);
  if (take) {
    if (c.version_id === null) throw new DossierError('conflict', 'The other text of this conflict is no longer kept.');
    const text = versionSnapshot(db, c.version_id).sections.find((s) => s.id === c.section_id)?.content;
    if (text === undefined) throw new DossierError('conflict', 'The conflict version does not hold this section.');
    const current = getSection(db, c.section_id);
    if (current.content !== text) {
      // The text given up stays in the versions too (it may hold what others added since): nothing is lost.
      saveVersion(db, current.briefingId, '', 'before taking the other text of a conflict');
      updateSection(db, c.section_id, { content: text });
    }
  }
  run(db, 'UPDATE section_conflicts SET resolved_at = ? WHERE id = ?', nowIso(), id);
}

interface Tomb {
  local_id?: number | null;
  tbl: string;
  gid: string;
  data: string;
  clocks: string;
  seen: string | null;
  deleted_by: string;
}

/** Words people know the records by. */
const LABEL_FIELDS = ['title', 'name', 'family_name', 'text', 'question', 'value'];
const label = (d: Row) => {
  if (typeof d.given_name === 'string' || typeof d.family_name === 'string') return `${d.given_name ?? ''} ${d.family_name ?? ''}`.trim();
  const f = LABEL_FIELDS.find((k) => typeof d[k] === 'string' && d[k]);
  return f ? String(d[f]).slice(0, 120) : '';
};

/** Was a field of this deleted record written after the deleter last saw it? */
function editedApart(t: Tomb): boolean {
  if (!t.seen) return false;
  const clocks = JSON.parse(t.clocks) as Clocks;
  const seen = JSON.parse(t.seen) as Clocks;
  return Object.keys({ ...clocks, '': '' }).some((f) => !f.startsWith('_') && clockOf(clocks, f) > clockOf(seen, f));
}

export function restorableRecords(db: ReadDb): { table: string; gid: string; kind: string; label: string; deletedBy: string }[] {
  if (!hasTeamTables(db)) return [];
  return all<Tomb>(db, 'SELECT tbl, gid, data, clocks, seen, deleted_by FROM team_tombstones WHERE seen IS NOT NULL ORDER BY tbl, gid')
    .filter(editedApart)
    .map((t) => ({ table: t.tbl, gid: t.gid, kind: t.tbl, label: label(JSON.parse(t.data) as Row), deletedBy: t.deleted_by }));
}

/**
 * Restores a deleted record as a write of this member's (captured, so the team gets it back too): first the
 * deleted records it belongs to, then it, then what was deleted with it.
 */
export function restoreRecord(db: WriteDb, tbl: string, gid: string): number {
  const tables = sharedTables(db);
  const tomb = (t: string, g: string) => get<Tomb>(db, 'SELECT tbl, gid, local_id, data, clocks, seen, deleted_by FROM team_tombstones WHERE tbl = ? AND gid = ?', t, g);
  const root = tomb(tbl, gid);
  if (!root) throw notFound('Deleted record', gid);
  const applier = new Applier(db);
  let restored = 0;
  const bring = (t: Tomb, visiting: Set<string>): boolean => {
    const info = tables.find((x) => x.name === t.tbl);
    if (!info || visiting.has(`${t.tbl}:${t.gid}`)) return false;
    visiting.add(`${t.tbl}:${t.gid}`);
    const data = JSON.parse(t.data) as Row;
    for (const fk of info.fks.values()) {
      const ref = data[fk.column];
      if (typeof ref !== 'string' || applier.ids.liveId(fk.table, ref) !== null) continue;
      const parent = tomb(fk.table, ref);
      if (parent) bring(parent, visiting);
    }
    if (!applier.insert(info, t.gid, data, false, t.local_id ?? null)) return false;
    restored++;
    return true;
  };
  if (!bring(root, new Set())) throw new DossierError('conflict', 'This record cannot be restored: what it belongs to is gone.');
  // What went with it: deleted records that point at it.
  const queue = [root];
  while (queue.length) {
    const p = queue.shift()!;
    for (const child of tables) {
      for (const fk of child.fks.values()) {
        if (fk.table !== p.tbl || fk.onDelete !== 'CASCADE') continue;
        for (const c of all<Tomb>(db, `SELECT tbl, gid, local_id, data, clocks, seen, deleted_by FROM team_tombstones WHERE tbl = ? AND json_extract(data, ?) = ?`, child.name, `$.${fk.column}`, p.gid)) {
          if (bring(c, new Set())) queue.push(c);
        }
      }
    }
  }
  return restored;
}
