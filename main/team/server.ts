/**
 * Dossier's schema in the team's PostgreSQL database (schema `dossier`): the append-only change log in server
 * order, the merged records that make joining fast, the team's facts (id, Dossier schema version), and who synced
 * when. Members get rights through one group role; IT makes the logins members of it.
 */
import type pg from 'pg';
import { DossierError } from '../../contract/errors';

/** Version of this layout of tables in PostgreSQL (not the Dossier schema the data is written in). */
export const PROTOCOL = 1;
/** Pushes take this advisory lock, so log positions are handed out in commit order. */
export const PUSH_LOCK = 0x444f5353;
export const CHANNEL = 'dossier_changes';
export const DEFAULT_ROLE = 'dossier_member';

const DDL = (role: string) => `
  CREATE SCHEMA dossier;
  CREATE TABLE dossier.meta (key text PRIMARY KEY, value text NOT NULL);
  CREATE TABLE dossier.changes (
    seq bigint PRIMARY KEY,
    id text NOT NULL UNIQUE,
    tbl text NOT NULL,
    gid text NOT NULL,
    fields jsonb NOT NULL,
    hlc text NOT NULL,
    base jsonb,
    seen jsonb,
    replica text NOT NULL,
    author text NOT NULL DEFAULT current_user,
    pushed_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE dossier.records (
    tbl text NOT NULL,
    gid text NOT NULL,
    data jsonb NOT NULL,
    clocks jsonb NOT NULL,
    meta jsonb NOT NULL DEFAULT '{}',
    deleted boolean NOT NULL DEFAULT false,
    seq bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tbl, gid)
  );
  CREATE INDEX records_briefing ON dossier.records ((data->>'briefing_id')) WHERE tbl IN ('briefing_sections', 'briefing_versions');
  CREATE TABLE dossier.members (
    replica text PRIMARY KEY,
    login text NOT NULL DEFAULT current_user,
    app_version text NOT NULL,
    schema_version integer NOT NULL,
    position bigint NOT NULL DEFAULT 0,
    last_seen timestamptz NOT NULL DEFAULT now()
  );
  REVOKE ALL ON SCHEMA dossier FROM PUBLIC;
  GRANT USAGE ON SCHEMA dossier TO ${role};
  GRANT SELECT ON ALL TABLES IN SCHEMA dossier TO ${role};
  GRANT INSERT ON dossier.changes TO ${role};
  GRANT INSERT, UPDATE ON dossier.records, dossier.members, dossier.meta TO ${role};
`;

export interface TeamFacts {
  teamId: string;
  /** The Dossier schema version the team's data is written in. */
  schema: number;
  protocol: number;
  createdAt: string;
  createdBy: string;
}

export async function hasTeamSchema(client: pg.Client): Promise<boolean> {
  const r = await client.query<{ t: string | null }>(`SELECT to_regclass('dossier.meta')::text AS t`);
  return r.rows[0]?.t != null;
}

export async function readFacts(client: pg.Client): Promise<TeamFacts> {
  if (!(await hasTeamSchema(client))) {
    throw new DossierError('not_found', 'This PostgreSQL database holds no Dossier team. Create one with “dossier team create <url>”, or check the address.', { field: 'url' });
  }
  const r = await client.query<{ key: string; value: string }>('SELECT key, value FROM dossier.meta');
  const m = new Map(r.rows.map((x) => [x.key, x.value]));
  return {
    teamId: m.get('team_id') ?? '',
    schema: Number(m.get('dossier_schema') ?? 0),
    protocol: Number(m.get('protocol') ?? 0),
    createdAt: m.get('created_at') ?? '',
    createdBy: m.get('created_by') ?? '',
  };
}

/** Creates the team's tables (in the caller's transaction) and grants members' rights to the group role. */
export async function createTeamSchema(client: pg.Client, facts: Omit<TeamFacts, 'createdBy' | 'protocol'>, role = DEFAULT_ROLE): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(role)) throw new DossierError('invalid_input', `“${role}” is not a plain PostgreSQL role name.`, { field: 'role' });
  const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  if (exists.rowCount === 0) {
    throw new DossierError(
      'not_found',
      `The group role “${role}” does not exist in this PostgreSQL. Ask IT to run: CREATE ROLE ${role}; GRANT ${role} TO <each member's login>; then create the team again.`,
      { field: 'role' },
    );
  }
  await client.query(DDL(role));
  await client.query(
    `INSERT INTO dossier.meta (key, value) VALUES ('team_id', $1), ('dossier_schema', $2), ('protocol', $3), ('created_at', $4), ('created_by', current_user)`,
    [facts.teamId, String(facts.schema), String(PROTOCOL), facts.createdAt],
  );
}

/**
 * Refuses to sync across Dossier versions that cannot read each other's changes: an older Dossier than the team's
 * schema says to update; a newer one says the team's schema would be raised, which needs the member's consent.
 */
export function checkVersions(facts: TeamFacts, localSchema: number, teamId?: string): void {
  if (teamId && facts.teamId !== teamId) {
    throw new DossierError('conflict', 'This database now holds a different team than the one this dossier joined (it was created again). Leave the team and join it anew.', {
      details: { otherTeam: true },
    });
  }
  if (facts.protocol > PROTOCOL) {
    throw new DossierError('schema_too_new', `The team’s database was set up by a newer Dossier (layout ${facts.protocol}; this one knows ${PROTOCOL}). Update Dossier to sync.`, {
      details: { teamProtocol: facts.protocol },
    });
  }
  if (facts.schema > localSchema) {
    throw new DossierError('schema_too_new', `Your team works with a newer Dossier (schema ${facts.schema}; this one knows up to ${localSchema}). Update Dossier to sync; your changes stay here until then.`, {
      details: { teamSchema: facts.schema, localSchema },
    });
  }
  if (facts.schema < localSchema) {
    throw new DossierError(
      'conflict',
      `This Dossier is newer than your team’s (schema ${localSchema}; the team’s is ${facts.schema}). Syncing raises the team’s schema, after which members must update their Dossier to keep syncing. Confirm to upgrade the team (dossier sync --upgrade-team).`,
      { details: { upgradeTeam: true, teamSchema: facts.schema, localSchema } },
    );
  }
}

/** Raises the team's schema to this Dossier's, with the member's consent. */
export async function upgradeTeamSchema(client: pg.Client, schema: number): Promise<void> {
  await client.query(`UPDATE dossier.meta SET value = $1 WHERE key = 'dossier_schema' AND value::int < $1::int`, [String(schema)]);
}
