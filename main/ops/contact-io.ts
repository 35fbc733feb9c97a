/**
 * Contacts in and out: paste-to-contact, import preview and all-or-nothing import of vCard, CSV and text files,
 * and vCard/CSV export. An import reads, checks and writes one contact at a time inside its one transaction, so a
 * bad line rolls everything back and 100,000 cards are never held parsed all at once.
 */
import { mergeContact } from '../../contract/contact-merge';
import { DossierError, notFound } from '../../contract/errors';
import { type Contact, ContactInput, type ContactProposal, type ImportItem, InstitutionInput } from '../../contract/model';
import type { Parsed } from '../../contract/ops';
import type { ContactData } from '../formats/contact-data';
import { parseContactText, parseContactTexts } from '../formats/contact-text';
import { readCsv, readCsvTable, writeCsv } from '../formats/csv';
import { autoMapping } from '../formats/csv-headers';
import { readVCards, vCardProposals } from '../formats/vcard';
import { writeVCards } from '../formats/vcard-write';
import { type ContactFields, allContactIds, createContact, findDuplicate, getContact, getContacts, institutionText, lastContactId, updateContact } from '../store/contacts';
import { type ReadDb, type WriteDb, nowIso } from '../store/db';
import { createInstitution, reindexInstitution } from '../store/institutions';
import { type InstitutionMatcher, institutionMatcher, nameKey } from './contact-io-match';
import type { HandlerMap, OpsContext } from './context';
import { write } from './context';

type ImportInput = Parsed<'contact.importPreview'>;

/** Reads the file into proposals (throws on the first malformed line) and, for CSV, the columns and mapping used. */
function readFile({ format, content, fileName, mapping, defaultRegion }: ImportInput) {
  switch (format) {
    case 'vcard':
      return { proposals: readVCards(content, fileName, defaultRegion), columns: null };
    case 'csv': {
      const table = readCsvTable(content, fileName);
      const used = { ...autoMapping(table.headers), ...(mapping ?? {}) };
      return { proposals: readCsv(table, fileName, used, defaultRegion), columns: { headers: table.headers, mapping: used, delimiter: table.delimiter } };
    }
    case 'text': {
      const proposals = parseContactTexts(content, { defaultRegion, source: fileName });
      if (!proposals.length) throw new DossierError('invalid_input', `${fileName}: no contact was found in the text.`, { details: { file: fileName, line: 1 } });
      return { proposals, columns: null };
    }
  }
}

/**
 * The file's proposals one at a time, and how many there are (for progress). A vCard file is read card by card as
 * the import goes; CSV and text are small enough to be read first.
 */
function streamFile(input: ImportInput): { proposals: Iterable<ContactProposal>; total: number } {
  if (input.format !== 'vcard') {
    const { proposals } = readFile(input);
    return { proposals, total: proposals.length };
  }
  // Counting the cards is a scan for one word (milliseconds for 40 MB); reading them is the import itself.
  const total = input.content.match(/^BEGIN:VCARD/gim)?.length ?? 0;
  return { proposals: vCardProposals(input.content, input.fileName, input.defaultRegion), total };
}

/**
 * One proposal with its institution match and the stored contact it duplicates (among contacts up to id `upTo`:
 * those stored before an import began; 0, none).
 */
function toItem(db: ReadDb, matcher: InstitutionMatcher, p: ContactProposal, upTo?: number): ImportItem {
  const institution = matcher.match(p);
  // A contact headed for a unit still to be created cannot share a name and institution with a stored one; its e-mail still can.
  const byName = institution.create.length === 0;
  const dup =
    upTo === 0 ? null : findDuplicate(db, { givenName: byName ? p.givenName : '', familyName: byName ? p.familyName : '', institutionId: institution.institutionId, emails: p.emails }, upTo);
  // The proposal is this reader's own fresh object: set the match on it rather than copy it (imports make 100,000).
  p.institutionId = institution.institutionId;
  return { proposal: p, institution, duplicateOf: dup?.id ?? null, duplicateReason: dup?.reason ?? null };
}

const unitKey = (parent: number | null, names: readonly string[]) => `${parent ?? ''}/${names.map(nameKey).join('/')}`;

function preview(db: ReadDb, input: ImportInput, matcher: InstitutionMatcher = institutionMatcher(db)) {
  const { proposals, columns } = readFile(input);
  const contacts = proposals.map((p) => toItem(db, matcher, p));
  const units = new Set(contacts.flatMap(({ institution: m }) => m.create.map((_, k) => unitKey(m.institutionId, m.create.slice(0, k + 1)))));
  const duplicates = contacts.filter((c) => c.duplicateOf !== null).length;
  return { format: input.format, count: contacts.length, columns, contacts, counts: { new: contacts.length - duplicates, duplicates, institutionsToCreate: units.size } };
}

/** The proposal as ContactInput fields; a value the contact model refuses stops the import, naming file and line. */
function validate(p: ContactProposal, file: string): ContactFields {
  const r = ContactInput.safeParse({ ...p, institutionId: null });
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  throw new DossierError('invalid_input', `${file}, line ${p.line}: ${field}: ${issue.message}`, { field, details: { file, line: p.line, field } });
}

