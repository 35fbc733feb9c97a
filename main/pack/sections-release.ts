/**
 * Release furniture inside sections: the notes under a heading (a section's handling mark in the full pack, a
 * pre-flight finding printed "to check") and an addendum's changed text, word-diffed against the issued text with
 * insertions underlined and deletions struck through (so the change reads in black and white too).
 */
import type { SectionChanges, SectionNote } from './document';
import { BODY, type Run, type Struct, type Style, plain } from './layout';
import type { SectionContext } from './sections';
import { COLOR, CONTENT_WIDTH, PAGE, SIZE } from './theme';

const FULL = { x: PAGE.marginX, width: CONTENT_WIDTH };

export function drawSectionNotes(ctx: SectionContext, parent: Struct, notes: SectionNote[]): void {
  const { L } = ctx;
  for (const n of notes) {
    const style: Style = { size: SIZE.small + 0.5, bold: n.tone === 'handling', color: n.tone === 'handling' ? COLOR.marking : COLOR.warn, lineGap: 1.5 };
    L.block(parent, 'P', plain(n.tone === 'check' ? `⚑ ${n.text}` : `[${n.text}]`), style, FULL);
    L.gap(4);
  }
  L.gap(4);
}

/** The diff as runs: kept text plain, inserted text underlined in the accent, deleted text struck through in red. */
export function changeRuns(parts: SectionChanges['parts']): Run[] {
  return parts.map((p) => {
    const style = { ...(p.bold ? { bold: true } : {}), ...(p.italic ? { italic: true } : {}) };
    return p.added ? { text: p.value, ...style, mark: 'underline', color: COLOR.accent } : p.removed ? { text: p.value, ...style, mark: 'strike', color: COLOR.marking } : { text: p.value, ...style };
  });
}

export function drawChanges(ctx: SectionContext, parent: Struct, changes: SectionChanges): void {
  const { L } = ctx;
  L.block(parent, 'P', plain(changes.label), { size: SIZE.small + 0.5, bold: true, color: COLOR.muted }, FULL);
  L.gap(6);
  // One paragraph per line of the diffed text keeps page breaks between paragraphs and the reading order intact.
  let line: Run[] = [];
  const flush = () => {
    if (line.some((r) => r.text.trim())) L.block(parent, 'P', line, { ...BODY, lineGap: 3 }, FULL);
    else if (line.length) L.gap(5);
    line = [];
  };
  for (const run of changeRuns(changes.parts)) {
    const pieces = run.text.split('\n');
    pieces.forEach((text, i) => {
      if (i > 0) flush();
      if (text) line.push({ ...run, text });
    });
  }
  flush();
}
