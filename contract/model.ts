/**
 * The domain as data: zod schemas shared by the store, the ops, the pack and the renderer.
 * Types are inferred from the schemas so there is one definition of each shape.
 */
import { z } from 'zod';
import { normaliseLanguages } from './language';
import { multiLine, singleLine } from './text';
import { normaliseEmail } from './links';

export const Id = z.number().int().positive();
// Control characters never get in (contract/text.ts): a line break in a name becomes a space, notes keep theirs.
const text = (max = 2000) => z.string().overwrite(singleLine).trim().max(max);
const longText = z.string().overwrite(multiLine).max(200_000);

/** A partial calendar date: '2017', '2021-03' or '2024-01-12'. Used for "information dated". */
export const PARTIAL_DATE_RE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
export const PartialDate = z.string().regex(PARTIAL_DATE_RE, 'Use a year, year-month or a full date (2017, 2021-03, 2024-01-12).');
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD.');
/** Wall-clock time in the meeting's zone, 'YYYY-MM-DDTHH:MM'. */
export const LocalDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Use a local date and time as YYYY-MM-DDTHH:MM.');
export const TimeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'Unknown IANA time zone (e.g. Europe/Zurich).' },
);

// ---------- institutions ----------
export const INSTITUTION_KINDS = [
  'un_agency',
  'financial_institution',
  'forum',
  'regional_organisation',
  'national_government',
  'social_partner',
  'ngo',
  'body',
  'department',
  'other',
] as const;
export const InstitutionKind = z.enum(INSTITUTION_KINDS);

export const InstitutionInput = z.object({
  name: text(300).min(1, 'An institution needs a name.'),
  acronym: text(40).default(''),
  kind: InstitutionKind.default('other'),
  parentId: Id.nullable().default(null),
  seat: text(200).default(''),
  website: text(500).default(''),
  profile: longText.default(''),
  topics: z.array(text(100).min(1)).max(50).default([]),
});
export type InstitutionInput = z.input<typeof InstitutionInput>;

export const Institution = z.object({
  id: Id,
  name: z.string(),
  acronym: z.string(),
  kind: InstitutionKind,
  parentId: Id.nullable(),
  seat: z.string(),
  website: z.string(),
  profile: z.string(),
  topics: z.array(z.string()),
  /** Names from the root down to this institution, e.g. ['ILO', 'Governing Body']. */
  path: z.array(z.string()),
  childCount: z.number().int(),
  contactCount: z.number().int(),
  updatedAt: z.string(),
});
export type Institution = z.infer<typeof Institution>;

// ---------- contacts ----------
export const LabelledValue = z.object({ label: text(60).default(''), value: text(300).min(1) });
/** An e-mail address, validated and normalised on every path in: one local@domain, no mailto: query (contract/links.ts). */
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
export const Phone = LabelledValue.extend({ e164: z.string().nullable().default(null) });
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
    // BCP 47 tags where the value names a language, the rest kept as written (contract/language.ts).
    languages: z.array(text(60).min(1)).max(20).default([]).transform(normaliseLanguages),
    notes: longText.default(''),
    internal: z.boolean().default(false),
    source: text(500).default(''),
    informationDated: PartialDate.nullable().default(null),
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
});
export type Contact = z.infer<typeof Contact>;

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
/** One contact of an import preview or a paste, with its institution match and the stored contact it duplicates. */
export const ImportItem = z.object({
  proposal: ContactProposal,
  institution: InstitutionMatch,
  duplicateOf: Id.nullable(),
  duplicateReason: z.enum(DUPLICATE_REASONS).nullable(),
});
export type ImportItem = z.infer<typeof ImportItem>;

/**
 * What a CSV column can be mapped to in the import's column-mapping step. `phone`/`email` take their label from a
 * paired `label` column ("Phone 1 - Type" beside "Phone 1 - Value"); `institutionPath` is "ILO > Governing Body".
 */
