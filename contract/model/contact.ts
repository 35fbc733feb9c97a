/** Contact officers, their dated posts, and contacts read from pasted text, vCard or CSV before they are saved. */
import { z } from 'zod';
import { normaliseLanguages } from '../language';
import { normaliseEmail } from '../links';
import { Id, PartialDate, longText, text } from './common';
import { Address, OtherDetail, Photo, PhoneRegion } from './contact-details';

export const LabelledValue = z.object({ label: text(60).default(''), value: text(300).min(1) });
export const Phone = LabelledValue.extend({ e164: z.string().nullable().default(null) });
/** An e-mail address, validated and normalised on every path in: one local@domain, no mailto: query (../links.ts). */
export const Email = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .transform((v, ctx) => {
    const e = normaliseEmail(v);
    if (e === null) ctx.addIssue({ code: 'custom', message: `"${v.slice(0, 80)}" is not an e-mail address (name@domain.org, nothing after it).` });
    return e ?? z.NEVER;
  });
export const EmailEntry = z.object({ label: text(60).default(''), value: Email });
export type Phone = z.infer<typeof Phone>;

export const ContactInput = z
  .object({
    honorific: text(60).default(''),
    givenName: text(200).default(''),
    familyName: text(200).default(''),
    position: text(300).default(''),
    institutionId: Id.nullable().default(null),
    phones: z.array(Phone).max(20).default([]),
    emails: z.array(EmailEntry).max(20).default([]),
    website: text(500).default(''),
    // BCP 47 tags where the value names a language, the rest kept as written (../language.ts).
    languages: z.array(text(60).min(1)).max(20).default([]).transform(normaliseLanguages),
    notes: longText.default(''),
    internal: z.boolean().default(false),
    source: text(500).default(''),
    informationDated: PartialDate.nullable().default(null),
    addresses: z.array(Address).max(20).default([]),
    /** The photo; omitted (undefined) keeps the stored one on update, null removes it. */
    photo: Photo.nullable().optional(),
    otherDetails: z.array(OtherDetail).max(500).default([]),
  })
  .refine((c) => c.givenName !== '' || c.familyName !== '', { message: 'A contact needs a given or family name.', path: ['familyName'] });
export type ContactInput = z.input<typeof ContactInput>;

export const Contact = z.object({
  id: Id,
  honorific: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  /** "Mr. Thoralf Stenvold" */
  displayName: z.string(),
  position: z.string(),
  institutionId: Id.nullable(),
  institutionName: z.string().nullable(),
  phones: z.array(Phone),
  emails: z.array(z.object({ label: z.string(), value: z.string() })),
  website: z.string(),
  languages: z.array(z.string()),
  notes: z.string(),
  internal: z.boolean(),
  source: z.string(),
  informationDated: z.string().nullable(),
  /** Details older than the configured age, or undated: flagged "to check". */
  stale: z.boolean(),
  updatedAt: z.string(),
  addresses: z.array(Address),
  /** Whether a photo is stored; `photo` holds it in contact.get and exports, null in lists (photos are large). */
  hasPhoto: z.boolean(),
  photo: Photo.nullable(),
  otherDetails: z.array(OtherDetail),
});
export type Contact = z.infer<typeof Contact>;

/** One dated post of a contact: the current one (to = null) or a former one. */
export const ContactPosition = z.object({
  id: Id.nullable(),
  institutionId: Id.nullable(),
  institutionName: z.string().nullable(),
  position: z.string(),
  /** 'YYYY-MM-DD', or null when the start is not known (the post held when Dossier first saw the contact). */
  from: z.string().nullable(),
  to: z.string().nullable(),
  source: z.string(),
  current: z.boolean(),
});
export type ContactPosition = z.infer<typeof ContactPosition>;

// ---------- contact import (paste, vCard, CSV) ----------
export const PROPOSAL_FIELDS = ['name', 'position', 'institution', 'phones', 'emails', 'website', 'languages', 'informationDated', 'notes'] as const;
/** Where a proposed field was read: 1-based lines of the source, and how sure the reader is (0–1). */
export const FieldOrigin = z.object({ lines: z.array(z.number().int().positive()), confidence: z.number().min(0).max(1) });
export type FieldOrigin = z.infer<typeof FieldOrigin>;

/**
 * A contact read from pasted text, a vCard or a CSV row, not yet saved: the ContactInput fields, the institution
 * names as found (outermost first, e.g. ['ILO', 'Multilateral Cooperation Department']) for matching against the
 * store, where each field came from, and what the reader was unsure of. The user reviews it before it is saved.
 */
