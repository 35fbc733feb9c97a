import type { WriteDb } from '../db';
/**
 * Issue 20: commissions and their contributions, clearance chains, rounds and decisions, comments, and a history per
 * section. People are staff contacts; every record keeps the name (and post) as it was, so a renamed or deleted
 * contact never rewrites who did what (hence ON DELETE SET NULL beside a name column). A removed section keeps its
 * commissions, comments and history (section_id set null, its title kept), so nothing written is lost with it.
 * Every reference is a foreign key (no local ids inside JSON), so a team dossier can share these rows as they are.
 */
export default function migrate0040(db: WriteDb): void {
  db.exec(`
    -- 1: the briefing has a clearance chain of its own (possibly empty); 0: it follows the dossier's default.
    ALTER TABLE briefings ADD COLUMN clearance_own INTEGER NOT NULL DEFAULT 0 CHECK (clearance_own IN (0, 1));
    -- The clearers of a briefing's own chain, or of the dossier's default chain (briefing_id NULL), in order.
    CREATE TABLE clearance_chains (
      id INTEGER PRIMARY KEY,
      briefing_id INTEGER REFERENCES briefings(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      clearer_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
      clearer_name TEXT NOT NULL,
      clearer_post TEXT NOT NULL DEFAULT '',
      label TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX clearance_chains_briefing ON clearance_chains(briefing_id, position);

    CREATE TABLE commissions (
      id INTEGER PRIMARY KEY,
      briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
      section_id INTEGER REFERENCES briefing_sections(id) ON DELETE SET NULL,
      section_title TEXT NOT NULL,
      section_kind TEXT NOT NULL,
      -- one agenda item's lines to take (section_kind 'agenda_briefs'); null once that item is removed
      agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
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
    CREATE INDEX commissions_section ON commissions(section_id);
    CREATE INDEX commissions_assignee ON commissions(assignee_id, state);
    CREATE INDEX commissions_requested_by ON commissions(requested_by_id, state);

    -- A round of clearance, its chain as it was sent, and how the round ended.
    CREATE TABLE clearance_requests (
      id INTEGER PRIMARY KEY,
      briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
      requested_by_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
      requested_by_name TEXT NOT NULL,
      requested_by_post TEXT NOT NULL DEFAULT '',
      requested_at TEXT NOT NULL,
      outcome TEXT NOT NULL DEFAULT 'open' CHECK (outcome IN ('open', 'cleared', 'returned', 'withdrawn', 'overridden')),
      closed_at TEXT
    ) STRICT;
    CREATE INDEX clearance_requests_briefing ON clearance_requests(briefing_id, id);
    CREATE TABLE clearance_request_steps (
      id INTEGER PRIMARY KEY,
      request_id INTEGER NOT NULL REFERENCES clearance_requests(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      clearer_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
      clearer_name TEXT NOT NULL,
      clearer_post TEXT NOT NULL DEFAULT '',
      label TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX clearance_request_steps_request ON clearance_request_steps(request_id, position);
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
      -- how many sections the decision covered (clearance_coverage holds those still there)
      section_count INTEGER NOT NULL DEFAULT 0,
      decided_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX clearance_decisions_request ON clearance_decisions(request_id, id);
    -- What an approval covered: each section's fingerprint then, so a later edit reopens it.
    CREATE TABLE clearance_coverage (
      decision_id INTEGER NOT NULL REFERENCES clearance_decisions(id) ON DELETE CASCADE,
      section_id INTEGER NOT NULL REFERENCES briefing_sections(id) ON DELETE CASCADE,
      fingerprint TEXT NOT NULL,
      PRIMARY KEY (decision_id, section_id)
    ) STRICT, WITHOUT ROWID;

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
      -- the flow it came from: a returned contribution, or a briefing returned in clearance
      context TEXT CHECK (context IN ('commission', 'clearance')),
      commission_id INTEGER REFERENCES commissions(id) ON DELETE SET NULL,
      clearance_request_id INTEGER REFERENCES clearance_requests(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL,
      resolved_at TEXT,
      resolved_by TEXT
    ) STRICT;
    CREATE INDEX comments_briefing ON comments(briefing_id, section_id);
    CREATE INDEX comments_parent ON comments(parent_id);

    -- Who changed a section, what and when; kept (section_id set null, title kept) when the section is removed.
    CREATE TABLE section_history (
      id INTEGER PRIMARY KEY,
      section_id INTEGER REFERENCES briefing_sections(id) ON DELETE SET NULL,
      section_title TEXT NOT NULL DEFAULT '',
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
