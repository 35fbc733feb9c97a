/** This replica's team membership as kept in the dossier: never a password, only the address, login and positions. */
import type { ReadDb, WriteDb } from '../db';
import { get, run } from '../sql';
import { setCapture } from './schema';

export interface TeamState {
  teamId: string;
  /** The team's PostgreSQL address without password. */
  url: string;
  login: string;
  /** This replica's id (random, per dossier). */
  replica: string;
  /** The last change of the team's log applied here. */
  position: number;
  hlc: string;
  /** The Dossier schema version the team's data is written in. */
  teamSchema: number;
  joinedAt: string;
  lastSyncAt: string | null;
  lastError: string | null;
  paused: boolean;
}

interface Row {
  team_id: string;
  url: string;
  login: string;
  replica: string;
  position: number;
  hlc: string;
  team_schema: number;
  joined_at: string;
  last_sync_at: string | null;
  last_error: string | null;
  paused: number;
}

const tablesCache = new WeakMap<object, { version: number; has: boolean }>();
/** Does this database have the team tables (schema 30 or later)? Cached per schema version. */
export function hasTeamTables(db: ReadDb): boolean {
  const version = get<{ schema_version: number }>(db, 'PRAGMA schema_version')!.schema_version;
  const c = tablesCache.get(db);
  if (c && c.version === version) return c.has;
  const has = !!db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'team_capture_log'`).get();
  tablesCache.set(db, { version, has });
  return has;
}

export function getTeamState(db: ReadDb): TeamState | null {
  if (!hasTeamTables(db)) return null;
  const r = get<Row>(db, 'SELECT * FROM team_state WHERE id = 1');
  if (!r) return null;
  return {
    teamId: r.team_id,
    url: r.url,
    login: r.login,
    replica: r.replica,
    position: r.position,
    hlc: r.hlc,
    teamSchema: r.team_schema,
    joinedAt: r.joined_at,
    lastSyncAt: r.last_sync_at,
    lastError: r.last_error,
    paused: r.paused === 1,
  };
}

/** Makes this dossier a replica of a team: the membership row, then capture on. */
export function startMembership(db: WriteDb, s: Pick<TeamState, 'teamId' | 'url' | 'login' | 'replica' | 'position' | 'hlc' | 'teamSchema' | 'joinedAt'>): void {
  run(db, 'DELETE FROM team_state');
  run(
    db,
    'INSERT INTO team_state (id, team_id, url, login, replica, position, hlc, team_schema, joined_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)',
    s.teamId,
    s.url,
    s.login,
    s.replica,
    s.position,
    s.hlc,
    s.teamSchema,
    s.joinedAt,
  );
  setCapture(db, true);
}

/** Leaves the team: capture off and every trace of sync state gone; the data stays as an ordinary dossier. */
export function endMembership(db: WriteDb): void {
  setCapture(db, false);
  for (const t of ['team_state', 'team_capture_log', 'team_outbox', 'team_clocks', 'team_tombstones', 'team_phantoms', 'team_dangling']) run(db, `DELETE FROM ${t}`);
}

export function updateTeamState(db: WriteDb, patch: Partial<Pick<TeamState, 'position' | 'hlc' | 'teamSchema' | 'lastSyncAt' | 'lastError' | 'paused' | 'url'>>): void {
  const cols: Record<string, string> = { position: 'position', hlc: 'hlc', teamSchema: 'team_schema', lastSyncAt: 'last_sync_at', lastError: 'last_error', paused: 'paused', url: 'url' };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    run(db, `UPDATE team_state SET ${cols[k]} = ? WHERE id = 1`, typeof v === 'boolean' ? (v ? 1 : 0) : v);
  }
}

/** Changes made here and not yet acknowledged by the team (stamped or still raw). */
export function pendingChanges(db: ReadDb): number {
  if (!hasTeamTables(db)) return 0;
  const a = get<{ n: number }>(db, 'SELECT count(*) AS n FROM team_outbox')!.n;
  const b = get<{ n: number }>(db, 'SELECT count(DISTINCT tbl || gid) AS n FROM team_capture_log')!.n;
  return a + b;
}

/** Does the dossier hold no shared record at all (a new or emptied dossier may join a team)? */
export function holdsNoRecords(db: ReadDb, tables: readonly string[]): boolean {
  return tables.every((t) => !get(db, `SELECT 1 FROM "${t}" LIMIT 1`));
}
