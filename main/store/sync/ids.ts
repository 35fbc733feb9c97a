/**
 * Local ids ↔ global ids. A live row has its gid in its own table; a deleted one is found in the tombstones; a record
 * only ever referred to (a section removed before the dossier joined a team, still named in an old version) gets a
 * phantom: a negative local id, which SQLite never hands out, so it can never be mistaken for a later record.
 */
import type { ReadDb, WriteDb } from '../db';
import { get, run } from '../sql';
import { quoteIdent as q, tableInfo } from './schema';

export class IdMap {
  /** Rows deleted (or inserted) in the write being stamped: their ids resolve although the row is gone. */
  readonly recent = new Map<string, string>();
  private readonly toGid = new Map<string, string>();
  private readonly toId = new Map<string, number>();

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
    const key = `${tbl}:${gid}`;
    const hit = this.toId.get(key);
    if (hit !== undefined) return hit;
    const t = tableInfo(this.db, tbl);
    const r = get<{ id: number }>(this.db, `SELECT ${q(t?.idColumn ?? 'id')} AS id FROM ${q(tbl)} WHERE gid = ?`, gid);
    if (r) this.toId.set(key, r.id);
    return r?.id ?? null;
  }

  forget(tbl: string, gid: string): void {
    this.toId.delete(`${tbl}:${gid}`);
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
    const next = (get<{ n: number }>(this.db, 'SELECT min(coalesce(min(local_id), 0), 0) - 1 AS n FROM team_phantoms WHERE tbl = ?', tbl)?.n ?? -1);
    run(this.db, 'INSERT INTO team_phantoms (tbl, gid, local_id) VALUES (?, ?, ?)', tbl, gid, next);
    return next;
  }
}

/** Read-only gid lookups for dumps. */
export function gidOfLive(db: ReadDb, tbl: string, id: number): string | null {
  const t = tableInfo(db, tbl);
  return get<{ gid: string }>(db, `SELECT gid FROM ${q(tbl)} WHERE ${q(t?.idColumn ?? 'id')} = ?`, id)?.gid ?? null;
}
