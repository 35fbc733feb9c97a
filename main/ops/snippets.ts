/** The snippet library: standard lines to take by topic. */
import type { HandlerMap } from './context';
import { deleteSnippet, listSnippets, saveSnippet, topicNames } from '../store/snippets';

export const snippetHandlers: HandlerMap<'snippet.list' | 'snippet.save' | 'snippet.delete'> = {
  'snippet.list': ({ query }, { db }) => ({ topics: topicNames(db), snippets: listSnippets(db, query) }),
  'snippet.save': (input, ctx) => saveSnippet(ctx.db, input),
  'snippet.delete': ({ id }, ctx) => {
    deleteSnippet(ctx.db, id);
    return { ok: true as const };
  },
};
