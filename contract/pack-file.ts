/**
 * The data files every Dossier pack carries as PDF attachments, so another Dossier can import the meeting, the who's
 * who and the briefing: `meeting.ics` (iCalendar), `whos-who.vcf` (vCard 4.0), `briefing.json` and `manifest.json`.
 * The two JSON files are defined here once: the pack writes them through these schemas and the pack import reads them
 * through them (main/formats/pack-file.ts), so a field added on one side is there on the other.
 */
import { z } from 'zod';
import { BriefingRecord, FollowUpAction, IsoDate, Outcome } from './model';

export const PACK_FORMAT = 'dossier-pack';
export const PACK_FILES = { meeting: 'meeting.ics', people: 'whos-who.vcf', briefing: 'briefing.json', manifest: 'manifest.json' } as const;

/** manifest.json: who built the pack from what, and every other attached file with its size and SHA-256. */
export const PackManifest = z.object({
  format: z.literal(PACK_FORMAT),
  version: z.literal(1),
  app: z.literal('Dossier'),
  appVersion: z.string(),
  /** The pack's date (YYYY-MM-DD): every date in the files is this day, so the bytes are reproducible. */
  built: IsoDate,
  title: z.string(),
  /** The meeting's iCalendar UID, so a second import finds the meeting it brought in before. */
  meetingUid: z.string(),
  briefing: z.object({ id: z.number().int(), title: z.string(), version: z.number().int().nullable(), versionLabel: z.string() }).nullable(),
  files: z.array(z.object({ name: z.string(), type: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
export type PackManifest = z.infer<typeof PackManifest>;

/** briefing.json: enough to rebuild the briefing and the meeting's follow-ups in another dossier. */
export const PackBriefingJson = z.object({
  format: z.literal(PACK_FORMAT),
  version: z.literal(1),
  /** The briefing as the variant shows it (its marked parts already removed); null for a meeting without one. */
  briefing: BriefingRecord.nullable(),
  /** Agenda item ids in agenda order, so lines to take per item find their item again after import. */
  agendaIds: z.array(z.number().int()),
  /** Who's who in the order of whos-who.vcf: which side of the table and what role. */
  participants: z.array(z.object({ side: z.enum(['delegation', 'counterpart']), role: z.string() })),
  outcomes: z.array(Outcome),
  actions: z.array(FollowUpAction),
  carriedActions: z.array(FollowUpAction),
});
export type PackBriefingJson = z.infer<typeof PackBriefingJson>;
