/**
 * Becoming a team and joining one. Creating uploads this dossier as the team's first state (the merged records a
 * joiner loads in one read, not a log to replay); joining loads that state, as of one log position, into a new or
 * empty dossier in one transaction, so a cancelled or failed join leaves the dossier as it was.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { DossierError } from '../../contract/errors';
import type { WriteDb } from '../store/db';
import { LATEST_VERSION } from '../store/migrations/index';
import { type SnapshotRow, SnapshotLoader, clockEverything, exportRecords } from '../store/sync/dump';
import { HlcClock, hlcWall } from '../store/sync/hlc';
import { bulkApply } from '../store/sync/outbox';
import { sharedTables } from '../store/sync/schema';
import { endMembership, getTeamState, holdsNoRecords, startMembership } from '../store/sync/state';
import type { SyncOptions } from './sync';
import { checkVersions, createTeamSchema, hasTeamSchema, readFacts } from './server';
import type { TeamAddress } from './url';

export interface MembershipResult {
  teamId: string;
  login: string;
  records: number;
  position: number;
}

const currentUser = async (client: pg.Client) => (await client.query<{ u: string }>('SELECT current_user AS u')).rows[0]!.u;
const newReplica = () => randomUUID().replace(/-/g, '');
// `opts.replica` (tests): a fixed replica id, so a seeded run breaks clock ties the same way every time.

function notYetMember(db: WriteDb): void {
  const s = getTeamState(db);
  if (s) throw new DossierError('conflict', `This dossier already belongs to a team (${s.url}). Leave it first with “dossier team leave”.`);
}

/** Makes this dossier the team's: Dossier's schema in the (empty) PostgreSQL database, then every record uploaded. */
export async function createTeam(client: pg.Client, db: WriteDb, a: TeamAddress, opts: SyncOptions & { role?: string; replica?: string } = {}): Promise<MembershipResult> {
  notYetMember(db);
  if (await hasTeamSchema(client)) {
    throw new DossierError('conflict', `${a.host}/${a.database} already holds a Dossier team. To work in it, join it from a new or empty dossier: dossier team join <url>.`, { field: 'url' });
  }
  const login = await currentUser(client);
  const replica = opts.replica ?? newReplica();
  const teamId = randomUUID();
  const clock = new HlcClock(replica.slice(0, 8), '', hlcWall(db));
  const h = clock.tick();
  db.transaction(() => clockEverything(db, h)).immediate();
  let records = 0;
  await client.query('BEGIN');
  try {
    await createTeamSchema(client, { teamId, schema: LATEST_VERSION, createdAt: new Date().toISOString() }, opts.role);
    await client.query(`INSERT INTO dossier.meta (key, value) VALUES ('created_hlc', $1)`, [h]);
    for (const batch of exportRecords(db, () => h)) {
      if (opts.signal?.aborted) throw new DossierError('conflict', 'Creating the team was cancelled; nothing was created.', { details: { cancelled: true } });
      await client.query(
        `INSERT INTO dossier.records (tbl, gid, data, clocks, deleted)
         SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::jsonb[], $5::boolean[])`,
        [batch.map((r) => r.tbl), batch.map((r) => r.gid), batch.map((r) => JSON.stringify(r.data)), batch.map((r) => JSON.stringify(r.clocks)), batch.map((r) => r.deleted)],
      );
      records += batch.length;
      opts.progress?.(records, 0, 'upload');
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  }
  db.transaction(() => startMembership(db, { teamId, url: a.url, login, replica, position: 0, hlc: clock.current, teamSchema: LATEST_VERSION, joinedAt: new Date().toISOString() })).immediate();
  return { teamId, login, records, position: 0 };
}

/** Gives a new or empty dossier the team's full copy and makes it a replica. */
export async function joinTeam(client: pg.Client, db: WriteDb, a: TeamAddress, opts: SyncOptions & { replica?: string } = {}): Promise<MembershipResult> {
  notYetMember(db);
  const facts = await readFacts(client);
  checkVersions(facts, LATEST_VERSION);
  const tables = sharedTables(db);
  if (!holdsNoRecords(db, tables.map((t) => t.name))) {
    throw new DossierError('conflict', 'Joining gives a new or empty dossier the team’s copy; this one already holds records. Join from a new dossier (dossier --db NEW.db team join <url>), or create a team from this one.');
  }
  const login = await currentUser(client);
  const replica = opts.replica ?? newReplica();
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  const restoreSettings = bulkApply(db);
  db.exec('BEGIN IMMEDIATE');
  try {
    const head = (await client.query<{ n: string; h: string | null }>('SELECT coalesce(max(seq), 0) AS n, max(hlc) AS h FROM dossier.changes')).rows[0]!;
    const created = (await client.query<{ value: string }>(`SELECT value FROM dossier.meta WHERE key = 'created_hlc'`)).rows[0]?.value ?? '';
    const total = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM dossier.records')).rows[0]!.n);
    const loader = new SnapshotLoader(db);
    let done = 0;
    for (const t of tables) {
      // In gid order (the records' primary key gives it for free): the gid indexes here then grow at their end.
      await client.query(`DECLARE snap NO SCROLL CURSOR FOR SELECT gid, data, clocks, deleted FROM dossier.records WHERE tbl = $1 ORDER BY gid`, [t.name]);
      const fetch = () => {
        const q = client.query<Omit<SnapshotRow, 'tbl'>>('FETCH 5000 FROM snap');
        q.catch(() => {}); // awaited below; if this load fails first, its rollback is what reports
        return q;
      };
      // PostgreSQL reads the next batch while this one is written here (the two overlap on separate processes).
      let next = fetch();
      for (;;) {
        const r = await next;
        if (r.rows.length === 0) break;
        next = fetch();
        if (opts.signal?.aborted) {
          throw new DossierError('conflict', 'Joining was cancelled; the dossier was left as it was.', { details: { cancelled: true } });
        }
        loader.add(r.rows.map((x) => ({ ...x, tbl: t.name })));
        done += r.rows.length;
        opts.progress?.(done, total, 'download');
      }
      await client.query('CLOSE snap');
    }
    loader.finish();
    const clock = new HlcClock(replica.slice(0, 8), '', hlcWall(db));
    clock.receive(created > (head.h ?? '') ? created : (head.h ?? ''));
    startMembership(db, { teamId: facts.teamId, url: a.url, login, replica, position: Number(head.n), hlc: clock.current, teamSchema: facts.schema, joinedAt: new Date().toISOString() });
    db.exec('COMMIT');
    await client.query('COMMIT');
    return { teamId: facts.teamId, login, records: loader.loaded, position: Number(head.n) };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    restoreSettings();
  }
}

/** Leaves the team: this dossier stays, as an ordinary one. Refused while changes made here have not reached the team. */
export function leaveTeam(db: WriteDb, force: boolean, pending: number): void {
  if (pending > 0 && !force) {
    throw new DossierError('conflict', `${pending} change${pending === 1 ? '' : 's'} made here ha${pending === 1 ? 's' : 've'} not reached the team yet. Sync first, or leave anyway and they stay only in this dossier (--force).`, {
      details: { pending },
    });
  }
  db.transaction(() => endMembership(db)).immediate();
}
