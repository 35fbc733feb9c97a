/**
 * pdfkit's private fields and undeclared methods, reached from this file only. The pack relies on them for speed and
 * exact output (its own text writer, shared font caches, a byte collector without the stream) and for parts its
 * types leave out (link annotations, outline items). They are what pdfkit 0.20 has (package.json pins ^0.20); when
 * pdfkit moves, this is the one file to check, and `inside(doc)` its only cast.
 */
import { deflateSync } from 'node:zlib';
import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

export interface GlyphPosition {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}
export interface PathCommand {
  command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
  args: number[];
}
/** The part of fontkit's font API the pack uses (pdfkit keeps the parsed font as `_font.font`). */
export interface FontkitFont {
  unitsPerEm: number;
  hasGlyphForCodePoint(cp: number): boolean;
  layout(text: string): { glyphs: { bbox: { maxY: number }; path: { commands: PathCommand[] } }[]; positions: GlyphPosition[] };
}
/** A font as pdfkit embeds it in a document. */
export interface EmbeddedFont {
  id: string;
  ascender: number;
  scale: number;
  ref(): unknown;
  font: FontkitFont;
  /** Shapes one space-ended chunk of text (cached per word; the cache is shared by all packs, see fonts.ts). */
  layoutCached(text: string): { glyphs: { id: number; advanceWidth: number; codePoints: number[] }[]; positions: GlyphPosition[] };
  layoutCache?: Record<string, unknown>;
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  widthOfString(text: string, size: number): number;
}

/** zlib level of the pack's streams (see nativeStreamWrites). */
const DEFLATE_LEVEL = 3;

/** What the pack reaches inside a pdfkit document; private to this file, reached through the functions below. */
interface PdfkitPrivate {
  _font: EmbeddedFont;
  _root: object;
  _fontSize: number;
  page: { fonts: Record<string, unknown> };
  _fontFamilies: Record<string, EmbeddedFont>;
  _write(data: string | Uint8Array): void;
  _offset: number;
  _addInfo(): void;
  _setColorCore(color: unknown, stroke: boolean): boolean;
  addContent(data: string): void;
  info: Record<string, unknown>;
  goTo(x: number, y: number, w: number, h: number, name: string, options: object): void;
  outline: { addItem(title: string, options: object): void };
}

const inside = (doc: Doc): PdfkitPrivate => doc as unknown as PdfkitPrivate;

/** The current font as embedded (after doc.font(name)). */
export const currentFont = (doc: Doc): EmbeddedFont => inside(doc)._font;
export const currentFontSize = (doc: Doc): number => inside(doc)._fontSize;
/**
 * Words shaped by `shape` where it answers (main/pack/shaping.ts), by pdfkit's own layoutRun (fontkit) where it does
 * not; then scaled to 1000 units per em as pdfkit's layoutRun scales fontkit's result. Only the word-cache path
 * (no OpenType features asked) is taken over.
 */
export function shapeWordsWith(font: EmbeddedFont, shape: (text: string) => { glyphs: { advanceWidth: number }[]; positions: object[] } | null): void {
  const f = font as EmbeddedFont & { layoutRun(text: string, features?: unknown): unknown };
  const layoutRun = f.layoutRun;
  f.layoutRun = function (text, features) {
    const run = features == null ? shape(text) : null;
    if (!run) return layoutRun.call(this, text, features);
    for (let i = 0; i < run.positions.length; i++) {
      const position = run.positions[i] as Record<string, number>;
      for (const key in position) position[key]! *= this.scale;
      position.advanceWidth = run.glyphs[i]!.advanceWidth * this.scale;
    }
    return run;
  };
}

/** A registered face by name (its parsed font and word-layout cache). */
export const fontFamily = (doc: Doc, name: string): EmbeddedFont | undefined => inside(doc)._fontFamilies[name];

