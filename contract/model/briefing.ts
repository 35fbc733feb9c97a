/** Briefings: sections (written, structured and generated), handling marks, versions and comparisons. */
import { z } from 'zod';
import { Id, IsoDate, text } from './common';

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
/** How far a part may travel: used freely, background not for disclosure, or internal only (contract/handling.ts). */
export const HANDLING_MARKS = ['may_use', 'not_for_disclosure', 'internal'] as const;
export const HandlingMark = z.enum(HANDLING_MARKS);
export type HandlingMark = z.infer<typeof HandlingMark>;

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


// Structured sections keep JSON in Section.content. The editor writes these shapes and the pack reads them;
// a section whose JSON does not parse is shown as empty, never fails the pack.
/** key_messages: the lines the delegation must land, in order; each item is inline Markdown. */
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

/** Kinds whose content is drawn from the store when the pack is built: they hold nothing of their own. */
export const GENERATED_KINDS = ['programme', 'whos_who', 'institution_profiles', 'history', 'since_last_time', 'open_actions', 'contact_sheet'] as const;
/**
 * A section's content as typed data, by kind: Markdown, or the JSON of a structured section parsed (invalid JSON
 * reads as empty, never fails a pack), or nothing for a generated kind. The store parses it once when reading
 * (parseSectionBody), so no caller parses JSON text.
 */
export const SectionBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('markdown'), markdown: z.string() }),
  KeyMessagesContent.extend({ kind: z.literal('key_messages') }),
  QaContent.extend({ kind: z.literal('qa') }),
  AgendaBriefsContent.extend({ kind: z.literal('agenda_briefs') }),
  z.object({ kind: z.enum(GENERATED_KINDS) }),
]);
export type SectionBody = z.infer<typeof SectionBody>;

export const Section = z.object({
  id: Id,
  briefingId: Id,
  position: z.number().int(),
  kind: SectionKind,
  title: z.string(),
  /** Markdown for written sections; JSON text for structured ones; '' for generated ones. What the editor edits. */
  content: z.string(),
  /**
   * `content` parsed by kind, by the store when it reads the section (contract/section-content.ts). It is the content
   * as read: an editor that changes `content` works from `content`, not from this.
   */
  body: SectionBody,
  handling: HandlingMark,
  updatedAt: z.string(),
  /** Length budget checked by pre-flight (section.setBudget); null or absent = none. Optional: older snapshots lack it. */
  budgetWords: z.number().int().nullable().optional(),
  budgetPages: z.number().int().nullable().optional(),
});
export type Section = z.infer<typeof Section>;

export const BriefingDetail = Briefing.extend({ sections: z.array(Section) });
export type BriefingDetail = z.infer<typeof BriefingDetail>;
/** A section as stored and written into files (versions, issued packs, a pack's briefing.json): without its parsed body. */
export const SectionRecord = Section.omit({ body: true });
export type SectionRecord = z.infer<typeof SectionRecord>;
export const BriefingRecord = Briefing.extend({ sections: z.array(SectionRecord) });
export type BriefingRecord = z.infer<typeof BriefingRecord>;

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

/** One run of a word-level diff: unchanged, inserted or deleted text; bold/italic when it was rendered from Markdown. */
export const DiffPart = z.object({ value: z.string(), added: z.boolean(), removed: z.boolean(), bold: z.boolean().optional(), italic: z.boolean().optional() });
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
 * What a generated section shows, drawn from the store by the same mapping the pack uses (main/assemble/sections.ts);
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
