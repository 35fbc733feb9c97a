/** Contact officers and our own staff, with phones, e-mails and the date their details were last confirmed. */
import type { z } from 'zod';
import { notFound, DossierError } from '../../contract/errors';
import type { Contact, ContactInput } from '../../contract/model';
import type { Address, OtherDetail, Photo } from '../../contract/model';
import { type ReadDb, type WriteDb, nowIso } from './db';
import { type IndexBatch, fold, indexRecord, toFtsQuery, unindexRecord } from './search';
import { getSetting } from './settings';
import { all, get, insertSql, run, updateSql } from './sql';
import { positionalGid, randomGid } from './sync/schema';

/** A contact's fields after validation (defaults applied). */
export type ContactFields = z.output<typeof ContactInput>;

export interface ContactQuery {
  query?: string;
  institutionId?: number | null;
  stale?: boolean | null;
  internal?: boolean | null;
  language?: string;
  sort?: 'name' | 'institution' | 'dated' | 'updated';
  limit?: number;
  offset?: number;
}

/** A contacts row as read (with its institution's name and whether it is stale). */
export interface ContactRow {
  id: number;
  honorific: string;
  given_name: string;
  family_name: string;
  position: string;
  institution_id: number | null;
  institution_name: string | null;
  website: string;
  languages: string;
  notes: string;
  internal: number;
  source: string;
  information_dated: string | null;
  updated_at: string;
  stale: number;
}

// The last day a partial date can stand for: '2017' → '2017-12-31'. Details count as dated that late.
const PERIOD_END = `CASE length(c.information_dated) WHEN 4 THEN c.information_dated || '-12-31' WHEN 7 THEN c.information_dated || '-31' ELSE c.information_dated END`;
const STALE = `(c.information_dated IS NULL OR ${PERIOD_END} < @threshold)`;
const SELECT = `
  SELECT c.id, c.honorific, c.given_name, c.family_name, c.position, c.institution_id, i.name AS institution_name,
         c.website, c.languages, c.notes, c.internal, c.source, c.information_dated, c.updated_at, ${STALE} AS stale
    FROM contacts c LEFT JOIN institutions i ON i.id = c.institution_id`;