/** Adds the current font to the current page's resources, as pdfkit's text() does before writing with it. */
export function useFontOnPage(doc: Doc): EmbeddedFont {
  const d = inside(doc);
  if (d.page.fonts[d._font.id] == null) d.page.fonts[d._font.id] = d._font.ref();
  return d._font;
}

/** A link annotation over a rectangle to a named destination (`options.structParent` tags it). */
export const linkToDestination = (doc: Doc, x: number, y: number, w: number, h: number, name: string, options: object): void => inside(doc).goTo(x, y, w, h, name, options);

/** An entry of the document outline (bookmarks). */
export const addOutlineItem = (doc: Doc, title: string, options: object): void => inside(doc).outline.addItem(title, options);

/**
 * The file's bytes, gathered as pdfkit writes them. pdfkit turns every write (several per object, thousands per
 * pack) into bytes in a JavaScript loop and pushes it through its Readable stream; here each write becomes one
 * native latin1 Buffer in an array: the same bytes, without the stream. `done` settles when the trailer is out.
 */
export function collectOutput(pdf: Doc): { chunks: Uint8Array[]; done: Promise<void> } {
  // The header pdfkit's constructor already pushed into the stream.
  const head = pdf.read() as Buffer | null;
  const chunks: Uint8Array[] = head ? [head] : [];
  // pdfkit writes binary strings (one byte per character): they are joined and converted in batches.
  let pending: string[] = [];
  const flush = () => {
    if (pending.length) chunks.push(Buffer.from(pending.join(''), 'latin1'));
    pending = [];
  };
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const target = inside(pdf);
  target._write = (data) => {
    if (typeof data === 'string') {
      pending.push(data, '\n');
      target._offset += data.length + 1;
    } else {
      flush();
      chunks.push(data);
      target._offset += data.length;
    }
    if (data === '%%EOF') {
      flush();
      finish();
    }
  };
  return { chunks, done };
}

/**
 * pdfkit turns each string written to an object's stream (every line of page content) into bytes in a JavaScript
 * loop, then copies the thousands of small arrays into one before compressing. Here the lines of an object are kept
 * as strings and become one native latin1 Buffer when the object is written out: the same bytes (both keep each
 * character's low byte), one conversion per object. And compressed at zlib level 3 rather than pdfkit's default (6):
 * half the deflate time (a tenth of a warm build), some 8% more compressed bytes. Patched once on pdfkit's
 * reference class, which only the pack uses.
 */
export function nativeStreamWrites(pdf: Doc): void {
  // The catalog's reference, made by the constructor: asking for a new one (pdf.ref()) would add an object to the file.
  type Ref = { buffer: Uint8Array[]; data: { Length?: number; Filter?: string }; compress: boolean; uncompressedLength: number; lines?: string[] };
  const proto = Object.getPrototypeOf(inside(pdf)._root) as { write(chunk: unknown): void; finalize(): void; nativeWrites?: true };
  if (proto.nativeWrites) return;
  const { write, finalize } = proto;
  const flush = (ref: Ref) => {
    if (!ref.lines?.length) return;
    ref.buffer.push(Buffer.from(ref.lines.join(''), 'latin1'));
    ref.lines = [];
  };
  proto.write = function (this: Ref, chunk: unknown) {
    if (typeof chunk !== 'string') {
      flush(this);
      return write.call(this, chunk);
    }
    // What pdfkit's write does with the bytes of the line, the bytes themselves kept for later.
    const line = `${chunk}\n`;
    (this.lines ??= []).push(line);
    // A page's content lives until the pack ends (pages are buffered). Kept as strings, each line a tree of the
    // pieces it was built from, the garbage collector would copy them all on every young-generation pass; as bytes
    // outside the heap, every so many lines, it does not.
    if (this.lines.length >= 64) flush(this);
    this.uncompressedLength += line.length;
    this.data.Length = (this.data.Length ?? 0) + line.length;
    if (this.compress) this.data.Filter = 'FlateDecode';
  };
  proto.finalize = function (this: Ref) {
    flush(this);
    if (this.compress && this.buffer.length) {
      // Compressed here; pdfkit then writes the bytes as they are (its Filter entry already says FlateDecode).
      this.buffer = [deflateSync(this.buffer.length === 1 ? this.buffer[0]! : Buffer.concat(this.buffer), { level: DEFLATE_LEVEL })];
      this.compress = false;
    }
    finalize.call(this);
  };
  proto.nativeWrites = true;
}