export const CSV_FIELDS = [
  'ignore', 'honorific', 'givenName', 'middleName', 'familyName', 'fullName', 'position', 'organisation', 'department', 'institutionPath',
  'phone', 'phone.work', 'phone.mobile', 'phone.home', 'phone.fax', 'email', 'email.work', 'email.home', 'label', 'e164',
  'website', 'languages', 'notes', 'informationDated', 'internal', 'source',
] as const;
export const CsvField = z.enum(CSV_FIELDS);
export type CsvField = z.infer<typeof CsvField>;

// ---------- meetings ----------
export const MEETING_FORMATS = ['in_person', 'virtual', 'hybrid'] as const;
export const MEETING_STATUSES = ['planned', 'confirmed', 'held', 'cancelled'] as const;
export const DELEGATION_ROLES = ['head', 'member', 'adviser', 'note_taker'] as const;
export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;

export const MeetingInput = z
  .object({
    title: text(300).min(1, 'A meeting needs a title.'),
    series: text(200).default(''),
    kind: text(100).default(''),
    start: LocalDateTime,
    end: LocalDateTime,
    timeZone: TimeZone.default('Europe/Zurich'),
    venue: text(300).default(''),
    format: z.enum(MEETING_FORMATS).default('in_person'),
    hostInstitutionId: Id.nullable().default(null),
    institutionIds: z.array(Id).max(100).default([]),
    status: z.enum(MEETING_STATUSES).default('planned'),
    notes: longText.default(''),
  })
  .refine((m) => m.end >= m.start, { message: 'The meeting ends before it starts.', path: ['end'] });
export type MeetingInput = z.input<typeof MeetingInput>;

