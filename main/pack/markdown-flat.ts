/**
 * Markdown as one run of styled text, for places that show a text inside a table cell or a word diff rather than as
 * blocks: "since last time" compares what we said then with what we say now, and prints both sides in a cell. Blocks
 * become lines, list items keep their bullet or number, table rows become lines of cells; bold and italic stay as
 * styles; a handling mark comment becomes its label in words ("[Internal]"), as the full pack labels marked parts
 * (see labelledMarkdown in ./variants), so neither `**` nor `<!-- … -->` ever reaches the reader.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { readMark } from '../../contract/handling';
import type { HandlingMark } from '../../contract/model';
import { inlineRuns } from './markdown';

/** A stretch of text with its emphasis. */
export interface FlatRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

const flat = (text: string, style: Omit<FlatRun, 'text'> = {}): FlatRun => ({ text, ...(style.bold ? { bold: true } : {}), ...(style.italic ? { italic: true } : {}) });

function inline(tokens: Token[] | undefined, base: Omit<FlatRun, 'text'> = {}): FlatRun[] {
  return inlineRuns(tokens, base).map((r) => flat(r.text, r));
}

/** The lines of some block tokens, each a list of runs; `indent` prefixes nested list items. */
function blockLines(tokens: Token[], label: (m: HandlingMark) => string, indent = ''): FlatRun[][] {
  const lines: FlatRun[][] = [];
  let pending: FlatRun | null = null;
  const push = (runs: FlatRun[]) => {
    // A mark labels the block after it: on the same line as a paragraph, on a line of its own above anything else.
    lines.push(pending ? [pending, ...runs] : runs);
    pending = null;
  };
  for (const t of tokens) {
    switch (t.type) {
      case 'space':
        break;
      case 'html': {
        const mark = readMark(t.raw);
        if (mark) pending = flat(`[${label(mark)}] `, { italic: true });
        else if (t.text.replace(/<[^>]*>/g, '').trim()) push([flat(t.text.replace(/<[^>]*>/g, '').trim())]);
        break;
      }
      case 'heading':
        push(inline(t.tokens, { bold: true }));
        break;
      case 'paragraph':
      case 'text':
        push('tokens' in t && t.tokens ? inline(t.tokens) : [flat(t.text)]);
        break;
      case 'list': {
        const list = t as Tokens.List;
        if (pending) push([]);
        const start = typeof list.start === 'number' ? list.start : 1;
        list.items.forEach((item, i) => {
          const bullet = item.task ? (item.checked ? '☑ ' : '☐ ') : list.ordered ? `${start + i}. ` : '• ';
          const [first = [], ...rest] = blockLines(
            item.tokens.filter((b) => b.type !== 'checkbox'),
            label,
            `${indent}   `,
          );
          lines.push([flat(indent + bullet), ...first], ...rest);
        });
        break;
      }
      case 'blockquote':
        if (pending) push([]);
        lines.push(...blockLines((t as Tokens.Blockquote).tokens, label, indent).map((l) => l.map((r) => ({ ...r, italic: true }))));
        break;
      case 'table': {
        const table = t as Tokens.Table;
        if (pending) push([]);
        const row = (cells: Tokens.TableCell[], bold: boolean) => cells.flatMap((c, i) => [...(i ? [flat(' | ', { bold })] : []), ...inline(c.tokens, { bold })]);
        lines.push(row(table.header, true), ...table.rows.map((r) => row(r, false)));
        break;
      }
      case 'code':
        push([flat((t as Tokens.Code).text)]);
        break;
      case 'hr':
        push([flat('—')]);
        break;
      default:
        if ('text' in t && typeof t.text === 'string' && t.text.trim()) push([flat(t.text)]);
    }
  }
  if (pending) push([]);
  return lines;
}

/** `md` as styled runs, one line per block (lines separated by "\n" runs); adjacent runs of one style merged. */
export function flattenMarkdown(md: string, label: (m: HandlingMark) => string): FlatRun[] {
  const out: FlatRun[] = [];
  blockLines(new Lexer().lex(md), label).forEach((line, i) => {
    if (i > 0) out.push({ text: '\n' });
    for (const r of line) {
      const last = out[out.length - 1];
      if (last && last.text !== '\n' && !!last.bold === !!r.bold && !!last.italic === !!r.italic) last.text += r.text;
      else if (r.text) out.push({ ...r });
    }
  });
  return out;
}