/** `prefix-123`: a name that only differs from its siblings in the number after its last hyphen. */
const NUMBERED = /^(.*-)(\d+)$/;

/**
 * pdfkit sorts a name tree's keys (the sections' named destinations, `section-1`…) with localeCompare, whose first call
 * in a process builds an ICU collator: some 30 ms of a fresh process's first pack (issue 18). Keys with the same prefix
 * and only digits after it are put in the order every collation gives them (digits compare one by one, 0 before 9,
 * a shorter key first), here without a collator; any other pair of keys still goes to localeCompare. Patched once on
 * pdfkit's name-tree class.
 */
export function numberedNamesInOrder(pdf: Doc): void {
  const tree = (inside(pdf)._root as { data: { Names: { data: { Dests: object } } } }).data.Names.data.Dests;
  const proto = Object.getPrototypeOf(tree) as { _compareKeys(a: string, b: string): number; numberedKeys?: true };
  if (proto.numberedKeys) return;
  const compare = proto._compareKeys;
  proto._compareKeys = function (a: string, b: string) {
    const [x, y] = [NUMBERED.exec(a), NUMBERED.exec(b)];
    if (x && y && x[1] === y[1]) return x[2]! < y[2]! ? -1 : x[2]! > y[2]! ? 1 : 0;
    return compare.call(this, a, b);
  };
  proto.numberedKeys = true;
}

/**
 * Fill and stroke colours given as #rrggbb written as the plain rg / RG operators with three decimals (what the pack's
 * text colours already are): pdfkit writes the colour space and then sixteen-digit values each time, some 2,000 times
 * in a pack (every table rule and stripe). Other colours (names, patterns) go through pdfkit.
 */
