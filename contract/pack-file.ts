/**
 * The data files every Dossier pack carries as PDF attachments, so another Dossier can import the meeting, the who's
 * who and the briefing: `meeting.ics` (iCalendar), `whos-who.vcf` (vCard 4.0), `briefing.json` and `manifest.json`.
 * The two JSON files are defined here once: the pack writes them through these schemas and the pack import reads them
 * through them (main/formats/pack-file.ts), so a field added on one side is there on the other.
 */
import { z } from 'zod';
import { BriefingInput, BriefingRecord, FollowUpAction, IsoDate, Outcome, SectionRecord } from './model';

export const PACK_FORMAT = 'dossier-pack';
export const PACK_FILES = { meeting: 'meeting.ics', people: 'whos-who.vcf', briefing: 'briefing.json', manifest: 'manifest.json' } as const;

const MB = 1024 * 1024;
/**
 * What a pack read from elsewhere may hold (issue 15: its attachments are untrusted). Far above any meeting's pack
 * (four files; a who's who of a few dozen people; a briefing of a few dozen sections), far below what would stall the
 * import or fill memory. The sizes are of each file once unpacked; the PDF's compressed parts are capped before that
 * (main/formats/pdf-streams.ts). Text and list limits are those the editor and the operations allow.
 */
export const PACK_LIMITS = {
  /** Embedded files in the PDF. */
  attachments: 16,
  /** Bytes of each data file. */
  bytes: { [PACK_FILES.meeting]: 2 * MB, [PACK_FILES.people]: 32 * MB, [PACK_FILES.briefing]: 32 * MB, [PACK_FILES.manifest]: 1 * MB } as Record<string, number>,
  /** Cards in the who's who. */
  people: 2000,
  /** Sections of the briefing (section.reorder takes 500). */
  sections: 500,
  /** Outcomes, follow-up actions, carried actions, agenda items. */
  items: 1000,
} as const;

const short = (max: number) => z.string().max(max);
const Listed = <T extends z.ZodType>(item: T, what: string) => z.array(item).max(PACK_LIMITS.items, `A pack carries at most ${PACK_LIMITS.items} ${what}.`);
const PackOutcome = Outcome.extend({ text: short(5000), committedBy: short(200) });
const PackAction = FollowUpAction.extend({ meetingTitle: short(300), text: short(5000), owner: short(200) });
/** The briefing as a pack carries it: its own fields as a new briefing takes them, sections as section.update takes them. */
const PackBriefing = BriefingRecord.extend({
  meetingTitle: short(300),
  title: BriefingInput.shape.title,
  classification: BriefingInput.shape.classification,
  language: BriefingInput.shape.language,
  owner: BriefingInput.shape.owner,
  deadline: IsoDate.nullable(),
  sections: z.array(SectionRecord.extend({ title: short(300), content: short(200_000) })).max(PACK_LIMITS.sections, `A briefing in a pack has at most ${PACK_LIMITS.sections} sections.`),
});

/** manifest.json: who built the pack from what, and every other attached file with its size and SHA-256. */
export const PackManifest = z.object({
  format: z.literal(PACK_FORMAT),
  version: z.literal(1),
  app: z.literal('Dossier'),
  appVersion: z.string(),
  /** The pack's date (YYYY-MM-DD): every date in the files is this day, so the bytes are reproducible. */
  built: IsoDate,
  title: short(300),
  /** The meeting's iCalendar UID, so a second import finds the meeting it brought in before. */
  meetingUid: short(1000),
  briefing: z.object({ id: z.number().int(), title: short(300), version: z.number().int().nullable(), versionLabel: short(300) }).nullable(),
  files: z.array(z.object({ name: short(200), type: short(200), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })).max(PACK_LIMITS.attachments),
});
export type PackManifest = z.infer<typeof PackManifest>;

/** briefing.json: enough to rebuild the briefing and the meeting's follow-ups in another dossier. */
export const PackBriefingJson = z.object({
  format: z.literal(PACK_FORMAT),
  version: z.literal(1),
  /** The briefing as the variant shows it (its marked parts already removed); null for a meeting without one. */
  briefing: PackBriefing.nullable(),
  /** Agenda item ids in agenda order, so lines to take per item find their item again after import. */
  agendaIds: Listed(z.number().int(), 'agenda items'),
  /** Who's who in the order of whos-who.vcf: which side of the table and what role. */
  participants: z.array(z.object({ side: z.enum(['delegation', 'counterpart']), role: short(100) })).max(PACK_LIMITS.people, `A pack's who's who has at most ${PACK_LIMITS.people} people.`),
  outcomes: Listed(PackOutcome, 'outcomes'),
  actions: Listed(PackAction, 'follow-up actions'),
  carriedActions: Listed(PackAction, 'carried actions'),
});
export type PackBriefingJson = z.infer<typeof PackBriefingJson>;
