/** Comments at sections and paragraphs, with replies and resolve; section history. */
import { getBriefing, getSection } from '../store/briefings';
import { addComment, addReply, getThread, listComments, resolveComment } from '../store/comments';
import { sectionHistory } from '../store/section-history';
import { me, nowOf, requireMe } from './actor';
import { type HandlerMap } from './context';

export const commentHandlers: HandlerMap<'comment.list' | 'comment.add' | 'comment.resolve' | 'section.history'> = {
  'comment.list': ({ briefingId, sectionId, includeResolved }, { db }) => {
    getBriefing(db, briefingId);
    if (sectionId !== null) getSection(db, sectionId);
    return listComments(db, briefingId, { sectionId, includeResolved });
  },
  'comment.add': (input, ctx) => {
    const author = requireMe(ctx, 'comment');
    const id =
      input.parentId !== undefined
        ? addReply(ctx.db, input.parentId, input.body, author, nowOf(ctx))
        : addComment(ctx.db, { sectionId: input.sectionId!, paragraph: input.paragraph, body: input.body, author, now: nowOf(ctx) });
    return getThread(ctx.db, id);
  },
  'comment.resolve': ({ id, resolved }, ctx) => getThread(ctx.db, resolveComment(ctx.db, id, resolved, me(ctx)?.name ?? '', nowOf(ctx))),
  'section.history': ({ id }, { db }) => {
    getSection(db, id); // not_found for an unknown section rather than an empty history
    return sectionHistory(db, id);
  },
};
