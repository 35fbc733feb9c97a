/**
 * One line of text written straight into the page's content stream, as pdfkit's text() writes it, without its
 * per-call overhead (merging options, measuring the text a second time, and a saved and restored graphics
 * state to flip the matrix): with some 2,000 fragments in a 40-page pack that overhead was a third of the
 * build. Uses the pdfkit internals its own text() uses (main/pack/pdfkit-private.ts): the current embedded font (its word shaping
 * cache, subset, widths and ToUnicode map), the current size and the page's font resources. Kept to this file
 * (pdfkit is pinned to ^0.20).
 */
import type { Doc } from './layout';
import { type EmbeddedFont, currentFontSize, useFontOnPage } from './pdfkit-private';

/** A number as PDF writes it: at most three decimals, never an exponent. */
const num = (v: number) => String(Math.round(v * 1000) / 1000);

/**
 * Writes `text` in the current font, size and fill colour with the top of its line at (x, y) in pdfkit's
 * top-down coordinates, like text(…, {lineBreak: false}). `spacing` is letter spacing in points.
 */
export function writeText(doc: Doc, text: string, x: number, y: number, spacing = 0): void {
  const font = useFontOnPage(doc);
  const size = currentFontSize(doc);
  const scale = size / 1000;
  const baseline = y + font.ascender * scale;
  // The page's matrix is flipped (y down, as pdfkit sets it up); a text matrix flipped back draws upright glyphs.
  let out = `BT 1 0 0 -1 ${num(x)} ${num(baseline)} Tm /${font.id} ${num(size)} Tf`;
  if (spacing) out += ` ${num(spacing)} Tc`;
  // Glyphs in TJ segments, each closed after a glyph whose advance is adjusted (kerning); a mark with an
  // offset is placed on its own, then the position is put back, as pdfkit does.
  let tj = '';
  let hex = '';
  let gx = x;
  let shifted = false;
  const words = wordsOf(font);
  eachWord(text, (chunk) => {
    const known = words.get(chunk);
    if (known && !shifted) {
      // A word met before in this document: its glyphs' codes and kerning as one piece.
      if (known.adjust === null) hex += known.first;
      else {
        tj += `<${hex}${known.first}> ${known.adjust} ${known.middle}`;
        hex = known.tail;
      }
      for (const a of known.advances) gx += a * scale;
      return;
    }
    // Taken apart glyph by glyph; remembered as a piece when no glyph of it is placed apart.
    const run = font.layoutCached(chunk);
    let plain = true;
    const pieces: string[] = [];
    let piece = '';
    for (let k = 0; k < run.glyphs.length; k++) {
      const h = glyphHex(font, run.glyphs[k]!);
      const pos = run.positions[k]!;
      if (pos.xOffset || pos.yOffset) {
        plain = false;
        if (hex) tj += `<${hex}> `;
        if (tj) out += ` [${tj}] TJ`;
        out += ` 1 0 0 -1 ${num(gx + pos.xOffset * scale)} ${num(baseline - pos.yOffset * scale)} Tm [<${h}>] TJ`;
        tj = hex = '';
        shifted = true;
      } else {
        if (shifted) out += ` 1 0 0 -1 ${num(gx)} ${num(baseline)} Tm`;
        shifted = false;
        hex += h;
        piece += h;
        if (pos.xAdvance !== pos.advanceWidth) {
          const adjust = num(pos.advanceWidth - pos.xAdvance);
          tj += `<${hex}> ${adjust} `;
          hex = '';
          pieces.push(piece, adjust);
          piece = '';
        }
      }
      gx += pos.xAdvance * scale;
    }
    if (plain) {
      pieces.push(piece);
      const middle = [];
      for (let i = 2; i + 1 < pieces.length; i += 2) middle.push(`<${pieces[i]}> ${pieces[i + 1]} `);
      words.set(chunk, { first: pieces[0]!, adjust: pieces.length > 1 ? pieces[1]! : null, middle: middle.join(''), tail: pieces[pieces.length - 1]!, advances: run.positions.map((p) => p.xAdvance) });
    }
  });
  if (hex) tj += `<${hex}>`;
  if (tj) out += ` [${tj}] TJ`;
  // Letter spacing is graphics state that outlives ET: put it back.
  doc.addContent(`${out}${spacing ? ' 0 Tc' : ''} ET`);
}

type Run = ReturnType<EmbeddedFont['layoutCached']>;
/**
 * A shaped word as it goes into a TJ array, per document font and space-ended chunk of text (as pdfkit's layoutCached
 * shapes it): the glyph codes up to the first kerning adjustment, that adjustment (null: none), the closed segments
 * after it, the codes after the last, and the advances. Looked up by the chunk itself, before any shaping.
 */
interface WordCodes {
  first: string;
  adjust: string | null;
  middle: string;
  tail: string;
  advances: number[];
}
const wordCodes = new WeakMap<EmbeddedFont, Map<string, WordCodes>>();
function wordsOf(font: EmbeddedFont): Map<string, WordCodes> {
  let words = wordCodes.get(font);
  if (!words) wordCodes.set(font, (words = new Map()));
  return words;
}

const hexOf = new WeakMap<EmbeddedFont, Map<number, string>>();

/**
 * A glyph's code in this document's subset, as four hex digits. The first time, as pdfkit's EmbeddedFont.encode
 * does: the glyph is entered in the subset, with its width and its text for copy-paste.
 */
function glyphHex(font: EmbeddedFont, glyph: Run['glyphs'][number]): string {
  let ids = hexOf.get(font);
  if (!ids) hexOf.set(font, (ids = new Map()));
  let h = ids.get(glyph.id);
  if (h === undefined) {
    const gid = font.subset.includeGlyph(glyph.id);
    h = `0000${gid.toString(16)}`.slice(-4);
    ids.set(glyph.id, h);
    font.widths[gid] ??= glyph.advanceWidth * font.scale;
    font.unicode[gid] ??= glyph.codePoints;
  }
  return h;
}

/**
 * pdfkit's EmbeddedFont.encode, without its per-character scan and growing array copies: the same space-ended
 * chunks (so the same shaping cache), each handed to `visit` in turn.
 */
function eachWord(text: string, visit: (chunk: string) => void): void {
  let last = 0;
  let index = 0;
  while (index <= text.length) {
    const ch = text[index];
    if ((index === text.length && last < index) || ch === ' ' || ch === '\t') {
      visit(text.slice(last, ++index));
      last = index;
    } else index++;
  }
}
