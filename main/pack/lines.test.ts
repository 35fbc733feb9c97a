import { describe, expect, it } from 'vitest';
import { type Atom, atomize, breakLines } from './lines';

// Every character is 1 wide, so widths are lengths.
const atoms = (...runs: string[]) => runs.flatMap((text, r) => atomize(r, text, (t) => t.length));
const cut = (a: Atom<number>, room: number): [Atom<number>, Atom<number>] => {
  const n = Math.max(1, Math.floor(room));
  return [{ ...a, text: a.text.slice(0, n), width: n }, { ...a, text: a.text.slice(n), width: a.text.length - n }];
};
const text = (lines: Atom<number>[][]) => lines.map((l) => l.map((a) => a.text).join(''));

describe('breakLines', () => {
  it('fills lines greedily and drops the spaces at a break', () => {
    expect(text(breakLines(atoms('the quick brown fox jumps'), 10, cut))).toEqual(['the quick', 'brown fox', 'jumps']);
  });

  it('keeps a word made of several runs together and keeps runs apart', () => {
    const lines = breakLines(atoms('a very ', 'bold', ', then more'), 12, cut);
    expect(text(lines)).toEqual(['a very bold,', 'then more']);
    expect(lines[0]!.map((a) => a.run)).toEqual([0, 0, 0, 0, 1, 2]);
  });

  it('breaks at newlines, keeps blank lines and ignores spaces at a line start', () => {
    expect(text(breakLines(atoms('one\n\n  two three'), 20, cut))).toEqual(['one', '', 'two three']);
  });

  it('cuts a word longer than the line', () => {
    expect(text(breakLines(atoms('x abcdefghijkl y'), 5, cut))).toEqual(['x', 'abcde', 'fghij', 'kl y']);
  });

  it('gives one empty line for nothing', () => {
    expect(breakLines([], 10, cut)).toEqual([[]]);
  });
});
