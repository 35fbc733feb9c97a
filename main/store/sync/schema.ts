/**
 * Which tables a team shares and how their rows are captured, derived from the live SQLite schema so that a
 * column or table added by a later migration is shared and captured without anyone listing it here.
 *
 * Every shared row carries a global id (`gid`) beside its local integer id. Capture is done by triggers that copy
 * each inserted, updated or deleted row (all columns, as JSON) into `team_capture_log` in the same transaction as
 * the write; `stamp.ts` turns those raw images into stamped changes before the transaction commits.
 */
import { randomBytes } from 'node:crypto';
import type { WriteDb, ReadDb } from '../db';
import { get } from '../sql';

/**
 * Tables that stay with each member: settings (and pre-flight decisions kept there, and who "I am" is, so each member
 * acts as themselves), the search index, sync state. Everything else is the unit's, clearance included (issue 20):
 * commissions (asked of a colleague, often on another laptop), clearance chains, requests, steps, decisions and their
 * coverage (the clearer is another member; the pack prints who cleared it), comments (a thread between members) and
 * section history (who changed what is the unit's record, and a restore relies on it on every replica).
 */
const LOCAL_TABLES = new Set(['settings']);
/** Columns that are not shared: the local id and gid themselves, and numbers each replica assigns for itself. */
export const LOCAL_COLUMNS: Record<string, readonly string[]> = {
  // Version numbers are per replica: two members saving "version 4" while apart must not collide (UNIQUE).
  briefing_versions: ['number'],
};
/**
 * Rows whose code rewrites them wholesale (delete all, insert again) get a gid from their parent and place, so a
 * rewrite of an unchanged list nets out to no change and concurrent edits merge field by field, never doubling.
 */
const POSITIONAL_TABLES = {
  contact_phones: { parent: 'contact_id', position: 'position', tag: 'p' },
  contact_emails: { parent: 'contact_id', position: 'position', tag: 'e' },
  contact_addresses: { parent: 'contact_id', position: 'position', tag: 'a' },
  contact_details: { parent: 'contact_id', position: 'position', tag: 'd' },
};
const POSITIONAL: Record<string, { parent: string; position: string; tag: string }> = POSITIONAL_TABLES;
/**
 * Rows that come back under their old local id (a version restore keeps section ids, so comparisons match sections
 * by id) are the same record again: they take back the gid their tombstone kept.
 */
const REVIVED = new Set(['briefing_sections']);
/** Rows unique by name: the same name created on two replicas is one record (UNIQUE ... COLLATE NOCASE, ASCII). */
const BY_NAME: Record<string, string> = { topics: 'name', series: 'name' };

export interface ColumnInfo {
  name: string;
  type: string;
  notnull: boolean;
  pk: number;
}
export interface ForeignKey {
  column: string;
  table: string;
  to: string;
  onDelete: string;
}
export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  /** The local id column (INTEGER PRIMARY KEY), or null for WITHOUT ROWID tables keyed by their parents. */
  idColumn: string | null;
  /** Primary key columns (for WITHOUT ROWID tables). */
  pk: string[];
  fks: Map<string, ForeignKey>;
  blobs: Set<string>;
  /** Columns that travel in changes: everything but id, gid and local columns. */
  shared: string[];
}

export const isLocalTable = (name: string, virtuals: readonly string[] = []) =>
  LOCAL_TABLES.has(name) || name.startsWith('team_') || name.startsWith('sqlite_') || virtuals.some((v) => name === v || name.startsWith(`${v}_`));

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

const infoCache = new WeakMap<object, { version: number; tables: TableInfo[]; byName: Map<string, TableInfo> }>();

/** The shared tables of this database, parents before children (so inserts and snapshot loads find their parents). */
export function sharedTables(db: ReadDb): TableInfo[] {
  return describe(db).tables;
}

