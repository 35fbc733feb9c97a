/** The snippet library: standard lines to take, tagged by topic. */
import { z } from 'zod';
import { Id, text } from './common';

/** A standard line to take, tagged by topic. */
export const Snippet = z.object({ id: Id, topic: z.string(), title: z.string(), text: z.string(), updatedAt: z.string() });
export type Snippet = z.infer<typeof Snippet>;
export const SnippetInput = z.object({
  id: Id.nullable().default(null),
  topic: text(100).default(''),
  title: text(200).default(''),
  text: z.string().trim().min(1, 'A snippet needs some text.').max(50_000),
});
