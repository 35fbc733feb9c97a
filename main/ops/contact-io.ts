/**
 * Contacts in and out: paste-to-contact, import preview and all-or-nothing import of vCard, CSV and text files,
 * and vCard/CSV export. The import reads, checks and writes a vCard file one card at a time inside the one write
 * transaction (a bad record rolls it all back), so 100,000 cards are never held at once; a large file is read and
 * checked on a reader thread while this one writes (contact-read.ts).
 */
import { mergeContact } from '../../contract/contact-merge';
import { DossierError, notFound } from '../../contract/errors';
import { type Contact, type ContactProposal, type ImportItem, InstitutionInput } from '../../contract/model';
import type { Parsed } from '../../contract/ops';
import { type ContactData, contactData } from '../formats/contact-data';
import { parseContactText, parseContactTexts } from '../formats/contact-text';
import type { FieldTally, RejectedRecord } from '../../contract/model';
import { readCsvFile, writeCsv } from '../formats/csv';
import { readVCardFile, vCardRecords } from '../formats/vcard';
import { writeVCards } from '../formats/vcard-write';
import { getSetting } from '../store/settings';
import { type ContactFields, allContactIds, contactCount, createContact, findDuplicate, getContact, getContacts, institutionText, lastContactId, updateContact } from '../store/contacts';
import { type ReadDb, nowIso } from '../store/db';
import { createInstitution, listInstitutions, reindexInstitution } from '../store/institutions';
import { deferIndexes } from '../store/deferred-indexes';
import { deferInsertCapture } from '../store/sync/schema';
import { IndexBatch } from '../store/search';
import { type InstitutionMatcher, institutionMatcher, matcherOf, nameKey } from './contact-io-match';
import { type Checked, type UnitMatch, checkRecords, dedupeKey, matchProposal, readBeside, validate } from './contact-read';
import type { HandlerMap, WriteContext } from './context';

type ImportInput = Parsed<'contact.importPreview'>;

/** Reads the file into proposals, the records that cannot be imported, per-field tallies and, for CSV, the columns and mapping used. */
function readFile({ format, content, fileName, mapping, drop }: ImportInput, region: string | null) {
  switch (format) {
    case 'vcard': {
      const r = readVCardFile(content, fileName, { region, drop });
      return { ...r, columns: null };
    }
    case 'csv': {
      const r = readCsvFile(content, fileName, { mapping, region });
      return { proposals: r.proposals, rejected: r.rejected, fields: r.fields, columns: { headers: r.table.headers, mapping: r.mapping, delimiter: r.table.delimiter } };
    }
    case 'text': {
      const proposals = parseContactTexts(content, { defaultRegion: region, source: fileName });
      if (!proposals.length) throw new DossierError('invalid_input', `${fileName}: no contact was found in the text.`, { details: { file: fileName, line: 1 } });
      return { proposals, rejected: [] as RejectedRecord[], fields: [] as FieldTally[], columns: null };
    }
  }
}

/**
 * The file's records one at a time (contacts, and those that cannot be imported). A vCard file is read card by card
 * as the import goes; CSV and text are small enough to be read first.
 */
function streamFile(input: ImportInput, region: string | null): Iterable<ContactProposal | RejectedRecord> {
  if (input.format !== 'vcard') {
    const { proposals, rejected } = readFile(input, region);
    return [...proposals, ...rejected].sort((a, b) => a.line - b.line);
  }
  return vCardRecords(input.content, input.fileName, { region, drop: input.drop });
}

/** How many records a file has, for progress: for a vCard file a scan for one word (milliseconds for 40 MB); reading them is the import itself. */
const cardCount = (input: ImportInput) => (input.format === 'vcard' ? (input.content.match(/^BEGIN:VCARD/gim)?.length ?? 0) : null);

/** The region numbers without a country code fall back to: the caller's, else the dossier's setting. */
const regionSetting = (db: ReadDb, given: string | null) => given ?? getSetting(db, 'region');

/**
 * One proposal with its institution match and the stored contact it duplicates (among contacts up to id `upTo`:
 * those stored before an import began; 0, none); national numbers re-read if the seat tells their country.
 */
function toItem(db: ReadDb, matcher: InstitutionMatcher, p: ContactProposal, region: string | null = null): ImportItem {
  const institution = matchProposal(matcher, p, region);
  const dup = findDuplicate(db, { ...dedupeKey(p, institution), institutionId: institution.institutionId });
  return { proposal: p, institution, duplicateOf: dup?.id ?? null, duplicateReason: dup?.reason ?? null };
}

const unitKey = (parent: number | null, names: readonly string[]) => `${parent ?? ''}/${names.map(nameKey).join('/')}`;