export const AgendaItem = z.object({
  id: Id,
  position: z.number().int(),
  time: z.string(),
  title: z.string(),
  lead: z.string(),
  documents: z.string(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Participant = z.object({
  contactId: Id,
  displayName: z.string(),
  position: z.string(),
  institutionName: z.string().nullable(),
  stale: z.boolean(),
  informationDated: z.string().nullable(),
  role: z.string(),
});
export type Participant = z.infer<typeof Participant>;

export const FollowUpAction = z.object({
  id: Id,
  meetingId: Id,
  meetingTitle: z.string(),
  text: z.string(),
  owner: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  overdue: z.boolean(),
  /** The later meeting this open action was carried forward to, if any. */
  carriedToMeetingId: Id.nullable(),
});
export type FollowUpAction = z.infer<typeof FollowUpAction>;

/** What came out of a meeting, and who committed to it: 'us', 'counterpart' or a free-text name. */
export const Outcome = z.object({ id: Id, text: z.string(), committedBy: z.string() });
export type Outcome = z.infer<typeof Outcome>;

export const Meeting = z.object({
  id: Id,
  title: z.string(),
  series: z.string(),
  seriesId: Id.nullable(),
  kind: z.string(),
  /** Wall-clock start/end in the meeting's zone, 'YYYY-MM-DDTHH:MM'. */
  start: z.string(),
  end: z.string(),
  /** The same instants as ISO 8601 with the zone's offset, e.g. '2026-03-12T10:00:00+01:00'. */
  startIso: z.string(),
  endIso: z.string(),
  timeZone: z.string(),
  venue: z.string(),
  format: z.enum(MEETING_FORMATS),
  hostInstitutionId: Id.nullable(),
  hostInstitutionName: z.string().nullable(),
  institutionIds: z.array(Id),
  status: z.enum(MEETING_STATUSES),
  notes: z.string(),
  updatedAt: z.string(),
});
export type Meeting = z.infer<typeof Meeting>;

export const MeetingDetail = Meeting.extend({
  agenda: z.array(AgendaItem),
  delegation: z.array(Participant),
  counterparts: z.array(Participant),
  outcomes: z.array(Outcome),
  actions: z.array(FollowUpAction),
  /** Open actions from earlier meetings of the same series or host institution. */
  carriedActions: z.array(FollowUpAction),
  briefingIds: z.array(Id),
});
export type MeetingDetail = z.infer<typeof MeetingDetail>;

/** A meeting read from an .ics file, not yet saved; `line` is its BEGIN:VEVENT line. */
export const MeetingProposal = z.object({
  line: z.number().int().positive(),
  uid: z.string(),
  title: z.string(),
  series: z.string(),
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  venue: z.string(),
  notes: z.string(),
  status: z.enum(MEETING_STATUSES),
  agenda: z.array(z.object({ time: z.string(), title: z.string(), lead: z.string(), documents: z.string() })),
  warnings: z.array(z.string()),
  /** A meeting already imported from the same UID: importing skips it. */
  duplicateOf: Id.nullable(),
});
export type MeetingProposal = z.infer<typeof MeetingProposal>;

// ---------- briefings ----------
export const BRIEFING_STATUSES = ['draft', 'in_review', 'final'] as const;
export const SECTION_KINDS = [
  'markdown',
  'key_messages',
  'qa',
  'agenda_briefs',
  'programme',
  'whos_who',
  'institution_profiles',
  'history',
  'since_last_time',
  'open_actions',
  'contact_sheet',
] as const;
export const SectionKind = z.enum(SECTION_KINDS);
export const HANDLING_MARKS = ['may_use', 'not_for_disclosure', 'internal'] as const;

export const Briefing = z.object({
  id: Id,
  meetingId: Id,
  meetingTitle: z.string(),
  title: z.string(),
  classification: z.string(),
  language: z.string(),
  owner: z.string(),
  deadline: z.string().nullable(),
  status: z.enum(BRIEFING_STATUSES),
  updatedAt: z.string(),
});
export type Briefing = z.infer<typeof Briefing>;

export const BriefingInput = z.object({
  meetingId: Id,
  title: text(300).min(1, 'A briefing needs a title.'),
  classification: text(100).default(''),
  language: z.string().regex(/^[a-z]{2}$/).default('en'),
  owner: text(200).default(''),
  deadline: IsoDate.nullable().default(null),
});
export type BriefingInput = z.input<typeof BriefingInput>;

export const Section = z.object({
  id: Id,
  briefingId: Id,
  position: z.number().int(),
  kind: SectionKind,
  title: z.string(),
  /** Markdown for written sections; JSON text for structured ones; '' for generated ones. */
  content: z.string(),
  handling: z.enum(HANDLING_MARKS),
  updatedAt: z.string(),
  /** Length budget checked by pre-flight (section.setBudget); null or absent = none. Optional: older snapshots lack it. */
  budgetWords: z.number().int().nullable().optional(),
  budgetPages: z.number().int().nullable().optional(),
});
export type Section = z.infer<typeof Section>;

export const BriefingDetail = Briefing.extend({ sections: z.array(Section) });
export type BriefingDetail = z.infer<typeof BriefingDetail>;

// Structured sections keep JSON in Section.content. The editor writes these shapes and the pack reads them;
// a section whose JSON does not parse is shown as empty, never fails the pack.
/** key_messages: the lines the delegation must land, in order; each item is inline Markdown. */
export const HandlingMark = z.enum(HANDLING_MARKS);
export type HandlingMark = z.infer<typeof HandlingMark>;
export const KeyMessagesContent = z.object({
  items: z.array(z.string().max(5000)).max(200).default([]),
  /** Handling mark of each item, by index (items stay plain strings, so older readers keep working); missing = the section's. */
  handling: z.array(HandlingMark.nullable()).max(200).optional(),
});
export type KeyMessagesContent = z.infer<typeof KeyMessagesContent>;
/** qa: defensive questions with the answer to give, in order; answers are Markdown. */
export const QaContent = z.object({
  pairs: z
    .array(z.object({ question: z.string().max(2000), answer: z.string().max(50_000).default(''), handling: HandlingMark.optional() }))
    .max(200)
    .default([]),
});
export type QaContent = z.infer<typeof QaContent>;
/**
 * agenda_briefs: lines to take per agenda item (Markdown), keyed by agenda item id and printed under the item's
 * number and title in agenda order. A brief whose item was removed from the agenda is kept and shown as orphaned.
 */
export const AgendaBriefsContent = z.object({
  briefs: z
    .array(
      z.object({
        agendaItemId: Id,
        text: z.string().max(50_000).default(''),
        /** The item's title when the brief was last saved, so an orphaned brief still says what it was about. */
        title: z.string().max(500).optional(),
      }),
    )
    .max(500)
    .default([]),
});
export type AgendaBriefsContent = z.infer<typeof AgendaBriefsContent>;

/**
 * Classification schemes offered in the editor, each with its markings from lowest to highest; any other text is
 * allowed too. The scheme order lets a releasable variant suggest a lower marking of the same scheme.
 */
export const CLASSIFICATION_SCHEMES = [
  { scheme: 'uk', name: 'UK', markings: ['OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET'] },
  { scheme: 'eu', name: 'EU', markings: ['RESTREINT UE/EU RESTRICTED', 'CONFIDENTIEL UE/EU CONFIDENTIAL'] },
  { scheme: 'de', name: 'DE', markings: ['VS-NUR FÜR DEN DIENSTGEBRAUCH', 'VS-VERTRAULICH'] },
] as const;
/** Classification markings offered in the editor; any other text is allowed too. */
export const CLASSIFICATION_PRESETS = ['UNCLASSIFIED', ...CLASSIFICATION_SCHEMES.flatMap((s) => s.markings)] as const;
export const BRIEFING_LANGUAGES = ['en', 'de', 'nl', 'fr'] as const;

/** The briefing's own fields that the editor changes; each one optional. */
export const BriefingPatch = z.object({
  title: text(300).min(1, 'A briefing needs a title.').optional(),
  classification: text(100).optional(),
  language: z.enum(BRIEFING_LANGUAGES).optional(),
  owner: text(200).optional(),
  deadline: IsoDate.nullable().optional(),
});
export type BriefingPatch = z.input<typeof BriefingPatch>;

/** A saved version of a briefing (without its snapshot). */
export const BriefingVersion = z.object({
  id: Id,
  briefingId: Id,
  number: z.number().int(),
  name: z.string(),
  /** Why it was saved: 'manual', 'status: draft → final', 'before restoring version 2'. */
  reason: z.string(),
  createdAt: z.string(),
});
export type BriefingVersion = z.infer<typeof BriefingVersion>;

/** One run of a word-level diff: unchanged, inserted or deleted text. */
export const DiffPart = z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() });
export type DiffPart = z.infer<typeof DiffPart>;
/** Two states of a briefing compared section by section (sections matched by id, in the newer order). */
export const BriefingComparison = z.object({
  from: z.object({ label: z.string(), title: z.string() }),
  to: z.object({ label: z.string(), title: z.string() }),
  fields: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
  sections: z.array(
    z.object({
      sectionId: Id,
      kind: SectionKind,
      change: z.enum(['added', 'removed', 'changed', 'unchanged']),
      titleBefore: z.string().nullable(),
      titleAfter: z.string().nullable(),
      parts: z.array(DiffPart),
    }),
  ),
});
export type BriefingComparison = z.infer<typeof BriefingComparison>;

/**
 * What a generated section shows, drawn from the store by the same mapping the pack uses (main/ops/pack-document.ts);
 * texts display-ready (dates formatted in the briefing's language). Mirrors the generated kinds of the pack's PackSection.
 */
const PersonCardData = z.object({
  name: z.string(),
  role: z.string().nullable(),
  position: z.string(),
  institution: z.string(),
  phones: z.array(z.string()),
  emails: z.array(z.string()),
  languages: z.array(z.string()),
  notes: z.string(),
  informationDated: z.string().nullable(),
  stale: z.boolean(),
  /** "New in post since 12 March 2026" when the current post began after the last meeting of the series; else null. */
  newInPost: z.string().nullable().default(null),
});
const ActionItemData = z.object({ text: z.string(), owner: z.string(), due: z.string(), overdue: z.boolean(), origin: z.string() });
const PersonRef = z.object({ name: z.string(), position: z.string(), institution: z.string() });
/**
 * since_last_time: the previous meeting of the series (or with the same host) against this one: our lines then
 * (from the briefing as it stood when that meeting ended) word-diffed with today's, outcomes with who committed,
 * follow-ups still open, who is new or gone, and today's key messages against the standard lines of the snippet library.
 */
const SinceLastTimeData = z.object({
  kind: z.literal('since_last_time'),
  title: z.string(),
  previous: z.object({ title: z.string(), date: z.string(), venue: z.string(), basis: z.string() }).nullable(),
  lines: z.array(z.object({ heading: z.string(), change: z.enum(['added', 'removed', 'changed', 'unchanged']), parts: z.array(DiffPart) })),
  outcomes: z.array(z.object({ text: z.string(), committedBy: z.string(), counterpart: z.boolean() })),
  actions: z.array(ActionItemData),
  joined: z.array(PersonRef),
  left: z.array(PersonRef),
  drift: z.array(z.object({ message: z.string(), topic: z.string(), snippet: z.string(), parts: z.array(DiffPart) })),
});
export type SinceLastTimeData = z.infer<typeof SinceLastTimeData>;
export const GeneratedSection = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('programme'),
    title: z.string(),
    rows: z.array(z.object({ number: z.string(), time: z.string(), title: z.string(), lead: z.string(), documents: z.string() })),
  }),
  z.object({ kind: z.literal('whos_who'), title: z.string(), delegation: z.array(PersonCardData), counterparts: z.array(PersonCardData) }),
  z.object({
    kind: z.literal('institution_profiles'),
    title: z.string(),
    institutions: z.array(z.object({ name: z.string(), acronym: z.string(), path: z.array(z.string()), kind: z.string(), seat: z.string(), website: z.string(), profile: z.string() })),
  }),
  z.object({
    kind: z.literal('history'),
    title: z.string(),
    meetings: z.array(z.object({ title: z.string(), date: z.string(), venue: z.string(), outcomes: z.array(z.string()) })),
    actions: z.array(ActionItemData),
  }),
  z.object({ kind: z.literal('open_actions'), title: z.string(), actions: z.array(ActionItemData) }),
  SinceLastTimeData,
  z.object({
    kind: z.literal('contact_sheet'),
    title: z.string(),
    rows: z.array(z.object({ name: z.string(), role: z.string().nullable(), institution: z.string(), phone: z.string(), email: z.string() })),
  }),
]);
export type GeneratedSection = z.infer<typeof GeneratedSection>;

