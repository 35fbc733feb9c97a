/**
 * The editor's "Mark paragraph…" action: writes or removes the handling mark line (contract/handling.ts) of the
 * Markdown block at the cursor, where the pack reads it.
 */
import { markLine, readMark } from '../../../contract/handling';
import type { HandlingMark } from '../../../contract/model';

/**
 * Sets the mark of the block at `cursor` (blank-line separated): replaces its mark line, adds one before it, or
 * removes it for 'may_use' (the default needs no mark). Returns the new text and where the cursor goes.
 */
export function markBlockAt(text: string, cursor: number, mark: HandlingMark): { text: string; cursor: number } {
  const lines = text.split('\n');
  // The line the cursor is on.
  let at = 0;
  let offset = 0;
  while (at < lines.length - 1 && offset + lines[at]!.length < cursor) offset += lines[at++]!.length + 1;
  // A cursor on a mark line means the block below it.
  while (at < lines.length - 1 && readMark(lines[at]!) !== null) at++;
  // Step back over blank lines to the block above when the cursor sits between blocks.
  while (at > 0 && lines[at]!.trim() === '') at--;
  let start = at;
  while (start > 0 && lines[start - 1]!.trim() !== '' && readMark(lines[start - 1]!) === null) start--;
  const hasMark = start > 0 && readMark(lines[start - 1]!) !== null;
  if (mark === 'may_use') {
    if (hasMark) lines.splice(start - 1, 1);
  } else if (hasMark) lines[start - 1] = markLine(mark);
  else lines.splice(start, 0, markLine(mark));
  const out = lines.join('\n');
  const blockStart = lines.slice(0, mark === 'may_use' && hasMark ? start - 1 : mark === 'may_use' ? start : start + 1).reduce((n, l) => n + l.length + 1, 0);
  return { text: out, cursor: Math.min(out.length, blockStart) };
}
