/**
 * Local ids ↔ global ids. A live row has its gid in its own table; a deleted one is found in the tombstones; a record
 * only ever referred to (a section removed before the dossier joined a team, still named in an old version) gets a
 * phantom: a negative local id, which SQLite never hands out, so it can never be mistaken for a later record.
 */
import type { ReadDb, WriteDb } from '../db';
import { all, get, run } from '../sql';
import { type Row, jsonIdColumns, remapJsonIds } from './codec';
import { quoteIdent as q, tableInfo, withoutCapture } from './schema';

export class IdMap {
  /** Rows deleted (or inserted) in the write being stamped: their ids resolve although the row is gone. */
  readonly recent = new Map<string, string>();
  private readonly toGid = new Map<string, string>();
  /** Per table, gid → local id (a map per table: a load of 100,000 records asks this for every reference). */
  private readonly toId = new Map<string, Map<string, number>>();

  constructor(private readonly db: WriteDb) {}

  remember(tbl: string, id: number, gid: string): void {
    this.recent.set(`${tbl}:${id}`, gid);
  }

  gidOf(tbl: string, id: number | null | undefined): string | null {
    if (id === null || id === undefined) return null;
    const key = `${tbl}:${id}`;
    const hit = this.recent.get(key) ?? this.toGid.get(key);
    if (hit) return hit;
    const t = tableInfo(this.db, tbl);
    const col = t?.idColumn ?? 'id';
    const live = get<{ gid: string | null }>(this.db, `SELECT gid FROM ${q(tbl)} WHERE ${q(col)} = ?`, id)?.gid;
    const gid =
      live ??
      get<{ gid: string }>(this.db, 'SELECT gid FROM team_tombstones WHERE tbl = ? AND local_id = ?', tbl, id)?.gid ??
      get<{ gid: string }>(this.db, 'SELECT gid FROM team_phantoms WHERE tbl = ? AND local_id = ?', tbl, id)?.gid ??
      this.mintPhantom(tbl, id);
    this.toGid.set(key, gid);
    return gid;
  }

  private mintPhantom(tbl: string, id: number): string {
    const gid = `x${(get<{ g: string }>(this.db, 'SELECT lower(hex(randomblob(16))) AS g')!.g).slice(1)}`;
    run(this.db, 'INSERT INTO team_phantoms (tbl, gid, local_id) VALUES (?, ?, ?)', tbl, gid, id);
    return gid;
  }

  /** The local id of a gid, or null when this replica has no live row for it (see `refId` for references). */
  liveId(tbl: string, gid: string): number | null {
    const hit = this.toId.get(tbl)?.get(gid);
    if (hit !== undefined) return hit;
    const t = tableInfo(this.db, tbl);
    const r = get<{ id: number }>(this.db, `SELECT ${q(t?.idColumn ?? 'id')} AS id FROM ${q(tbl)} WHERE gid = ?`, gid);
    if (r) this.learn(tbl, gid, r.id);
    return r?.id ?? null;
  }

  /** A row just written with this id and gid (a bulk load asks for its parents by gid right after). */
  learn(tbl: string, gid: string, id: number): void {
    let m = this.toId.get(tbl);
    if (!m) this.toId.set(tbl, (m = new Map()));
    m.set(gid, id);
  }

  forget(tbl: string, gid: string): void {
    this.toId.get(tbl)?.delete(gid);
  }

  /** A local id for a reference inside data (a section named in a snapshot): live, former, or a phantom. */
  refId(tbl: string, gid: string | null | undefined): number | null {
    if (gid === null || gid === undefined) return null;
    const live = this.liveId(tbl, gid);
    if (live !== null) return live;
    const t = tableInfo(this.db, tbl);
    const former = get<{ local_id: number | null }>(this.db, 'SELECT local_id FROM team_tombstones WHERE tbl = ? AND gid = ?', tbl, gid)?.local_id;
    if (former != null && !get(this.db, `SELECT 1 FROM ${q(tbl)} WHERE ${q(t?.idColumn ?? 'id')} = ?`, former)) return former;
    const phantom = get<{ local_id: number }>(this.db, 'SELECT local_id FROM team_phantoms WHERE tbl = ? AND gid = ?', tbl, gid)?.local_id;
    if (phantom !== undefined) return phantom;
    const next = phantomId(this.db, tbl);
    run(this.db, 'INSERT INTO team_phantoms (tbl, gid, local_id) VALUES (?, ?, ?)', tbl, gid, next);
    return next;
  }
}

/**
 * A local id for a record known only by reference. Negative, which SQLite never hands out; agenda items take a
 * high positive range instead, because the agenda briefs' shape (which the editor saves back) wants positive ids.
 */
const HIGH = 2 ** 40;
function phantomId(db: WriteDb, tbl: string): number {
  if (tbl === 'agenda_items') return Math.max(HIGH, (get<{ n: number | null }>(db, 'SELECT max(local_id) AS n FROM team_phantoms WHERE tbl = ?', tbl)?.n ?? 0) + 1);
  return Math.min(0, get<{ n: number | null }>(db, 'SELECT min(local_id) AS n FROM team_phantoms WHERE tbl = ?', tbl)?.n ?? 0) - 1;
}

