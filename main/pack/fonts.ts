/**
 * DejaVu Sans from the dejavu-fonts-ttf package: it covers Latin (incl. Turkish and Polish) and Greek, so every
 * name prints without missing glyphs; pdfkit embeds a subset of what each pack uses.
 *
 * Parsing the fonts and shaping words dominate the build time, so both are done once per process: the parsed
 * fontkit fonts and pdfkit's per-word layout caches are handed to every new document. A cached layout depends
 * only on the font and the word, so sharing it cannot change the output.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Doc } from './layout';
import { fontFamily, horizontalMetricsFirst, quickSubset, quickTables, shapeWordsWith } from './pdfkit-private';
import { shaperFor } from './shaping';
import type { FontName } from './theme';

const FILES: Record<FontName, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italic: 'DejaVuSans-Oblique.ttf',
  boldItalic: 'DejaVuSans-BoldOblique.ttf',
};
const NAMES = Object.keys(FILES) as FontName[];
/** Words cached per font before the cache starts afresh (bounds memory in a long-running app). */
const CACHE_LIMIT = 50_000;


const parsed = new Map<FontName, { font: object; cache: Record<string, unknown>; size: () => number }>();

/** Registers the four faces under their FontName and attaches the shared parse and layout caches. */
export function useFonts(doc: Doc): void {
  const require = createRequire(import.meta.url);
  for (const name of NAMES) {
    const known = parsed.get(name);
    doc.registerFont(name, (known?.font ?? readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${FILES[name]}`))) as Buffer);
    // Opening every face now fixes their resource names (F1..F4) whatever the content; unused faces are not embedded.
    doc.font(name);
    const embedded = fontFamily(doc, name)!;
    const shaper = shaperFor(embedded.font);
    shapeWordsWith(embedded, (text) => shaper.shape(text));
    quickSubset(embedded);
    if (known && known.size() < CACHE_LIMIT) embedded.layoutCache = known.cache;
    else {
      const cache = embedded.layoutCache ?? Object.create(null);
      embedded.layoutCache = cache;
      quickTables(embedded.font);
      horizontalMetricsFirst(embedded.font);
      parsed.set(name, { font: embedded.font, cache, size: () => Object.keys(cache).length });
    }
  }
  doc.font('regular');
}
