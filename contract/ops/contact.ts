/** Operations on contacts: the list, one contact, its post history, and contacts in and out (paste, vCard, CSV). */
import { z } from 'zod';
import { Id } from '../model/common';
import { Contact, ContactInput, ContactPosition, CsvField, IMPORT_RESOLUTIONS, ImportItem } from '../model/contact';
import { FieldTally, RejectedRecord } from '../model/contact-details';
import { ById, Ok, Page, op } from './op';

// Contact import: the file as text with its name (errors name it), the CSV column mapping, the region for numbers without +.
export const Region = z.string().regex(/^[A-Za-z]{2}$/, 'Use a two-letter country code such as CH.').nullable().default(null);
const ContactImport = z.object({
  format: z.enum(['vcard', 'csv', 'text']),
  content: z.string().max(64_000_000),
  fileName: z.string().trim().min(1).max(500).default('contacts'),
  mapping: z.record(z.string(), CsvField).optional(),
  defaultRegion: Region,
  /** vCard properties (X-ABUID) whose values the user chose not to keep; CSV columns are dropped by mapping them to 'ignore'. */
  drop: z.array(z.string().max(500)).max(1000).default([]),
});
export const ImportResolution = z.enum(IMPORT_RESOLUTIONS);
const ContactImportPreview = z.object({
  format: z.enum(['vcard', 'csv', 'text']),
  count: z.number().int(),
  /** CSV only: the header row and the mapping used (automatic unless given), for the column-mapping step. */
  columns: z.object({ headers: z.array(z.string()), mapping: z.record(z.string(), CsvField), delimiter: z.string() }).nullable(),
  contacts: z.array(ImportItem),
  counts: z.object({ new: z.number().int(), duplicates: z.number().int(), institutionsToCreate: z.number().int() }),
  /** Per field of the file: values stored, kept as other details, dropped (only by the user's choice). */
  fields: z.array(FieldTally),
  /** Records that cannot be imported, with their line and reason; the import takes the rest or nothing. */
  rejected: z.array(RejectedRecord),
});

export const contactOps = {
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
    long: true,
    doc: 'Propose a contact from a pasted block or web page, matched to stored institutions and checked for duplicates; nothing is saved.',
  }),
  'contact.importPreview': op({
    input: ContactImport,
    output: ContactImportPreview,
    kind: 'read',
    long: true,
    doc: 'Read a vCard, CSV or text file without saving: the proposed contacts, their institution matches and duplicates, and the CSV column mapping.',
  }),
  'contact.importCommit': op({
    input: ContactImport.extend({
      resolution: ImportResolution.default('skip'),
      /** Per-contact choice by index in the preview, overriding `resolution`. */
      overrides: z.record(z.string().regex(/^\d+$/), ImportResolution).default({}),
      /** Import the records that can be read and leave out those that cannot (default: all or nothing). */
      skipInvalid: z.boolean().default(false),
    }),
    output: z.object({ created: z.array(Id), updated: z.array(Id), skipped: z.number().int(), institutionsCreated: z.array(Id), rejected: z.number().int() }),
    kind: 'write',
    long: true,
    doc: 'Import a vCard, CSV or text file all or nothing; duplicates are skipped, updated (imported values win, nothing is blanked) or kept both.',
  }),
  'contact.export': op({
    input: z.object({ format: z.enum(['vcard', 'csv']), version: z.enum(['3.0', '4.0']).default('4.0'), ids: z.array(Id).max(1_000_000).nullable().default(null) }),
    output: z.object({ content: z.string(), count: z.number().int(), fileName: z.string() }),
    kind: 'read',
    long: true,
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
} as const;
