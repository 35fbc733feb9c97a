/**
 * The replica's side of a sync, each step one SQLite transaction so a kill between steps loses nothing:
 * stamp what is still raw, read a batch of the outbox, forget the changes the team acknowledged, and apply a
 * batch pulled from the team's log together with the new position (applied twice, a change changes nothing).
 */
import { DossierError } from '../../../contract/errors';
import type { WriteDb } from '../db';
import { all, run } from '../sql';
import { type ApplyResult, type WireChange, applyChanges } from './apply';
import type { Clocks } from './hlc';
import { stampCaptured } from './stamp';
import { getTeamState, updateTeamState } from './state';

/** Stamps any captured rows a write outside writeTx left behind (never in normal use; a safety net before pushing). */
export function stampPending(db: WriteDb): number {
  return db.transaction(() => stampCaptured(db)).immediate();
}

/**
 * A bigger page cache while a join or a pull writes all over the file (a team of 100,000 contacts is a few hundred MB
 * of rows and indexes; SQLite's default cache is 2 MB). Returns what puts the old size back.
 */
export function bulkApply(db: WriteDb): () => void {
  const cache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -131072');
  return () => db.pragma(`cache_size = ${cache}`);
}

/** The oldest `limit` changes waiting to be pushed, in the order they were made. */
export function outboxBatch(db: WriteDb, limit: number): (WireChange & { seq: number })[] {
  return all<{ seq: number; id: string; tbl: string; gid: string; fields: string; base: string | null; seen: string | null; hlc: string; author: string }>(
    db,
    'SELECT seq, id, tbl, gid, fields, base, seen, hlc, author FROM team_outbox ORDER BY seq LIMIT ?',
    limit,
  ).map((r) => ({
    seq: r.seq,
    id: r.id,
    tbl: r.tbl,
    gid: r.gid,
    f: JSON.parse(r.fields) as Record<string, unknown>,
    b: r.base ? (JSON.parse(r.base) as WireChange['b']) : null,
    s: r.seen ? (JSON.parse(r.seen) as Clocks) : null,
    h: r.hlc,
    author: r.author,
  }));
}

/** The team has these changes: they leave the outbox. The clock moves past what the push used. */
export function acknowledgePushed(db: WriteDb, ids: readonly string[], hlc: string): void {
  db.transaction(() => {
    const del = db.prepare('DELETE FROM team_outbox WHERE id = ?');
    for (const id of ids) del.run(id);
    const s = getTeamState(db);
    if (s && hlc > s.hlc) updateTeamState(db, { hlc });
  }).immediate();
}

/**
 * Applies a batch of the team's log that starts after `from` and ends at `to`, and records `to` as the position,
 * in one transaction. If another process on this dossier moved the position meanwhile, nothing is applied.
 */
export function commitPulled(db: WriteDb, from: number, to: number, changes: readonly WireChange[]): (ApplyResult & { skipped: boolean }) {
  // This commit does not wait for the disk (synchronous NORMAL: still atomic). After a power cut the batch may be gone
  // again, but with it the position it moved to, so the next pull fetches it anew from the team; nothing a member
  // wrote is in it. Set and put back around this synchronous transaction only, so no member's write runs under it.
  const sync = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  try {
    return applyPulled(db, from, to, changes);
  } finally {
    db.pragma(`synchronous = ${sync}`);
  }
}

function applyPulled(db: WriteDb, from: number, to: number, changes: readonly WireChange[]): ApplyResult & { skipped: boolean } {
  return db
    .transaction(() => {
      const s = getTeamState(db);
      if (!s) throw new DossierError('conflict', 'This dossier left its team during the sync.');
      if (s.position !== from) return { applied: 0, conflicts: 0, skipped: true };
      const r = applyChanges(db, changes);
      updateTeamState(db, { position: to });
      return { ...r, skipped: false };
    })
    .immediate();
}

/** Records the outcome of a sync for the status line. */
export function noteSync(db: WriteDb, at: string | null, error: string | null): void {
  db.transaction(() => {
    if (!getTeamState(db)) return;
    if (at) updateTeamState(db, { lastSyncAt: at });
    run(db, 'UPDATE team_state SET last_error = ? WHERE id = 1', error);
  }).immediate();
}
