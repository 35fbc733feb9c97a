/**
 * Pack variants from one source. A briefing's parts carry handling marks (their syntax and order: contract/handling.ts):
 * the section's own, a Q&A pair's or key message's (their JSON), and a Markdown block's, an HTML comment on the line
 * just before the block. The comment survives editing (it is plain text on its own line; Markdown renderers and the pack never print it)
 * and applies to the next block only. The releasable and run-book variants remove marked parts from the briefing
 * BEFORE it is laid out or written into the pack's attachments, so their words are nowhere in the file.
 */
import { Lexer } from 'marked';
import { readMark, releasable } from '../../contract/handling';
import type { BriefingDetail, DroppedPart, HandlingMark, PackVariant, Section } from '../../contract/model';
import { withBody } from '../../contract/section-content';

export { highestMark } from '../../contract/handling';

export interface MarkdownBlock {
  /** The block's source, without its mark comment. */
  raw: string;
  mark: HandlingMark | null;
  /** 'paragraph', 'list', ... or 'space'. */
  type: string;
}

/** Markdown split into top-level blocks, each with the mark of the comment before it. */
export function markdownBlocks(md: string): MarkdownBlock[] {
  const out: MarkdownBlock[] = [];
  let pending: HandlingMark | null = null;
  for (const t of new Lexer().lex(md)) {
    const mark = t.type === 'html' ? readMark(t.raw) : null;
    if (mark) {
      pending = mark;
      continue;
    }
    if (t.type === 'space') {
      out.push({ raw: t.raw, mark: null, type: 'space' });
      continue;
    }
    out.push({ raw: t.raw, mark: pending, type: t.type });
    pending = null;
  }
  return out;
}

