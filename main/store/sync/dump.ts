/**
 * Whole-dossier views in wire form: the export that creates a team (every shared record with its clocks), the load
 * that gives a joining replica the team's copy, and the canonical dump two replicas are compared by.
 */
import type { ReadDb, WriteDb } from '../db';
import { reindexBriefing } from '../briefings';
import { reindexContact } from '../contacts';
import { reindexInstitution } from '../institutions';
import { reindexMeeting } from '../meetings';
import { all, run } from '../sql';
import { Applier } from './apply';
import { type Row, toWire } from './codec';
import type { Clocks } from './hlc';
import { IdMap } from './ids';
import { type TableInfo, dropCapture, installCapture, quoteIdent as q, sharedTables, tableInfo, withoutCapture } from './schema';
import { writeClocks } from './stamp';

/** One record of a team snapshot. */
export interface SnapshotRow {
  tbl: string;
  gid: string;
  data: Row;
  clocks: Clocks;
  deleted: boolean;
}

/** Every shared record (live and deleted) in wire form, table by table, parents first. `clock` stamps records without clocks. */
export function* exportRecords(db: WriteDb, clock: () => string): Generator<SnapshotRow[]> {
  const ids = new IdMap(db);
  for (const t of sharedTables(db)) {
    const clocks = new Map(all<{ gid: string; clocks: string }>(db, 'SELECT gid, clocks FROM team_clocks WHERE tbl = ?', t.name).map((r) => [r.gid, r.clocks]));
    let batch: SnapshotRow[] = [];
    for (const row of all<Row>(db, `SELECT * FROM ${q(t.name)}`)) {
      const gid = row.gid as string;
      const c = clocks.get(gid);
      batch.push({ tbl: t.name, gid, data: toWire(t, row, ids, false), clocks: c ? (JSON.parse(c) as Clocks) : { '': clock() }, deleted: false });
      if (batch.length >= 2000) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }
  const tombs = all<{ tbl: string; gid: string; data: string; clocks: string }>(db, 'SELECT tbl, gid, data, clocks FROM team_tombstones ORDER BY tbl, gid');
  for (let i = 0; i < tombs.length; i += 2000) {
    yield tombs.slice(i, i + 2000).map((r) => ({ tbl: r.tbl, gid: r.gid, data: JSON.parse(r.data) as Row, clocks: JSON.parse(r.clocks) as Clocks, deleted: true }));
  }
}

/**
 * Loads a team snapshot into this (empty) dossier, in the caller's transaction with capture off. Rows must come
 * table by table in `sharedTables` order; a table's references to itself (an institution's parent) are set once
 * the whole table is in. Call `finishLoad` after the last batch.
 */
export class SnapshotLoader {
  private readonly applier: Applier;
  private readonly selfRefs: { t: TableInfo; gid: string; col: string; ref: string }[] = [];
  loaded = 0;

  constructor(private readonly db: WriteDb) {
    // Nothing loaded is this member's change: the capture triggers are left out of the load (made again in finish;
    // a failed load rolls back to them).
    dropCapture(db);
    this.applier = new Applier(db);
  }

  add(rows: readonly SnapshotRow[]): void {
    withoutCapture(this.db, () => {
      for (const r of rows) {
        const t = tableInfo(this.db, r.tbl);
        if (!t) continue;
        if (r.deleted) {
          run(this.db, 'INSERT OR REPLACE INTO team_tombstones (tbl, gid, local_id, data, clocks, seen, deleted_by) VALUES (?, ?, NULL, ?, ?, NULL, ?)', r.tbl, r.gid, JSON.stringify(r.data), JSON.stringify(r.clocks), '');
          continue;
        }
        const data = { ...r.data };
        for (const fk of t.fks.values()) {
          if (fk.table === t.name && typeof data[fk.column] === 'string') {
            this.selfRefs.push({ t, gid: r.gid, col: fk.column, ref: data[fk.column] as string });
            data[fk.column] = null;
          }
        }
        if (!this.applier.insert(t, r.gid, data, true)) {
          run(this.db, 'INSERT OR REPLACE INTO team_tombstones (tbl, gid, local_id, data, clocks, seen, deleted_by) VALUES (?, ?, NULL, ?, ?, NULL, ?)', r.tbl, r.gid, JSON.stringify(r.data), JSON.stringify(r.clocks), '');
          continue;
        }
        writeClocks(this.db, r.tbl, r.gid, r.clocks);
        this.loaded++;
      }
    });
  }

  finish(): void {
    withoutCapture(this.db, () => {
      for (const s of this.selfRefs) {
        const id = this.applier.ids.liveId(s.t.name, s.ref);
        if (id !== null) run(this.db, `UPDATE ${q(s.t.name)} SET ${q(s.col)} = ? WHERE gid = ?`, id, s.gid);
      }
      reindexAll(this.db);
    });
    installCapture(this.db, false);
  }
}

/** Rebuilds the search index entry of every record (after a snapshot load). */
export function reindexAll(db: WriteDb): void {
  run(db, 'DELETE FROM search_index');
  for (const { id } of all<{ id: number }>(db, 'SELECT id FROM institutions')) reindexInstitution(db, id);
  for (const { id } of all<{ id: number }>(db, 'SELECT id FROM contacts')) reindexContact(db, id);
  for (const { id } of all<{ id: number }>(db, 'SELECT id FROM meetings')) reindexMeeting(db, id);
  for (const { id } of all<{ id: number }>(db, 'SELECT id FROM briefings')) reindexBriefing(db, id);
}

/**
 * The dossier's shared content, independent of local ids and row order: every live record by table and gid in wire
 * form, and every tombstone. Two replicas that converged have equal dumps.
 */
export function canonicalDump(db: WriteDb | ReadDb): { live: Record<string, Record<string, Row>>; deleted: Record<string, Record<string, Row>> } {
  const ids = new IdMap(db as WriteDb);
  const live: Record<string, Record<string, Row>> = {};
  for (const t of sharedTables(db)) {
    const rows: Record<string, Row> = {};
    for (const row of all<Row>(db, `SELECT * FROM ${q(t.name)} ORDER BY gid`)) rows[row.gid as string] = sortKeys(toWire(t, row, ids, false));
    live[t.name] = rows;
  }
  // In a deleted record, a reference to a record that is not here either names nothing: compared as none, since
  // whether a replica had cleared it (ON DELETE SET NULL, or a parent missing here) depends on the order it learnt things.
  const tables = new Map(sharedTables(db).map((t) => [t.name, t]));
  const deleted: Record<string, Record<string, Row>> = {};
  for (const r of all<{ tbl: string; gid: string; data: string }>(db, 'SELECT tbl, gid, data FROM team_tombstones ORDER BY tbl, gid')) {
    const data = JSON.parse(r.data) as Row;
    for (const fk of tables.get(r.tbl)?.fks.values() ?? []) {
      if (typeof data[fk.column] === 'string' && !live[fk.table]?.[data[fk.column] as string]) data[fk.column] = null;
    }
    (deleted[r.tbl] ??= {})[r.gid] = sortKeys(data);
  }
  return { live, deleted };
}

const sortKeys = (r: Row): Row => Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1)));

/** Gives every shared record that has none a clock (all fields at `h`): what the team is created with. */
export function clockEverything(db: WriteDb, h: string): void {
  const clocks = JSON.stringify({ '': h });
  for (const t of sharedTables(db)) run(db, `INSERT OR IGNORE INTO team_clocks (tbl, gid, clocks) SELECT ?, gid, ? FROM ${q(t.name)}`, t.name, clocks);
}
