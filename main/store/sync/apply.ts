/**
 * Applying the team's changes to this replica: field by field, the later clock wins. Applying is idempotent (a
 * change already seen loses to its own clock) and order-free for plain fields, so a replica converges whatever it
 * pulled when. Deletes keep the record's data as a tombstone: an edit made elsewhere meanwhile lands there and can
 * be restored. Capture is off while applying, so others' changes are never sent back as ours.
 */
import { DossierError } from '../../../contract/errors';
import { reindexBriefing } from '../briefings';
import { reindexContact } from '../contacts';
import type { WriteDb } from '../db';
import { reindexInstitution } from '../institutions';
import { reindexMeeting } from '../meetings';
import { type SearchKind, unindexRecord } from '../search';
import { all, get, run } from '../sql';
import { type Row, toLocal, toWire } from './codec';
import { type Clocks, HlcClock, clockOf, hlcWall, setClocks } from './hlc';
import { IdMap, aliasFormerId, keepFormerId, noteDangling, rehomeReusedId, relinkDangling, withHeldRefs } from './ids';
import { type TableInfo, quoteIdent as q, sharedTables, tableInfo, withoutCapture } from './schema';
import { readClocks, writeClocks } from './stamp';
import { getTeamState, updateTeamState } from './state';

/** One change as it travels: a record's changed fields (with `_deleted` for deletes and restores) at one clock. */
export interface WireChange {
  id: string;
  tbl: string;
  gid: string;
  f: Row;
  h: string;
  /** For a tracked field (a section's text): the clock and value it was written over. */
  b?: Record<string, { h: string; v: unknown }> | null;
  /** For a delete: the clocks the deleter had seen, so an edit it had not seen stays restorable. */
  s?: Clocks | null;
  author?: string;
  replica?: string;
  seq?: number;
}

export interface ApplyResult {
  applied: number;
  conflicts: number;
}

/** Which search-index record a row belongs to. */
const SEARCH: Record<string, { kind: SearchKind; via: string | null }> = {
  institutions: { kind: 'institution', via: null },
  contacts: { kind: 'contact', via: null },
  contact_phones: { kind: 'contact', via: 'contact_id' },
  contact_emails: { kind: 'contact', via: 'contact_id' },
  contact_positions: { kind: 'contact', via: 'contact_id' },
  meetings: { kind: 'meeting', via: null },
  agenda_items: { kind: 'meeting', via: 'meeting_id' },
  briefings: { kind: 'briefing', via: null },
  briefing_sections: { kind: 'briefing', via: 'briefing_id' },
};
const REINDEX: Record<SearchKind, (db: WriteDb, id: number) => void> = {
  institution: reindexInstitution,
  contact: reindexContact,
  meeting: reindexMeeting,
  briefing: reindexBriefing,
};
const TABLE_OF: Record<SearchKind, string> = { institution: 'institutions', contact: 'contacts', meeting: 'meetings', briefing: 'briefings' };

/** Tables other shared rows refer to by a foreign key. */
const referencedCache = new WeakMap<object, { tables: readonly TableInfo[]; names: Set<string> }>();
function referenced(db: WriteDb): Set<string> {
  const tables = sharedTables(db);
  const c = referencedCache.get(db);
  if (c?.tables === tables) return c.names;
  const names = new Set(tables.flatMap((t) => [...t.fks.values()].map((f) => f.table)));
  referencedCache.set(db, { tables, names });
  return names;
}

class Applier {
  readonly ids: IdMap;
  readonly touched = new Map<SearchKind, Set<number>>();
  conflicts = 0;
  /** Whether this applier held a reference to a missing record (a bulk load then relinks as it goes). */
  private held = false;

  constructor(readonly db: WriteDb) {
    this.ids = new IdMap(db);
  }

  private touch(t: TableInfo, row: Row): void {
    const s = SEARCH[t.name];
    if (!s) return;
    const id = s.via ? row[s.via] : t.idColumn ? row[t.idColumn] : undefined;
    if (typeof id !== 'number') return;
    let set = this.touched.get(s.kind);
    if (!set) this.touched.set(s.kind, (set = new Set()));
    set.add(id);
  }