/** The shared tables, described once per schema version (asked for on every row applied: a cached statement, not a pragma call). */
function describe(db: ReadDb): { tables: TableInfo[]; byName: Map<string, TableInfo> } {
  const version = get<{ schema_version: number }>(db, 'PRAGMA schema_version')!.schema_version;
  const cached = infoCache.get(db);
  if (cached && cached.version === version) return cached;
  const rows = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as { name: string; sql: string }[];
  const virtuals = rows.filter((r) => /^CREATE VIRTUAL/i.test(r.sql)).map((r) => r.name);
  const tables = rows
    .filter((r) => !isLocalTable(r.name, virtuals))
    .map((r): TableInfo => {
      const columns = (db.pragma(`table_info(${q(r.name)})`) as { name: string; type: string; notnull: number; pk: number }[]).map((c) => ({
        name: c.name,
        type: c.type.toUpperCase(),
        notnull: c.notnull === 1,
        pk: c.pk,
      }));
      const pk = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
      const withoutRowid = /WITHOUT\s+ROWID/i.test(r.sql);
      const fks = new Map(
        (db.pragma(`foreign_key_list(${q(r.name)})`) as { from: string; table: string; to: string | null; on_delete: string }[]).map((f) => [
          f.from,
          { column: f.from, table: f.table, to: f.to ?? 'id', onDelete: f.on_delete },
        ]),
      );
      // A row keyed by its parent (a contact's one photo: contact_id INTEGER PRIMARY KEY) has no local id of its own:
      // its key travels as the parent's gid, and the same parent's row on two replicas is one record.
      const idColumn = !withoutRowid && pk.length === 1 && columns.find((c) => c.name === pk[0])!.type === 'INTEGER' && !fks.has(pk[0]!) ? pk[0]! : null;
      const local = new Set(['gid', ...(idColumn ? [idColumn] : []), ...(LOCAL_COLUMNS[r.name] ?? [])]);
      return {
        name: r.name,
        columns,
        idColumn,
        pk,
        fks,
        blobs: new Set(columns.filter((c) => c.type === 'BLOB').map((c) => c.name)),
        shared: columns.map((c) => c.name).filter((c) => !local.has(c)),
      };
    });
  const sorted = topoSort(tables);
  const described = { version, tables: sorted, byName: new Map(sorted.map((t) => [t.name, t])) };
  infoCache.set(db, described);
  return described;
}

