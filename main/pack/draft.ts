/**
 * The DRAFT mark of draft and in-review packs: the word's glyph outlines, stroked and rotated across the page.
 * Paths, not text, so it never mixes into copied or extracted text; outlined, so it hides nothing beneath and
 * needs no transparency (which PDF/A-1 would forbid and some printers mishandle).
 */
import type { Layout, Doc } from './layout';
import { currentFont } from './pdfkit-private';
import { shaperFor } from './shaping';
import { COLOR, PAGE } from './theme';

/** Height of the letters, in points. */
const SIZE = 96;

interface Outline {
  /** Path operators in font units, ready for the content stream. */
  ops: string;
  advance: number;
  capHeight: number;
  unitsPerEm: number;
}

const outlines = new Map<string, Outline>();
const num = (v: number) => String(Math.round(v * 100) / 100);

/** The word's outline from the bold face, converted once per process (TrueType quadratics become cubics). */
function outline(doc: Doc, text: string): Outline {
  const known = outlines.get(text);
  if (known) return known;
  doc.font('bold');
  const font = currentFont(doc).font;
  // Shaped as the pack's words are (fontkit's full shaper only where the fast one cannot say): the same glyphs.
  const run = (shaperFor(font).shape(text) as ReturnType<typeof font.layout> | null) ?? font.layout(text);
  const ops: string[] = [];
  let advance = 0;
  run.glyphs.forEach((glyph, i) => {
    const pos = run.positions[i]!;
    const dx = advance + pos.xOffset;
    const dy = pos.yOffset;
    let cx = 0;
    let cy = 0;
    for (const { command, args: a } of glyph.path.commands) {
      if (command === 'moveTo' || command === 'lineTo') {
        [cx, cy] = [a[0]! + dx, a[1]! + dy];
        ops.push(`${num(cx)} ${num(cy)} ${command === 'moveTo' ? 'm' : 'l'}`);
      } else if (command === 'quadraticCurveTo') {
        const [qx, qy, x, y] = [a[0]! + dx, a[1]! + dy, a[2]! + dx, a[3]! + dy];
        ops.push(`${num(cx + (2 / 3) * (qx - cx))} ${num(cy + (2 / 3) * (qy - cy))} ${num(x + (2 / 3) * (qx - x))} ${num(y + (2 / 3) * (qy - y))} ${num(x)} ${num(y)} c`);
        [cx, cy] = [x, y];
      } else if (command === 'bezierCurveTo') {
        ops.push(`${num(a[0]! + dx)} ${num(a[1]! + dy)} ${num(a[2]! + dx)} ${num(a[3]! + dy)} ${num(a[4]! + dx)} ${num(a[5]! + dy)} c`);
        [cx, cy] = [a[4]! + dx, a[5]! + dy];
      } else ops.push('h');
    }
    advance += pos.xAdvance;
  });
  const result = { ops: ops.join('\n'), advance, capHeight: Math.max(...run.glyphs.map((g) => g.bbox.maxY)), unitsPerEm: font.unitsPerEm };
  outlines.set(text, result);
  return result;
}

/** Draws the mark (e.g. "DRAFT", "ENTWURF") across the current page as an artifact. */
export function drawDraftMark(L: Layout, text: string): void {
  const doc = L.doc;
  const o = outline(doc, text);
  const scale = SIZE / o.unitsPerEm;
  const cx = PAGE.width / 2;
  const cy = PAGE.height / 2;
  L.artifact(() => {
    doc.rotate(-40, { origin: [cx, cy] });
    doc.translate(cx - (o.advance * scale) / 2, cy + (o.capHeight * scale) / 2);
    doc.scale(scale, -scale);
    doc.lineWidth(0.7 / scale).strokeColor(COLOR.marking);
    doc.addContent(`${o.ops}\nS`);
  }, 'Pagination');
}
