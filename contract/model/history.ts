/**
 * History per section: who changed what and when. Edits by one person in one sitting are one entry (with the text
 * before and after); accepted contributions and restored versions are entries of their own, crediting who wrote it.
 */
import { z } from 'zod';
import { Id } from './common';
import { DiffPart } from './briefing';

export const HISTORY_KINDS = ['edited', 'contribution', 'restored', 'added', 'removed'] as const;

export const SectionChange = z.object({
  id: Id,
  sectionId: Id,
  kind: z.enum(HISTORY_KINDS),
  /** Who made the change (for a contribution: who wrote it), or '' when nobody was chosen under “I am”. */
  by: z.string(),
  byContactId: Id.nullable(),
  /** A line for people: "contribution accepted by Mr. Jonas Weiß", "title: Background → Context". */
  detail: z.string(),
  from: z.string(),
  at: z.string(),
  /** The text before and after, word by word. */
  parts: z.array(DiffPart),
});
export type SectionChange = z.infer<typeof SectionChange>;
