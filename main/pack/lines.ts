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
  /** The first part of a word cut to fit a line. */
  cut?: boolean;
}

/** Splits a run's text into atoms; `measure` gives the width of a piece of it. */
export function atomize<R>(run: R, text: string, measure: (text: string) => number): Atom<R>[] {
  const atoms: Atom<R>[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    let j = i + 1;
    if (ch === '\n') {
      atoms.push({ run, text: ch, width: 0, kind: 'newline' });
    } else if (ch === ' ') {
      while (text[j] === ' ') j++;
      const part = text.slice(i, j);
      atoms.push({ run, text: part, width: measure(part), kind: 'space' });
    } else {
      while (j < text.length && text[j] !== ' ' && text[j] !== '\n') j++;
      const part = j - i === text.length ? text : text.slice(i, j);
      atoms.push({ run, text: part, width: measure(part), kind: 'word' });
    }
    i = j;
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
  // The spaces before the next word: atoms[spaceFrom .. spaceTo) of total width `gap`.
  let spaceFrom = 0;
  let spaceTo = 0;
  let gap = 0;
  const push = () => {
    lines.push(line);
    line = [];
    used = 0;
    spaceFrom = spaceTo = gap = 0;
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
      if (line.length) {
        if (spaceTo !== i) spaceFrom = i;
        spaceTo = i + 1;
        gap += a.width;
      }
      i++;
      continue;
    }
    // A word: consecutive word atoms (e.g. "**bold**," is two runs, one word).
    let j = i;
    let w = 0;
    while (j < atoms.length && atoms[j]!.kind === 'word') w += atoms[j++]!.width;
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
    if (line.length) {
      used += gap;
      for (let k = spaceFrom; k < spaceTo; k++) line.push(atoms[k]!);
    }
    used += w;
    for (; i < j; i++) line.push(atoms[i]!);
    spaceFrom = spaceTo = gap = 0;
  }
  if (line.length || lines.length === 0) push();
  return lines;
}
