/** Search hits and the facts about the open dossier. */
import { z } from 'zod';
import { Id } from './common';

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