export const ContactProposal = z.object({
  honorific: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  position: z.string(),
  institutionId: Id.nullable(),
  institutionNames: z.array(z.string()),
  phones: z.array(Phone),
  emails: z.array(z.object({ label: z.string(), value: z.string() })),
  website: z.string(),
  languages: z.array(z.string()),
  notes: z.string(),
  internal: z.boolean(),
  source: z.string(),
  informationDated: PartialDate.nullable(),
  addresses: z.array(Address),
  photo: Photo.nullable(),
  otherDetails: z.array(OtherDetail),
  /** The country numbers without a country code were read in, and where it came from; null if none was needed or found. */
  phoneRegion: PhoneRegion.nullable(),
  /** First line of this contact in its file or paste (the BEGIN:VCARD line, the CSV row, the block's name line). */
  line: z.number().int().positive(),
  origin: z.partialRecord(z.enum(PROPOSAL_FIELDS), FieldOrigin),
  warnings: z.array(z.string()),
});
export type ContactProposal = z.infer<typeof ContactProposal>;

/** How a proposal's institution names meet the store: the deepest stored unit that fits, and the names still to create under it. */
export const InstitutionMatch = z.object({
  institutionId: Id.nullable(),
  /** Path of the matched institution, for display: ['ILO', 'MULTILATERALS']. */
  path: z.array(z.string()),
  /** Names with no stored match, outermost first, to be created under `institutionId` on import. */
  create: z.array(z.string()),
});
export type InstitutionMatch = z.infer<typeof InstitutionMatch>;

export const DUPLICATE_REASONS = ['email', 'name_institution'] as const;
/** What an import does with a contact the dossier already holds: skip it, update the stored one (the merge rule), or keep both. */
export const IMPORT_RESOLUTIONS = ['skip', 'update', 'keep_both'] as const;
export type ImportResolution = (typeof IMPORT_RESOLUTIONS)[number];
/** One contact of an import preview or a paste, with its institution match and the stored contact it duplicates. */
export const ImportItem = z.object({
  proposal: ContactProposal,
  institution: InstitutionMatch,
  duplicateOf: Id.nullable(),
  duplicateReason: z.enum(DUPLICATE_REASONS).nullable(),
});
export type ImportItem = z.infer<typeof ImportItem>;

/**
 * What a CSV column can be mapped to in the import's column-mapping step. `phone`/`email`/`address.*`/`other` take
 * their label from a paired `label` column ("Phone 1 - Type" beside "Phone 1 - Value"); `institutionPath` is
 * "ILO > Governing Body". `other` keeps the column as an other detail named by its header; `ignore` drops it.
 */
export const CSV_ADDRESS_KINDS = ['address', 'address.work', 'address.home', 'address.other'] as const;
export const CSV_ADDRESS_PARTS = ['street', 'extended', 'poBox', 'city', 'region', 'postalCode', 'country', 'formatted'] as const;
type CsvAddressField = `${(typeof CSV_ADDRESS_KINDS)[number]}.${(typeof CSV_ADDRESS_PARTS)[number]}`;
const CSV_ADDRESS_FIELDS = CSV_ADDRESS_KINDS.flatMap((k) => CSV_ADDRESS_PARTS.map((p) => `${k}.${p}` as CsvAddressField));
const CSV_OWN_FIELDS = [
  'ignore', 'other', 'honorific', 'givenName', 'middleName', 'familyName', 'nameSuffix', 'fullName', 'nickname', 'position', 'organisation', 'department', 'institutionPath',
  'phone', 'phone.work', 'phone.mobile', 'phone.home', 'phone.fax', 'phone.homeFax', 'phone.otherFax', 'phone.pager', 'phone.main', 'phone.assistant', 'phone.car', 'phone.other',
  'email', 'email.work', 'email.home', 'email.other', 'label', 'e164', 'property',
  'website', 'languages', 'notes', 'birthday', 'birthYear', 'birthMonth', 'birthDay', 'photo', 'informationDated', 'internal', 'source',
] as const;
export const CSV_FIELDS = [...CSV_OWN_FIELDS, ...CSV_ADDRESS_FIELDS] as [(typeof CSV_OWN_FIELDS)[number] | CsvAddressField, ...((typeof CSV_OWN_FIELDS)[number] | CsvAddressField)[]];
export const CsvField = z.enum(CSV_FIELDS);
export type CsvField = z.infer<typeof CsvField>;
