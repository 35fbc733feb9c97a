/**
 * The one operation table. Every operation the renderer (or the CLI, or a script over HTTP)
 * may ask for is declared here once: name → input schema, output schema, read/write, doc.
 * Electron IPC, the HTTP host and the CLI are all derived from this object; never list ops by hand.
 */
import { z } from 'zod';
import {
  Briefing,
  BriefingDetail,
  BriefingInput,
  Contact,
  ContactInput,
  Id,
  Institution,
  InstitutionInput,
  Meeting,
  MeetingDetail,
  MeetingInput,
  SearchHit,
  SystemInfo,
  DELEGATION_ROLES,
  BRIEFING_STATUSES,
  BriefingComparison,
  BriefingPatch,
  BriefingVersion,
  HANDLING_MARKS,
  Section,
  SectionKind,
  Snippet,
  SnippetInput,
  GeneratedSection,
} from './model';
import { ACTION_STATUSES, IsoDate, LocalDateTime, MeetingProposal, TimeZone } from './model';
import { CsvField, ImportItem } from './model';
import { ContactPosition, PackImportPreview, ParticipantRow } from './model';
import { IssuedPack, PackVariant, PreflightFinding, ReleaseReport } from './model';
import { teamOps } from './team';

interface OpSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  kind: 'read' | 'write';
  doc: string;
}
const op = <I extends z.ZodType, O extends z.ZodType>(spec: OpSpec<I, O>) => spec;

/** 'YYYY-MM-DD' that names a real day (not 2026-02-30). */
const isCalendarDay = (d: string) => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, day));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === day;
};

const ById = z.object({ id: Id });
const Ok = z.object({ ok: z.literal(true) });
const BackupInfo = z.object({ name: z.string(), takenAt: z.string(), automatic: z.boolean(), bytes: z.number().int() });
// Release-grade packs: the pack of a briefing (or of a meeting's latest briefing), a variant, a numbered copy.
const PackTarget = { briefingId: Id.optional(), meetingId: Id.optional() };
const oneTarget = (i: { briefingId?: number | undefined; meetingId?: number | undefined }) => (i.briefingId === undefined) !== (i.meetingId === undefined);
const OutPdf = z
  .string()
  .trim()
  .max(4096)
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\).*\.pdf$/i, 'Give the absolute path of a .pdf file.')
  .optional();
const VariantInput = {
  /** Default 'full'. */
  variant: PackVariant.optional(),
  /** "Copy 3 of 7 — for J. Smith" on every page. */
  copy: z
    .object({
      number: z.number().int().min(1, 'Copies are numbered from 1.').max(9999).optional(),
      of: z.number().int().min(1).max(9999).optional(),
      recipient: z.string().trim().max(200).default(''),
    })
    .refine((c) => c.number === undefined || c.of === undefined || c.number <= c.of, { message: 'The copy number is higher than the number of copies.', path: ['number'] })
    .optional(),
  /** A lower marking for a releasable or run-book variant, if the user decides it may carry one. */
  releaseClassification: z.string().trim().max(100).optional(),
};
const IssuedFile = IssuedPack.extend({ file: z.string().nullable(), bytesBase64: z.string().optional() });

const Page = <T extends z.ZodType>(item: T) => z.object({ total: z.number().int(), items: z.array(item) });
const Settings = z.object({
  staleAfterMonths: z.number().int().min(1, 'Use at least 1 month.').max(600, 'Use at most 600 months (50 years).'),
  packMaxSides: z.number().int().min(1, 'Use at least 1 side.').max(500, 'Use at most 500 sides.'),
});

