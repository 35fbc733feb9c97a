/**
 * Comments at a section or one of its paragraphs, with replies and resolve. A paragraph is found again by its first
 * words (quote) when paragraphs move; a comment whose paragraph was rewritten shows on its section, marked detached.
 */
import { invalid, notFound } from '../../contract/errors';
import { type Comment, type CommentThread, findParagraph, quoteOf, sectionParagraphs } from '../../contract/model';
import type { Person } from '../../contract/model';
import type { Section } from '../../contract/model';
import type { ReadDb, WriteDb } from './db';
import { getSection, listSections } from './briefings';
import { all, get, run } from './sql';

interface Row {
  id: number;
  briefing_id: number;
  section_id: number | null;
  section_title: string;
  paragraph: number | null;
  quote: string;
  parent_id: number | null;
  author_id: number | null;
  author_name: string;
  author_post: string;
  body: string;
  context: Comment['context'];
  commission_id: number | null;
  clearance_request_id: number | null;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
}

function toComment(r: Row, sections: Map<number, Section>): Comment {
  const s = r.section_id === null ? undefined : sections.get(r.section_id);
  const paragraph = s && r.paragraph !== null ? findParagraph(sectionParagraphs(s.body), r.quote, r.paragraph) : null;
  return {
    id: r.id,
    briefingId: r.briefing_id,
    sectionId: r.section_id,
    sectionTitle: s?.title ?? r.section_title,
    quote: r.quote,
    paragraph,
    detached: r.paragraph !== null && paragraph === null,
    parentId: r.parent_id,
    author: { contactId: r.author_id, name: r.author_name, post: r.author_post },
    body: r.body,
    context: r.context,
    contextId: r.context === 'commission' ? r.commission_id : r.context === 'clearance' ? r.clearance_request_id : null,
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
  };
}

/** Threads (a comment and its replies) of a briefing, or of one section: in section order, then oldest first. */
export function listComments(db: ReadDb, briefingId: number, opts: { sectionId?: number | null; includeResolved?: boolean } = {}): CommentThread[] {
  const sections = listSections(db, briefingId);
  const byId = new Map(sections.map((s) => [s.id, s]));
  const order = new Map(sections.map((s, i) => [s.id, i]));
  const rows = all<Row>(db, 'SELECT * FROM comments WHERE briefing_id = ? ORDER BY created_at, id', briefingId);
  const comments = rows.map((r) => toComment(r, byId));
  const threads = comments
    .filter((c) => c.parentId === null)
    .filter((c) => opts.sectionId == null || c.sectionId === opts.sectionId)
    .filter((c) => opts.includeResolved !== false || c.resolvedAt === null)
    .map((c) => ({ ...c, replies: comments.filter((r) => r.parentId === c.id) }));
  const rank = (c: Comment) => (c.sectionId === null ? sections.length : (order.get(c.sectionId) ?? sections.length));
  return threads.sort((a, b) => rank(a) - rank(b) || (a.paragraph ?? -1) - (b.paragraph ?? -1));
}

export function getThread(db: ReadDb, id: number): CommentThread {
  const r = get<{ briefing_id: number; parent_id: number | null }>(db, 'SELECT briefing_id, parent_id FROM comments WHERE id = ?', id);
  if (!r) throw notFound('Comment', id);
  const root = r.parent_id ?? id;
  return listComments(db, r.briefing_id).find((t) => t.id === root)!;
}

export interface NewComment {
  sectionId: number;
  paragraph: number | null;
  body: string;
  author: Person;
  context?: { kind: NonNullable<Comment['context']>; id: number } | undefined;
  now: string;
}

/** Adds a comment at a section (or one of its paragraphs); returns its id. */
export function addComment(db: WriteDb, c: NewComment): number {
  const s = getSection(db, c.sectionId);
  let quote = '';
  if (c.paragraph !== null) {
    const paragraphs = sectionParagraphs(s.body);
    if (c.paragraph >= paragraphs.length) {
      throw invalid('paragraph', `“${s.title}” has ${paragraphs.length} ${paragraphs.length === 1 ? 'paragraph' : 'paragraphs'}; there is no paragraph ${c.paragraph + 1}.`);
    }
    quote = quoteOf(paragraphs[c.paragraph]!);
  }
  return Number(
    run(
      db,
      `INSERT INTO comments (briefing_id, section_id, section_title, paragraph, quote, author_id, author_name, author_post, body, context, commission_id, clearance_request_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      s.briefingId,
      s.id,
      s.title,
      c.paragraph,
      quote,
      c.author.contactId,
      c.author.name,
      c.author.post,
      c.body,
      c.context?.kind ?? null,
      c.context?.kind === 'commission' ? c.context.id : null,
      c.context?.kind === 'clearance' ? c.context.id : null,
      c.now,
    ).lastInsertRowid,
  );
}

/** Replies to a comment (a reply to a reply joins the same thread); returns its id. */
export function addReply(db: WriteDb, parentId: number, body: string, author: Person, now: string): number {
  const p = get<Row>(db, 'SELECT * FROM comments WHERE id = ?', parentId);
  if (!p) throw notFound('Comment', parentId);
  const root = p.parent_id ?? p.id;
  return Number(
    run(
      db,
      `INSERT INTO comments (briefing_id, section_id, section_title, paragraph, quote, parent_id, author_id, author_name, author_post, body, context, commission_id, clearance_request_id, created_at)
       VALUES (?, ?, ?, NULL, '', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      p.briefing_id,
      p.section_id,
      p.section_title,
      root,
      author.contactId,
      author.name,
      author.post,
      body,
      p.context,
      p.commission_id,
      p.clearance_request_id,
      now,
    ).lastInsertRowid,
  );
}

export function resolveComment(db: WriteDb, id: number, resolved: boolean, by: string, now: string): number {
  const r = get<{ parent_id: number | null }>(db, 'SELECT parent_id FROM comments WHERE id = ?', id);
  if (!r) throw notFound('Comment', id);
  const root = r.parent_id ?? id;
  run(db, 'UPDATE comments SET resolved_at = ?, resolved_by = ? WHERE id = ?', resolved ? now : null, resolved ? by : null, root);
  return root;
}

/** Open (unresolved) comment threads per section of a briefing, for the editor's outline. */
export function openCommentCounts(db: ReadDb, briefingId: number): Map<number, number> {
  const rows = all<{ section_id: number; n: number }>(
    db,
    'SELECT section_id, count(*) AS n FROM comments WHERE briefing_id = ? AND parent_id IS NULL AND resolved_at IS NULL AND section_id IS NOT NULL GROUP BY section_id',
    briefingId,
  );
  return new Map(rows.map((r) => [r.section_id, r.n]));
}