export function plainColors(pdf: Doc, operands: (hex: string) => string): void {
  const target = inside(pdf);
  const setColor = target._setColorCore.bind(target);
  target._setColorCore = (color, stroke) => {
    if (typeof color !== 'string' || !/^#[0-9a-f]{6}$/i.test(color)) return setColor(color, stroke);
    target.addContent(`${operands(color)} ${stroke ? 'RG' : 'rg'}`);
    return true;
  };
}

/**
 * pdfkit copies Title, Author and Subject into the XMP packet without XML escaping, so a title with "&" or
 * "<" would make the metadata (and a PDF/A file) invalid. Escape them for that one step only.
 */
export function escapeXmpInfo(pdf: Doc): void {
  const target = inside(pdf);
  const original = target._addInfo.bind(target);
  target._addInfo = () => {
    const saved = target.info;
    const esc = (v: unknown) => (typeof v === 'string' ? v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : v);
    target.info = Object.fromEntries(Object.entries(saved).map(([k, v]) => [k, esc(v)]));
    try {
      original();
    } finally {
      target.info = saved;
    }
  };
}

/** fontkit's parsed TrueType font, as far as quickTables reaches into it. */
interface FontkitInternals {
  stream: { view: DataView };
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  _tables: Record<string, unknown>;
  _decodeTable(table: { offset: number; length: number }): Record<string, unknown>;
}

/**
 * Two tables a pack needs from each font, read straight from the file's bytes instead of through fontkit's generic
 * decoder, which made them about a quarter of a fresh process's first pack (issue 18, `--cpu-prof`): 'post' was
 * decoded whole (a name for each of DejaVu's 6,000 glyphs) for the numbers of its header that pdfkit embeds, and
 * 'prep' (bytes the subset copies) one byte at a time. The values are the ones fontkit's decoder gives; the rest
 * of 'post' (the glyph names) is decoded by fontkit when first asked for. Called before anything reads them.
 */
export function quickTables(fontkitFont: FontkitFont): void {
  const f = fontkitFont as unknown as FontkitInternals;
  const view = f.stream.view;
  const dir = f.directory.tables;
  const post = dir.post;
  if (post && !('post' in f._tables)) {
    const at = post.offset;
    const header = {
      version: view.getInt32(at) / 65536,
      italicAngle: view.getInt32(at + 4) / 65536,
      underlinePosition: view.getInt16(at + 8),
      underlineThickness: view.getInt16(at + 10),
      isFixedPitch: view.getUint32(at + 12),
      minMemType42: view.getUint32(at + 16),
      maxMemType42: view.getUint32(at + 20),
      minMemType1: view.getUint32(at + 24),
      maxMemType1: view.getUint32(at + 28),
    };
    let full: Record<string, unknown> | null = null;
    const rest = () => (full ??= f._decodeTable(post));
    for (const key of ['numberOfGlyphs', 'glyphNameIndex', 'names', 'offsets', 'map']) Object.defineProperty(header, key, { get: () => rest()[key], enumerable: false });
    f._tables.post = header;
  }
  const prep = dir.prep;
  if (prep && !('prep' in f._tables)) {
    const bytes: number[] = [];
    for (let p = prep.offset, end = prep.offset + prep.length; p < end; p++) bytes.push(view.getUint8(p));
    f._tables.prep = { controlValueProgram: bytes };
  }
}

/** A fontkit glyph, as far as horizontalMetricsFirst reaches into it. */
interface GlyphInternals {
  id: number;
  _metrics?: object;
  _font: {
    _variationProcessor?: unknown;
    vmtx?: unknown;
    hmtx: unknown;
    'OS/2'?: { version: number; typoAscender: number; typoDescender: number };
    hhea: { ascent: number; descent: number };
  };
  _getTableMetrics(table: unknown): { advance: number; bearing: number };
  _getCBox(internal: boolean): { maxY: number };
  _getMetrics(): object;
}

/**
 * A TrueType glyph's metrics as fontkit gives them, with the vertical ones (advanceHeight, topBearing) worked out when
 * first read rather than at once: fontkit decodes each glyph's outline header for them, which a pack, setting text
 * horizontally, never reads (a few ms of a fresh process's first pack, issue 18). The same values whenever read;
 * fonts with variations or vertical metrics go through fontkit as before. Patched once on fontkit's glyph class.
 */
export function horizontalMetricsFirst(fontkitFont: FontkitFont): void {
  const glyph = (fontkitFont as unknown as { getGlyph(id: number): object }).getGlyph(0);
  const proto = Object.getPrototypeOf(glyph) as { _getMetrics(this: GlyphInternals): object; lazyVertical?: true };
  if (proto.lazyVertical) return;
  const original = proto._getMetrics;
  proto._getMetrics = function (this: GlyphInternals) {
    if (this._metrics) return this._metrics;
    const font = this._font;
    if (font._variationProcessor || font.vmtx) return original.call(this);
    const { advance, bearing } = this._getTableMetrics(font.hmtx);
    let vertical: { advanceHeight: number; topBearing: number } | null = null;
    // fontkit's Glyph._getMetrics without vmtx: OS/2's typographic ascender and descender when it has them, else hhea.
    const verticalOf = () => {
      if (vertical) return vertical;
      const maxY = this._getCBox(true).maxY;
      const os2 = font['OS/2'];
      const [ascent, descent] = os2 && os2.version > 0 ? [os2.typoAscender, os2.typoDescender] : [font.hhea.ascent, font.hhea.descent];
      return (vertical = { advanceHeight: Math.abs(ascent - descent), topBearing: ascent - maxY });
    };
    const metrics = { advanceWidth: advance, leftBearing: bearing } as Record<string, number>;
    for (const key of ['advanceHeight', 'topBearing'] as const) {
      Object.defineProperty(metrics, key, {
        enumerable: true,
        configurable: true,
        get: () => verticalOf()[key],
        set: (value: number) => Object.defineProperty(metrics, key, { value, writable: true, enumerable: true, configurable: true }),
      });
    }
    return (this._metrics = metrics);
  };
  proto.lazyVertical = true;
}

/** fontkit's TrueType subset and font, as far as quickSubset reaches into them. */
interface SubsetInternals {
  font: FontkitInternals & {
    loca: { offsets: number[] };
    _variationProcessor?: unknown;
    getGlyph(id: number): { advanceWidth: number; _getMetrics(): { leftBearing: number }; _decode(): { components: { glyphID: number; pos: number }[] } | null };
  };
  glyf: Uint8Array[];
  loca: { offsets: number[]; version?: number };
  hmtx: { metrics: { advance: number; bearing: number }[]; bearings?: number[] };
  offset: number;
  glyphs: number[];
  includeGlyph(id: number): number;
  _addGlyph(id: number): number;
  encode(): Uint8Array;
}
interface GlyphData {
  bytes: Uint8Array;
  /** Where a compound glyph names its components (renumbered in each subset). */
  components: { glyphID: number; pos: number }[] | null;
  advance: number;
  bearing: number;
}
const glyphData = new WeakMap<object, Map<number, GlyphData>>();

/**
 * fontkit's TrueType subset adds a glyph by decoding its whole outline (every point), in every pack, to learn whether
 * it is compound, then copies its bytes. Here the bytes, the compound glyph's component places and the metrics are
 * kept per parsed font and glyph, and the outline is decoded only for compound glyphs: the same subset, byte for
 * byte (glyf, loca and hmtx entries in the same order, components renumbered as fontkit does).
 */
export function quickSubset(font: EmbeddedFont): void {
  const subset = font.subset as unknown as SubsetInternals;
  const f = subset.font;
  const glyf = f.directory.tables.glyf;
  if (f._variationProcessor || !glyf) return;
  let known = glyphData.get(f);
  if (!known) glyphData.set(f, (known = new Map()));
  const cache = known;
  subset._addGlyph = function (this: SubsetInternals, gid: number) {
    let g = cache.get(gid);
    if (!g) {
      const [from, to] = [f.loca.offsets[gid]!, f.loca.offsets[gid + 1]!];
      const view = f.stream.view;
      const bytes = new Uint8Array(view.buffer.slice(view.byteOffset + glyf.offset + from, view.byteOffset + glyf.offset + to));
      const glyph = f.getGlyph(gid);
      const compound = to > from && view.getInt16(glyf.offset + from) < 0;
      g = { bytes, components: compound ? glyph._decode()!.components.map(({ glyphID, pos }) => ({ glyphID, pos })) : null, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
      cache.set(gid, g);
    }
    let buffer = g.bytes;
    if (g.components) {
      buffer = new Uint8Array(g.bytes);
      const view = new DataView(buffer.buffer);
      for (const c of g.components) view.setUint16(c.pos, this.includeGlyph(c.glyphID));
    }
    this.glyf.push(buffer);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: g.advance, bearing: g.bearing });
    this.offset += buffer.length;
    return this.glyf.length - 1;
  };
  const loca = f.directory.tables.loca;
  if (!loca || !f.directory.tables.head || !f.directory.tables.hhea || !f.directory.tables.maxp) return;
  const version = (f as unknown as { loca: { version: number } }).loca.version;
  subset.encode = function (this: SubsetInternals) {
    // fontkit's TTFSubset.encode: every glyph (components join the list as it goes), then loca's last offset.
    this.glyf = [];
    this.offset = 0;
    this.loca = { offsets: [], version };
    this.hmtx = { metrics: [], bearings: [] };
    for (let i = 0; i < this.glyphs.length; i++) this._addGlyph(this.glyphs[i]!);
    this.loca.offsets.push(this.offset);
    return subsetFile(f, this, version);
  };
}

