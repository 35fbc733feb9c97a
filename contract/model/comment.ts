/**
 * Comments anchored to a section of a briefing, or to one paragraph of it, with replies and resolve. Commissions
 * (a contribution returned) and clearance (a briefing returned) write theirs here too, so every remark about a
 * section shows at that section, whichever flow it came from.
 */
import { z } from 'zod';
import { Person } from './identity';
import { Id } from './common';
import type { SectionBody } from './briefing';

export const COMMENT_CONTEXTS = ['commission', 'clearance'] as const;

export const CommentBody = z.string().trim().min(1, 'A comment needs some text.').max(10_000, 'Keep a comment under 10,000 characters.');

/** Where a comment points: a section, optionally one of its paragraphs (0-based, as sectionParagraphs counts them). */
export const CommentAnchor = z.object({
  sectionId: Id,
  paragraph: z.number().int().min(0).max(10_000).nullable().default(null),
});
export type CommentAnchor = z.input<typeof CommentAnchor>;

export const Comment = z.object({
  id: Id,
  briefingId: Id,
  /** null when the section was removed since; the comment then shows on the briefing. */
  sectionId: Id.nullable(),
  sectionTitle: z.string(),
  /** The paragraph as it was commented on (its first words), so the comment finds it again when paragraphs move. */
  quote: z.string(),
  /** The paragraph it points to now (0-based), or null for the whole section or when that paragraph is gone. */
  paragraph: z.number().int().nullable(),
  /** It pointed to a paragraph that has since been rewritten or removed. */
  detached: z.boolean(),
  parentId: Id.nullable(),
  author: Person,
  body: z.string(),
  context: z.enum(COMMENT_CONTEXTS).nullable(),
  contextId: Id.nullable(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
});
export type Comment = z.infer<typeof Comment>;
export const CommentThread = Comment.extend({ replies: z.array(Comment) });
export type CommentThread = z.infer<typeof CommentThread>;

/**
 * The paragraphs of a section's body a comment can point to: Markdown blocks (split at blank lines), key messages,
 * Q&A questions, or the lines to take of each agenda item. Generated sections have none.
 */
export function sectionParagraphs(body: SectionBody): string[] {
  switch (body.kind) {
    case 'markdown':
      return body.markdown
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter((p) => p !== '');
    case 'key_messages':
      return body.items;
    case 'qa':
      return body.pairs.map((p) => p.question);
    case 'agenda_briefs':
      return body.briefs.map((b) => `${b.title ?? ''}: ${b.text}`.trim());
    default:
      return [];
  }
}

/** The first words of a paragraph, as a comment keeps them. */
export const quoteOf = (paragraph: string) => paragraph.replace(/\s+/g, ' ').trim().slice(0, 160);

/**
 * Where a comment's paragraph is now: the paragraph starting with its quote (it may have moved), else the one at its
 * old index if that still reads the same, else null (rewritten or removed).
 */
export function findParagraph(paragraphs: readonly string[], quote: string, index: number | null): number | null {
  if (index === null) return null;
  const q = quote.slice(0, 60);
  if (index < paragraphs.length && quoteOf(paragraphs[index]!).startsWith(q)) return index;
  const at = paragraphs.findIndex((p) => quoteOf(p).startsWith(q));
  return at >= 0 ? at : null;
}
