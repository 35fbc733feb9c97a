import type { WriteDb } from '../db';
/**
 * Issue 20: commissions and contributions, clearance chains and decisions, comments, and a history per section.
 * People are staff contacts; every record keeps the name (and post) as it was, so a renamed or deleted contact never
 * rewrites who did what (hence ON DELETE SET NULL beside a name column). A removed section keeps its commissions,
 * comments and history (section_id set null, or kept as a plain number), so nothing written is lost with it.
 */
export default function migrate0040(db: WriteDb): void {
  db.exec(`
    -- Settings the whole unit shares (a team's replicas keep them in step); 'settings' stays per member.
    CREATE TABLE shared_settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
    -- A briefing's own clearance chain as JSON [{contactId, name, label}]; NULL: the dossier's default.
    ALTER TABLE briefings ADD COLUMN clearance_chain TEXT;

    CREATE TABLE commissions (
      id INTEGER PRIMARY KEY,
      briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
      section_id INTEGER REFERENCES briefing_sections(id) ON DELETE SET NULL,
      section_title TEXT NOT NULL,
      section_kind TEXT NOT NULL,
      -- one agenda item's lines to take; no foreign key: a brief outlives its removed item (it is shown orphaned)
      agenda_item_id INTEGER,
      agenda_item_title TEXT,
      requested_by_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
      requested_by_name TEXT NOT NULL,
      requested_by_post TEXT NOT NULL DEFAULT '',
      assignee_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
      assignee_name TEXT NOT NULL,
      assignee_post TEXT NOT NULL DEFAULT '',
      deadline TEXT,
      note TEXT NOT NULL DEFAULT '',
      budget_words INTEGER CHECK (budget_words IS NULL OR budget_words > 0),
      state TEXT NOT NULL DEFAULT 'requested'
        CHECK (state IN ('requested', 'in_progress', 'submitted', 'accepted', 'returned', 'withdrawn')),
      -- the target's text when commissioned (what the contribution starts from) and the contribution itself
      base TEXT NOT NULL DEFAULT '',
      draft TEXT NOT NULL DEFAULT '',
      via TEXT NOT NULL DEFAULT 'app' CHECK (via IN ('app', 'email')),
      requested_at TEXT NOT NULL,
      submitted_at TEXT,
      decided_at TEXT,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX commissions_briefing ON commissions(briefing_id);
    CREATE INDEX commissions_assignee ON commissions(assignee_id, state);
    CREATE INDEX commissions_requested_by ON commissions(requested_by_id, state);
    -- One open commission per section (or agenda item) at a time.
    CREATE UNIQUE INDEX commissions_one_open ON commissions(section_id, coalesce(agenda_item_id, 0))
      WHERE state IN ('requested', 'in_progress', 'submitted', 'returned');

    -- A round of clearance: the chain as it was sent, and how the round ended.
    CREATE TABLE clearance_requests (
      id INTEGER PRIMARY KEY,
      briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
      chain TEXT NOT NULL,
      requested_by_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
      requested_by_name TEXT NOT NULL,
      requested_by_post TEXT NOT NULL DEFAULT '',
      requested_at TEXT NOT NULL,
      outcome TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'cleared', 'returned', 'withdrawn', 'overridden')),
      closed_at TEXT
    ) STRICT;
    CREATE INDEX clearance_requests_briefing ON clearance_requests(briefing_id, id);
    CREATE TABLE clearance_decisions (
      id INTEGER PRIMARY KEY,
      request_id INTEGER NOT NULL REFERENCES clearance_requests(id) ON DELETE CASCADE,
      -- position of the clearer in the round's chain; 0 for an override
      step INTEGER NOT NULL,
      decision TEXT NOT NULL CHECK (decision IN ('approved', 'returned', 'overridden')),
      by_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
      by_name TEXT NOT NULL,
      by_post TEXT NOT NULL DEFAULT '',
      comment TEXT NOT NULL DEFAULT '',
      -- JSON {sectionId: hash} of what the approval covered, so a later edit reopens it
      sections TEXT NOT NULL DEFAULT '{}',
      decided_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX clearance_decisions_request ON clearance_decisions(request_id, id);

    CREATE TABLE comments (
      id INTEGER PRIMARY KEY,
      briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
      section_id INTEGER REFERENCES briefing_sections(id) ON DELETE SET NULL,
      section_title TEXT NOT NULL DEFAULT '',
      paragraph INTEGER,
      quote TEXT NOT NULL DEFAULT '',
      parent_id INTEGER REFERENCES comments(id) ON DELETE CASCADE,
      author_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
      author_name TEXT NOT NULL,
      author_post TEXT NOT NULL DEFAULT '',
      body TEXT NOT NULL CHECK (body <> ''),
      context TEXT CHECK (context IN ('commission', 'clearance')),
      context_id INTEGER,
      created_at TEXT NOT NULL,
      resolved_at TEXT,
      resolved_by TEXT
    ) STRICT;
    CREATE INDEX comments_briefing ON comments(briefing_id, section_id);
    CREATE INDEX comments_parent ON comments(parent_id);

    -- Who changed a section, what and when. section_id is a plain number: the history outlives the section.
    CREATE TABLE section_history (
      id INTEGER PRIMARY KEY,
      section_id INTEGER NOT NULL,
      briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('edited', 'contribution', 'restored', 'added', 'removed')),
      by_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
      by_name TEXT NOT NULL DEFAULT '',
      detail TEXT NOT NULL DEFAULT '',
      before TEXT NOT NULL DEFAULT '',
      after TEXT NOT NULL DEFAULT '',
      started_at TEXT NOT NULL,
      at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX section_history_section ON section_history(section_id, at);
  `);
}