/** 'YYYY-MM-DD' before which details are stale, from the configured age. */
export function staleThreshold(db: ReadDb, today: Date = new Date()): string {
  const months = getSetting(db, 'staleAfterMonths');
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, today.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

export function displayName(c: { honorific: string; givenName: string; familyName: string }): string {
  return [c.honorific, c.givenName, c.familyName].filter(Boolean).join(' ');
}

/** Options of reading contacts: photos are large, so lists leave them out (`hasPhoto` still says whether there is one). */
export interface ReadOptions {
  photos?: boolean;
}

interface AddressRow {
  contact_id: number;
  label: string;
  po_box: string;
  extended: string;
  street: string;
  locality: string;
  region: string;
  postal_code: string;
  country: string;
}

function hydrate(db: ReadDb, rows: ContactRow[], opts: ReadOptions = {}): Contact[] {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const inList = `(${ids.map(() => '?').join(',')})`;
  const phones = db.prepare(`SELECT contact_id, label, value, e164 FROM contact_phones WHERE contact_id IN ${inList} ORDER BY position`).all(...ids) as {
    contact_id: number;
    label: string;
    value: string;
    e164: string | null;
  }[];
  const emails = db.prepare(`SELECT contact_id, label, value FROM contact_emails WHERE contact_id IN ${inList} ORDER BY position`).all(...ids) as {
    contact_id: number;
    label: string;
    value: string;
  }[];
  const addresses = db.prepare(`SELECT * FROM contact_addresses WHERE contact_id IN ${inList} ORDER BY position`).all(...ids) as AddressRow[];
  const details = db.prepare(`SELECT contact_id, name, value, property FROM contact_details WHERE contact_id IN ${inList} ORDER BY position`).all(...ids) as (OtherDetail & {
    contact_id: number;
  })[];
  const photos = new Map(
    (
      db.prepare(`SELECT contact_id, media_type, ${opts.photos ? 'data' : 'NULL AS data'} FROM contact_photos WHERE contact_id IN ${inList}`).all(...ids) as {
        contact_id: number;
        media_type: Photo['mediaType'];
        data: Buffer | null;
      }[]
    ).map((p) => [p.contact_id, p]),
  );
  const byContact = <T extends { contact_id: number }>(list: T[]) => {
    const m = new Map<number, T[]>();
    for (const x of list) m.set(x.contact_id, [...(m.get(x.contact_id) ?? []), x]);
    return m;
  };
  const addressesOf = byContact(addresses);
  const detailsOf = byContact(details);
  return rows.map((r) => {
    const names = { honorific: r.honorific, givenName: r.given_name, familyName: r.family_name };
    const photo = photos.get(r.id);
    return {
      id: r.id,
      ...names,
      displayName: displayName(names),
      position: r.position,
      institutionId: r.institution_id,
      institutionName: r.institution_name,
      phones: phones.filter((p) => p.contact_id === r.id).map((p) => ({ label: p.label, value: p.value, e164: p.e164 })),
      emails: emails.filter((e) => e.contact_id === r.id).map((e) => ({ label: e.label, value: e.value })),
      website: r.website,
      languages: JSON.parse(r.languages) as string[],
      notes: r.notes,
      internal: r.internal === 1,
      source: r.source,
      informationDated: r.information_dated,
      stale: r.stale === 1,
      updatedAt: r.updated_at,
      addresses: (addressesOf.get(r.id) ?? []).map(
        (a): Address => ({ label: a.label, poBox: a.po_box, extended: a.extended, street: a.street, locality: a.locality, region: a.region, postalCode: a.postal_code, country: a.country }),
      ),
      hasPhoto: photo !== undefined,
      photo: photo?.data ? { mediaType: photo.media_type, dataBase64: photo.data.toString('base64') } : null,
      otherDetails: (detailsOf.get(r.id) ?? []).map((d) => ({ name: d.name, value: d.value, property: d.property })),
    };
  });
}

export function getContact(db: ReadDb, id: number, today?: Date): Contact {
  const row = db.prepare(`${SELECT} WHERE c.id = @id`).get({ id, threshold: staleThreshold(db, today) }) as ContactRow | undefined;
  if (!row) throw notFound('Contact', id);
  return hydrate(db, [row], { photos: true })[0]!;
}

export function getContacts(db: ReadDb, ids: readonly number[], today?: Date, opts: ReadOptions = {}): Contact[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`${SELECT} WHERE c.id IN (SELECT value FROM json_each(@ids))`)
    .all({ ids: JSON.stringify(ids), threshold: staleThreshold(db, today) }) as ContactRow[];
  const byId = new Map(hydrate(db, rows, opts).map((c) => [c.id, c]));
  return ids.map((id) => byId.get(id)).filter((c): c is Contact => c !== undefined);
}

const ORDER: Record<NonNullable<ContactQuery['sort']>, string> = {
  name: 'c.sort_name, c.id',
  institution: 'i.name IS NULL, i.name COLLATE NOCASE, c.sort_name, c.id',
  dated: `${PERIOD_END} IS NOT NULL, ${PERIOD_END}, c.sort_name, c.id`,
  updated: 'c.updated_at DESC, c.id DESC',
};

