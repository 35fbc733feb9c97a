/**
 * Line breaking for the pack: greedy, at spaces and explicit newlines, over runs in several fonts; a word wider
 * than the line is cut where it must (long e-mail addresses, URLs). Pure: widths come in measured, so the same
 * input always breaks the same way, and measuring (keep-together, table rows) and drawing agree exactly.
 */

/** A word, a run of spaces or a newline, from one styled run, with its advance width. */
export interface Atom<R> {
  run: R;
  text: string;
  width: number;
  kind: 'word' | 'space' | 'newline';
}

/** Splits a run's text into atoms; `measure` gives the width of a piece of it. */
export function atomize<R>(run: R, text: string, measure: (text: string) => number): Atom<R>[] {
  if (!text.includes(' ') && !text.includes('\n')) return [{ run, text, width: measure(text), kind: 'word' }];
  const atoms: Atom<R>[] = [];
  for (const part of text.split(/(\n| +)/)) {
    if (part === '') continue;
    if (part === '\n') atoms.push({ run, text: part, width: 0, kind: 'newline' });
    else atoms.push({ run, text: part, width: measure(part), kind: part[0] === ' ' ? 'space' : 'word' });
  }
  return atoms;
}

/**
 * Breaks atoms into lines no wider than `width`. Spaces at a break are dropped; a word that fits no line is cut
 * into pieces by `cut` (the first piece as long as fits, at least one character). Returns the atoms of each line.
 */
export function breakLines<R>(atoms: Atom<R>[], width: number, cut: (atom: Atom<R>, room: number) => [Atom<R>, Atom<R>]): Atom<R>[][] {
  const lines: Atom<R>[][] = [];
  let line: Atom<R>[] = [];
  let used = 0;
  let spaces: Atom<R>[] = [];
  const push = () => {
    lines.push(line);
    line = [];
    used = 0;
    spaces = [];
  };
  let i = 0;
  while (i < atoms.length) {
    const a = atoms[i]!;
    if (a.kind === 'newline') {
      push();
      i++;
      continue;
    }
    if (a.kind === 'space') {
      if (line.length) spaces.push(a);
      i++;
      continue;
    }
    // A word: consecutive word atoms (e.g. "**bold**," is two runs, one word).
    let j = i;
    let w = 0;
    while (j < atoms.length && atoms[j]!.kind === 'word') w += atoms[j++]!.width;
    let gap = 0;
    for (const sp of spaces) gap += sp.width;
    if (line.length && used + gap + w > width) push();
    if (!line.length && w > width) {
      // Too long for any line. Its first atom alone on the line if it fits, else cut to fit; the rest goes on.
      if (a.width <= width) {
        line.push(a);
        used = a.width;
        i++;
      } else {
        const [head, tail] = cut(a, width);
        line.push(head);
        push();
        atoms = [...atoms.slice(0, i), tail, ...atoms.slice(i + 1)];
      }
      continue;
    }
    used += (line.length ? gap : 0) + w;
    if (line.length) for (const sp of spaces) line.push(sp);
    for (; i < j; i++) line.push(atoms[i]!);
    spaces = [];
  }
  if (line.length || lines.length === 0) push();
  return lines;
}
