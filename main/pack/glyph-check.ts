/**
 * Which characters the pack's embedded font (DejaVu Sans, all four faces) cannot draw: checked against each face's
 * cmap through fontkit (pdfkit's font engine), so pre-flight can name them before a name prints as an empty box.
 */
import PDFDocument from 'pdfkit';
import { useFonts } from './fonts';
import type { FontName } from './theme';
import { type FontkitFont, currentFont } from './pdfkit-private';

let faces: FontkitFont[] | null = null;

function loadFaces(): FontkitFont[] {
  if (faces) return faces;
  const doc = new PDFDocument({ autoFirstPage: false });
  useFonts(doc);
  faces = (['regular', 'bold', 'italic', 'boldItalic'] as FontName[]).map((name) => {
    doc.font(name);
    return currentFont(doc).font;
  });
  return faces;
}

/** Layout characters that are never drawn as glyphs. */
const IGNORED = /[\s\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff\ufe0e\ufe0f]/u;

/** The distinct characters of `text` that some face of the pack font lacks, in order of first appearance. */
export function missingGlyphs(text: string): string[] {
  const cmaps = loadFaces();
  const seen = new Set<string>();
  const out: string[] = [];
  for (const ch of text) {
    if (seen.has(ch) || IGNORED.test(ch)) continue;
    seen.add(ch);
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) continue;
    if (!cmaps.every((f) => f.hasGlyphForCodePoint(cp))) out.push(ch);
  }
  return out;
}

/** "U+2713 ✓" */
export const codePointName = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${ch}`;