export function listContacts(db: ReadDb, q: ContactQuery = {}, today?: Date): { total: number; items: Contact[] } {
  const where: string[] = [];
  const params: Record<string, unknown> = { threshold: staleThreshold(db, today) };
  const fts = q.query ? toFtsQuery(q.query) : null;
  if (q.query && !fts) return { total: 0, items: [] };
  if (fts) {
    where.push('c.id IN (SELECT rowid / 8 FROM search_index WHERE search_index MATCH @fts AND rowid % 8 = 2)');
    params.fts = fts;
  }
  if (q.institutionId != null) {
    // The institution and all its units.
    where.push(`c.institution_id IN (WITH RECURSIVE sub(id) AS (SELECT @inst UNION SELECT i2.id FROM institutions i2 JOIN sub ON i2.parent_id = sub.id) SELECT id FROM sub)`);
    params.inst = q.institutionId;
  }
  if (q.stale != null) where.push(q.stale ? STALE : `NOT ${STALE}`);
  if (q.internal != null) {
    where.push('c.internal = @internal');
    params.internal = q.internal ? 1 : 0;
  }
  if (q.language) {
    // 'de' finds "de", "de-CH" and "de (Muttersprache)" (contract/language.ts).
    where.push(
      `EXISTS (SELECT 1 FROM json_each(c.languages) WHERE lower(value) = lower(@lang) OR substr(lower(value), 1, length(@lang) + 1) IN (lower(@lang) || ' ', lower(@lang) || '-'))`,
    );
    params.lang = q.language;
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // Count and page over contacts alone (the sort index covers it), then load the page's rows: at 100,000
  // contacts a deep page would otherwise step through a join for every row it skips.
  const total = (db.prepare(`SELECT count(*) AS n FROM contacts c ${whereSql}`).get(params) as { n: number }).n;
  const from = q.sort === 'institution' ? 'contacts c LEFT JOIN institutions i ON i.id = c.institution_id' : 'contacts c';
  params.limit = q.limit ?? 200;
  params.offset = q.offset ?? 0;
  const ids = (db.prepare(`SELECT c.id FROM ${from} ${whereSql} ORDER BY ${ORDER[q.sort ?? 'name']} LIMIT @limit OFFSET @offset`).all(params) as { id: number }[]).map((r) => r.id);
  return { total, items: getContacts(db, ids, today) };
}

function checkInstitution(db: ReadDb, institutionId: number | null): void {
  if (institutionId !== null && !get(db, 'SELECT 1 FROM institutions WHERE id = ?', institutionId)) {
    throw new DossierError('invalid_input', `Institution ${institutionId} does not exist.`, { field: 'institutionId' });
  }
}

const sortName = (f: ContactFields) => fold(`${f.familyName} ${f.givenName}`).trim();

const DETAIL_COLUMNS = {
  contact_phones: ['contact_id', 'position', 'label', 'value', 'e164'],
  contact_emails: ['contact_id', 'position', 'label', 'value'],
  contact_addresses: ['contact_id', 'position', 'label', 'po_box', 'extended', 'street', 'locality', 'region', 'postal_code', 'country'],
  contact_details: ['contact_id', 'position', 'name', 'value', 'property'],
} as const;
const DETAIL_INSERT = Object.fromEntries(Object.entries(DETAIL_COLUMNS).map(([t, cols]) => [t, [insertSql(t, cols), insertSql(t, [...cols, 'gid'])]])) as Record<
  keyof typeof DETAIL_COLUMNS,
  [plain: string, withGid: string]
>;

/** One row of a contact's details; with the contact's gid, its own gid is given (see insertDetails). */
function putDetail(db: WriteDb, table: keyof typeof DETAIL_COLUMNS, id: number, i: number, gid: string | null, ...values: unknown[]): void {
  if (gid === null) run(db, DETAIL_INSERT[table][0], id, i, ...values);
  else run(db, DETAIL_INSERT[table][1], id, i, ...values, positionalGid(table, gid, i));
}

/**
 * A contact's phones, e-mails, addresses and other details. Given the contact's gid, each row gets its own gid here
 * (as the capture trigger would derive it, at a fraction of the cost); without it, the trigger derives them.
 */
function insertDetails(db: WriteDb, id: number, f: ContactFields, gid: string | null = null): void {
  // Loops rather than callbacks: an import runs this 100,000 times.
  for (let i = 0; i < f.phones.length; i++) {
    const p = f.phones[i]!;
    putDetail(db, 'contact_phones', id, i, gid, p.label, p.value, p.e164);
  }
  for (let i = 0; i < f.emails.length; i++) putDetail(db, 'contact_emails', id, i, gid, f.emails[i]!.label, f.emails[i]!.value);
  for (let i = 0; i < f.addresses.length; i++) {
    const a = f.addresses[i]!;
    putDetail(db, 'contact_addresses', id, i, gid, a.label, a.poBox, a.extended, a.street, a.locality, a.region, a.postalCode, a.country);
  }
  for (let i = 0; i < f.otherDetails.length; i++) {
    const d = f.otherDetails[i]!;
    putDetail(db, 'contact_details', id, i, gid, d.name, d.value, d.property);
  }
  // An update without a photo keeps the stored one; null removes it.
  if (f.photo === null) run(db, 'DELETE FROM contact_photos WHERE contact_id = ?', id);
  else if (f.photo) {
    run(
      db,
      'INSERT INTO contact_photos (contact_id, media_type, data) VALUES (?, ?, ?) ON CONFLICT (contact_id) DO UPDATE SET media_type = excluded.media_type, data = excluded.data',
      id, f.photo.mediaType, Buffer.from(f.photo.dataBase64, 'base64'),
    );
  }
}

/** Removes what insertDetails writes (the photo aside: see there), before an update writes them anew. */
function deleteDetails(db: WriteDb, id: number): void {
  for (const table of ['contact_phones', 'contact_emails', 'contact_addresses', 'contact_details']) run(db, `DELETE FROM ${table} WHERE contact_id = ?`, id);
}

/**
 * What the search box finds a contact by: the title (name) and the body (posts, institution, e-mails, notes, and
 * other details and addresses: "find the one whose Skype is …", "who sits in Wilhelmstraße").
 */
function indexText(
  f: { givenName: string; familyName: string; position: string; notes: string },
  institution: string | null,
  emails: readonly string[],
  former: readonly string[],
  details: readonly { name: string; value: string }[],
  places: readonly string[],
) {
  // As pieces, joined by spaces: an import folds each piece once per distinct value (IndexBatch).
  return {
    title: [f.givenName, f.familyName],
    body: [f.position, institution ?? '', ...emails, f.notes, ...former, ...details.map((d) => `${d.name} ${d.value.slice(0, 2000)}`), ...places],
  };
}

export function reindexContact(db: WriteDb, id: number): void {
  const r = get<{ honorific: string; given_name: string; family_name: string; position: string; notes: string; inst: string | null }>(
    db,
    `SELECT c.honorific, c.given_name, c.family_name, c.position, c.notes, i.name || ' ' || i.acronym AS inst
       FROM contacts c LEFT JOIN institutions i ON i.id = c.institution_id WHERE c.id = ?`,
    id,
  );
  if (!r) return;
  const emails = all<{ value: string }>(db, 'SELECT value FROM contact_emails WHERE contact_id = ?', id).map((e) => e.value);
  const former = all<{ position: string }>(db, 'SELECT position FROM contact_positions WHERE contact_id = ?', id).map((p) => p.position);
  const details = all<{ name: string; value: string }>(db, 'SELECT name, value FROM contact_details WHERE contact_id = ?', id);
  const places = all<{ t: string }>(db, `SELECT street || ' ' || locality || ' ' || country AS t FROM contact_addresses WHERE contact_id = ?`, id).map((a) => a.t);
  const { title, body } = indexText({ givenName: r.given_name, familyName: r.family_name, position: r.position, notes: r.notes }, r.inst, emails, former, details, places);
  indexRecord(db, 'contact', id, title.join(' '), body.join(' '));
}

/**
 * How the search index names an institution (name and acronym), remembered per institution: an import files
 * thousands of contacts under the same few.
 */
export type InstitutionText = (institutionId: number | null) => string | null;
export function institutionText(db: ReadDb): InstitutionText {
  const known = new Map<number, string | null>();
  return (id) => {
    if (id === null) return null;
    let t = known.get(id);
    if (t === undefined) {
      t = get<{ t: string }>(db, `SELECT name || ' ' || acronym AS t FROM institutions WHERE id = ?`, id)?.t ?? null;
      known.set(id, t);
    }
    return t;
  };
}

/** What an import shares across the contacts it creates: institution names, the one instant it writes at, its search index batch. */
export interface CreateOptions {
  instText?: InstitutionText;
  now?: string;
  index?: IndexBatch;
}

/** A contact's own columns and their values, in one order for INSERT and UPDATE. */
const COLUMNS = ['honorific', 'given_name', 'family_name', 'sort_name', 'position', 'institution_id', 'website', 'languages', 'notes', 'internal', 'source', 'information_dated'];
const own = (f: ContactFields, sort = sortName(f)) => [f.honorific, f.givenName, f.familyName, sort, f.position, f.institutionId, f.website, JSON.stringify(f.languages), f.notes, f.internal ? 1 : 0, f.source, f.informationDated];
const INSERT = insertSql('contacts', [...COLUMNS, 'created_at', 'updated_at', 'gid']);
const UPDATE = updateSql('contacts', [...COLUMNS, 'updated_at']);

/**
 * A new contact: its row, details and search entry, written straight (nothing to delete or read back for a row that
 * did not exist).
 */
export function createContact(db: WriteDb, f: ContactFields, { instText = institutionText(db), now = nowIso(), index }: CreateOptions = {}): number {
  const institution = instText(f.institutionId);
  if (f.institutionId !== null && institution === null) checkInstitution(db, f.institutionId); // throws: no such institution
  const gid = randomGid();
  // An import's index batch folds the names it has seen before from memory.
  const sort = index ? index.fold([f.familyName, f.givenName]).trim() : sortName(f);
  const id = Number(run(db, INSERT, ...own(f, sort), now, now, gid).lastInsertRowid);
  insertDetails(db, id, f, gid);
  const emails = f.emails.map((e) => e.value);
  const places = f.addresses.map((a) => `${a.street} ${a.locality} ${a.country}`);
  const { title, body } = indexText(f, institution, emails, [], f.otherDetails, places);
  if (index) index.add('contact', id, title, body);
  else indexRecord(db, 'contact', id, title.join(' '), body.join(' '));
  return id;
}

export function updateContact(db: WriteDb, id: number, f: ContactFields): void {
  if (!get(db, 'SELECT 1 FROM contacts WHERE id = ?', id)) throw notFound('Contact', id);
  checkInstitution(db, f.institutionId);
  run(db, UPDATE, ...own(f), nowIso(), id);
  deleteDetails(db, id);
  insertDetails(db, id, f);
  reindexContact(db, id);
}

export function confirmContactDetails(db: WriteDb, id: number, today: Date = new Date()): void {
  const res = run(db, 'UPDATE contacts SET information_dated = ?, updated_at = ? WHERE id = ?', today.toISOString().slice(0, 10), nowIso(), id);
  if (res.changes === 0) throw notFound('Contact', id);
}

export function deleteContact(db: WriteDb, id: number): void {
  const res = run(db, 'DELETE FROM contacts WHERE id = ?', id);
  if (res.changes === 0) throw notFound('Contact', id);
  unindexRecord(db, 'contact', id);
}

/** Every contact id, in name order: for exports of the whole dossier. */
export function allContactIds(db: ReadDb): number[] {
  return all<{ id: number }>(db, 'SELECT id FROM contacts ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE, id').map((r) => r.id);
}

/** Why an incoming contact is taken for a stored one. */
export interface Duplicate {
  id: number;
  reason: 'email' | 'name_institution';
}

const nameKey = (given: string, family: string) => fold(`${given} ${family}`).split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ');

/**
 * The stored contact an incoming one duplicates: one with the same e-mail address (any case), else one with the
 * same name (case and diacritics folded) at the same institution. Both lookups use indexes, so imports stay fast.
 * `upTo` limits it to contacts with ids up to that one (those stored before an import began).
 */
export function findDuplicate(
  db: ReadDb,
  c: { givenName: string; familyName: string; institutionId: number | null; emails: readonly { value: string }[] },
  upTo: number = Number.MAX_SAFE_INTEGER,
): Duplicate | null {
  for (const e of c.emails) {
    const r = get<{ contact_id: number }>(db, 'SELECT contact_id FROM contact_emails WHERE value = ? COLLATE NOCASE AND contact_id <= ? ORDER BY contact_id LIMIT 1', e.value, upTo);
    if (r) return { id: r.contact_id, reason: 'email' };
  }
  const key = nameKey(c.givenName, c.familyName);
  if (!key) return null;
  // The index holds the folded "given family" as the title; the phrase finds candidates, the key comparison decides.
  const rows = all<{ id: number; given_name: string; family_name: string }>(
    db,
    `SELECT c.id, c.given_name, c.family_name FROM search_index s JOIN contacts c ON c.id = s.rowid / 8
      WHERE search_index MATCH ? AND s.rowid % 8 = 2 AND c.institution_id IS ? AND c.id <= ? ORDER BY c.id LIMIT 50`,
    `title : "${key}"`,
    c.institutionId,
    upTo,
  );
  const hit = rows.find((r) => nameKey(r.given_name, r.family_name) === key);
  return hit ? { id: hit.id, reason: 'name_institution' } : null;
}

/** How many contacts the dossier holds. */
export const contactCount = (db: ReadDb): number => get<{ n: number }>(db, 'SELECT count(*) AS n FROM contacts')!.n;

/** The highest contact id in the dossier (0 when there is none): contacts an import adds all come after it. */
export function lastContactId(db: ReadDb): number {
  return get<{ id: number | null }>(db, 'SELECT max(id) AS id FROM contacts')!.id ?? 0;
}
