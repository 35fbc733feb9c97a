/**
 * One sync of a replica with its team: push what this dossier changed, then pull what others changed. Each step is
 * its own transaction on each side, and every step can be repeated: a push already in the log is skipped by its id,
 * a pulled batch commits with its position. A process killed at any point loses nothing it had acknowledged.
 */
import type pg from 'pg';
import { DossierError } from '../../contract/errors';
import { LATEST_VERSION } from '../store/migrations/index';
import type { WriteDb } from '../store/db';
import type { WireChange } from '../store/sync/apply';
import type { Clocks } from '../store/sync/hlc';
import { HlcClock, hlcWall } from '../store/sync/hlc';
import { acknowledgePushed, commitPulled, bulkApply, outboxBatch, stampPending } from '../store/sync/outbox';
import { getTeamState, pendingChanges } from '../store/sync/state';
import { APP_VERSION } from '../version';
import { type TeamRecord, keptConflicts, mergeChange, recordKey } from './merge';
import { CHANNEL, PUSH_LOCK, checkVersions, readFacts, upgradeTeamSchema } from './server';

/** Test hook: called at each step boundary; a test makes it throw to play a process killed right there. */
let failpoint: ((where: string) => void) | null = null;
export const setFailpoint = (fn: ((where: string) => void) | null) => {
  failpoint = fn;
};
const at = (where: string) => failpoint?.(where);

export interface SyncOptions {
  signal?: AbortSignal;
  progress?: (done: number, total: number, label: string) => void;
  /** The member agreed to raise the team's schema to this Dossier's. */
  upgradeTeam?: boolean;
  batch?: number;
}

export interface SyncResult {
  pushed: number;
  pulled: number;
  applied: number;
  conflicts: number;
  position: number;
  pending: number;
}

const cancelled = (signal?: AbortSignal) => {
  if (signal?.aborted) throw new DossierError('conflict', 'The sync was cancelled; what was already exchanged is kept, the rest follows next time.', { details: { cancelled: true } });
};

async function loadRecords(client: pg.Client, keys: { tbl: string; gid: string }[], into: Map<string, TeamRecord>): Promise<void> {
  const want = keys.filter((k) => !into.has(recordKey(k.tbl, k.gid)));
  if (want.length === 0) return;
  const r = await client.query<{ tbl: string; gid: string; data: TeamRecord['data']; clocks: Clocks; meta: TeamRecord['meta']; deleted: boolean }>(
    `SELECT r.tbl, r.gid, r.data, r.clocks, r.meta, r.deleted FROM dossier.records r
       JOIN unnest($1::text[], $2::text[]) AS k(tbl, gid) ON r.tbl = k.tbl AND r.gid = k.gid FOR UPDATE OF r`,
    [want.map((k) => k.tbl), want.map((k) => k.gid)],
  );
  for (const x of r.rows) into.set(recordKey(x.tbl, x.gid), { ...x });
}

/** Loads what resolving a section-text conflict may need: the briefing, its meeting, its other sections. */
async function loadBriefingContext(client: pg.Client, records: Map<string, TeamRecord>, changes: readonly WireChange[]): Promise<void> {
  const briefings = new Set<string>();
  for (const c of changes) {
    if (c.tbl !== 'briefing_sections' || !c.b) continue;
    const rec = records.get(recordKey(c.tbl, c.gid));
    const b = (c.f.briefing_id ?? rec?.data.briefing_id) as string | undefined;
    if (b) briefings.add(b);
  }
  if (briefings.size === 0) return;
  const ids = [...briefings];
  const secs = await client.query<{ gid: string }>(`SELECT gid FROM dossier.records WHERE tbl = 'briefing_sections' AND data->>'briefing_id' = ANY($1::text[])`, [ids]);
  await loadRecords(client, [...ids.map((gid) => ({ tbl: 'briefings', gid })), ...secs.rows.map((s) => ({ tbl: 'briefing_sections', gid: s.gid }))], records);
  const meetings = ids.map((b) => records.get(recordKey('briefings', b))?.data.meeting_id).filter((m): m is string => typeof m === 'string');
  await loadRecords(client, meetings.map((gid) => ({ tbl: 'meetings', gid })), records);
  await loadRecords(client, [...records.values()].filter((r) => r.tbl === 'briefing_sections').flatMap(keptConflicts), records);
}

