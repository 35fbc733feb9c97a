import { readFileSync, readdirSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { useFonts } from './fonts';
import { fontFamily } from './pdfkit-private';
import { type ShapedRun, shaperFor } from './shaping';
import { samplePackDocument } from '../test-support/sample-pack';

const FACES = ['regular', 'bold', 'italic', 'boldItalic'];
type Fontkit = { layout(text: string): ShapedRun };

/** Glyph ids and positions (font units) of a run, to compare the fast shaper with fontkit. */
const shapeOf = (run: ShapedRun) => ({
  ids: run.glyphs.map((g) => g.id),
  positions: run.positions.map((p) => [p.xAdvance, (p as { yAdvance?: number }).yAdvance, p.xOffset, p.yOffset]),
  width: run.advanceWidth,
});

function faces() {
  const doc = new PDFDocument({ autoFirstPage: false });
  useFonts(doc);
  return FACES.map((name) => {
    const font = fontFamily(doc, name)!.font;
    return { name, fontkit: font as unknown as Fontkit, fast: shaperFor(font) };
  });
}

/** Every word of the sample pack and of the seed files, with the trailing space pdfkit shapes words with. */
function corpus(): string[] {
  const texts = [JSON.stringify(samplePackDocument({ scale: 1, contacts: 40 }))];
  const seeds = '/work/shared/seeds';
  try {
    for (const f of readdirSync(seeds)) if (f.endsWith('.txt') || f.endsWith('.md')) texts.push(readFileSync(`${seeds}/${f}`, 'utf8'));
  } catch {
    // The seeds are not part of the repository; the sample pack alone still covers the pack's own words.
  }
  const words = new Set<string>();
  for (const t of texts) for (const w of t.split(/[\s"\\]+/)) if (w) words.add(`${w} `);
  return [...words];
}

describe('the fast word shaper', () => {
  it('gives what fontkit gives for every character it takes, and every pair of common characters', () => {
    const chars: string[] = [];
    for (let cp = 0x20; cp < 0x2c00; cp++) chars.push(String.fromCharCode(cp));
    // (Checked once over some 140 characters, ASCII and Latin-1 included; this set keeps the test quick.)
    const common = [...' ,.-:(01ABCFLPTVWYacefgijlortvwyÄÖçéłß’“”–ΑΔΤαοω'];
    for (const { name, fontkit, fast } of faces()) {
      let taken = 0;
      for (const c of chars) {
        const run = fast.shape(`${c} `);
        if (!run) continue;
        taken++;
        expect(shapeOf(run), `${name} U+${c.charCodeAt(0).toString(16)}`).toEqual(shapeOf(fontkit.layout(`${c} `)));
      }
      // Latin, Greek and the common punctuation: most of the range below U+2C00 that DejaVu has.
      expect(taken, name).toBeGreaterThan(1500);
      for (const a of common) {
        for (const b of common) {
          const text = `${a}${b}`;
          const run = fast.shape(text);
          expect(run, `${name} ${text}`).not.toBeNull();
          expect(shapeOf(run!), `${name} ${text}`).toEqual(shapeOf(fontkit.layout(text)));
        }
      }
    }
  });

  it('forms the ligatures and kerns as fontkit does in real words', () => {
    const words = [...corpus(), 'office ', 'affluent ', 'baffle ', 'fjord ', 'ffffi ', 'Äffin ', 'AVATAR ', 'Ty. ', 'LT’Avoir ', 'fi', 'ffl'];
    for (const { name, fontkit, fast } of faces()) {
      let taken = 0;
      for (const w of words) {
        const run = fast.shape(w);
        if (!run) continue;
        taken++;
        expect(shapeOf(run), `${name} ${JSON.stringify(w)}`).toEqual(shapeOf(fontkit.layout(w)));
      }
      expect(taken / words.length, name).toBeGreaterThan(0.9);
    }
    const [regular] = faces();
    const office = regular!.fast.shape('office ')!;
    // o, the "ffi" ligature, c, e, space
    expect(office.glyphs).toHaveLength(5);
    expect(office.glyphs[1]!.codePoints).toEqual([0x66, 0x66, 0x69]);
  });

  it('leaves to fontkit what it cannot prove it shapes the same', () => {
    const [regular] = faces();
    const leftToFontkit = ['i\u0308 ', 'na\u0308ive ', 'co\u00adop ', 'Москва ', 'مرحبا ', '\u{1d400} ', 'a\u200bb ', '\t', ''];
    for (const w of leftToFontkit) expect(regular!.fast.shape(w), JSON.stringify(w)).toBeNull();
  });
});
