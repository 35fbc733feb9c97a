import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { useFonts } from './fonts';
import { fontFamily, quickSubset } from './pdfkit-private';

type Internals = { directory: { tables: Record<string, object> }; _decodeTable(t: object): Record<string, unknown>; post: Record<string, unknown>; prep: { controlValueProgram: number[] } };

describe('the pack fonts', () => {
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