// ---------- post history, participants lists, packs as data carriers ----------
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

/** One person of a pasted participants list, matched against the store. */
export const ParticipantRow = z.object({
  proposal: ContactProposal,
  institution: InstitutionMatch,
  contactId: Id.nullable(),
  /** The stored contact as it is now (for the diff), when matched. */
  stored: z.object({ displayName: z.string(), position: z.string(), institutionName: z.string().nullable(), emails: z.array(z.string()) }).nullable(),
  status: z.enum(['new', 'changed', 'unchanged']),
  changes: z.array(z.object({ field: z.enum(['position', 'institution', 'email', 'honorific']), before: z.string(), after: z.string() })),
  alreadyCounterpart: z.boolean(),
});
export type ParticipantRow = z.infer<typeof ParticipantRow>;

/** What a pack PDF carries (its attachments), read without saving. */
export const PackImportPreview = z.object({
  title: z.string(),
  date: z.string(),
  appVersion: z.string(),
  source: z.string(),
  meeting: MeetingProposal,
  contacts: z.array(ImportItem),
  briefing: z.object({ title: z.string(), sections: z.number().int(), versionLabel: z.string() }).nullable(),
  files: z.array(z.string()),
});
export type PackImportPreview = z.infer<typeof PackImportPreview>;

/** A standard line to take, tagged by topic. */
export const Snippet = z.object({ id: Id, topic: z.string(), title: z.string(), text: z.string(), updatedAt: z.string() });
export type Snippet = z.infer<typeof Snippet>;
export const SnippetInput = z.object({
  id: Id.nullable().default(null),
  topic: text(100).default(''),
  title: text(200).default(''),
  text: z.string().trim().min(1, 'A snippet needs some text.').max(50_000),
});