function topoSort(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const out: TableInfo[] = [];
  const seen = new Set<string>();
  const visit = (t: TableInfo, path: Set<string>) => {
    if (seen.has(t.name) || path.has(t.name)) return;
    path.add(t.name);
    for (const fk of t.fks.values()) {
      const parent = byName.get(fk.table);
      if (parent && parent !== t) visit(parent, path);
    }
    seen.add(t.name);
    out.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return out;
}

export function tableInfo(db: ReadDb, name: string): TableInfo | undefined {
  return describe(db).byName.get(name);
}

/** SQL for a row's gid, from `src` (NEW or the table itself): random, or derived from its name or parents. */
function gidExpression(t: TableInfo, src: string): string {
  const col = (c: string) => `${src}.${q(c)}`;
  const parentGid = (c: string) => {
    const fk = t.fks.get(c)!;
    return `(SELECT gid FROM ${q(fk.table)} WHERE ${q(fk.to)} = ${col(c)})`;
  };
  if (BY_NAME[t.name]) return `'${t.name}:' || lower(${col(BY_NAME[t.name]!)})`;
  const pos = POSITIONAL[t.name];
  if (pos) return `${parentGid(pos.parent)} || '|${pos.tag}' || ${col(pos.position)}`;
  // A link row (WITHOUT ROWID, keyed by its parents): the same pair on two replicas is the same record.
  if (!t.idColumn && t.pk.length > 0 && t.pk.every((c) => t.fks.has(c))) return t.pk.map(parentGid).join(` || '|' || `);
  if (REVIVED.has(t.name) && t.idColumn) {
    return `coalesce((SELECT gid FROM team_tombstones WHERE tbl = '${t.name}' AND local_id = ${col(t.idColumn)}), lower(hex(randomblob(16))))`;
  }
  return `lower(hex(randomblob(16)))`;
}

/** A gid its writer gives a new row of a table whose gids are random (a contact), the same as gidExpression makes. */
export function randomGid(): string {
  // Drawn from a pool: a call to the system's generator per row costs more than the row's insert.
  if (gidAt + 16 > gidPool.length) [gidPool, gidAt] = [gidBytes(4096), 0];
  return gidPool.toString('hex', gidAt, (gidAt += 16));
}
let gidPool: Buffer = Buffer.alloc(0);
let gidAt = 0;
let gidBytes: (n: number) => Buffer = randomBytes;
/** Tests: where randomGid draws its bytes (a seeded source, so a seeded run replays); null for the system's. */
export function setGidBytes(fn: ((n: number) => Buffer) | null): void {
  gidBytes = fn ?? randomBytes;
  [gidPool, gidAt] = [Buffer.alloc(0), 0];
}
/** The gid of a contact's phone, e-mail, address or detail at `position` under a parent of gid `parentGid`, as gidExpression derives it. */
export const positionalGid = (table: keyof typeof POSITIONAL_TABLES, parentGid: string, position: number): string => `${parentGid}|${POSITIONAL_TABLES[table].tag}${position}`;

const keyMatch = (t: TableInfo, src: string) => (t.idColumn ? `rowid = ${src}.rowid` : t.pk.map((c) => `${q(c)} = ${src}.${q(c)}`).join(' AND '));
const image = (t: TableInfo, src: string) =>
  `json_object(${t.columns
    .filter((c) => c.name !== 'gid')
    .map((c) => `'${c.name}', ${t.blobs.has(c.name) ? `hex(${src}.${q(c.name)})` : `${src}.${q(c.name)}`}`)
    .join(', ')})`;

/** The capture triggers of one table. */
export function captureTriggers(t: TableInfo): string[] {
  const n = q(t.name);
  const on = `(SELECT enabled FROM team_capture)`;
  const data = t.columns.map((c) => c.name).filter((c) => c !== 'gid');
  return [
    // Skipped whole when the writer gave the gid (randomGid, positionalGid) and capture is off: a trigger's body costs
    // more than the row's own insert, and a large import writes hundreds of thousands of rows.
    `CREATE TRIGGER ${q(`team_i_${t.name}`)} AFTER INSERT ON ${n} WHEN NEW.gid IS NULL OR ${on} BEGIN
       UPDATE ${n} SET gid = ${gidExpression(t, 'NEW')} WHERE ${keyMatch(t, 'NEW')} AND gid IS NULL;
       INSERT INTO team_capture_log (tbl, gid, kind, new) SELECT '${t.name}', gid, 'i', ${image(t, 'NEW')} FROM ${n} WHERE ${keyMatch(t, 'NEW')} AND ${on};
     END`,
    `CREATE TRIGGER ${q(`team_u_${t.name}`)} AFTER UPDATE OF ${data.map(q).join(', ')} ON ${n} WHEN ${on} BEGIN
       INSERT INTO team_capture_log (tbl, gid, kind, new, old) VALUES ('${t.name}', NEW.gid, 'u', ${image(t, 'NEW')}, ${image(t, 'OLD')});
     END`,
    `CREATE TRIGGER ${q(`team_d_${t.name}`)} AFTER DELETE ON ${n} WHEN ${on} BEGIN
       INSERT INTO team_capture_log (tbl, gid, kind, old) VALUES ('${t.name}', OLD.gid, 'd', ${image(t, 'OLD')});
     END`,
  ];
}

/**
 * Gives every shared table its gid column, unique index and capture triggers, and existing rows their gids
 * (parents first, so derived gids find them). Idempotent: run after every migration and on open, so a column or
 * table added later is captured too. Returns whether anything changed.
 */
export function installCapture(db: WriteDb, enabled?: boolean): boolean {
  let changed = false;
  if (enabled !== undefined) setCapture(db, enabled);
  for (const t of sharedTables(db)) {
    if (!t.columns.some((c) => c.name === 'gid')) {
      db.exec(`ALTER TABLE ${q(t.name)} ADD COLUMN gid TEXT`);
      db.exec(`CREATE UNIQUE INDEX ${q(`${t.name}_gid`)} ON ${q(t.name)}(gid)`);
      changed = true;
    }
  }
  const tables = sharedTables(db);
  for (const t of tables) {
    const missing = (db.prepare(`SELECT count(*) AS n FROM ${q(t.name)} WHERE gid IS NULL`).get() as { n: number }).n;
    if (missing > 0) {
      db.exec(`UPDATE ${q(t.name)} SET gid = ${gidExpression(t, q(t.name))} WHERE gid IS NULL`);
      changed = true;
    }
  }
  const want = new Map(tables.flatMap((t) => captureTriggers(t).map((sql) => [/CREATE TRIGGER "([^"]+)"/.exec(sql)![1]!, sql] as const)));
  const have = new Map(
    (db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'team\\_%' ESCAPE '\\'`).all() as { name: string; sql: string }[]).map((r) => [r.name, r.sql]),
  );
  for (const [name, sql] of have) {
    if (want.get(name) !== sql) {
      db.exec(`DROP TRIGGER ${q(name)}`);
      changed = true;
    }
  }
  for (const [name, sql] of want) {
    if (have.get(name) !== sql) {
      db.exec(sql);
      changed = true;
    }
  }
  return changed;
}

/**
 * Capture's insert triggers of `tables` set aside for a bulk write with capture off (a dossier of one's own), where
 * the writer gives every row its gid (randomGid, positionalGid): each trigger's WHEN is then false, yet a table with
 * triggers costs every insert a statement journal and the WHEN's subquery, a seventh of the raw insert loop of
 * 100,000 contacts (bench/contacts.ts). Returns what puts them back, from their own definitions, after giving any
 * row written without a gid the gid the trigger would have given it (parents first: list `tables` so). With capture
 * on (a team dossier) nothing is set aside: there the triggers log every row. Inside a write transaction only, so a
 * rollback restores the triggers with everything else.
 */
export function deferInsertCapture(db: WriteDb, tables: readonly string[]): () => void {
  if (!db.inTransaction) throw new Error('deferInsertCapture: only inside a write transaction (a rollback must restore the triggers).');
  if (captureEnabled(db)) return () => {};
  const defs = tables.flatMap((table) => {
    const name = `team_i_${table}`;
    const row = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?`).get(name) as { sql: string } | undefined;
    return row ? [{ table, name, sql: row.sql }] : [];
  });
  for (const d of defs) db.exec(`DROP TRIGGER ${q(d.name)}`);
  return () => {
    for (const d of defs) {
      const t = tableInfo(db, d.table);
      if (t) db.exec(`UPDATE ${q(t.name)} SET gid = ${gidExpression(t, q(t.name))} WHERE gid IS NULL`);
      db.exec(d.sql);
    }
  };
}

/** Drops the capture triggers (before migrations reshape tables) and switches capture off; returns what was on. */
export function dropCapture(db: WriteDb): { enabled: boolean } {
  const enabled = captureEnabled(db);
  for (const { name } of db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'team\\_%' ESCAPE '\\'`).all() as { name: string }[]) {
    db.exec(`DROP TRIGGER ${q(name)}`);
  }
  setCapture(db, false);
  return { enabled };
}

/** Is capture of writes switched on (this dossier belongs to a team)? */
export function captureEnabled(db: ReadDb): boolean {
  const r = db.prepare('SELECT enabled FROM team_capture').get() as { enabled: number } | undefined;
  return r?.enabled === 1;
}

export function setCapture(db: WriteDb, on: boolean): void {
  db.prepare('UPDATE team_capture SET enabled = ?').run(on ? 1 : 0);
}

/** Runs `fn` with capture off: applying others' changes must not capture them again as ours. Call inside a transaction. */
export function withoutCapture<T>(db: WriteDb, fn: () => T): T {
  const was = captureEnabled(db);
  if (was) setCapture(db, false);
  try {
    return fn();
  } finally {
    if (was) setCapture(db, true);
  }
}

export { q as quoteIdent };