/** "Update": the stored contact merged with what came in, by the one rule (contract/contact-merge.ts). */
const merge = (s: Contact, f: ContactFields, matcher: InstitutionMatcher): ContactFields => mergeContact(s, f, matcher.within);

/**
 * The import, all or nothing: each contact is read, matched, checked and written in turn inside one transaction, and
 * the first bad line throws, rolling back what came before it. Duplicates are looked for among the contacts stored
 * before the import (as the preview did), and "update" merges are applied after the new contacts, in file order, so
 * an update cannot change what a later line is taken for.
 */
function commit(ctx: OpsContext, input: Parsed<'contact.importCommit'>) {
  const matcher = institutionMatcher(ctx.db);
  return write(ctx, () => {
    const db: WriteDb = ctx.db;
    const stored = lastContactId(db);
    const shared = { instText: institutionText(db), now: nowIso() };
    const { proposals, total } = streamFile(input);
    const created: number[] = [];
    const updates: { id: number; fields: ContactFields }[] = [];
    const institutionsCreated: number[] = [];
    const units = new Map<string, number>();
    let skipped = 0;
    // The same institution names come back on thousands of lines: each combination is resolved once.
    const resolved = new Map<string, number | null>();
    const unitFor = ({ institutionId, create }: ImportItem['institution']): number | null => {
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
    let i = 0;
    for (const p of proposals) {
      if (i % 1000 === 0) {
        if (ctx.signal?.aborted) throw new DossierError('conflict', 'The import was cancelled; nothing was saved.');
        ctx.progress?.(i, total, 'Importing contacts');
      }
      const item = toItem(db, matcher, p, stored);
      const fields = validate(p, input.fileName);
      const choice = input.overrides[String(i++)] ?? input.resolution;
      if (item.duplicateOf !== null && choice === 'skip') {
        skipped++;
        continue;
      }
      const f = { ...fields, institutionId: unitFor(item.institution) };
      if (item.duplicateOf !== null && choice === 'update') updates.push({ id: item.duplicateOf, fields: f });
      else created.push(createContact(db, f, shared));
    }
    // New units join the search index after the contacts (see createInstitution).
    for (const id of institutionsCreated) reindexInstitution(db, id);
    const updated = new Set<number>();
    for (const u of updates) {
      updateContact(db, u.id, merge(getContact(db, u.id), u.fields, matcher));
      updated.add(u.id);
    }
    ctx.progress?.(i, i, 'Importing contacts');
    return { created, updated: [...updated], skipped, institutionsCreated };
  });
}

function exportContacts(db: ReadDb, { format, version, ids }: Parsed<'contact.export'>, now: Date) {
  const wanted = ids ?? allContactIds(db);
  const matcher = institutionMatcher(db);
  const data: ContactData[] = [];
  // In slices: getContacts reads phones and e-mails per slice, not per contact.
  for (let i = 0; i < wanted.length; i += 500) {
    const slice = wanted.slice(i, i + 500);
    const found = getContacts(db, slice, now);
    if (found.length !== slice.length) throw notFound('Contact', slice.find((id) => !found.some((c) => c.id === id))!);
    for (const c of found) {
      const { id: _id, displayName: _d, institutionId, institutionName: _n, stale: _s, updatedAt: _u, ...own } = c;
      data.push({ ...own, institutionNames: institutionId === null ? [] : matcher.names(institutionId) });
    }
  }
  const one = ids?.length === 1 && data[0] ? `${data[0].givenName}-${data[0].familyName}`.normalize('NFKD').replace(/[^\w-]+/g, '').toLowerCase() || 'contact' : 'contacts';
  return format === 'vcard'
    ? { content: writeVCards(data, version), count: data.length, fileName: `${one}.vcf` }
    : { content: writeCsv(data), count: data.length, fileName: `${one}.csv` };
}

/** A reviewed paste: the units it needs (reusing one of the same name already under the parent), then the contact. */
function saveProposal(ctx: OpsContext, { contact, createInstitutions, updateId }: Parsed<'contact.saveProposal'>): Contact {
  return write(ctx, () => {
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
  });
}

export const contactIoHandlers: HandlerMap<'contact.parseText' | 'contact.importPreview' | 'contact.importCommit' | 'contact.export' | 'contact.saveProposal'> = {
  'contact.parseText': ({ text, defaultRegion }, { db }) => {
    const proposal = parseContactText(text, { defaultRegion });
    return { ...toItem(db, institutionMatcher(db), proposal), candidates: parseContactTexts(text, { defaultRegion }).length };
  },
  'contact.importPreview': (input, { db }) => preview(db, input),
  'contact.importCommit': (input, ctx) => commit(ctx, input),
  'contact.export': (input, { db, now }) => exportContacts(db, input, now()),
  'contact.saveProposal': (input, ctx) => saveProposal(ctx, input),
};
