/**
 * Markdown (as the briefing editor writes it) to tagged PDF, through marked's lexer: headings, paragraphs,
 * bold, italic, links, lists (nested, ordered, tasks), block quotes, tables, code and rules. Raw HTML is
 * not interpreted: tags are dropped and their text kept.
 */
import { safeLink } from '../../contract/links';
import { Lexer, type Token, type Tokens } from 'marked';
import { BODY, type Layout, type Run, type Struct, type Style } from './layout';
import { drawTable } from './table';
import { COLOR, PAGE, SIZE } from './theme';

/** Where a block of Markdown goes: its left edge and width, and the heading level its `#` maps to. */
export interface Frame {
  x: number;
  width: number;
  /** Structure level of a Markdown `#` heading (2 under a section's H1). */
  headingBase: number;
  style?: Style;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: '’', nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…' };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });


/** Inline tokens to runs; soft line breaks become spaces as in any Markdown renderer. */
export function inlineRuns(tokens: Token[] | undefined, base: Partial<Run> = {}): Run[] {
  const out: Run[] = [];
  for (const t of tokens ?? []) {
    switch (t.type) {
      case 'strong':
        out.push(...inlineRuns(t.tokens, { ...base, bold: true }));
        break;
      case 'em':
        out.push(...inlineRuns(t.tokens, { ...base, italic: true }));
        break;
      case 'del':
        out.push(...inlineRuns(t.tokens, { ...base, color: COLOR.faint }));
        break;
      case 'codespan':
        out.push({ ...base, text: decode(t.text), code: true });
        break;
      case 'link': {
        // Only web and mail links, rebuilt from their parsed target: no javascript:, no mailto: ?attach= (contract/links.ts).
        const href = safeLink((t as Tokens.Link).href);
        out.push(...inlineRuns(t.tokens, href && !href.startsWith('#') ? { ...base, link: href } : base));
        break;
      }
      case 'image':
        out.push({ ...base, text: `[${(t as Tokens.Image).text || 'image'}]`, italic: true });
        break;
      case 'br':
        out.push({ ...base, text: '\n' });
        break;
      case 'checkbox':
        out.push({ ...base, text: (t as Tokens.Checkbox).checked ? '☑ ' : '☐ ' });
        break;
      case 'html':
        break;
      case 'text':
      case 'escape':
        if ('tokens' in t && t.tokens && t.tokens.length) out.push(...inlineRuns(t.tokens, base));
        else out.push({ ...base, text: decode(t.text).replace(/\n/g, ' ') });
        break;
      default:
        if ('text' in t && typeof t.text === 'string') out.push({ ...base, text: decode(t.text) });
    }
  }
  return out;
}

/** A line of inline Markdown (key messages, table cells from the store) as runs. */
export function inlineMarkdown(text: string): Run[] {
  return inlineRuns(new Lexer().inlineTokens(text));
}

const HEADING_SIZE = [SIZE.h2, SIZE.h3, SIZE.body + 0.5, SIZE.body, SIZE.body];

export function headingStyle(level: number): Style {
  return { size: HEADING_SIZE[Math.min(Math.max(level - 2, 0), HEADING_SIZE.length - 1)]!, bold: true, color: level <= 2 ? COLOR.accent : COLOR.ink, lineGap: 1.5 };
}

/** A heading kept with the first lines of what follows (never alone at a page foot). */
export function heading(L: Layout, parent: Struct, level: number, runs: Run[], frame: Pick<Frame, 'x' | 'width'>): void {
  const style = headingStyle(level);
  const h = L.measure(runs, style, frame.width);
  L.gap(level <= 2 ? 10 : 7);
  L.keep(h + 4 + 3 * (SIZE.body + SIZE.lineGap + 2));
  L.block(parent, `H${Math.min(level, 6)}`, runs, style, { x: frame.x, width: frame.width });
  L.y += 4;
}

export function renderMarkdown(L: Layout, parent: Struct, markdown: string, frame: Frame): void {
  renderTokens(L, parent, new Lexer().lex(markdown), frame);
}

function renderTokens(L: Layout, parent: Struct, tokens: Token[], frame: Frame): void {
  const style = frame.style ?? BODY;
  let previous: string | null = null;
  for (const t of tokens) {
    if (t.type === 'space') continue;
    // Tables and quotes stand apart from the text around them; paragraphs and lists follow each other closely.
    const apart = (type: string) => type === 'table' || type === 'blockquote';
    if (previous !== null && t.type !== 'heading') L.gap(apart(t.type) || apart(previous) ? 9 : 5);
    previous = t.type;
    switch (t.type) {
      case 'heading':
        heading(L, parent, frame.headingBase + (t as Tokens.Heading).depth - 1, inlineRuns(t.tokens), frame);
        break;
      case 'paragraph':
      case 'text':
        L.block(parent, 'P', inlineRuns('tokens' in t && t.tokens ? t.tokens : [{ type: 'text', raw: t.raw, text: t.text }]), style, { x: frame.x, width: frame.width });
        break;
      case 'list':
        renderList(L, parent, t as Tokens.List, frame);
        break;
      case 'blockquote':
        renderQuote(L, parent, t as Tokens.Blockquote, frame);
        break;
      case 'table':
        renderTable(L, parent, t as Tokens.Table, frame);
        break;
      case 'code':
        L.block(parent, 'P', [{ text: (t as Tokens.Code).text, code: true }], { ...style, size: style.size * 0.92 }, { x: frame.x + 10, width: frame.width - 10 });
        break;
      case 'hr':
        L.gap(4);
        L.rule(frame.x, L.y, frame.width);
        L.gap(6);
        break;
      case 'html':
        if (t.text.trim()) L.block(parent, 'P', [{ text: decode(t.text.replace(/<[^>]*>/g, '')).trim() }], style, { x: frame.x, width: frame.width });
        break;
      default:
        if ('text' in t && typeof t.text === 'string' && t.text.trim()) L.block(parent, 'P', [{ text: decode(t.text) }], style, { x: frame.x, width: frame.width });
    }
  }
}

/** Lists as L > LI > (Lbl, LBody); the label is drawn in the hanging indent on the body's first line. */
export function renderList(L: Layout, parent: Struct, list: Tokens.List, frame: Frame): void {
  const style = frame.style ?? BODY;
  const indent = list.ordered ? 18 : 13;
  const el = L.doc.struct('L');
  parent.add(el);
  const start = typeof list.start === 'number' ? list.start : 1;
  list.items.forEach((item, i) => {
    if (i > 0) L.gap(list.loose ? 5 : 2.5);
    const li = L.doc.struct('LI');
    el.add(li);
    // A task item's checkbox takes the bullet's place.
    const label = item.task ? (item.checked ? '☑' : '☐') : list.ordered ? `${start + i}.` : '•';
    const blocks = item.tokens.filter((b) => b.type !== 'space' && b.type !== 'checkbox');
    // Keep the label with the first line of its body.
    const firstText = blocks[0] && 'tokens' in blocks[0] ? inlineRuns(blocks[0].tokens) : [];
    L.keep(L.measure(firstText.slice(0, 1), style, frame.width - indent) || style.size * 1.4);
    const y = L.y;
    L.block(li, 'Lbl', [{ text: label, color: list.ordered ? COLOR.ink : COLOR.accent }], style, { x: frame.x, width: indent, noBreak: true });
    L.y = y;
    const body = L.doc.struct('LBody');
    li.add(body);
    renderTokens(L, body, blocks, { ...frame, x: frame.x + indent, width: frame.width - indent });
    body.end();
    li.end();
  });
  el.end();
}

function renderQuote(L: Layout, parent: Struct, quote: Tokens.Blockquote, frame: Frame): void {
  const el = L.doc.struct('BlockQuote');
  parent.add(el);
  const startPage = currentPage(L);
  const startY = L.y;
  renderTokens(L, el, quote.tokens, { ...frame, x: frame.x + 14, width: frame.width - 14, style: { ...(frame.style ?? BODY), italic: true, color: COLOR.muted } });
  el.end();
  sideBar(L, startPage, startY, frame.x + 3);
}

/** The vertical bar beside a block quote, drawn on every page the quote runs across. */
function sideBar(L: Layout, startPage: number, startY: number, x: number): void {
  const endPage = currentPage(L);
  const endY = L.y;
  for (let p = startPage; p <= endPage; p++) {
    if (p !== endPage) L.toPage(p);
    const top = p === startPage ? startY : PAGE.top;
    const bottom = p === endPage ? endY : L.bottom;
    L.artifact(() => L.doc.moveTo(x, top + 1).lineTo(x, bottom - 1).lineWidth(2).strokeColor(COLOR.rule).stroke());
    if (p !== endPage) L.toPage(endPage);
  }
  L.y = endY;
}

export const currentPage = (L: Layout): number => {
  const range = L.doc.bufferedPageRange();
  return range.start + range.count - 1;
};

function renderTable(L: Layout, parent: Struct, t: Tokens.Table, frame: Frame): void {
  // Columns share the width in proportion to their longest cell, within sensible bounds.
  const lengths = t.header.map((h, c) => Math.max(h.text.length, ...t.rows.map((r) => r[c]?.text.length ?? 0)));
  const weights = lengths.map((n) => Math.min(Math.max(n, 6), 60));
  drawTable(L, parent, {
    x: frame.x,
    width: frame.width,
    columns: t.header.map((h, c) => ({ header: inlineRuns(h.tokens), weight: weights[c]!, align: t.align[c] === 'right' ? 'right' : t.align[c] === 'center' ? 'center' : 'left' })),
    rows: t.rows.map((r) => r.map((cell) => inlineRuns(cell.tokens))),
  });
}