/** The first words of a text, for the release report ("Our fallback position is…"). */
export function firstWords(text: string, n = 10): string {
  const words = text
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/[#>*_`[\]|]+/g, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.slice(0, n).join(' ') + (words.length > n ? '…' : '');
}

/** Markdown without its blocks marked not for release; the dropped blocks' first words. */
export function releasableMarkdown(md: string): { markdown: string; dropped: { text: string; mark: HandlingMark }[] } {
  const dropped: { text: string; mark: HandlingMark }[] = [];
  const kept: string[] = [];
  for (const b of markdownBlocks(md)) {
    if (b.type !== 'space' && !releasable(b.mark)) dropped.push({ text: firstWords(b.raw), mark: b.mark! });
    else kept.push(b.raw);
  }
  return { markdown: dropped.length ? kept.join('').replace(/\n{3,}/g, '\n\n').trim() : md, dropped };
}

/** Markdown with each marked block's mark shown in words (full variant): "*[Internal]* The paragraph…". */
export function labelledMarkdown(md: string, label: (m: HandlingMark) => string): string {
  const blocks = markdownBlocks(md);
  if (!blocks.some((b) => !releasable(b.mark))) return md;
  return blocks
    .map((b) => {
      if (releasable(b.mark)) return b.raw;
      const tag = `*[${label(b.mark!)}]*`;
      return b.type === 'paragraph' ? `${tag} ${b.raw}` : `${tag}\n\n${b.raw}`;
    })
    .join('');
}

/** Every mark a section carries: its own and those of its parts. */
export function sectionMarks(s: Pick<Section, 'handling' | 'body'>): HandlingMark[] {
  const marks: HandlingMark[] = [s.handling];
  const fromMd = (md: string) => markdownBlocks(md).flatMap((b) => (b.mark ? [b.mark] : []));
  const body = s.body;
  if (body.kind === 'markdown') marks.push(...fromMd(body.markdown));
  if (body.kind === 'key_messages') marks.push(...(body.handling ?? []).flatMap((m) => (m ? [m] : [])));
  if (body.kind === 'qa') for (const p of body.pairs) marks.push(...(p.handling ? [p.handling] : []), ...fromMd(p.answer));
  if (body.kind === 'agenda_briefs') for (const b of body.briefs) marks.push(...fromMd(b.text));
  return marks;
}

/** Kinds a run book keeps (programme, timings, logistics, who's who), plus Markdown sections about logistics. */
const RUNBOOK_KINDS: readonly Section['kind'][] = ['programme', 'whos_who', 'contact_sheet'];
const LOGISTICS_RE = /logisti|practical|travel|transport|venue|hotel|timings?|schedule|praktisch|reise|anreise|unterkunft|ablauf|praktische|vervoer|reis|pratique|voyage|hébergement|horaire/i;

/** One section with its not-for-release parts taken out; null content changes mean nothing was dropped. */
function releasableSection(s: Section, dropped: DroppedPart[]): Section {
  const drop = (part: DroppedPart['part'], text: string, handling: HandlingMark) => dropped.push({ sectionId: s.id, section: s.title, part, text, handling, reason: 'handling' });
  const body = s.body;
  switch (body.kind) {
    case 'markdown': {
      const r = releasableMarkdown(body.markdown);
      r.dropped.forEach((d) => drop('paragraph', d.text, d.mark));
      return r.dropped.length ? withBody(s, { kind: 'markdown', markdown: r.markdown }) : s;
    }
    case 'key_messages': {
      const marks = body.handling ?? [];
      const keep = body.items.map((_, i) => releasable(marks[i]));
      body.items.forEach((item, i) => keep[i] || drop('key_message', firstWords(item), marks[i]!));
      if (keep.every(Boolean)) return s;
      return withBody(s, { kind: 'key_messages', items: body.items.filter((_, i) => keep[i]), handling: marks.filter((_, i) => keep[i]) });
    }
    case 'qa': {
      let changed = false;
      const pairs = body.pairs.flatMap((p) => {
        if (!releasable(p.handling)) {
          drop('question', p.question.trim() || firstWords(p.answer), p.handling!);
          changed = true;
          return [];
        }
        const r = releasableMarkdown(p.answer);
        r.dropped.forEach((d) => drop('paragraph', d.text, d.mark));
        if (r.dropped.length) changed = true;
        return [{ ...p, answer: r.markdown }];
      });
      return changed ? withBody(s, { kind: 'qa', pairs }) : s;
    }
    case 'agenda_briefs': {
      let changed = false;
      const briefs = body.briefs.map((b) => {
        const r = releasableMarkdown(b.text);
        r.dropped.forEach((d) => drop('paragraph', d.text, d.mark));
        if (r.dropped.length) changed = true;
        return { ...b, text: r.markdown };
      });
      return changed ? withBody(s, { kind: 'agenda_briefs', briefs }) : s;
    }
    default:
      return s;
  }
}

/**
 * The briefing as a variant may show it, and what was left out. 'full' is the briefing as it is. 'releasable' drops
 * sections marked not for disclosure or internal, and the marked paragraphs, Q&A pairs and key messages of the rest.
 * 'runbook' keeps only programme, who's who, contact sheet and logistics sections, releasable parts only.
 */
export function briefingForVariant(b: BriefingDetail, variant: PackVariant): { briefing: BriefingDetail; dropped: DroppedPart[] } {
  if (variant === 'full') return { briefing: b, dropped: [] };
  const dropped: DroppedPart[] = [];
  const sections: Section[] = [];
  for (const s of b.sections) {
    if (variant === 'runbook' && !RUNBOOK_KINDS.includes(s.kind) && !(s.kind === 'markdown' && LOGISTICS_RE.test(s.title))) {
      dropped.push({ sectionId: s.id, section: s.title, part: 'section', text: s.title, handling: s.handling, reason: 'runbook' });
      continue;
    }
    if (!releasable(s.handling)) {
      dropped.push({ sectionId: s.id, section: s.title, part: 'section', text: s.title, handling: s.handling, reason: 'handling' });
      continue;
    }
    sections.push(releasableSection(s, dropped));
  }
  return { briefing: { ...b, sections }, dropped };
}

/** The full variant with each marked part labelled in words, so the principal sees what must not be passed on. */
export function labelMarks(b: BriefingDetail, label: (m: HandlingMark) => string): BriefingDetail {
  const sections = b.sections.map((s): Section => {
    const body = s.body;
    switch (body.kind) {
      case 'markdown':
        return withBody(s, { kind: 'markdown', markdown: labelledMarkdown(body.markdown, label) });
      case 'key_messages': {
        const marks = body.handling ?? [];
        return withBody(s, { ...body, items: body.items.map((t, i) => (releasable(marks[i]) ? t : `*[${label(marks[i]!)}]* ${t}`)) });
      }
      case 'qa': {
        const pairs = body.pairs.map((p) => ({ ...p, question: releasable(p.handling) ? p.question : `[${label(p.handling!)}] ${p.question}`, answer: labelledMarkdown(p.answer, label) }));
        return withBody(s, { kind: 'qa', pairs });
      }
      case 'agenda_briefs':
        return withBody(s, { kind: 'agenda_briefs', briefs: body.briefs.map((x) => ({ ...x, text: labelledMarkdown(x.text, label) })) });
      default:
        return s;
    }
  });
  return { ...b, sections };
}

/**
 * The pack's overall marking: the briefing's classification, and the caveat of the highest handling mark of what
 * the pack contains ("OFFICIAL-SENSITIVE — INTERNAL"). A releasable variant contains no marked parts, so it carries
 * the classification alone, or `releaseClassification` when the user gives a lower one for it.
 */
export function packMarking(classification: string, contains: HandlingMark, caveat: (m: HandlingMark) => string): string {
  const c = classification.trim();
  if (contains === 'may_use') return c;
  return [c, caveat(contains)].filter(Boolean).join(' — ');
}