/** Before a tombstone's local id is replaced or dropped: the id it had keeps naming the record. */
export function keepFormerId(db: WriteDb, tbl: string, gid: string, newId: number | null): void {
  const old = get<{ local_id: number | null }>(db, 'SELECT local_id FROM team_tombstones WHERE tbl = ? AND gid = ?', tbl, gid)?.local_id;
  if (old != null && old !== newId) aliasFormerId(db, tbl, gid, old);
}

/** Remembers a reference to a record that is not here, or forgets it when the field is set anew. */
export function noteDangling(db: WriteDb, tbl: string, gid: string, col: string, ref: { tbl: string; gid: string } | null): void {
  if (ref) run(db, 'INSERT OR REPLACE INTO team_dangling (tbl, gid, col, ref_tbl, ref) VALUES (?, ?, ?, ?, ?)', tbl, gid, col, ref.tbl, ref.gid);
  else run(db, 'DELETE FROM team_dangling WHERE tbl = ? AND gid = ? AND col = ?', tbl, gid, col);
}

/**
 * A record leaves (to the tombstones): the references it held to records not here go into its kept data, which is
 * what it comes back with, and stop being held on the live table. Returns its wire data with them.
 */
export function withHeldRefs(db: WriteDb, tbl: string, gid: string, data: Record<string, unknown>): Record<string, unknown> {
  const held = all<{ col: string; ref: string }>(db, 'SELECT col, ref FROM team_dangling WHERE tbl = ? AND gid = ?', tbl, gid);
  if (held.length === 0) return data;
  run(db, 'DELETE FROM team_dangling WHERE tbl = ? AND gid = ?', tbl, gid);
  return { ...data, ...Object.fromEntries(held.map((h) => [h.col, h.ref])) };
}

/** A record is here (again): references to it that were held are made again. */
export function relinkDangling(db: WriteDb, tbl: string, gid: string, id: number): void {
  for (const d of all<{ tbl: string; gid: string; col: string }>(db, 'SELECT tbl, gid, col FROM team_dangling WHERE ref_tbl = ? AND ref = ?', tbl, gid)) {
    run(db, `UPDATE "${d.tbl}" SET "${d.col}" = ? WHERE gid = ?`, id, d.gid);
    run(db, 'DELETE FROM team_dangling WHERE tbl = ? AND gid = ? AND col = ?', d.tbl, d.gid, d.col);
  }
}

/** A record came back under a new local id: its former id keeps naming it (in snapshots saved meanwhile). */
export function aliasFormerId(db: WriteDb, tbl: string, gid: string, formerId: number): void {
  run(db, 'INSERT OR IGNORE INTO team_phantoms (tbl, gid, local_id) VALUES (?, ?, ?)', tbl, gid, formerId);
}

/**
 * SQLite hands a deleted row's id to the next row when it was the highest. References to the deleted agenda item
 * (an orphaned brief, and the briefs kept in saved versions and issued packs) would then name the new one: they are
 * moved to a phantom id first, so each id names one record. Local ids only (the wire form is unchanged), so nothing
 * here is captured.
 */
export function rehomeReusedId(db: WriteDb, tbl: string, id: number, gid: string): void {
  if (tbl !== 'agenda_items') return;
  const clash = [
    ...all<{ gid: string }>(db, 'SELECT gid FROM team_tombstones WHERE tbl = ? AND local_id = ? AND gid <> ?', tbl, id, gid),
    ...all<{ gid: string }>(db, 'SELECT gid FROM team_phantoms WHERE tbl = ? AND local_id = ? AND gid <> ?', tbl, id, gid),
  ];
  if (clash.length === 0) return;
  const moved = phantomId(db, tbl);
  run(db, 'UPDATE team_tombstones SET local_id = NULL WHERE tbl = ? AND local_id = ?', tbl, id);
  run(db, 'DELETE FROM team_phantoms WHERE tbl = ? AND local_id = ?', tbl, id);
  run(db, 'INSERT OR IGNORE INTO team_phantoms (tbl, gid, local_id) VALUES (?, ?, ?)', tbl, clash[0]!.gid, moved);
  withoutCapture(db, () => {
    for (const [t, cols] of jsonIdColumns()) {
      const info = tableInfo(db, t);
      if (!info?.idColumn) continue;
      // A cheap filter first: the id as it is written in the JSON text (escaped inside a snapshot's section content).
      const like = cols.map((c) => `${q(c)} LIKE '%agendaItemId%' || ? || '%'`).join(' OR ');
      for (const row of all<Row>(db, `SELECT * FROM ${q(t)} WHERE ${like}`, ...cols.map(() => `:${id}`))) {
        const changed = remapJsonIds(t, row, tbl, id, moved);
        const set = Object.keys(changed);
        if (set.length) run(db, `UPDATE ${q(t)} SET ${set.map((c) => `${q(c)} = ?`).join(', ')} WHERE ${q(info.idColumn)} = ?`, ...Object.values(changed), row[info.idColumn]);
      }
    }
  });
}

/** Read-only gid lookups for dumps. */
export function gidOfLive(db: ReadDb, tbl: string, id: number): string | null {
  const t = tableInfo(db, tbl);
  return get<{ gid: string }>(db, `SELECT gid FROM ${q(tbl)} WHERE ${q(t?.idColumn ?? 'id')} = ?`, id)?.gid ?? null;
}
