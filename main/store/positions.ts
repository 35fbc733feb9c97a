/**
 * Post history: dated records of who held which post where (contact_positions). The contact row keeps the
 * current post; this table keeps the record of it (open, to_date NULL) and every former one. A contact first
 * seen in a post has no record until the post changes: its start is then unknown (from_date NULL).
 */
import type { ContactPosition } from '../../contract/model';
import type { ReadDb, WriteDb } from './db';
import { type ContactFields, reindexContact, updateContact } from './contacts';
import { all, get, run } from './sql';

interface Row {
  id: number;
  institution_id: number | null;
  institution_name: string | null;
  position: string;
  from_date: string | null;
  to_date: string | null;
  source: string;
}

/** What a post is: the title and the institution. */
export interface Post {
  position: string;
  institutionId: number | null;
}

const samePost = (a: Post, b: Post) => a.position.trim() === b.position.trim() && a.institutionId === b.institutionId;

function currentOf(db: ReadDb, contactId: number): Post | null {
  const r = get<{ position: string; institution_id: number | null }>(db, 'SELECT position, institution_id FROM contacts WHERE id = ?', contactId);
  return r ? { position: r.position, institutionId: r.institution_id } : null;
}

function openRecord(db: ReadDb, contactId: number): Row | undefined {
  return get<Row>(
    db,
    `SELECT p.id, p.institution_id, NULL AS institution_name, p.position, p.from_date, p.to_date, p.source
       FROM contact_positions p WHERE p.contact_id = ? AND p.to_date IS NULL ORDER BY p.id DESC LIMIT 1`,
    contactId,
  );
}

/**
 * Records that a contact moved from post `before` to `after` on `date` (YYYY-MM-DD): the current record is closed
 * and a new one opened, so the former post is kept. A second change on the same day corrects the post opened that
 * day instead of adding a one-day post. Nothing happens when the post is the same. Re-indexes the contact, so
 * search finds people by former posts too.
 */
export function recordPostChange(db: WriteDb, contactId: number, before: Post, after: Post, date: string, source: string): void {
  if (samePost(before, after)) return;
  const open = openRecord(db, contactId);
  if (open && open.from_date === date) {
    run(db, 'UPDATE contact_positions SET position = ?, institution_id = ?, source = ? WHERE id = ?', after.position, after.institutionId, source, open.id);
  } else {
    if (open) run(db, 'UPDATE contact_positions SET to_date = ? WHERE id = ?', date, open.id);
    else if (before.position.trim() || before.institutionId !== null) {
      // The post held when Dossier first saw the contact: its start is unknown.
      run(db, 'INSERT INTO contact_positions (contact_id, institution_id, position, from_date, to_date, source) VALUES (?, ?, ?, NULL, ?, ?)', contactId, before.institutionId, before.position, date, '');
    }
    run(db, 'INSERT INTO contact_positions (contact_id, institution_id, position, from_date, to_date, source) VALUES (?, ?, ?, ?, NULL, ?)', contactId, after.institutionId, after.position, date, source);
  }
  reindexContact(db, contactId);
}

/** The current post's record, read before an update so the change can be recorded after it. */
export const postOf = (db: ReadDb, contactId: number): Post | null => currentOf(db, contactId);

/** The post history, current post first, then former posts latest first. */
export function listPositions(db: ReadDb, contactId: number): ContactPosition[] {
  const rows = all<Row>(
    db,
    `SELECT p.id, p.institution_id, i.name AS institution_name, p.position, p.from_date, p.to_date, p.source
       FROM contact_positions p LEFT JOIN institutions i ON i.id = p.institution_id
      WHERE p.contact_id = ? ORDER BY p.to_date IS NOT NULL, p.to_date DESC, p.id DESC`,
    contactId,
  );
  const list: ContactPosition[] = rows.map((r) => ({
    id: r.id,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    position: r.position,
    from: r.from_date,
    to: r.to_date,
    source: r.source,
    current: r.to_date === null,
  }));
  if (!list.some((p) => p.current)) {
    // No record yet: the contact's post as it stands, since an unknown date.
    const c = get<{ position: string; institution_id: number | null; name: string | null; source: string }>(
      db,
      'SELECT c.position, c.institution_id, i.name, c.source FROM contacts c LEFT JOIN institutions i ON i.id = c.institution_id WHERE c.id = ?',
      contactId,
    );
    if (c && (c.position || c.institution_id !== null)) {
      list.unshift({ id: null, institutionId: c.institution_id, institutionName: c.name, position: c.position, from: null, to: null, source: c.source, current: true });
    }
  }
  return list;
}

/** When the contact's current post began ('YYYY-MM-DD'), or null when unknown. */
export function currentPostSince(db: ReadDb, contactId: number): string | null {
  return openRecord(db, contactId)?.from_date ?? null;
}

/** Start dates of the current posts of several contacts (unknown ones left out). */
export function currentPostsSince(db: ReadDb, contactIds: readonly number[]): Map<number, string> {
  if (contactIds.length === 0) return new Map();
  const rows = all<{ contact_id: number; from_date: string }>(
    db,
    `SELECT contact_id, max(from_date) AS from_date FROM contact_positions
      WHERE to_date IS NULL AND from_date IS NOT NULL AND contact_id IN (SELECT value FROM json_each(?)) GROUP BY contact_id`,
    JSON.stringify(contactIds),
  );
  return new Map(rows.map((r) => [r.contact_id, r.from_date]));
}

/** updateContact, recording a change of post or institution in the post history (dated `date`, from `source`). */
export function updateContactKeepingHistory(db: WriteDb, id: number, f: ContactFields, date: string, source = ''): void {
  const before = currentOf(db, id);
  updateContact(db, id, f);
  if (before) recordPostChange(db, id, before, { position: f.position, institutionId: f.institutionId }, date, source);
}
