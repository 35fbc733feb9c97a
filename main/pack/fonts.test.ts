import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { useFonts } from './fonts';
import { fontFamily, quickSubset } from './pdfkit-private';

type Internals = { directory: { tables: Record<string, object> }; _decodeTable(t: object): Record<string, unknown>; post: Record<string, unknown>; prep: { controlValueProgram: number[] } };

describe('the pack fonts', () => {
  it('give every glyph the metrics fontkit gives it, the vertical ones worked out when read', () => {
    type Glyph = { advanceWidth: number; advanceHeight: number; _getMetrics(): Record<string, number> };
    const file = readFileSync(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'));
    // A font as pdfkit parses it (with fontkit), in a document the pack's fonts.ts has not set up.
    const open = () => {
      const doc = new PDFDocument({ font: '' });
      doc.registerFont('probe', file);
      doc.font('probe');
      return fontFamily(doc, 'probe')!.font as unknown as { getGlyph(id: number): Glyph };
    };
    const ids = [0, 1, 3, 36, 68, 100, 101, 102, 500, 1000, 3000];
    // fontkit's own, before a pack patches its glyph class (this file runs in a process of its own).
    const before = open();
    const metrics = (g: Glyph) => ({ ...g._getMetrics() });
    const expected = ids.map((id) => metrics(before.getGlyph(id)));
    useFonts(new PDFDocument());
    const after = open();
    expect(ids.map((id) => after.getGlyph(id).advanceWidth)).toEqual(expected.map((m) => m.advanceWidth));
    expect(ids.map((id) => metrics(after.getGlyph(id)))).toEqual(expected);
  });

  it("read 'post' and 'prep' straight from the file with the values fontkit's decoder gives, glyph names on demand", () => {
    const doc = new PDFDocument();
    useFonts(doc);
    for (const name of ['regular', 'bold', 'italic', 'boldItalic']) {
      const font = fontFamily(doc, name)!.font as unknown as Internals;
      const post = font._decodeTable(font.directory.tables.post!);
      for (const key of ['version', 'italicAngle', 'underlinePosition', 'underlineThickness', 'isFixedPitch', 'minMemType42', 'maxMemType42', 'minMemType1', 'maxMemType1']) {
        expect(font.post[key], `${name} post.${key}`).toEqual(post[key]);
      }
      expect(font.post.glyphNameIndex).toEqual(post.glyphNameIndex);
      expect([...font.prep.controlValueProgram]).toEqual([...(font._decodeTable(font.directory.tables.prep!).controlValueProgram as number[])]);
    }
    // Oblique faces: the angle pdfkit writes as ItalicAngle.
    expect((fontFamily(doc, 'italic')!.font as unknown as Internals).post.italicAngle).toBeLessThan(0);
  });

  it('subset to the same bytes as fontkit, compound glyphs (accented letters) included, pack after pack', () => {
    type Subset = { includeGlyph(id: number): number; encode(): Uint8Array };
    type Font = { createSubset(): Subset; glyphsForString(s: string): { id: number }[] };
    const doc = new PDFDocument();
    useFonts(doc);
    for (const name of ['regular', 'bold', 'italic', 'boldItalic']) {
      const embedded = fontFamily(doc, name)!;
      const font = embedded.font as unknown as Font;
      const text = 'Ayşe Özdemir, Małgorzata Kowalska, Ελένη Παπαδοπούλου, Zoë Çelik: fine office 2026 €';
      const subsetOf = (quick: boolean) => {
        const subset = font.createSubset();
        if (quick) quickSubset({ ...embedded, subset } as typeof embedded);
        for (const g of font.glyphsForString(text)) subset.includeGlyph(g.id);
        return Buffer.from(subset.encode());
      };
      const fontkit = subsetOf(false);
      expect(subsetOf(true).equals(fontkit), name).toBe(true);
      // The second time from what the first kept.
      expect(subsetOf(true).equals(fontkit), name).toBe(true);
    }
  });
});
