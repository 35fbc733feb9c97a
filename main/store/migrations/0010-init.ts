import type { WriteDb } from '../db';

/**
 * The whole domain of DESIGN.md from the start, so later features add behaviour, not tables.
 * Dates: *_at are UTC ISO instants; information_dated is a partial date ('2017', '2021-03', '2024-01-12').
 * Never edit this file once shipped; fix forward in a new migration.
 */
export default function migrate0010(db: WriteDb): void {
  db.exec(`
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE topics (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE
    ) STRICT;

    CREATE TABLE institutions (
      id INTEGER PRIMARY KEY,
      parent_id INTEGER REFERENCES institutions(id) ON DELETE SET NULL,
      name TEXT NOT NULL CHECK (name <> ''),
      acronym TEXT NOT NULL DEFAULT '',
      kind TEXT NOT NULL DEFAULT 'other',
      seat TEXT NOT NULL DEFAULT '',
      website TEXT NOT NULL DEFAULT '',
      profile TEXT NOT NULL DEFAULT '',
      source TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX institutions_parent ON institutions(parent_id);

    CREATE TABLE institution_topics (
      institution_id INTEGER NOT NULL REFERENCES institutions(id) ON DELETE CASCADE,
      topic_id INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
      PRIMARY KEY (institution_id, topic_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE contacts (
      id INTEGER PRIMARY KEY,
      honorific TEXT NOT NULL DEFAULT '',
      given_name TEXT NOT NULL DEFAULT '',
      family_name TEXT NOT NULL DEFAULT '',
      position TEXT NOT NULL DEFAULT '',
      institution_id INTEGER REFERENCES institutions(id) ON DELETE SET NULL,
      website TEXT NOT NULL DEFAULT '',
      languages TEXT NOT NULL DEFAULT '[]',
      notes TEXT NOT NULL DEFAULT '',
      internal INTEGER NOT NULL DEFAULT 0 CHECK (internal IN (0, 1)),
      source TEXT NOT NULL DEFAULT '',
      information_dated TEXT,
      -- family and given name folded (case, accents, ß→ss) by the store, so lists sort Çelik with the Cs
      sort_name TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX contacts_institution ON contacts(institution_id);
    CREATE INDEX contacts_sort_name ON contacts(sort_name);

    CREATE TABLE contact_phones (
      id INTEGER PRIMARY KEY,
      contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      label TEXT NOT NULL DEFAULT '',
      value TEXT NOT NULL,
      e164 TEXT
    ) STRICT;
    CREATE INDEX contact_phones_contact ON contact_phones(contact_id);

    CREATE TABLE contact_emails (
      id INTEGER PRIMARY KEY,
      contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      label TEXT NOT NULL DEFAULT '',
      value TEXT NOT NULL
    ) STRICT;
    CREATE INDEX contact_emails_contact ON contact_emails(contact_id);
    CREATE INDEX contact_emails_value ON contact_emails(value COLLATE NOCASE);

    -- Post history: dated records of who held which post where.
    CREATE TABLE contact_positions (
      id INTEGER PRIMARY KEY,
      contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      institution_id INTEGER REFERENCES institutions(id) ON DELETE SET NULL,
      position TEXT NOT NULL DEFAULT '',
      from_date TEXT,
      to_date TEXT,
      source TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX contact_positions_contact ON contact_positions(contact_id);

    CREATE TABLE series (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE COLLATE NOCASE,
      institution_id INTEGER REFERENCES institutions(id) ON DELETE SET NULL
    ) STRICT;

    CREATE TABLE meetings (
      id INTEGER PRIMARY KEY,
      title TEXT NOT NULL CHECK (title <> ''),
      series_id INTEGER REFERENCES series(id) ON DELETE SET NULL,
      kind TEXT NOT NULL DEFAULT '',
      starts_at TEXT NOT NULL,
      ends_at TEXT NOT NULL,
      time_zone TEXT NOT NULL,
      venue TEXT NOT NULL DEFAULT '',
      format TEXT NOT NULL DEFAULT 'in_person' CHECK (format IN ('in_person', 'virtual', 'hybrid')),
      host_institution_id INTEGER REFERENCES institutions(id) ON DELETE SET NULL,
      status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'confirmed', 'held', 'cancelled')),
      notes TEXT NOT NULL DEFAULT '',
      source TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX meetings_start ON meetings(starts_at);
    CREATE INDEX meetings_series ON meetings(series_id, starts_at);

    CREATE TABLE meeting_institutions (
      meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      institution_id INTEGER NOT NULL REFERENCES institutions(id) ON DELETE CASCADE,
      PRIMARY KEY (meeting_id, institution_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE delegation_members (
      meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('head', 'member', 'adviser', 'note_taker')),
      position INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (meeting_id, contact_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE counterparts (
      meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      note TEXT NOT NULL DEFAULT '',
      position INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (meeting_id, contact_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE agenda_items (
      id INTEGER PRIMARY KEY,
      meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      time TEXT NOT NULL DEFAULT '',
      title TEXT NOT NULL,
      lead TEXT NOT NULL DEFAULT '',
      documents TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX agenda_items_meeting ON agenda_items(meeting_id, position);

    CREATE TABLE outcomes (
      id INTEGER PRIMARY KEY,
      meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
      position INTEGER NOT NULL DEFAULT 0,
      text TEXT NOT NULL,
      -- who committed to it: 'us', 'counterpart' or free text
      committed_by TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX outcomes_meeting ON outcomes(meeting_id);

    CREATE TABLE actions (
      id INTEGER PRIMARY KEY,
      meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      text TEXT NOT NULL,
      owner TEXT NOT NULL DEFAULT '',
      owner_contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
      due_date TEXT,
      status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
      -- the later meeting it was carried forward to, if any
      carried_to_meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
      created_at TEXT NOT NULL,
      closed_at TEXT
    ) STRICT;
    CREATE INDEX actions_meeting ON actions(meeting_id);
    CREATE INDEX actions_open ON actions(status, due_date);

    CREATE TABLE briefings (
      id INTEGER PRIMARY KEY,
      meeting_id INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
      title TEXT NOT NULL,
      classification TEXT NOT NULL DEFAULT '',
      language TEXT NOT NULL DEFAULT 'en',
      owner TEXT NOT NULL DEFAULT '',
      deadline TEXT,
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'in_review', 'final')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX briefings_meeting ON briefings(meeting_id);

    CREATE TABLE briefing_sections (
      id INTEGER PRIMARY KEY,
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
    CREATE INDEX briefing_sections_briefing ON briefing_sections(briefing_id, position);

    CREATE TABLE briefing_versions (
      id INTEGER PRIMARY KEY,
      briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
      number INTEGER NOT NULL,
      name TEXT NOT NULL DEFAULT '',
      reason TEXT NOT NULL DEFAULT '',
      -- JSON snapshot of the briefing and its sections
      snapshot TEXT NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (briefing_id, number)
    ) STRICT;

    CREATE TABLE snippets (
      id INTEGER PRIMARY KEY,
      topic_id INTEGER REFERENCES topics(id) ON DELETE SET NULL,
      title TEXT NOT NULL DEFAULT '',
      text TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    -- Issued packs and their addenda: frozen PDF, hash and page map.
    CREATE TABLE packs (
      id INTEGER PRIMARY KEY,
      briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
      variant TEXT NOT NULL DEFAULT 'full',
      edition INTEGER NOT NULL DEFAULT 1,
      addendum_of INTEGER REFERENCES packs(id) ON DELETE CASCADE,
      addendum_number INTEGER,
      title TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      pages INTEGER NOT NULL,
      page_map TEXT NOT NULL DEFAULT '[]',
      snapshot TEXT NOT NULL DEFAULT '{}',
      pdf BLOB NOT NULL
    ) STRICT;
    CREATE INDEX packs_briefing ON packs(briefing_id);

    -- One index for everything the search box finds. Text is folded (case, diacritics, ß→ss)
    -- by the store before it goes in, so the tokenizer only splits words. The rowid encodes
    -- kind and id (id * 8 + kind code) so a record is re-indexed by rowid, without a scan.
    CREATE VIRTUAL TABLE search_index USING fts5(
      title,
      body,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );
  `);
}
