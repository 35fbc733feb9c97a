/** Comments at a section or a paragraph, with replies and resolve (issue 20). */
import { z } from 'zod';
import { op } from './op';
import { Id } from '../model/common';
import { CommentAnchor, CommentBody, CommentThread } from '../model/comment';

export const commentOps = {
  'comment.list': op({
    input: z.object({ briefingId: Id, sectionId: Id.nullable().default(null), includeResolved: z.boolean().default(true) }),
    output: z.array(CommentThread),
    kind: 'read',
    doc: 'The comment threads of a briefing (or of one section), in section order, oldest first, each with its replies.',
  }),
  'comment.add': op({
    // One object (every op's input is one, for `dossier ops` and forms): a section (and paragraph), or a parent.
    input: z
      .object({
        sectionId: Id.optional(),
        paragraph: CommentAnchor.shape.paragraph,
        parentId: Id.optional(),
        body: CommentBody,
      })
      .refine((c) => (c.sectionId === undefined) !== (c.parentId === undefined), {
        message: 'Give either the section to comment on (sectionId) or the comment to reply to (parentId), not both.',
        path: ['sectionId'],
      }),
    output: CommentThread,
    kind: 'write',
    doc: 'Comment on a section (or one of its paragraphs), or reply to a comment (parentId), as the person you act as.',
  }),
  'comment.resolve': op({
    input: z.object({ id: Id, resolved: z.boolean().default(true) }),
    output: CommentThread,
    kind: 'write',
    doc: 'Mark a comment thread resolved (or open it again).',
  }),
} as const;