  private liveRow(t: TableInfo, gid: string): Row | undefined {
    return get<Row>(this.db, `SELECT * FROM ${q(t.name)} WHERE gid = ?`, gid);
  }

  /** Moves a live row (and the rows its delete cascades to) to the tombstones, then deletes it. */
  tombstone(t: TableInfo, row: Row, clocks: Clocks, seen: Clocks | null, by: string, withParent = false): void {
    const localId = t.idColumn ? (row[t.idColumn] as number) : null;
    if (localId !== null) {
      for (const child of sharedTables(this.db)) {
        for (const fk of child.fks.values()) {
          if (fk.table !== t.name) continue;
          if (fk.onDelete === 'SET NULL') {
            // SQLite clears these references without capture: they are held, as a reference that arrived to a missing
            // record is, so every replica makes them again if the record comes back (whatever order it learnt things in).
            for (const r of all<{ gid: string }>(this.db, `SELECT gid FROM ${q(child.name)} WHERE ${q(fk.column)} = ?`, localId)) {
              if (!(child === t && r.gid === row.gid)) noteDangling(this.db, child.name, r.gid, fk.column, { tbl: t.name, gid: row.gid as string });
            }
            continue;
          }
          if (fk.onDelete !== 'CASCADE') continue;
          for (const r of all<Row>(this.db, `SELECT * FROM ${q(child.name)} WHERE ${q(fk.column)} = ?`, localId)) {
            if (child === t && r[t.idColumn!] === localId) continue;
            this.tombstone(child, r, readClocks(this.db, child.name, r.gid as string).clocks, null, by, true);
          }
        }
      }
    }
    const gid = row.gid as string;
    if (!get(this.db, `SELECT 1 FROM ${q(t.name)} WHERE gid = ?`, gid)) return; // already gone with a parent
    this.touch(t, row);
    keepFormerId(this.db, t.name, gid, localId);
    const data = withHeldRefs(this.db, t.name, gid, toWire(t, row, this.ids, false));
    run(
      this.db,
      `INSERT INTO team_tombstones (tbl, gid, local_id, data, clocks, seen, deleted_by) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (tbl, gid) DO UPDATE SET local_id = excluded.local_id, data = excluded.data, clocks = excluded.clocks, seen = coalesce(excluded.seen, team_tombstones.seen), deleted_by = excluded.deleted_by`,
      t.name,
      gid,
      localId,
      // Gone with its parent, not deleted itself: it comes back if the parent does (parked, see unpark).
      JSON.stringify(withParent ? { ...data, _parked: true } : data),
      JSON.stringify(clocks),
      seen ? JSON.stringify(seen) : null,
      by,
    );
    run(this.db, 'DELETE FROM team_clocks WHERE tbl = ? AND gid = ?', t.name, gid);
    run(this.db, `DELETE FROM ${q(t.name)} WHERE gid = ?`, gid);
    this.ids.forget(t.name, gid);
    const s = SEARCH[t.name];
    if (s && !s.via && localId !== null) unindexRecord(this.db, s.kind, localId);
  }

