/**
 * Handling marks, the one definition of their syntax and order. A briefing's parts carry a mark: a section its own
 * (Section.handling), a key message or Q&A pair in its JSON, and a Markdown block an HTML comment alone on the line
 * just before it:
 *
 *     <!-- handling: not_for_disclosure -->
 *     The paragraph (or list, quote, table) it applies to.
 *
 * The editor writes and reads these lines (renderer/src/lib/handling.ts), the preview shows them as labels, and the
 * pack drops or labels the marked blocks per variant (main/pack/variants.ts): all through the functions here.
 */
import { HANDLING_MARKS, type HandlingMark } from './model/briefing';

/** A mark line: `<!-- handling: internal -->`, the words also with spaces or dashes ("not for disclosure"), any case. */
export const MARK_LINE_RE = new RegExp(`^<!--\\s*handling:\\s*(${HANDLING_MARKS.map((m) => m.replace(/_/g, '[ _-]')).join('|')})\\s*-->\\s*$`, 'i');

/** The line that marks the next block. */
export const markLine = (mark: HandlingMark): string => `<!-- handling: ${mark} -->`;

/** The mark a line (or a Markdown HTML token) sets, or null if it is no mark line. */
export function readMark(line: string): HandlingMark | null {
  const m = MARK_LINE_RE.exec(line.trim());
  return m ? (m[1]!.toLowerCase().replace(/[ -]/g, '_') as HandlingMark) : null;
}

const RANK: Record<HandlingMark, number> = { may_use: 0, not_for_disclosure: 1, internal: 2 };

/** The highest of some marks ('may_use' for none): what a pack containing them must be handled as. */
export function highestMark(marks: Iterable<HandlingMark | null | undefined>): HandlingMark {
  let top: HandlingMark = 'may_use';
  for (const m of marks) if (m && RANK[m] > RANK[top]) top = m;
  return top;
}

/** May a part with this mark go into a releasable pack? Unmarked parts may. */
export const releasable = (mark: HandlingMark | null | undefined): boolean => !mark || mark === 'may_use';