/** The bytes of table `tag` as the font file has them (a copy), or null. */
function rawTable(f: FontkitInternals, tag: string): Uint8Array | null {
  const t = f.directory.tables[tag];
  if (!t) return null;
  const view = f.stream.view;
  return new Uint8Array(view.buffer.slice(view.byteOffset + t.offset, view.byteOffset + t.offset + t.length));
}

/**
 * The subset font file as fontkit's restructure encoder writes it (TTFSubset.encode through its Directory), written
 * directly: the encoder was most of embedding the fonts (a few ms a pack, more in a fresh process). The same bytes
 * (fonts.test.ts): the tables head, hhea, loca, maxp, cvt, prep, glyf, hmtx, fpgm in that order, packed without
 * padding, checksums 0; head, hhea and maxp as the font has them with the glyph and metric counts and loca's format
 * of the subset; cvt, prep and fpgm copied.
 */
function subsetFile(f: FontkitInternals, s: SubsetInternals, version: number): Uint8Array {
  const head = rawTable(f, 'head')!;
  new DataView(head.buffer).setInt16(50, version);
  const hhea = rawTable(f, 'hhea')!;
  new DataView(hhea.buffer).setUint16(34, s.hmtx.metrics.length);
  const maxp = rawTable(f, 'maxp')!;
  new DataView(maxp.buffer).setUint16(4, s.glyf.length);
  const offsets = s.loca.offsets;
  const loca = new Uint8Array(offsets.length * (version === 0 ? 2 : 4));
  const locaView = new DataView(loca.buffer);
  for (let i = 0; i < offsets.length; i++) {
    if (version === 0) locaView.setUint16(i * 2, offsets[i]! >>> 1);
    else locaView.setUint32(i * 4, offsets[i]!);
  }
  const hmtx = new Uint8Array(s.hmtx.metrics.length * 4);
  const hmtxView = new DataView(hmtx.buffer);
  s.hmtx.metrics.forEach((m, i) => {
    hmtxView.setUint16(i * 4, m.advance);
    hmtxView.setInt16(i * 4 + 2, m.bearing);
  });
  const glyf = Buffer.concat(s.glyf);
  const tables = (
    [
      ['head', head],
      ['hhea', hhea],
      ['loca', loca],
      ['maxp', maxp],
      ['cvt ', rawTable(f, 'cvt ')],
      ['prep', rawTable(f, 'prep')],
      ['glyf', glyf],
      ['hmtx', hmtx],
      ['fpgm', rawTable(f, 'fpgm')],
    ] as [string, Uint8Array | null][]
  ).filter((t): t is [string, Uint8Array] => t[1] !== null);
  const n = tables.length;
  const power = 2 ** Math.floor(Math.log2(n));
  const out = new Uint8Array(12 + 16 * n + tables.reduce((sum, [, b]) => sum + b.length, 0));
  const view = new DataView(out.buffer);
  const tag = (at: number, t: string) => {
    for (let i = 0; i < 4; i++) out[at + i] = t.charCodeAt(i);
  };
  tag(0, 'true');
  view.setUint16(4, n);
  view.setUint16(6, power * 16);
  view.setUint16(8, Math.log2(power));
  view.setUint16(10, n * 16 - power * 16);
  let at = 12 + 16 * n;
  tables.forEach(([t, bytes], i) => {
    const entry = 12 + 16 * i;
    tag(entry, t);
    view.setUint32(entry + 4, 0);
    view.setUint32(entry + 8, at);
    view.setUint32(entry + 12, bytes.length);
    out.set(bytes, at);
    at += bytes.length;
  });
  return out;
}
