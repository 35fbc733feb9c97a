/**
 * The people of commissions, clearance and comments: our own staff (contacts flagged internal), and which of them
 * the user acts as ("I am", kept in the per-member settings table). A person is recorded with name and post as they
 * are at the time, so history reads as it was.
 */
import { invalid, notFound } from '../../contract/errors';
import type { Identity, Person } from '../../contract/model';
import type { ReadDb, WriteDb } from './db';
import { displayName } from './contacts';
import { all, get, run } from './sql';

const IDENTITY_KEY = 'identity.contactId';

interface Row {
  id: number;
  honorific: string;
  given_name: string;
  family_name: string;
  position: string;
  internal: number;
  email: string | null;
}
const SELECT = `SELECT c.id, c.honorific, c.given_name, c.family_name, c.position, c.internal,
                       (SELECT value FROM contact_emails e WHERE e.contact_id = c.id ORDER BY position LIMIT 1) AS email
                  FROM contacts c`;
const toPerson = (r: Row): Person & { contactId: number; email: string | null } => ({
  contactId: r.id,
  name: displayName({ honorific: r.honorific, givenName: r.given_name, familyName: r.family_name }),
  post: r.position,
  email: r.email,
});

/** Our staff by name: the people one can act as, commission or ask to clear. */
export function listStaff(db: ReadDb): (Person & { contactId: number; email: string | null })[] {
  return all<Row>(db, `${SELECT} WHERE c.internal = 1 ORDER BY c.sort_name, c.id`).map(toPerson);
}

/** A staff member as a person (name and post now); `field` names the input at fault when it is not one of our staff. */
export function staffPerson(db: ReadDb, contactId: number, field: string): Person & { contactId: number; email: string | null } {
  const r = get<Row>(db, `${SELECT} WHERE c.id = ?`, contactId);
  if (!r) throw notFound('Contact', contactId);
  if (r.internal !== 1) throw invalid(field, `${toPerson(r).name} is not one of our staff (an internal contact), so cannot take part in commissions or clearance.`);
  return toPerson(r);
}

/** The staff member the user acts as, or null (none chosen, or that contact was deleted or is no longer staff). */
export function currentPerson(db: ReadDb): Person | null {
  const r = get<{ value: string }>(db, 'SELECT value FROM settings WHERE key = ?', IDENTITY_KEY);
  const id = r ? (JSON.parse(r.value) as number | null) : null;
  if (id === null) return null;
  const row = get<Row>(db, `${SELECT} WHERE c.id = ? AND c.internal = 1`, id);
  if (!row) return null;
  const { email: _email, ...person } = toPerson(row);
  return person;
}

export function setCurrentPerson(db: WriteDb, contactId: number | null): void {
  if (contactId !== null) staffPerson(db, contactId, 'contactId');
  run(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', IDENTITY_KEY, JSON.stringify(contactId));
}

export function identity(db: ReadDb): Identity {
  return { me: currentPerson(db), staff: listStaff(db) };
}

/** A person from the columns a record keeps: `<prefix>_id`, `<prefix>_name`, `<prefix>_post`. */
export const personFrom = (id: number | null, name: string, post = ''): Person => ({ contactId: id, name, post });
