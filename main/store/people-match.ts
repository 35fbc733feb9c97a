/** Finding a stored person by how a list writes them: by e-mail, else by name alone (case and diacritics folded). */
import type { ReadDb, WriteDb } from './db';
import { fold } from './search';
import { all, get, run } from './sql';

const nameKey = (given: string, family: string) => fold(`${given} ${family}`).split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');

/**
 * The stored contact a listed person is: one with the same e-mail address (any case), else the one whose folded
 * name is the same ("Claire DUBOIS" = "Claire Dubois", "Ayse OZDEMIR" = "Ayşe Özdemir", "WEISS" = "Weiß"), at any
 * institution, since people change posts. With several of that name, the one at `institutionId` wins, else the first.
 */
export function findPerson(db: ReadDb, p: { givenName: string; familyName: string; emails: readonly { value: string }[] }, institutionId: number | null): number | null {
  for (const e of p.emails) {
    const r = get<{ contact_id: number }>(db, 'SELECT contact_id FROM contact_emails WHERE value = ? COLLATE NOCASE ORDER BY contact_id LIMIT 1', e.value);
    if (r) return r.contact_id;
  }
  const key = nameKey(p.givenName, p.familyName);
  if (!key) return null;
  const rows = all<{ id: number; given_name: string; family_name: string; institution_id: number | null }>(
    db,
    `SELECT c.id, c.given_name, c.family_name, c.institution_id FROM search_index s JOIN contacts c ON c.id = s.rowid / 8
      WHERE search_index MATCH ? AND s.rowid % 8 = 2 ORDER BY c.id LIMIT 50`,
    `title : "${key.replace(/"/g, '')}"`,
  );
  const hits = rows.filter((r) => nameKey(r.given_name, r.family_name) === key);
  return (hits.find((h) => h.institution_id === institutionId) ?? hits[0])?.id ?? null;
}

/** Marks where a contact came from ("From pack WPSDG …, 2026-11-23"). */
export function setContactSource(db: WriteDb, id: number, source: string): void {
  run(db, 'UPDATE contacts SET source = ? WHERE id = ?', source, id);
}