/** Pushes the outbox in batches. Returns how many changes the team took (new ones; repeats are skipped). */
export async function push(client: pg.Client, db: WriteDb, opts: SyncOptions = {}): Promise<{ pushed: number; conflicts: number }> {
  stampPending(db);
  const state = getTeamState(db);
  if (!state) throw new DossierError('conflict', 'This dossier does not belong to a team.');
  let pushed = 0;
  let conflicts = 0;
  const total = pendingChanges(db);
  for (;;) {
    cancelled(opts.signal);
    const batch = outboxBatch(db, opts.batch ?? 500);
    if (batch.length === 0) break;
    // The merge's own changes (a merged list, a conflict version) carry a node of their own: if this process dies after
    // the team committed them and before this dossier learnt their clocks, its next edit can never tie with one.
    const clock = new HlcClock(`${state.replica.slice(0, 8)}m`, getTeamState(db)!.hlc, hlcWall(db));
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [PUSH_LOCK]);
      const me = (await client.query<{ u: string }>('SELECT current_user AS u')).rows[0]!.u;
      const known = new Set((await client.query<{ id: string }>('SELECT id FROM dossier.changes WHERE id = ANY($1::text[])', [batch.map((c) => c.id)])).rows.map((r) => r.id));
      const fresh = batch.filter((c) => !known.has(c.id)).map((c) => ({ ...c, author: me, replica: state.replica }));
      if (fresh.length) {
        const records = new Map<string, TeamRecord>();
        await loadRecords(client, fresh.map((c) => ({ tbl: c.tbl, gid: c.gid })), records);
        await loadBriefingContext(client, records, fresh);
        const log: WireChange[] = [];
        for (const c of fresh) log.push(...mergeChange({ records, author: me, replica: state.replica, clock }, c));
        conflicts += log.filter((c) => c.tbl === 'section_conflicts' && c.f._deleted === false).length;
        const seq0 = Number((await client.query<{ n: string }>('SELECT coalesce(max(seq), 0) AS n FROM dossier.changes')).rows[0]!.n);
        await client.query(
          `INSERT INTO dossier.changes (seq, id, tbl, gid, fields, hlc, base, seen, replica)
           SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::text[], $7::jsonb[], $8::jsonb[], $9::text[])`,
          [
            log.map((_, i) => seq0 + i + 1),
            log.map((c) => c.id),
            log.map((c) => c.tbl),
            log.map((c) => c.gid),
            log.map((c) => JSON.stringify(c.f)),
            log.map((c) => c.h),
            log.map((c) => (c.b ? JSON.stringify(c.b) : null)),
            log.map((c) => (c.s ? JSON.stringify(c.s) : null)),
            log.map((c) => c.replica ?? state.replica),
          ],
        );
        const dirty = [...records.values()].filter((r) => r.dirty);
        await client.query(
          `INSERT INTO dossier.records (tbl, gid, data, clocks, meta, deleted, seq)
           SELECT tbl, gid, data, clocks, meta, deleted, $7 FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::jsonb[], $5::jsonb[], $6::boolean[]) AS x(tbl, gid, data, clocks, meta, deleted)
           ON CONFLICT (tbl, gid) DO UPDATE SET data = excluded.data, clocks = excluded.clocks, meta = excluded.meta, deleted = excluded.deleted, seq = excluded.seq`,
          [
            dirty.map((r) => r.tbl),
            dirty.map((r) => r.gid),
            dirty.map((r) => JSON.stringify(r.data)),
            dirty.map((r) => JSON.stringify(r.clocks)),
            dirty.map((r) => JSON.stringify(r.meta)),
            dirty.map((r) => r.deleted),
            seq0 + log.length,
          ],
        );
        await client.query(`SELECT pg_notify($1, $2)`, [CHANNEL, String(seq0 + log.length)]);
      }
      at('push:before-commit');
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    }
    at('push:after-commit');
    acknowledgePushed(db, batch.map((c) => c.id), clock.current);
    pushed += batch.length;
    opts.progress?.(pushed, total, 'push');
  }
  return { pushed, conflicts };
}