// ---------- search & system ----------
export const SEARCH_KINDS = ['institution', 'contact', 'meeting', 'briefing'] as const;
export const SearchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: Id,
  title: z.string(),
  subtitle: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SystemInfo = z.object({
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  databasePath: z.string(),
  counts: z.object({ institutions: z.number(), contacts: z.number(), meetings: z.number(), briefings: z.number() }),
  empty: z.boolean(),
  staleAfterMonths: z.number().int(),
});
export type SystemInfo = z.infer<typeof SystemInfo>;

// ---------- release-grade packs: variants, pre-flight, issued packs ----------
/** full: everything, for the principal; releasable: without not-for-disclosure and internal parts; runbook: programme, logistics, who's who. */
export const PACK_VARIANTS = ['full', 'releasable', 'runbook'] as const;
export const PackVariant = z.enum(PACK_VARIANTS);
export type PackVariant = z.infer<typeof PackVariant>;

/** One part a variant left out, for the release report: a section, a paragraph (its first words), a Q&A question, a key message. */
export const DroppedPart = z.object({
  sectionId: Id.nullable(),
  section: z.string(),
  part: z.enum(['section', 'paragraph', 'question', 'key_message', 'brief']),
  /** The section title, the paragraph's first words, the question. */
  text: z.string(),
  handling: z.enum(HANDLING_MARKS).nullable(),
  /** 'handling' (marked not for release) or 'runbook' (not a run-book kind). */
  reason: z.enum(['handling', 'runbook']),
});
export type DroppedPart = z.infer<typeof DroppedPart>;
export const ReleaseReport = z.object({ variant: PackVariant, marking: z.string(), dropped: z.array(DroppedPart) });
export type ReleaseReport = z.infer<typeof ReleaseReport>;

