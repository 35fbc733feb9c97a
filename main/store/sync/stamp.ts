/**
 * Before a write commits, the raw row images its triggers captured become changes: one per record, netted over
 * the whole write (a contact's phones deleted and written again unchanged are no change), with foreign keys as
 * global ids, a hybrid logical clock per change, the author, and for a section's text the clock and text it was
 * written over (so the team can tell an edit of the current text from one made apart).
 */
import { randomBytes } from 'node:crypto';
import type { WriteDb } from '../db';
import { all, get, run } from '../sql';
import { type Row, toWire } from './codec';
import { type Clocks, HlcClock, clockOf, hlcWall, setClocks } from './hlc';
import { IdMap, keepFormerId, noteDangling, rehomeReusedId, relinkDangling, withHeldRefs } from './ids';
import { tableInfo, withoutCapture } from './schema';
import { getTeamState, hasTeamTables, updateTeamState } from './state';

/** Fields whose concurrent edits are merged or kept as a conflict version rather than simply won by the later clock. */
export const TRACKED: Record<string, string> = { briefing_sections: 'content' };

const listeners = new Set<(db: WriteDb) => void>();

/** Called after a write that produced changes has committed (the live sync pushes them). */
export function onTeamCommit(fn: (db: WriteDb) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/**
 * The team's after-write hook (registered by openDossier, run by dispatch inside every write op's transaction): the
 * rows the op's triggers captured become stamped changes before COMMIT. The live sync is told once the synchronous
 * transaction is over (a microtask runs after COMMIT); a rolled-back write only costs it a look at an unchanged outbox.
 */
export function captureWrite(db: WriteDb): void {
  if (stampCaptured(db) === 0) return;
  queueMicrotask(() => announceTeamCommit(db));
}

/**
 * Tells the live sync that `db`'s dossier may have changes to push. captureWrite does for writes on `db` itself; the
 * engine does for a write its lane committed on a connection of its own (whose hooks run in another thread).
 */
export function announceTeamCommit(db: WriteDb): void {
  for (const fn of listeners) fn(db);
}

export const newChangeId = () => randomBytes(16).toString('hex');

export function readClocks(db: WriteDb, tbl: string, gid: string): { clocks: Clocks; tomb: boolean } {
  const live = get<{ clocks: string }>(db, 'SELECT clocks FROM team_clocks WHERE tbl = ? AND gid = ?', tbl, gid);
  if (live) return { clocks: JSON.parse(live.clocks) as Clocks, tomb: false };
  const t = get<{ clocks: string }>(db, 'SELECT clocks FROM team_tombstones WHERE tbl = ? AND gid = ?', tbl, gid);
  return t ? { clocks: JSON.parse(t.clocks) as Clocks, tomb: true } : { clocks: {}, tomb: false };
}

export function writeClocks(db: WriteDb, tbl: string, gid: string, clocks: Clocks): void {
  run(db, 'INSERT INTO team_clocks (tbl, gid, clocks) VALUES (?, ?, ?) ON CONFLICT (tbl, gid) DO UPDATE SET clocks = excluded.clocks', tbl, gid, JSON.stringify(clocks));
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Turns everything in team_capture_log into stamped outbox changes. Runs inside the write's transaction. */
export function stampCaptured(db: WriteDb): number {
  if (!hasTeamTables(db)) return 0;
  const raw = all<{ seq: number; tbl: string; gid: string | null; kind: 'i' | 'u' | 'd'; new: string | null; old: string | null }>(
    db,
    'SELECT seq, tbl, gid, kind, new, old FROM team_capture_log ORDER BY seq',
  );
  if (raw.length === 0) return 0;
  const maxSeq = raw[raw.length - 1]!.seq;
  const state = getTeamState(db);
  if (!state) {
    run(db, 'DELETE FROM team_capture_log WHERE seq <= ?', maxSeq);
    return 0;
  }
  const ids = new IdMap(db);
  const groups = new Map<string, { tbl: string; gid: string; before: Row | null; after: Row | null }>();
  for (const r of raw) {
    if (!r.gid) continue;
    const key = `${r.tbl}\u0000${r.gid}`;
    const before = r.kind === 'i' ? null : (JSON.parse(r.old!) as Row);
    const after = r.kind === 'd' ? null : (JSON.parse(r.new!) as Row);
    const g = groups.get(key);
    if (g) g.after = after;
    else groups.set(key, { tbl: r.tbl, gid: r.gid, before, after });
    const t = tableInfo(db, r.tbl);
    const image = after ?? before;
    if (t?.idColumn && image && typeof image[t.idColumn] === 'number') ids.remember(r.tbl, image[t.idColumn] as number, r.gid);
  }
  const clock = new HlcClock(state.replica.slice(0, 8), state.hlc, hlcWall(db));
  let n = 0;
  for (const g of groups.values()) {
    const t = tableInfo(db, g.tbl);
    if (!t) continue;
    const wb = g.before && toWire(t, g.before, ids);
    const wa = g.after && toWire(t, g.after, ids);
    if (!wb && !wa) continue;
    const { clocks, tomb } = readClocks(db, g.tbl, g.gid);
    let fields: Row;
    let seen: Clocks | null = null;
    if (!wb) fields = { ...wa!, _deleted: false };
    else if (!wa) {
      fields = { _deleted: true };
      seen = clocks;
    } else {
      fields = Object.fromEntries(Object.entries(wa).filter(([c, v]) => !same(v, wb[c])));
      for (const c of Object.keys(fields)) {
        // A reference SQLite cleared (ON DELETE SET NULL) because this write deleted what it named is no edit of its
        // own: it is held, as every other replica holds it when the delete arrives (apply.ts tombstone), so all of them
        // make it again if that record comes back.
        const fk = t.fks.get(c);
        const was = wb[c];
        if (fk?.onDelete === 'SET NULL' && fields[c] === null && typeof was === 'string' && groups.get(`${fk.table}\u0000${was}`)?.after === null) {
          delete fields[c];
          noteDangling(db, g.tbl, g.gid, c, { tbl: fk.table, gid: was });
        }
      }
      // A reference set here anew is no longer held for a record that may come back.
      for (const c of Object.keys(fields)) if (t.fks.has(c)) noteDangling(db, g.tbl, g.gid, c, null);
      if (Object.keys(fields).length === 0) continue;
    }
    let h = clock.tick();
    // Later than every value it writes over, even one stamped by a clock too far ahead to follow on receipt.
    const over = Object.keys(fields).reduce((m, f) => (clockOf(clocks, f) > m ? clockOf(clocks, f) : m), '');
    if (over >= h) {
      clock.follow(over);
      h = clock.tick();
    }
    const next = setClocks(clocks, Object.keys(fields), h);
    const tracked = TRACKED[g.tbl];
    let base = tracked && wb && tracked in fields ? { [tracked]: { h: clockOf(clocks, tracked), v: wb[tracked] } } : null;
    if (tracked && !wb && tomb && tracked in fields) {
      // Brought back (a version restore): its text is written over the text it had here when deleted, so an edit made
      // elsewhere meanwhile becomes a conflict version instead of being silently replaced.
      // A text that reached it while deleted (an edit the deleter had not seen, kept restorable in the tombstone) was
      // never on anyone's screen here: written over what the deleter saw, so that edit is kept as a conflict version.
      const kept = get<{ data: string; seen: string | null }>(db, 'SELECT data, seen FROM team_tombstones WHERE tbl = ? AND gid = ?', g.tbl, g.gid);
      if (kept) {
        const keptH = clockOf(clocks, tracked);
        const seenH = kept.seen ? clockOf(JSON.parse(kept.seen) as Clocks, tracked) : keptH;
        // Its value is what a list merge subtracts from: with an unseen edit, the restored text itself (removes nothing).
        base = seenH < keptH ? { [tracked]: { h: seenH, v: wa![tracked] } } : { [tracked]: { h: keptH, v: (JSON.parse(kept.data) as Row)[tracked] } };
      }
    }
    if (!wa) {
      // Deleted: the last data and clocks go to the tombstones, where a concurrent edit can still land.
      keepFormerId(db, g.tbl, g.gid, t.idColumn ? ((g.before![t.idColumn] as number | undefined) ?? null) : null);
      run(
        db,
        `INSERT INTO team_tombstones (tbl, gid, local_id, data, clocks, seen, deleted_by) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (tbl, gid) DO UPDATE SET local_id = excluded.local_id, data = excluded.data, clocks = excluded.clocks, seen = excluded.seen, deleted_by = excluded.deleted_by`,
        g.tbl,
        g.gid,
        t.idColumn ? ((g.before![t.idColumn] as number | undefined) ?? null) : null,
        JSON.stringify(withHeldRefs(db, g.tbl, g.gid, wb!)),
        JSON.stringify(next),
        JSON.stringify(seen),
        state.login,
      );
      run(db, 'DELETE FROM team_clocks WHERE tbl = ? AND gid = ?', g.tbl, g.gid);
    } else {
      if (tomb) {
        keepFormerId(db, g.tbl, g.gid, t.idColumn ? ((g.after![t.idColumn] as number | undefined) ?? null) : null);
        run(db, 'DELETE FROM team_tombstones WHERE tbl = ? AND gid = ?', g.tbl, g.gid);
      }
      if (!wb && t.idColumn && typeof g.after![t.idColumn] === 'number') {
        const id = g.after![t.idColumn] as number;
        rehomeReusedId(db, g.tbl, id, g.gid);
        // Back here (restored, or a section a version brings back): references held while it was away are made again,
        // locally and uncaptured, as every other replica does when it applies the record's return (apply.ts).
        withoutCapture(db, () => relinkDangling(db, g.tbl, g.gid, id));
      }
      writeClocks(db, g.tbl, g.gid, next);
    }
    run(
      db,
      'INSERT INTO team_outbox (id, tbl, gid, fields, base, seen, hlc, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      newChangeId(),
      g.tbl,
      g.gid,
      JSON.stringify(fields),
      base ? JSON.stringify(base) : null,
      seen ? JSON.stringify(seen) : null,
      h,
      state.login,
    );
    n++;
  }
  updateTeamState(db, { hlc: clock.current });
  run(db, 'DELETE FROM team_capture_log WHERE seq <= ?', maxSeq);
  return n;
}