export function previewContacts(db: ReadDb, input: ImportInput, matcher: InstitutionMatcher = institutionMatcher(db)) {
  const region = regionSetting(db, input.defaultRegion);
  const { proposals, columns, rejected, fields } = readFile(input, region);
  const contacts = proposals.map((p) => toItem(db, matcher, p, region));
  const units = new Set(contacts.flatMap(({ institution: m }) => m.create.map((_, k) => unitKey(m.institutionId, m.create.slice(0, k + 1)))));
  const duplicates = contacts.filter((c) => c.duplicateOf !== null).length;
  return {
    format: input.format,
    count: contacts.length,
    columns,
    contacts,
    counts: { new: contacts.length - duplicates, duplicates, institutionsToCreate: units.size },
    fields,
    rejected,
  };
}

/** "Update": the stored contact merged with what came in, by the one rule (contract/contact-merge.ts). */
const merge = (s: Contact, f: ContactFields, matcher: InstitutionMatcher): ContactFields => mergeContact(s, f, matcher.within);

/** A contact import read, matched and validated, ready to write. */
export interface ContactImport {
  /** The records to write, each with its index in the preview (the index `overrides` use). */
  kept: { item: ImportItem; f: ContactFields; i: number }[];
  rejected: RejectedRecord[];
  matcher: InstitutionMatcher;
}

/**
 * Reads, matches and validates the whole file before anything is written, so a bad line writes nothing and holds no
 * lock. All or nothing unless the user chose to leave out the records that cannot be imported.
 */
export function planContactImport(db: ReadDb, input: Parsed<'contact.importCommit'>): ContactImport {
  const matcher = institutionMatcher(db);
  const { contacts: read, rejected: unread } = previewContacts(db, input, matcher);
  const checked = read.map((c) => ({ item: c, f: validate(c.proposal) }));
  const rejected = [...unread, ...checked.flatMap((c) => ('reason' in c.f ? [c.f] : []))].sort((a, b) => a.line - b.line);
  if (rejected[0] && !input.skipInvalid) {
    const r = rejected[0];
    throw new DossierError('invalid_input', `${input.fileName}, line ${r.line}: ${r.reason}`, { details: { file: input.fileName, line: r.line, reason: r.reason, rejected: rejected.length } });
  }
  // Indexes of `overrides` refer to the preview's list, so keep each record's preview index.
  const kept = checked.map((c, i) => ({ ...c, i })).filter((c): c is { item: ImportItem; f: ContactFields; i: number } => !('reason' in c.f));
  return { kept, rejected, matcher };
}

type CommitChoices = Pick<Parsed<'contact.importCommit'>, 'fileName' | 'resolution' | 'overrides'>;

/**
 * Writes an import's contacts as they come: the units each needs (each combination of names resolved once; new units
 * indexed at the end, so the search index never flushes its buffer between contacts), then the contact created,
 * skipped, or, for "update", merged after the new ones in file order, so an update cannot change what a later
 * record is taken for.
 */
function contactWriter(ctx: WriteContext, matcher: InstitutionMatcher, input: CommitChoices, opts: { deferIndexes?: { keep: string[] } } = {}) {
  const db = ctx.db;
  // A bulk import builds the contact tables' indexes once, at the end (store/deferred-indexes.ts), and, in a dossier
  // of one's own, writes without capture's insert triggers: createContact gives each row its gid (sync/schema.ts).
  const rebuildIndexes = opts.deferIndexes ? deferIndexes(db, CONTACT_TABLES, opts.deferIndexes.keep) : null;
  const restoreCapture = opts.deferIndexes ? deferInsertCapture(db, GID_GIVEN_TABLES) : null;
  const shared = { instText: institutionText(db), now: nowIso(), index: new IndexBatch(db) };
  const created: number[] = [];
  const updates: { id: number; f: ContactFields }[] = [];
  const institutionsCreated: number[] = [];
  const units = new Map<string, number>();
  const resolved = new Map<string, number | null>();
  let skipped = 0;
  const unitFor = ({ institutionId, create }: UnitMatch): number | null => {
    const memo = `${institutionId ?? ''}\u0001${create.join('\u0001')}`;
    const known = resolved.get(memo);
    if (known !== undefined) return known;
    let parent = institutionId;
    create.forEach((name, k) => {
      const key = unitKey(institutionId, create.slice(0, k + 1));
      let id = units.get(key);
      if (id === undefined) {
        const fields = InstitutionInput.parse({ name: name.slice(0, 300), parentId: parent, kind: parent === null ? 'other' : 'department' });
        id = createInstitution(db, fields, `Import: ${input.fileName}`, { index: false });
        units.set(key, id);
        institutionsCreated.push(id);
      }
      parent = id;
    });
    resolved.set(memo, parent);
    return parent;
  };
  return {
    /** One record: `i` is its index in the preview (the index `overrides` use). */
    add(item: { institution: UnitMatch; duplicateOf: number | null }, fields: ContactFields, i: number) {
      const choice = input.overrides[String(i)] ?? input.resolution;
      if (item.duplicateOf !== null && choice === 'skip') return void skipped++;
      const f = { ...fields, institutionId: unitFor(item.institution) };
      if (item.duplicateOf !== null && choice === 'update') updates.push({ id: item.duplicateOf, f });
      else created.push(createContact(db, f, shared));
    },
    finish(rejected: number) {
      // First: the updates below find a contact's rows by its id.
      rebuildIndexes?.();
      restoreCapture?.();
      shared.index.finish();
      for (const id of institutionsCreated) reindexInstitution(db, id);
      const updated = new Set<number>();
      for (const u of updates) {
        updateContact(db, u.id, merge(getContact(db, u.id), u.f, matcher));
        updated.add(u.id);
      }
      return { created, updated: [...updated], skipped, institutionsCreated, rejected };
    },
  };
}