// Contact import: the file as text with its name (errors name it), the CSV column mapping, the region for numbers without +.
const Region = z.string().regex(/^[A-Za-z]{2}$/, 'Use a two-letter country code such as CH.').nullable().default(null);
const ContactImport = z.object({
  format: z.enum(['vcard', 'csv', 'text']),
  content: z.string().max(64_000_000),
  fileName: z.string().trim().min(1).max(500).default('contacts'),
  mapping: z.record(z.string(), CsvField).optional(),
  defaultRegion: Region,
});
const ImportResolution = z.enum(['skip', 'update', 'keep_both']);
const ContactImportPreview = z.object({
  format: z.enum(['vcard', 'csv', 'text']),
  count: z.number().int(),
  /** CSV only: the header row and the mapping used (automatic unless given), for the column-mapping step. */
  columns: z.object({ headers: z.array(z.string()), mapping: z.record(z.string(), CsvField), delimiter: z.string() }).nullable(),
  contacts: z.array(ImportItem),
  counts: z.object({ new: z.number().int(), duplicates: z.number().int(), institutionsToCreate: z.number().int() }),
});

export const ops = {
  // ----- system -----
  'system.info': op({ input: z.object({}), output: SystemInfo, kind: 'read', doc: 'App and database facts: schema version, counts, whether the dossier is empty.' }),
  'system.check': op({
    input: z.object({}),
    output: z.object({ ok: z.boolean(), schemaVersion: z.number().int(), integrity: z.array(z.string()) }),
    kind: 'read',
    doc: 'Run PRAGMA integrity_check and report the schema version.',
  }),
  'system.loadDemo': op({
    input: z.object({}),
    output: z.object({ institutions: z.number(), contacts: z.number(), meetings: z.number() }),
    kind: 'write',
    doc: 'Load the demo dossier (seed institutions, contacts and an upcoming WPSDG meeting). Refused if the dossier is not empty.',
  }),

  // ----- search -----
  'search.query': op({
    input: z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(200).default(30) }),
    output: z.array(SearchHit),
    kind: 'read',
    doc: 'Full-text search over institutions, contacts, meetings and briefings, ignoring case and diacritics.',
  }),

  // ----- institutions -----
  'institution.list': op({
    input: z.object({ query: z.string().max(200).default('') }),
    output: z.array(Institution),
    kind: 'read',
    doc: 'All institutions (tree order: parents before children), optionally filtered by name or acronym.',
  }),
  'institution.get': op({ input: ById, output: Institution, kind: 'read', doc: 'One institution with its path and counts.' }),
  'institution.create': op({ input: InstitutionInput, output: Institution, kind: 'write', doc: 'Create an institution or unit.' }),
  'institution.update': op({
    input: z.object({ id: Id, patch: InstitutionInput }),
    output: Institution,
    kind: 'write',
    doc: 'Replace an institution’s fields; moving it under one of its own units is refused.',
  }),
  'institution.delete': op({ input: ById, output: Ok, kind: 'write', doc: 'Delete an institution; its units move up to its parent, its contacts keep their data.' }),
  'institution.move': op({
    input: z.object({ id: Id, parentId: Id.nullable() }),
    output: Institution,
    kind: 'write',
    doc: 'Move an institution (with its units) under another parent, or to the top level (null); moving it under one of its own units is refused.',
  }),

  // ----- settings -----
  'settings.get': op({ input: z.object({}), output: Settings, kind: 'read', doc: 'The dossier’s settings (kept in the file): how old contact details may be before they are flagged “to check”.' }),
  'settings.update': op({ input: Settings.partial(), output: Settings, kind: 'write', doc: 'Change some of the dossier’s settings; returns them all.' }),

  // ----- contacts -----
  'contact.list': op({
    input: z.object({
      query: z.string().max(200).default(''),
      institutionId: Id.nullable().default(null),
      stale: z.boolean().nullable().default(null),
      internal: z.boolean().nullable().default(null),
      language: z.string().max(40).default(''),
      sort: z.enum(['name', 'institution', 'dated', 'updated']).default('name'),
      limit: z.number().int().min(1).max(1000).default(200),
      offset: z.number().int().min(0).default(0),
    }),
    output: Page(Contact),
    kind: 'read',
    doc: 'Contacts, filtered and sorted, one page at a time.',
  }),
  'contact.get': op({ input: ById, output: Contact, kind: 'read', doc: 'One contact with phones, e-mails and staleness.' }),
  'contact.create': op({ input: ContactInput, output: Contact, kind: 'write', doc: 'Create a contact officer (or internal staff member).' }),
  'contact.update': op({ input: z.object({ id: Id, patch: ContactInput }), output: Contact, kind: 'write', doc: 'Replace a contact’s fields.' }),
  'contact.delete': op({ input: ById, output: Ok, kind: 'write', doc: 'Delete a contact (removes it from delegations and counterparts).' }),
  'contact.confirmDetails': op({ input: ById, output: Contact, kind: 'write', doc: 'Mark the contact’s details as confirmed today.' }),
  'contact.positions': op({
    input: ById,
    output: z.array(ContactPosition),
    kind: 'read',
    doc: 'A contact’s post history, current post first, then former posts latest first.',
  }),

  // ----- contact import and export (paste, vCard, CSV) -----
  'contact.parseText': op({
    input: z.object({ text: z.string().max(2_000_000), defaultRegion: Region }),
    output: ImportItem.extend({ candidates: z.number().int() }),
    kind: 'read',
    doc: 'Propose a contact from a pasted block or web page, matched to stored institutions and checked for duplicates; nothing is saved.',
  }),
  'contact.importPreview': op({
    input: ContactImport,
    output: ContactImportPreview,
    kind: 'read',
    doc: 'Read a vCard, CSV or text file without saving: the proposed contacts, their institution matches and duplicates, and the CSV column mapping.',
  }),
  'contact.importCommit': op({
    input: ContactImport.extend({
      resolution: ImportResolution.default('skip'),
      /** Per-contact choice by index in the preview, overriding `resolution`. */
      overrides: z.record(z.string().regex(/^\d+$/), ImportResolution).default({}),
    }),
    output: z.object({ created: z.array(Id), updated: z.array(Id), skipped: z.number().int(), institutionsCreated: z.array(Id) }),
    kind: 'write',
    doc: 'Import a vCard, CSV or text file all or nothing; duplicates are skipped, updated (imported values win, nothing is blanked) or kept both.',
  }),
  'contact.export': op({
    input: z.object({ format: z.enum(['vcard', 'csv']), version: z.enum(['3.0', '4.0']).default('4.0'), ids: z.array(Id).max(1_000_000).nullable().default(null) }),
    output: z.object({ content: z.string(), count: z.number().int(), fileName: z.string() }),
    kind: 'read',
    doc: 'All contacts, or the given ids, as a vCard (4.0 by default, or 3.0) or CSV file that Dossier reads back field for field.',
  }),
  'contact.saveProposal': op({
    input: z.object({
      contact: ContactInput,
      /** Units to create first, outermost first, nested under `contact.institutionId` (a proposal's `institution.create`). */
      createInstitutions: z.array(z.string().trim().min(1).max(300)).max(10).default([]),
      /** Merge into this stored contact (a proposal's `duplicateOf`) instead of creating one. */
      updateId: Id.nullable().default(null),
    }),
    output: Contact,
    kind: 'write',
    doc: 'Save a reviewed paste proposal in one transaction: its new units, then the contact (or merged into updateId, nothing blanked).',
  }),

  // ----- meetings -----
  'meeting.list': op({
    input: z.object({
      when: z.enum(['upcoming', 'past', 'all']).default('all'),
      seriesId: Id.nullable().default(null),
      // A page for long lists (the virtualised list); without `limit`, every meeting as before.
      limit: z.number().int().min(1).max(1000).nullable().default(null),
      offset: z.number().int().min(0).default(0),
      // Only meetings overlapping [from, to) (UTC dates 'YYYY-MM-DD'), e.g. the weeks a calendar shows.
      from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
      to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
    }),
    output: z.array(Meeting),
    kind: 'read',
    doc: 'Meetings ordered by start: upcoming soonest first, past latest first; a page of them with limit/offset.',
  }),
  'meeting.count': op({
    input: z.object({ when: z.enum(['upcoming', 'past', 'all']).default('all'), seriesId: Id.nullable().default(null) }),
    output: z.object({ total: z.number().int() }),
    kind: 'read',
    doc: 'How many meetings meeting.list would return without limit (for paging).',
  }),
  'meeting.get': op({ input: ById, output: MeetingDetail, kind: 'read', doc: 'A meeting with agenda, delegation, counterparts, outcomes and actions.' }),
  'meeting.create': op({ input: MeetingInput, output: Meeting, kind: 'write', doc: 'Create a meeting; a new series name creates the series.' }),
  'meeting.update': op({ input: z.object({ id: Id, patch: MeetingInput }), output: Meeting, kind: 'write', doc: 'Replace a meeting’s fields.' }),
  'meeting.delete': op({ input: ById, output: Ok, kind: 'write', doc: 'Delete a meeting with its agenda, delegation and briefings.' }),
  'meeting.setParticipant': op({
    input: z.object({
      meetingId: Id,
      contactId: Id,
      side: z.enum(['delegation', 'counterpart']),
      role: z.enum(DELEGATION_ROLES).default('member'),
    }),
    output: MeetingDetail,
    kind: 'write',
    doc: 'Add a contact to the delegation (with a role) or as a counterpart, or change the role.',
  }),
  'meeting.removeParticipant': op({
    input: z.object({ meetingId: Id, contactId: Id, side: z.enum(['delegation', 'counterpart']) }),
    output: MeetingDetail,
    kind: 'write',
    doc: 'Remove a contact from the delegation or the counterparts.',
  }),
  'agenda.save': op({
    input: z.object({
      meetingId: Id,
      id: Id.nullable().default(null),
      time: z.string().trim().max(40).default(''),
      title: z.string().trim().min(1, 'An agenda item needs a title.').max(500),
      lead: z.string().trim().max(300).default(''),
      documents: z.string().trim().max(2000).default(''),
    }),
    output: MeetingDetail,
    kind: 'write',
    doc: 'Add an agenda item at the end, or update one.',
  }),
  'agenda.remove': op({ input: z.object({ meetingId: Id, id: Id }), output: MeetingDetail, kind: 'write', doc: 'Remove an agenda item.' }),
  'agenda.reorder': op({
    input: z.object({ meetingId: Id, ids: z.array(Id).max(500) }),
    output: MeetingDetail,
    kind: 'write',
    doc: 'Put the meeting’s agenda items in the given order (all ids, each once).',
  }),
  'meeting.series': op({
    input: z.object({}),
    output: z.array(z.object({ id: Id, name: z.string(), meetingCount: z.number().int(), lastMeetingId: Id.nullable() })),
    kind: 'read',
    doc: 'Every meeting series by name, with its number of meetings and its latest meeting.',
  }),
  'meeting.createFromPrevious': op({
    input: z.object({
      seriesId: Id.nullable().default(null),
      meetingId: Id.nullable().default(null),
      start: LocalDateTime,
      end: LocalDateTime,
      timeZone: TimeZone.nullable().default(null),
    }),
    output: Meeting,
    kind: 'write',
    doc: 'New meeting copying series, venue, format, host, institutions, delegation and agenda titles of the series’ last meeting (or of meetingId).',
  }),
  'outcome.save': op({
    input: z.object({
      meetingId: Id,
      id: Id.nullable().default(null),
      text: z.string().trim().min(1, 'An outcome needs a text.').max(5000),
      committedBy: z.string().trim().max(200).default(''),
    }),
    output: MeetingDetail,
    kind: 'write',
    doc: 'Add an outcome to a meeting, or update one; committedBy is "us", "counterpart" or a name.',
  }),
  'outcome.remove': op({ input: z.object({ meetingId: Id, id: Id }), output: MeetingDetail, kind: 'write', doc: 'Remove an outcome.' }),
  'action.save': op({
    input: z.object({
      meetingId: Id,
      id: Id.nullable().default(null),
      text: z.string().trim().min(1, 'An action needs a text.').max(5000),
      owner: z.string().trim().max(200).default(''),
      dueDate: IsoDate.nullable().default(null),
      status: z.enum(ACTION_STATUSES).default('open'),
    }),
    output: MeetingDetail,
    kind: 'write',
    doc: 'Add a follow-up action to a meeting, or update one.',
  }),
  'action.setStatus': op({
    input: z.object({ id: Id, status: z.enum(ACTION_STATUSES), meetingId: Id }),
    output: MeetingDetail,
    kind: 'write',
    doc: 'Close (done, dropped) or reopen an action; returns the meeting it was changed from (meetingId).',
  }),
  'action.carryForward': op({
    input: z.object({ id: Id, toMeetingId: Id }),
    output: MeetingDetail,
    kind: 'write',
    doc: 'Keep an open action open and carry it to a later meeting, where it shows as carried forward.',
  }),
  'action.remove': op({ input: z.object({ meetingId: Id, id: Id }), output: MeetingDetail, kind: 'write', doc: 'Delete a follow-up action.' }),
  'meeting.importPreview': op({
    input: z.object({ content: z.string().max(20_000_000), fileName: z.string().max(500).default('calendar.ics'), defaultZone: TimeZone.default('UTC') }),
    output: z.object({ meetings: z.array(MeetingProposal) }),
    kind: 'read',
    doc: 'Read an .ics file without saving: one proposed meeting per VEVENT; a malformed file is refused naming its line.',
  }),
  'meeting.importIcs': op({
    input: z.object({ content: z.string().max(20_000_000), fileName: z.string().max(500).default('calendar.ics'), defaultZone: TimeZone.default('UTC') }),
    output: z.object({ created: z.array(Id), skipped: z.number().int() }),
    kind: 'write',
    doc: 'Import every VEVENT of an .ics file as a meeting with its agenda, all or nothing; events already imported (same UID) are skipped.',
  }),
  'meeting.exportIcs': op({
    input: z.object({ meetingId: Id.nullable().default(null), seriesId: Id.nullable().default(null), all: z.boolean().default(false) }),
    output: z.object({ content: z.string(), count: z.number().int(), fileName: z.string() }),
    kind: 'read',
    doc: 'One meeting, a series or all meetings as iCalendar (VTIMEZONE included; agenda as "Item N:" lines in DESCRIPTION).',
  }),

  // ----- participants lists -----
  'participants.preview': op({
    input: z.object({ meetingId: Id, text: z.string().max(2_000_000), defaultRegion: Region }),
    output: z.object({ source: z.string(), people: z.array(ParticipantRow), counts: z.object({ new: z.number().int(), changed: z.number().int(), unchanged: z.number().int() }) }),
    kind: 'read',
    doc: 'Read a pasted participants list and match each person against the store (case and accents ignored): new people, changed posts, unchanged; nothing is saved.',
  }),
  'participants.apply': op({
    input: z.object({
      meetingId: Id,
      text: z.string().max(2_000_000),
      defaultRegion: Region,
      /** Per-person choice by index in the preview; everyone is applied unless skipped here. */
      decisions: z.record(z.string().regex(/^\d+$/), z.enum(['apply', 'skip'])).default({}),
    }),
    output: z.object({ created: z.array(Id), updated: z.array(Id), added: z.array(Id), skipped: z.number().int(), source: z.string() }),
    kind: 'write',
    doc: 'Record a participants list all or nothing: new people created, changed posts saved (post history kept), everyone added as a counterpart; the list is their dated source.',
  }),

  // ----- briefings -----
  'briefing.list': op({
    input: z.object({ meetingId: Id.nullable().default(null) }),
    output: z.array(Briefing),
    kind: 'read',
    doc: 'Briefings, most recently changed first.',
  }),
  'briefing.get': op({ input: ById, output: BriefingDetail, kind: 'read', doc: 'A briefing with its sections in order.' }),
  'briefing.create': op({
    input: BriefingInput.extend({ template: z.enum(['standard', 'empty']).default('standard') }),
    output: BriefingDetail,
    kind: 'write',
    doc: 'Create a briefing for a meeting, with the sections of the standard delegation brief or none.',
  }),
  'briefing.delete': op({ input: ById, output: Ok, kind: 'write', doc: 'Delete a briefing with its sections and versions.' }),
  'briefing.update': op({
    input: z.object({ id: Id, patch: BriefingPatch }),
    output: BriefingDetail,
    kind: 'write',
    doc: 'Change a briefing’s title, classification, language, owner or deadline; refused while it is final.',
  }),
  'briefing.setStatus': op({
    input: z.object({ id: Id, status: z.enum(BRIEFING_STATUSES) }),
    output: BriefingDetail,
    kind: 'write',
    doc: 'Move a briefing between draft, in review and final (final → draft reopens it); saves a version of the new state.',
  }),
  'briefing.preview': op({
    input: ById,
    output: z.array(z.object({ sectionId: Id, data: GeneratedSection })),
    kind: 'read',
    doc: 'What each generated section of the briefing shows now, drawn from the store exactly as the pack draws it.',
  }),
  'section.add': op({
    input: z.object({ briefingId: Id, kind: SectionKind, title: z.string().trim().max(300).default(''), afterId: Id.nullable().default(null) }),
    output: BriefingDetail,
    kind: 'write',
    doc: 'Add an empty section of a kind, after the given section or at the end.',
  }),
  'section.update': op({
    input: z.object({
      id: Id,
      title: z.string().trim().min(1, 'A section needs a title.').max(300).optional(),
      content: z.string().max(200_000).optional(),
      handling: z.enum(HANDLING_MARKS).optional(),
    }),
    output: Section,
    kind: 'write',
    doc: 'Save a section’s title, content (Markdown, or the JSON of a structured kind) or handling mark; refused while the briefing is final.',
  }),
  'section.remove': op({ input: ById, output: BriefingDetail, kind: 'write', doc: 'Remove a section (its text stays in the saved versions).' }),
  'section.reorder': op({
    input: z.object({ briefingId: Id, ids: z.array(Id).max(500) }),
    output: BriefingDetail,
    kind: 'write',
    doc: 'Put the briefing’s sections in the given order (all ids, each once).',
  }),
  'version.save': op({
    input: z.object({ briefingId: Id, name: z.string().trim().max(200).default('') }),
    output: BriefingVersion,
    kind: 'write',
    doc: 'Save the briefing as it is now as a numbered, optionally named version.',
  }),
  'version.list': op({ input: z.object({ briefingId: Id }), output: z.array(BriefingVersion), kind: 'read', doc: 'The briefing’s saved versions, newest first.' }),
  'version.get': op({
    input: ById,
    output: BriefingVersion.extend({ snapshot: BriefingDetail }),
    kind: 'read',
    doc: 'One saved version with the briefing and sections as they were.',
  }),
  'version.compare': op({
    input: z.object({ briefingId: Id, from: Id, to: Id.nullable().default(null) }),
    output: BriefingComparison,
    kind: 'read',
    doc: 'Compare a saved version with another (or with the current state when `to` is null), section by section, word by word.',
  }),
  'version.restore': op({
    input: ById,
    output: BriefingDetail,
    kind: 'write',
    doc: 'Bring back a version’s content as the current state, after saving the current state as a version; nothing is overwritten.',
  }),

  // ----- snippets -----
  'snippet.list': op({
    input: z.object({ query: z.string().max(200).default('') }),
    output: z.object({ topics: z.array(z.string()), snippets: z.array(Snippet) }),
    kind: 'read',
    doc: 'Standard lines to take, by topic, optionally filtered by words in the title, text or topic; and every topic name.',
  }),
  'snippet.save': op({ input: SnippetInput, output: Snippet, kind: 'write', doc: 'Create a snippet (or update one by id); a new topic name creates the topic.' }),
  'snippet.delete': op({ input: ById, output: Ok, kind: 'write', doc: 'Delete a snippet.' }),

  // ----- backups -----
  'backup.list': op({
    input: z.object({}),
    output: z.object({ dir: z.string(), backups: z.array(BackupInfo) }),
    kind: 'read',
    doc: 'The backups in the data directory, newest first (automatic daily ones and those made with Back Up Now).',
  }),
  'backup.create': op({ input: z.object({}), output: BackupInfo, kind: 'write', doc: 'Back up the dossier now (online backup; the app keeps working).' }),
  'backup.restore': op({
    input: z.object({ name: z.string().regex(/^dossier-[\d-]+\.db$/, 'Choose one of the listed backups.').max(100) }),
    output: z.object({ restored: z.string(), keptCopy: z.string().nullable(), schemaVersion: z.number().int() }),
    kind: 'write',
    doc: 'Replace the dossier with one of its backups (checked first); the current dossier is kept as a dated copy beside it.',
  }),

  // ----- packs as data carriers -----
  'pack.importPreview': op({
    input: z.object({ contentBase64: z.string().max(300_000_000), fileName: z.string().trim().min(1).max(500).default('pack.pdf') }),
    output: PackImportPreview,
    kind: 'read',
    doc: 'Read the meeting (.ics), who’s who (.vcf) and briefing (.json) a Dossier pack PDF carries, without saving.',
  }),
  'pack.import': op({
    input: z.object({
      contentBase64: z.string().max(300_000_000),
      fileName: z.string().trim().min(1).max(500).default('pack.pdf'),
      resolution: ImportResolution.default('skip'),
    }),
    output: z.object({ meetingId: Id, briefingId: Id.nullable(), created: z.array(Id), updated: z.array(Id), skipped: z.number().int(), source: z.string() }),
    kind: 'write',
    doc: 'Import what a Dossier pack PDF carries, all or nothing: the meeting with its agenda, the who’s who contacts (duplicates skipped, updated or kept both) and the briefing.',
  }),

  // ----- packs -----
  'pack.build': op({
    input: z
      .object({
        briefingId: Id.optional(),
        /** A meeting's pack: its most recently changed briefing, or the generated sections if it has none. */
        meetingId: Id.optional(),
        /**
         * Absolute path of the .pdf to write (atomically); without it the PDF comes back as base64, e.g. for the
         * in-app preview. Only absolute .pdf paths, so a stray value can never overwrite some other file.
         */
        out: z
          .string()
          .trim()
          .max(4096)
          .regex(/^(\/|[A-Za-z]:[\\/]|\\\\).*\.pdf$/i, 'Give the absolute path of a .pdf file.')
          .optional(),
        /** Date printed on the pack and used for every timestamp in the file; default today. Same date, same bytes. */
        date: IsoDate.refine(isCalendarDay, 'There is no such day.').optional(),
        pdfa: z.boolean().default(false),
        ...VariantInput,
      })
      .refine((i) => (i.briefingId === undefined) !== (i.meetingId === undefined), { message: 'Give either a briefingId or a meetingId.', path: ['briefingId'] }),
    output: z.object({
      file: z.string().nullable(),
      pages: z.number().int(),
      ms: z.number(),
      size: z.number().int(),
      sha256: z.string(),
      toc: z.array(z.object({ title: z.string(), page: z.number().int() })),
      bytesBase64: z.string().optional(),
      /** What the variant left out, and the marking it carries. */
      report: ReleaseReport,
    }),
    // A write: with `out` it creates a file. It never changes the dossier.
    kind: 'write',
    doc: 'Build the delegation briefing pack (PDF) of a briefing or meeting; write it to `out`, or return it as base64.',
  }),
  'pack.open': op({
    input: z
      .object({
        briefingId: Id.optional(),
        meetingId: Id.optional(),
        date: IsoDate.refine(isCalendarDay, 'There is no such day.').optional(),
        pdfa: z.boolean().default(false),
        ...VariantInput,
      })
      .refine((i) => (i.briefingId === undefined) !== (i.meetingId === undefined), { message: 'Give either a briefingId or a meetingId.', path: ['briefingId'] }),
    output: z.object({ file: z.string(), pages: z.number().int(), size: z.number().int(), ms: z.number() }),
    // A write: it creates a temp file. It never changes the dossier.
    kind: 'write',
    doc: 'Build the pack into a temp file and open it in the system’s PDF viewer (desktop app only; elsewhere a not_found error with details.unsupported = "openPath").',
  }),

  // ----- release: pre-flight, issue, addenda -----
  'pack.preflight': op({
    input: z.object({ ...PackTarget, date: IsoDate.refine(isCalendarDay, 'There is no such day.').optional() }).refine(oneTarget, { message: 'Give either a briefingId or a meetingId.', path: ['briefingId'] }),
    output: z.object({ briefingId: Id.nullable(), findings: z.array(PreflightFinding), sides: z.object({ written: z.number().int(), limit: z.number().int() }).nullable() }),
    kind: 'read',
    doc: 'Check a pack before export: stale contacts, empty agenda briefs, length budgets, unchanged lines, characters the font lacks, TODO markers.',
  }),
  'pack.preflightDecide': op({
    input: z.object({ briefingId: Id, key: z.string().min(1).max(500), decision: z.enum(['accept', 'flag']).nullable() }),
    output: Ok,
    kind: 'write',
    doc: 'Remember for this briefing that a pre-flight finding is accepted, or is to be printed flagged “to check” (null: open again).',
  }),
  'section.setBudget': op({
    input: z.object({ id: Id, words: z.number().int().min(1).max(100_000).nullable(), pages: z.number().int().min(1).max(500).nullable() }),
    output: Ok,
    kind: 'write',
    doc: 'Set (or clear with null) a section’s length budget in words and in pages, checked by pre-flight.',
  }),
  'pack.issue': op({
    input: z
      .object({ ...PackTarget, variant: PackVariant.default('full'), date: IsoDate.refine(isCalendarDay, 'There is no such day.').optional(), out: OutPdf, newEdition: z.boolean().default(false) })
      .refine(oneTarget, { message: 'Give either a briefingId or a meetingId.', path: ['briefingId'] }),
    output: IssuedFile,
    kind: 'write',
    doc: 'Issue a pack: build it and freeze its PDF, SHA-256, page map and a snapshot of the briefing; a second issue needs newEdition (edition 2, …).',
  }),
  'pack.addendum': op({
    input: z
      .object({ ...PackTarget, variant: PackVariant.default('full'), date: IsoDate.refine(isCalendarDay, 'There is no such day.').optional(), out: OutPdf })
      .refine(oneTarget, { message: 'Give either a briefingId or a meetingId.', path: ['briefingId'] }),
    output: IssuedFile.extend({ changed: z.array(z.string()) }),
    kind: 'write',
    doc: 'Issue the next addendum to the latest issued pack: only the sections changed since, word-diffed against the text that went out.',
  }),
  'pack.issued': op({
    input: z.object({ meetingId: Id }),
    output: z.array(IssuedPack.extend({ briefingTitle: z.string() })),
    kind: 'read',
    doc: 'The issued packs and addenda of a meeting’s briefings, each edition followed by its addenda.',
  }),
  'pack.issuedPdf': op({
    input: ById,
    output: z.object({ fileName: z.string(), sha256: z.string(), bytesBase64: z.string() }),
    kind: 'read',
    doc: 'The stored PDF of an issued pack or addendum, exactly as issued.',
  }),

  ...teamOps,
} as const;

export type Ops = typeof ops;
export type OpName = keyof Ops;
/** What a caller passes (defaults optional). */
export type In<K extends OpName> = z.input<Ops[K]['input']>;
/** What a handler receives (defaults applied). */
export type Parsed<K extends OpName> = z.output<Ops[K]['input']>;
export type Out<K extends OpName> = z.output<Ops[K]['output']>;
export const opNames = Object.keys(ops) as OpName[];
export const isOpName = (name: string): name is OpName => Object.prototype.hasOwnProperty.call(ops, name);