interface LogRow {
  seq: string;
  id: string;
  tbl: string;
  gid: string;
  fields: Record<string, unknown>;
  hlc: string;
  base: WireChange['b'];
  seen: Clocks | null;
  author: string;
  replica: string;
}

type PullResult = { pulled: number; applied: number; conflicts: number; position: number };

/** Pulls and applies the team's log from this replica's position, a batch per transaction. */
export async function pull(client: pg.Client, db: WriteDb, opts: SyncOptions = {}): Promise<PullResult> {
  const restoreSettings = bulkApply(db);
  try {
    return await pullBatches(client, db, opts);
  } finally {
    restoreSettings();
  }
}

async function pullBatches(client: pg.Client, db: WriteDb, opts: SyncOptions): Promise<PullResult> {
  let pulled = 0;
  let applied = 0;
  let conflicts = 0;
  const head = Number((await client.query<{ n: string }>('SELECT coalesce(max(seq), 0) AS n FROM dossier.changes')).rows[0]!.n);
  const read = (after: number) => {
    const q = client.query<LogRow>('SELECT seq, id, tbl, gid, fields, hlc, base, seen, author, replica FROM dossier.changes WHERE seq > $1 ORDER BY seq LIMIT $2', [after, opts.batch ?? 2000]);
    q.catch(() => {}); // awaited when its turn comes; unawaited only if this pull failed first
    return { after, q };
  };
  let ahead: ReturnType<typeof read> | null = null;
  for (;;) {
    cancelled(opts.signal);
    const state = getTeamState(db);
    if (!state) throw new DossierError('conflict', 'This dossier does not belong to a team.');
    const from = state.position;
    // The next batch is read while this one is applied; a read from a position since left behind is not used.
    const r: pg.QueryResult<LogRow> = await (ahead?.after === from ? ahead : read(from)).q;
    ahead = r.rows.length ? read(Number(r.rows[r.rows.length - 1]!.seq)) : null;
    if (r.rows.length === 0) return { pulled, applied, conflicts, position: from };
    const changes: WireChange[] = r.rows.map((x) => ({ id: x.id, tbl: x.tbl, gid: x.gid, f: x.fields, h: x.hlc, b: x.base, s: x.seen, author: x.author, replica: x.replica, seq: Number(x.seq) }));
    at('pull:before-apply');
    const res = commitPulled(db, from, Number(r.rows[r.rows.length - 1]!.seq), changes);
    at('pull:after-apply');
    if (!res.skipped) {
      pulled += changes.length;
      applied += res.applied;
      conflicts += res.conflicts;
    }
    opts.progress?.(Math.min(Number(r.rows[r.rows.length - 1]!.seq), head), head, 'pull');
  }
}

/** Push, then pull, after checking this Dossier and the team can read each other. */
export async function syncOnce(client: pg.Client, db: WriteDb, opts: SyncOptions = {}): Promise<SyncResult> {
  const state = getTeamState(db);
  if (!state) throw new DossierError('conflict', 'This dossier does not belong to a team. Join one with “dossier team join <url>”.');
  const facts = await readFacts(client);
  try {
    checkVersions(facts, LATEST_VERSION, state.teamId);
  } catch (err) {
    if (!(opts.upgradeTeam && err instanceof DossierError && err.details?.upgradeTeam)) throw err;
    await upgradeTeamSchema(client, LATEST_VERSION);
  }
  const p = await push(client, db, opts);
  const q = await pull(client, db, opts);
  await client.query(
    `INSERT INTO dossier.members (replica, app_version, schema_version, position) VALUES ($1, $2, $3, $4)
     ON CONFLICT (replica) DO UPDATE SET login = current_user, app_version = excluded.app_version, schema_version = excluded.schema_version, position = excluded.position, last_seen = now()`,
    [state.replica, APP_VERSION, LATEST_VERSION, q.position],
  );
  return { pushed: p.pushed, pulled: q.pulled, applied: q.applied, conflicts: q.conflicts, position: q.position, pending: pendingChanges(db) };
}
