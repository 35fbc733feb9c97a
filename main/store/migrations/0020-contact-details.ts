import type { WriteDb } from '../db';

/**
 * Issue 17: what address books and calendars really hold. Contacts gain postal addresses, a photo and "other
 * details" (every property or column Dossier does not model, kept by name so nothing of an import is lost).
 * Meetings gain all-day dates and the iCalendar keys of the event they came from (UID and RECURRENCE-ID), so a
 * re-imported calendar updates its meetings instead of duplicating them; the UID kept until now in `source`
 * ('ics:<uid>') moves there.
 */
export default function migrate0020(db: WriteDb): void {
  db.exec(`
    CREATE TABLE contact_addresses (
      id INTEGER PRIMARY KEY,
      contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      label TEXT NOT NULL DEFAULT '',
      po_box TEXT NOT NULL DEFAULT '',
      extended TEXT NOT NULL DEFAULT '',
      street TEXT NOT NULL DEFAULT '',
      locality TEXT NOT NULL DEFAULT '',
      region TEXT NOT NULL DEFAULT '',
      postal_code TEXT NOT NULL DEFAULT '',
      country TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX contact_addresses_contact ON contact_addresses(contact_id);

    CREATE TABLE contact_photos (
      contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
      media_type TEXT NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'image/gif', 'image/webp')),
      data BLOB NOT NULL
    ) STRICT;

    -- name: what the user sees ("Birthday", a CSV header); property: the vCard property to write it back as ('' = X-DOSSIER-DETAIL).
    CREATE TABLE contact_details (
      id INTEGER PRIMARY KEY,
      contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      name TEXT NOT NULL CHECK (name <> ''),
      value TEXT NOT NULL,
      property TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX contact_details_contact ON contact_details(contact_id);

    ALTER TABLE meetings ADD COLUMN all_day INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1));
    ALTER TABLE meetings ADD COLUMN ics_uid TEXT;
    -- The occurrence's original start: a UTC instant or a date; '' for an event that does not repeat.
    ALTER TABLE meetings ADD COLUMN ics_recurrence_id TEXT NOT NULL DEFAULT '';
    UPDATE meetings SET ics_uid = substr(source, 5) WHERE source LIKE 'ics:%';
    CREATE INDEX meetings_ics ON meetings(ics_uid, ics_recurrence_id) WHERE ics_uid IS NOT NULL;
  `);
}