const cancelled = () => new DossierError('cancelled', 'The import was cancelled; nothing was saved.');
const refused = (file: string, r: RejectedRecord, rejected: number) =>
  new DossierError('invalid_input', `${file}, line ${r.line}: ${r.reason}`, { details: { file, line: r.line, reason: r.reason, rejected } });

/** Writes a planned import (a pack's people file): the units it needs, then each contact created, updated or skipped as the user chose. */
export function importContacts(ctx: WriteContext, { kept, rejected, matcher }: ContactImport, input: CommitChoices) {
  const writer = contactWriter(ctx, matcher, input);
  kept.forEach(({ item, f, i }, n) => {
    if (n % 1000 === 0) {
      if (ctx.signal?.aborted) throw cancelled();
      ctx.progress?.(n, kept.length, 'Importing contacts');
    }
    writer.add(item, f, i);
  });
  ctx.progress?.(kept.length, kept.length, 'Importing contacts');
  return writer.finish(rejected.length);
}

/** Files with at least this many cards are read on a reader thread beside the writer (a thread costs tens of ms to start). */
const READER_FROM = 2000;

/** The tables a contact import writes many rows to. */
const CONTACT_TABLES = ['contacts', 'contact_phones', 'contact_emails'];
/** The tables whose rows createContact writes with their gids (a photo's row takes its gid from capture's trigger). */
const GID_GIVEN_TABLES = ['contacts', 'contact_phones', 'contact_emails', 'contact_addresses', 'contact_details'];
/**
 * An import of at least this many cards, and at least as many as the dossier holds contacts, builds the contact
 * tables' indexes at the end instead of row by row. Kept up, they cost 25 to 45 µs a contact imported; built, 12 to
 * 23 µs a contact the tables then hold (store/deferred-indexes.ts): building wins once an import at least doubles
 * them. Below a thousand cards there is little to win, and the schema change re-prepares every statement.
 */
const DEFER_INDEXES_FROM = 1000;

/**
 * contact.importCommit in one pass, inside dispatch's write transaction: each record is read, matched, checked and
 * written in turn; the first that cannot be imported throws (rolling back what came before) unless the user chose
 * to leave such records out. Duplicates are looked for among the contacts stored before the import, as the preview
 * did. A vCard file of `readerFrom` cards or more is read on a reader thread beside the writer (contact-read.ts).
 */
export const importCommit =
  (opts: { readerFrom?: number; handOverAt?: number } = {}) =>
  (input: Parsed<'contact.importCommit'>, ctx: WriteContext) =>
    commitImport(ctx, input, opts);

