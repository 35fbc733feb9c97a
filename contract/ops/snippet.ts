/** Operations on the snippet library. */
import { z } from 'zod';
import { Snippet, SnippetInput } from '../model/snippet';
import { ById, Ok, op } from './op';

export const snippetOps = {
  'snippet.list': op({
    input: z.object({ query: z.string().max(200).default('') }),
    output: z.object({ topics: z.array(z.string()), snippets: z.array(Snippet) }),
    kind: 'read',
    doc: 'Standard lines to take, by topic, optionally filtered by words in the title, text or topic; and every topic name.',
  }),
  'snippet.save': op({ input: SnippetInput, output: Snippet, kind: 'write', doc: 'Create a snippet (or update one by id); a new topic name creates the topic.' }),
  'snippet.delete': op({ input: ById, output: Ok, kind: 'write', doc: 'Delete a snippet.' }),
} as const;
