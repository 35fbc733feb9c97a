import { describe, expect, it } from 'vitest';
import { markBlockAt } from './handling';

const text = 'First paragraph.\n\nSecond paragraph\nstill second.\n\nThird.';

describe('markBlockAt', () => {
  it('puts the mark line just before the paragraph at the cursor', () => {
    const r = markBlockAt(text, text.indexOf('still'), 'not_for_disclosure');
    expect(r.text).toBe('First paragraph.\n\n<!-- handling: not_for_disclosure -->\nSecond paragraph\nstill second.\n\nThird.');
    expect(r.text.slice(r.cursor).startsWith('Second paragraph')).toBe(true);
  });

  it('replaces an existing mark, and removes it for "may be used"', () => {
    const marked = markBlockAt(text, text.indexOf('Second'), 'internal').text;
    const again = markBlockAt(marked, marked.indexOf('still'), 'not_for_disclosure').text;
    expect(again.match(/handling/g)).toHaveLength(1);
    expect(again).toContain('<!-- handling: not_for_disclosure -->\nSecond');
    expect(markBlockAt(again, again.indexOf('Second'), 'may_use').text).toBe(text);
  });

  it('marks the first and the last block, and the block above a blank line the cursor sits on', () => {
    expect(markBlockAt(text, 0, 'internal').text.startsWith('<!-- handling: internal -->\nFirst')).toBe(true);
    expect(markBlockAt(text, text.length, 'internal').text.endsWith('<!-- handling: internal -->\nThird.')).toBe(true);
    expect(markBlockAt(text, text.indexOf('\n\nSecond') + 1, 'internal').text.startsWith('<!-- handling: internal -->\nFirst')).toBe(true);
  });
});