function commitImport(ctx: WriteContext, input: Parsed<'contact.importCommit'>, { readerFrom = READER_FROM, handOverAt }: { readerFrom?: number; handOverAt?: number }) {
  const db = ctx.db;
  const count = cardCount(input);
  const institutions = listInstitutions(db);
  const matcher = matcherOf(institutions);
  const region = regionSetting(db, input.defaultRegion);
  const stored = lastContactId(db);
  const checks = { skipInvalid: input.skipInvalid, dedupe: stored > 0 };
  const bulk = count !== null && count >= DEFER_INDEXES_FROM && count >= contactCount(db);
  // Duplicates are looked up by e-mail address through its index: kept when there are stored contacts to find.
  const writer = contactWriter(ctx, matcher, input, bulk ? { deferIndexes: { keep: checks.dedupe ? ['contact_emails_value'] : [] } } : {});
  const checkCancel = () => {
    if (ctx.signal?.aborted) throw cancelled();
  };
  let records: Iterable<Checked>;
  let total: number;
  if (count !== null && count >= readerFrom) {
    const plan = { ...checks, content: input.content, fileName: input.fileName, drop: input.drop, institutions, matcher, region };
    records = readBeside(handOverAt === undefined ? plan : { ...plan, handOverAt }, checkCancel);
    total = count;
  } else {
    const read = streamFile(input, region);
    records = checkRecords(read, matcher, region, checks);
    total = count ?? (Array.isArray(read) ? read.length : 0);
  }
  let rejected = 0;
  // Without skipInvalid the first record that cannot be imported refuses the file; the rest is only read to count them.
  let first: RejectedRecord | null = null;
  // Records are taken a hundred at a time, then written: each step in a run of its own keeps its working set in the
  // CPU's caches (interleaved record by record, the reader's garbage evicted SQLite's pages).
  const pending: [{ institution: UnitMatch; duplicateOf: number | null }, ContactFields, number][] = [];
  const write = () => {
    for (const [item, f, index] of pending) writer.add(item, f, index);
    pending.length = 0;
  };
  let i = 0;
  for (const r of records) {
    if (i % 100 === 0) write();
    if (i % 1000 === 0) {
      checkCancel();
      ctx.progress?.(i, total, 'Importing contacts');
    }
    if (r.i !== undefined) i = r.i + 1;
    if ('reason' in r) {
      rejected++;
      if (!input.skipInvalid) first ??= r;
      continue;
    }
    if (r.institution === null || first) continue;
    const dup = r.key ? findDuplicate(db, { ...r.key, institutionId: r.institution.institutionId }, stored) : null;
    pending.push([{ institution: r.institution, duplicateOf: dup?.id ?? null }, r.f, r.i]);
  }
  if (first) throw refused(input.fileName, first, rejected);
  write();
  ctx.progress?.(i, i, 'Importing contacts');
  return writer.finish(rejected);
}

export function exportContacts(db: ReadDb, { format, version, ids }: Parsed<'contact.export'>, now: Date) {
  const wanted = ids ?? allContactIds(db);
  const matcher = institutionMatcher(db);
  const data: ContactData[] = [];
  // In slices: getContacts reads phones and e-mails per slice, not per contact.
  for (let i = 0; i < wanted.length; i += 500) {
    const slice = wanted.slice(i, i + 500);
    const found = getContacts(db, slice, now, { photos: true });
    if (found.length !== slice.length) throw notFound('Contact', slice.find((id) => !found.some((c) => c.id === id))!);
    for (const c of found) data.push(contactData(c, c.institutionId === null ? [] : matcher.names(c.institutionId)));
  }
  const one = ids?.length === 1 && data[0] ? `${data[0].givenName}-${data[0].familyName}`.normalize('NFKD').replace(/[^\w-]+/g, '').toLowerCase() || 'contact' : 'contacts';
  return format === 'vcard'
    ? { content: writeVCards(data, version), count: data.length, fileName: `${one}.vcf` }
    : { content: writeCsv(data), count: data.length, fileName: `${one}.csv` };
}

/** A reviewed paste: the units it needs (reusing one of the same name already under the parent), then the contact. */
function saveProposal(ctx: WriteContext, { contact, createInstitutions, updateId }: Parsed<'contact.saveProposal'>): Contact {
  const db = ctx.db;
  const matcher = institutionMatcher(db);
  let parent = contact.institutionId;
  for (const name of createInstitutions) {
    parent = matcher.child(parent, name) ?? createInstitution(db, InstitutionInput.parse({ name, parentId: parent, kind: parent === null ? 'other' : 'department' }), 'Pasted contact');
  }
  const f = { ...contact, institutionId: parent };
  if (updateId === null) return getContact(db, createContact(db, f), ctx.now());
  updateContact(db, updateId, merge(getContact(db, updateId), f, matcher));
  return getContact(db, updateId, ctx.now());
}

export const contactIoHandlers: HandlerMap<'contact.parseText' | 'contact.importPreview' | 'contact.importCommit' | 'contact.export' | 'contact.saveProposal'> = {
  'contact.parseText': ({ text, defaultRegion }, { db }) => {
    const region = regionSetting(db, defaultRegion);
    const proposal = parseContactText(text, { defaultRegion: region });
    return { ...toItem(db, institutionMatcher(db), proposal, region), candidates: parseContactTexts(text, { defaultRegion: region }).length };
  },
  'contact.importPreview': (input, { db }) => previewContacts(db, input),
  'contact.importCommit': importCommit(),
  'contact.export': (input, { db, now }) => exportContacts(db, input, now()),
  'contact.saveProposal': (input, ctx) => saveProposal(ctx, input),
};
