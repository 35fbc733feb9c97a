/**
 * Word diffs of Markdown as a reader sees it (since last time, addenda): both texts rendered to styled lines first
 * (main/pack/markdown-flat.ts), so the diff shows words and emphasis, never `**` or mark comments. Structured
 * sections are compared as the Markdown they print as (sectionMarkdown in contract/section-text.ts).
 */
import { diffWordsWithSpace } from 'diff';
import type { HandlingMark } from '../../contract/model';
import type { DiffRun } from '../pack/document';
import { type FlatRun, flattenMarkdown } from '../pack/markdown-flat';

/** A handling mark in words, in the document's language. */
export type Label = (m: HandlingMark) => string;
const styleOf = (r: FlatRun) => ({ ...(r.bold ? { bold: true } : {}), ...(r.italic ? { italic: true } : {}) });
const sameStyle = (a: FlatRun, b: FlatRun) => !!a.bold === !!b.bold && !!a.italic === !!b.italic;

/** Reads `n` characters of styled text from a cursor, split where the style changes. */
function reader(runs: FlatRun[]) {
  let i = 0;
  let at = 0;
  return (n: number): FlatRun[] => {
    const out: FlatRun[] = [];
    while (n > 0 && i < runs.length) {
      const r = runs[i]!;
      const take = Math.min(n, r.text.length - at);
      out.push({ ...r, text: r.text.slice(at, at + take) });
      at += take;
      n -= take;
      if (at >= r.text.length) (i++, (at = 0));
    }
    return out;
  };
}

/**
 * A word diff of two Markdown texts as a reader sees them: rendered (no `**`, no mark comments; see flattenMarkdown),
 * with each side's bold and italic kept on its runs. Text whose words stay but whose emphasis changed counts as
 * changed: it is shown removed in its old style and added in its new one.
 */
export function markdownDiff(before: string, after: string, label: Label): DiffRun[] {
  const a = flattenMarkdown(before, label);
  const b = flattenMarkdown(after, label);
  const readA = reader(a);
  const readB = reader(b);
  const out: DiffRun[] = [];
  const push = (r: FlatRun, added: boolean, removed: boolean) => {
    const last = out[out.length - 1];
    if (last && last.added === added && last.removed === removed && !!last.bold === !!r.bold && !!last.italic === !!r.italic) last.value += r.text;
    else if (r.text) out.push({ value: r.text, added, removed, ...styleOf(r) });
  };
  const text = (runs: FlatRun[]) => runs.map((r) => r.text).join('');
  for (const p of diffWordsWithSpace(text(a), text(b))) {
    if (p.added) for (const r of readB(p.value.length)) push(r, true, false);
    else if (p.removed) for (const r of readA(p.value.length)) push(r, false, true);
    else {
      // The same words on both sides, cut where either side's style changes.
      const sa = readA(p.value.length);
      const sb = readB(p.value.length);
      const ends = (runs: FlatRun[]) => runs.map((_, k) => runs.slice(0, k + 1).reduce((n, r) => n + r.text.length, 0));
      const cuts = [...new Set([...ends(sa), ...ends(sb)])].sort((x, y) => x - y);
      const left = reader(sa);
      const right = reader(sb);
      let done = 0;
      for (const cut of cuts) {
        const [x] = left(cut - done);
        const [y] = right(cut - done);
        done = cut;
        if (!x || !y) continue;
        if (sameStyle(x, y)) push(y, false, false);
        else (push(x, false, true), push(y, true, false));
      }
    }
  }
  return out;
}
