import type { WriteDb } from '../db';
import { installCapture } from '../sync/schema';

/**
 * The team dossier (issue 19): every shared record gets a global id, writes are captured by triggers into a local
 * log in the same transaction, and the replica keeps its sync state. Conflicts between section texts written apart
 * are shared records too (section_conflicts), so the marker shows on every member's dossier.
 * The capture triggers are derived from the schema (sync/schema.ts) and refreshed after every later migration.
 */
export default function migrate0030(db: WriteDb): void {
  db.exec(`
    -- Sections never reuse an id (AUTOINCREMENT). A section that comes back under its old id (a version restore)
    -- takes back the global id its tombstone kept (sync/schema.ts REVIVED); without this, SQLite would give a brand
    -- new section the id of the removed section with the highest id, and the new one would take over the removed
    -- one's global identity. Nothing refers to briefing_sections by foreign key before this migration, so the table is
    -- rebuilt in place (its rows and ids as they are).
    CREATE TABLE briefing_sections_new (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      content TEXT NOT NULL DEFAULT '',
      handling TEXT NOT NULL DEFAULT 'may_use' CHECK (handling IN ('may_use', 'not_for_disclosure', 'internal')),
      budget_words INTEGER,
      budget_pages INTEGER,
      updated_at TEXT NOT NULL
    ) STRICT;
    INSERT INTO briefing_sections_new (id, briefing_id, position, kind, title, content, handling, budget_words, budget_pages, updated_at)
      SELECT id, briefing_id, position, kind, title, content, handling, budget_words, budget_pages, updated_at FROM briefing_sections;
    DROP TABLE briefing_sections;
    ALTER TABLE briefing_sections_new RENAME TO briefing_sections;
    CREATE INDEX briefing_sections_briefing ON briefing_sections(briefing_id, position);

    -- This replica's membership: the team's address WITHOUT any password, its login, where it has pulled to.
    CREATE TABLE team_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      team_id TEXT NOT NULL,
      url TEXT NOT NULL,
      login TEXT NOT NULL,
      replica TEXT NOT NULL,
      position INTEGER NOT NULL DEFAULT 0,
      hlc TEXT NOT NULL DEFAULT '',
      team_schema INTEGER NOT NULL,
      joined_at TEXT NOT NULL,
      last_sync_at TEXT,
      last_error TEXT,
      paused INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    -- One row: 1 while this dossier belongs to a team (triggers capture), 0 otherwise or while applying others' changes.
    CREATE TABLE team_capture (enabled INTEGER NOT NULL CHECK (enabled IN (0, 1))) STRICT;
    INSERT INTO team_capture (enabled) VALUES (0);

    -- Raw row images written by the triggers; turned into stamped changes before the write commits.
    CREATE TABLE team_capture_log (
      seq INTEGER PRIMARY KEY,
      tbl TEXT NOT NULL,
      gid TEXT,
      kind TEXT NOT NULL CHECK (kind IN ('i', 'u', 'd')),
      new TEXT,
      old TEXT
    ) STRICT;

    -- Stamped changes waiting to be pushed (fields with global ids, hybrid logical clock, author).
    CREATE TABLE team_outbox (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      tbl TEXT NOT NULL,
      gid TEXT NOT NULL,
      fields TEXT NOT NULL,
      base TEXT,
      seen TEXT,
      hlc TEXT NOT NULL,
      author TEXT NOT NULL
    ) STRICT;

    -- Per-field clocks of every shared record: a base clock and the fields written later.
    CREATE TABLE team_clocks (
      tbl TEXT NOT NULL,
      gid TEXT NOT NULL,
      clocks TEXT NOT NULL,
      PRIMARY KEY (tbl, gid)
    ) STRICT, WITHOUT ROWID;

    -- Deleted records with their last data and clocks: a concurrent edit lands here and can be restored.
    CREATE TABLE team_tombstones (
      tbl TEXT NOT NULL,
      gid TEXT NOT NULL,
      local_id INTEGER,
      data TEXT NOT NULL,
      clocks TEXT NOT NULL,
      seen TEXT,
      deleted_by TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (tbl, gid)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX team_tombstones_local ON team_tombstones(tbl, local_id);

    -- Local ids given to records only ever referred to (a removed section named in an old version's snapshot).
    CREATE TABLE team_phantoms (
      tbl TEXT NOT NULL,
      gid TEXT NOT NULL,
      local_id INTEGER NOT NULL,
      PRIMARY KEY (tbl, gid)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX team_phantoms_local ON team_phantoms(tbl, local_id);

    -- A reference to a record not here (deleted, or not yet arrived), held so it is made again when the record is.
    CREATE TABLE team_dangling (
      tbl TEXT NOT NULL,
      gid TEXT NOT NULL,
      col TEXT NOT NULL,
      ref_tbl TEXT NOT NULL,
      ref TEXT NOT NULL,
      PRIMARY KEY (tbl, gid, col)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX team_dangling_ref ON team_dangling(ref_tbl, ref);

    -- A section written differently on two replicas while apart: the losing text is in version_id.
    CREATE TABLE section_conflicts (
      id INTEGER PRIMARY KEY,
      section_id INTEGER NOT NULL REFERENCES briefing_sections(id) ON DELETE CASCADE,
      version_id INTEGER REFERENCES briefing_versions(id) ON DELETE CASCADE,
      author TEXT NOT NULL,
      at TEXT NOT NULL,
      resolved_at TEXT
    ) STRICT;
    CREATE INDEX section_conflicts_section ON section_conflicts(section_id);
  `);
  installCapture(db);
}