export const PREFLIGHT_KINDS = ['stale_contact', 'empty_brief', 'over_budget', 'unchanged_line', 'missing_glyph', 'todo_marker'] as const;
/** A thing to check before a pack goes out, with where it is and the app route that fixes it. */
export const PreflightFinding = z.object({
  /** Stable across runs (kind + place + detail), so an acceptance is remembered. */
  key: z.string(),
  kind: z.enum(PREFLIGHT_KINDS),
  message: z.string(),
  where: z.object({ sectionId: Id.nullable(), contactId: Id.nullable(), agendaItemId: Id.nullable() }),
  /** Hash route of the place to fix it, e.g. '#/contacts/12' or '#/briefings/3?section=14'. */
  route: z.string(),
  /** null: open; 'accept': the user accepted it for this briefing; 'flag': printed "to check" in the pack. */
  decision: z.enum(['accept', 'flag']).nullable(),
});
export type PreflightFinding = z.infer<typeof PreflightFinding>;

/** An issued pack or an addendum, as stored (without its PDF). */
export const IssuedPack = z.object({
  id: Id,
  briefingId: Id,
  variant: PackVariant,
  edition: z.number().int(),
  addendumOf: Id.nullable(),
  addendumNumber: z.number().int().nullable(),
  title: z.string(),
  issuedAt: z.string(),
  sha256: z.string(),
  pages: z.number().int(),
  bytes: z.number().int(),
  /** Section → pages of the issued file. */
  pageMap: z.array(z.object({ sectionId: Id.nullable(), title: z.string(), from: z.number().int(), to: z.number().int() })),
});
export type IssuedPack = z.infer<typeof IssuedPack>;