  /** Inserts a record from wire data; false (and nothing written) when a parent it needs is missing here. */
  insert(t: TableInfo, gid: string, data: Row, bulk = false, formerId: number | null = null): boolean {
    const { values, missing } = toLocal(t, data, this.ids, data);
    // A record coming back keeps its former local id where it is free, so references to it in saved snapshots hold.
    if (formerId !== null && t.idColumn && !get(this.db, `SELECT 1 FROM ${q(t.name)} WHERE ${q(t.idColumn)} = ?`, formerId)) values[t.idColumn] = formerId;
    else if (t.idColumn && !bulk) {
      // Never the id of a deleted record here: saved snapshots may still name it by that id (nor, for a table that
      // counts its ids, one it handed out before: max(id) goes back down when the highest row is deleted).
      const n = get<{ n: number }>(
        this.db,
        `SELECT max(coalesce((SELECT max(${q(t.idColumn)}) FROM ${q(t.name)}), 0), coalesce((SELECT max(local_id) FROM team_tombstones WHERE tbl = ?), 0),
                    coalesce((SELECT max(seq) FROM sqlite_sequence WHERE name = ?), 0)) + 1 AS n`,
        t.name,
        t.name,
      )!.n;
      values[t.idColumn] = n;
    }
    for (const c of missing) {
      // A parent that is also the key (a contact's photo): never inserted without it, or SQLite would make up a key.
      if (t.columns.find((x) => x.name === c)!.notnull || t.pk.includes(c)) return false;
      values[c] = null;
    }
    const held = missing.map((c) => [c, { tbl: t.fks.get(c)!.table, gid: data[c] as string }] as const);
    if (t.name === 'briefing_versions') {
      // Version numbers are each replica's own: the next one of this briefing here.
      values.number = get<{ n: number }>(this.db, 'SELECT coalesce(max(number), 0) + 1 AS n FROM briefing_versions WHERE briefing_id = ?', values.briefing_id)!.n;
    }
    const cols = ['gid', ...Object.keys(values)];
    let rowid: number;
    try {
      rowid = Number(run(this.db, `INSERT INTO ${q(t.name)} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, gid, ...Object.values(values)).lastInsertRowid);
    } catch (err) {
      // A row the schema refuses here (a NOT NULL field never received, a name taken): kept aside, never half-written.
      if (String((err as { code?: string }).code ?? '').startsWith('SQLITE_CONSTRAINT')) return false;
      throw err;
    }
    for (const [c, ref] of held) noteDangling(this.db, t.name, gid, c, ref);
    if (held.length) this.held = true;
    if (bulk) {
      // Loading a snapshot into an empty dossier: nothing here refers to the row yet, unless the load itself held a reference.
      if (t.idColumn) {
        // Only rows something can refer to are remembered (not a contact's phones and e-mails).
        if (referenced(this.db).has(t.name)) this.ids.learn(t.name, gid, rowid);
        if (this.held) relinkDangling(this.db, t.name, gid, rowid);
      }
      return true;
    }
    const row = this.liveRow(t, gid)!;
    if (t.idColumn) {
      const id = row[t.idColumn] as number;
      relinkDangling(this.db, t.name, gid, id);
      if (formerId !== null && formerId !== id) aliasFormerId(this.db, t.name, gid, formerId);
      rehomeReusedId(this.db, t.name, id, gid);
    }
    if (!bulk) this.touch(t, row);
    return true;
  }

  apply(c: WireChange): boolean {
    const t = tableInfo(this.db, c.tbl);
    if (!t) {
      throw new DossierError('schema_too_new', `The team’s data holds “${c.tbl}”, which this Dossier does not know. Update Dossier to keep syncing.`, {
        details: { table: c.tbl },
      });
    }
    const { clocks, tomb } = readClocks(this.db, c.tbl, c.gid);
    const win = Object.keys(c.f).filter((f) => c.h > clockOf(clocks, f) && (f.startsWith('_') || t.shared.includes(f)));
    if (win.length === 0) return false;
    const next = setClocks(clocks, win, c.h);
    const fields = Object.fromEntries(win.map((f) => [f, c.f[f]]));
    const by = c.author ?? '';
    if (t.name === 'section_conflicts' && fields._deleted === false) this.conflicts++;
    const row = this.liveRow(t, c.gid);
    if (row) {
      if (fields._deleted === true) {
        this.tombstone(t, row, next, c.s ?? null, by);
        return true;
      }
      const context = { ...row, ...fields };
      const { values, missing } = toLocal(t, fields, this.ids, context);
      if (missing.some((m) => t.columns.find((x) => x.name === m)!.notnull)) {
        // Its new parent is gone here: the record goes with it, restorable.
        this.tombstone(t, row, next, null, by);
        return true;
      }
      for (const c of Object.keys(values)) if (t.fks.has(c)) noteDangling(this.db, t.name, row.gid as string, c, missing.includes(c) ? { tbl: t.fks.get(c)!.table, gid: fields[c] as string } : null);
      for (const m of missing) values[m] = null;
      const cols = Object.keys(values);
      if (cols.length) run(this.db, `UPDATE ${q(t.name)} SET ${cols.map((x) => `${q(x)} = ?`).join(', ')} WHERE gid = ?`, ...Object.values(values), c.gid);
      writeClocks(this.db, t.name, c.gid, next);
      this.touch(t, { ...row, ...values });
      return true;
    }
    const old = tomb ? get<{ data: string; local_id: number | null }>(this.db, 'SELECT data, local_id FROM team_tombstones WHERE tbl = ? AND gid = ?', c.tbl, c.gid) : undefined;
    const data: Row = { ...(old ? (JSON.parse(old.data) as Row) : {}) };
    for (const [f, v] of Object.entries(fields)) if (!f.startsWith('_')) data[f] = v;
    const alive = '_deleted' in fields ? fields._deleted === false : tomb ? data._parked === true : c.f._deleted !== true;
    delete data._parked;
    if (alive && this.insert(t, c.gid, data, false, old?.local_id ?? null)) {
      if (tomb) run(this.db, 'DELETE FROM team_tombstones WHERE tbl = ? AND gid = ?', c.tbl, c.gid);
      writeClocks(this.db, t.name, c.gid, next);
      return true;
    }
    // Alive by its clocks but its parent is not here (yet): parked, and inserted when the parent arrives or returns.
    if (alive) data._parked = true;
    else delete data._parked;
    run(
      this.db,
      `INSERT INTO team_tombstones (tbl, gid, local_id, data, clocks, seen, deleted_by) VALUES (?, ?, NULL, ?, ?, ?, ?)
       ON CONFLICT (tbl, gid) DO UPDATE SET data = excluded.data, clocks = excluded.clocks, seen = coalesce(excluded.seen, team_tombstones.seen),
         deleted_by = CASE WHEN excluded.seen IS NOT NULL THEN excluded.deleted_by ELSE team_tombstones.deleted_by END`,
      c.tbl,
      c.gid,
      JSON.stringify(data),
      JSON.stringify(next),
      fields._deleted === true && c.s ? JSON.stringify(c.s) : null,
      fields._deleted === true ? by : '',
    );
    return true;
  }

  /** Inserts parked records whose parents are here now, until none more can be. */
  unpark(): void {
    for (let progress = true; progress; ) {
      progress = false;
      for (const p of all<{ tbl: string; gid: string; data: string; clocks: string; local_id: number | null }>(this.db, `SELECT tbl, gid, data, clocks, local_id FROM team_tombstones WHERE data LIKE '%"_parked":true%'`)) {
        const t = tableInfo(this.db, p.tbl);
        if (!t) continue;
        const data = JSON.parse(p.data) as Row;
        delete data._parked;
        if (this.insert(t, p.gid, data, false, p.local_id)) {
          run(this.db, 'DELETE FROM team_tombstones WHERE tbl = ? AND gid = ?', p.tbl, p.gid);
          writeClocks(this.db, p.tbl, p.gid, JSON.parse(p.clocks) as Clocks);
          progress = true;
        }
      }
    }
  }

  reindex(): void {
    for (const [kind, ids] of this.touched) {
      // In ascending order: FTS5 buffers an index's new entries only while their rowids ascend, and writes them out as a
      // new segment (to be merged later) whenever one does not. Pulled records come in the team's order, which is no
      // order of this replica's local ids; unsorted, a pull of 10,000 contacts wrote thousands of tiny segments.
      for (const id of [...ids].sort((a, b) => a - b)) {
        if (get(this.db, `SELECT 1 FROM ${TABLE_OF[kind]} WHERE id = ?`, id)) REINDEX[kind](this.db, id);
      }
    }
  }
}

/**
 * Applies changes (in the team's order) in the caller's transaction, with capture off, and moves this replica's
 * clock past theirs. Returns how many changed something here and how many new section conflicts arrived.
 */
export function applyChanges(db: WriteDb, changes: readonly WireChange[]): ApplyResult {
  return withoutCapture(db, () => {
    const a = new Applier(db);
    const state = getTeamState(db);
    const clock = state ? new HlcClock(state.replica.slice(0, 8), state.hlc, hlcWall(db)) : null;
    let applied = 0;
    for (const c of changes) {
      clock?.receive(c.h);
      if (a.apply(c)) applied++;
    }
    a.unpark();
    a.reindex();
    if (clock) updateTeamState(db, { hlc: clock.current });
    return { applied, conflicts: a.conflicts };
  });
}

export { Applier };
