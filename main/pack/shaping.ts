/**
 * Word shaping without fontkit's general shaper, for the words that need only what DejaVu's OpenType tables do to
 * Latin, Greek and common punctuation: a glyph per character from the cmap, the 'liga' ligatures (ff, fi, fl, ffi,
 * ffl) and pair kerning. fontkit builds a shaping plan, glyph infos and a glyph iterator for every word and runs
 * every lookup over it; on a fresh process that was a third of the first pack (issue 18, `--cpu-prof`).
 *
 * The result is the one fontkit's layout gives, glyph for glyph and unit for unit (shaping.test.ts compares them over
 * every character and many pairs): the same lookups, in the same order, with fontkit's matching rules. Whatever this
 * cannot prove inert is left to fontkit: any character outside Latin, Greek and Common script (so another shaper,
 * marks, default ignorables, surrogates), and any word where some lookup other than a ligature or a pair kern would
 * act, or a chained context rule would match. `shape` then answers null and the caller asks fontkit.
 */
import type { GlyphPosition } from './pdfkit-private';

/** The features fontkit's default shaper applies (its COMMON and HORIZONTAL features, no user features). */
const PLAN = ['ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'];
/** Applied in an earlier stage by fontkit; a font that has them for these scripts is left to fontkit entirely. */
const EARLY = ['rvrn', 'ltra', 'ltrm', 'frac', 'numr', 'dnom'];
/** The scripts a Latin, Greek or Common-only word selects in fontkit (Common alone falls back to DFLT). */
const SCRIPTS = ['latn', 'grek', 'DFLT'] as const;
type ScriptTag = (typeof SCRIPTS)[number];

/* fontkit's decoded OpenType structures, as far as this file reads them. */
type Coverage = { version: 1; glyphs: ArrayLike<number> } | { version: 2; rangeRecords: { start: number; end: number; startCoverageIndex: number }[] };
type ClassDef = { version: 1; startGlyph: number; classValueArray: ArrayLike<number> } | { version: 2; classRangeRecord: { start: number; end: number; class: number }[] };
interface ValueRecord {
  xPlacement?: number;
  yPlacement?: number;
  xAdvance?: number;
  yAdvance?: number;
}
interface LazyList<T> {
  get(i: number): T;
  length: number;
}
interface Lookup {
  lookupType: number;
  flags: { markAttachmentType: number; flags: Record<string, boolean> };
  subTables: Subtable[];
}
interface Subtable {
  version: number;
  lookupType?: number;
  extension?: Subtable;
  coverage?: Coverage;
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
  ligatureSets?: LazyList<Iterable<{ glyph: number; components: number[] }>>;
  inputClassDef?: ClassDef;
  backtrackClassDef?: ClassDef;
  lookaheadClassDef?: ClassDef;
  chainClassSet?: ({ backtrack: number[]; input: number[]; lookahead: number[] }[] | null)[];
  pairSets?: LazyList<Iterable<{ secondGlyph: number; value1: ValueRecord; value2: ValueRecord }>>;
  classDef1?: ClassDef;
  classDef2?: ClassDef;
  classRecords?: LazyList<LazyList<{ value1: ValueRecord; value2: ValueRecord }>>;
}
interface LayoutTable {
  scriptList: { tag: string; script: { defaultLangSys: { featureIndexes: number[] } | null } }[];
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: LazyList<Lookup>;
}
type Pair = [ValueRecord | null, ValueRecord | null];
export interface ShapedGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface Font {
  GSUB?: LayoutTable;
  GPOS?: LayoutTable;
  GDEF?: { glyphClassDef?: ClassDef };
  glyphForCodePoint(cp: number): ShapedGlyph;
  getGlyph(id: number, codePoints?: number[]): ShapedGlyph;
}
/** A shaped word: what fontkit's layout returns, as far as pdfkit and the pack read it (positions in font units). */
export interface ShapedRun {
  glyphs: ShapedGlyph[];
  positions: GlyphPosition[];
  readonly advanceWidth: number;
}

const coverageMemo = new WeakMap<Coverage, Map<number, number>>();
/** fontkit's coverageIndex (-1: not covered), remembered per coverage table and glyph: the same few recur. */
function coverageIndex(c: Coverage, glyph: number): number {
  let memo = coverageMemo.get(c);
  if (!memo) coverageMemo.set(c, (memo = new Map()));
  let index = memo.get(glyph);
  if (index === undefined) {
    index = -1;
    if (c.version === 1) index = Array.prototype.indexOf.call(c.glyphs, glyph) as number;
    else {
      const r = c.rangeRecords.find((range) => range.start <= glyph && glyph <= range.end);
      if (r) index = r.startCoverageIndex + glyph - r.start;
    }
    memo.set(glyph, index);
  }
  return index;
}
/** fontkit's getClassID: 0 for a glyph the definition does not list. */
function classOf(c: ClassDef, glyph: number): number {
  if (c.version === 1) {
    const i = glyph - c.startGlyph;
    if (i >= 0 && i < c.classValueArray.length) return c.classValueArray[i]!;
  } else for (const r of c.classRangeRecord) if (r.start <= glyph && glyph <= r.end) return r.class;
  return 0;
}

/**
 * fontkit's lookupsForFeatures for a script's default language: the plan's lookups in lookup-list order (a lookup
 * that two features share comes twice, as in fontkit).
 */
function lookupsOf(table: LayoutTable | undefined, script: ScriptTag, exclude: (tag: string) => boolean = () => false): { lookups: Lookup[]; early: boolean; tags: Set<string> } {
  const entry = table?.scriptList.find((s) => s.tag === script);
  const lang = entry?.script.defaultLangSys;
  if (!table || !lang) return { lookups: [], early: false, tags: new Set() };
  const features = new Map<string, number[]>();
  for (const fi of lang.featureIndexes) features.set(table.featureList[fi]!.tag, table.featureList[fi]!.feature.lookupListIndexes);
  const indexes: number[] = [];
  for (const tag of PLAN) if (!exclude(tag)) indexes.push(...(features.get(tag) ?? []));
  return { lookups: indexes.sort((a, b) => a - b).map((i) => table.lookupList.get(i)), early: EARLY.some((t) => features.has(t)), tags: new Set(features.keys()) };
}

/** A lookup's subtables with extension subtables (GSUB 7, GPOS 9) unwrapped, each with its real type. */
function subtablesOf(lookup: Lookup, extensionType: number): { type: number; table: Subtable }[] {
  return lookup.subTables.map((t) => (lookup.lookupType === extensionType ? { type: t.lookupType!, table: t.extension! } : { type: lookup.lookupType, table: t }));
}

/** Lookup flags that change which glyphs a lookup visits (beyond marks, which the fast path never has). */
const skipsGlyphs = (l: Lookup) => l.flags.flags.ignoreBaseGlyphs || l.flags.flags.ignoreLigatures || l.flags.flags.useMarkFilteringSet || l.flags.markAttachmentType !== 0;

interface ScriptPlan {
  gsub: { type: number; table: Subtable; plain: boolean }[][];
  /** Coverage checks for the GPOS lookups other than kerning (marks, cursive): a covered glyph means fontkit. */
  gposOther: Coverage[];
  kern: { type: number; table: Subtable }[][];
}

class Shaper {
  private readonly plans = new Map<ScriptTag, ScriptPlan>();
  private readonly glyphs = new Map<number, ShapedGlyph | null>();
  private readonly pairs = new WeakMap<object, Map<number, Pair | null>>();

  constructor(private readonly font: Font) {
    for (const script of SCRIPTS) {
      const gsub = lookupsOf(font.GSUB, script);
      const gposKern = lookupsOf(font.GPOS, script, (tag) => tag !== 'kern');
      const gposOther = lookupsOf(font.GPOS, script, (tag) => tag === 'kern');
      // Without GPOS kerning for the script fontkit kerns from the 'kern' table instead: not done here.
      if (gsub.early || gposKern.early || !gposKern.tags.has('kern')) continue;
      if (gposKern.lookups.some((l) => skipsGlyphs(l) || subtablesOf(l, 9).some((s) => s.type !== 2))) continue;
      const other: (Coverage | undefined)[] = gposOther.lookups.flatMap((l) => subtablesOf(l, 9).map(({ table: t }) => t.markCoverage ?? t.mark1Coverage ?? t.coverage));
      if (other.includes(undefined)) continue;
      this.plans.set(script, {
        gsub: gsub.lookups.map((l) => subtablesOf(l, 7).map((s) => ({ ...s, plain: !skipsGlyphs(l) }))),
        gposOther: other as Coverage[],
        kern: gposKern.lookups.map((l) => subtablesOf(l, 9)),
      });
    }
  }

  /** The word shaped as fontkit would, or null where only fontkit's full shaper can say. */
  shape(text: string): ShapedRun | null {
    if (!text) return null;
    let script: ScriptTag = 'DFLT';
    const ids: number[] = [];
    const cps: number[][] = [];
    for (let i = 0; i < text.length; i++) {
      const cp = text.charCodeAt(i);
      const glyph = this.glyph(cp);
      if (!glyph) return null;
      if (script === 'DFLT') script = scriptOf(cp) ?? 'DFLT';
      ids.push(glyph.id);
      cps.push([cp]);
    }
    const plan = this.plans.get(script);
    if (!plan || !this.substitute(plan, ids, cps)) return null;
    for (const id of ids) for (const c of plan.gposOther) if (coverageIndex(c, id) !== -1) return null;
    const glyphs = ids.map((id, i) => this.font.getGlyph(id, cps[i]));
    const positions = glyphs.map((g) => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }) as GlyphPosition & { yAdvance: number });
    for (const lookup of plan.kern) {
      for (let i = 0; i + 1 < ids.length; i++) {
        const pair = this.kern(lookup, ids[i]!, ids[i + 1]!);
        if (!pair) continue;
        adjust(positions[i]!, pair[0]);
        adjust(positions[i + 1]!, pair[1]);
      }
    }
    return {
      glyphs,
      positions,
      get advanceWidth() {
        let width = 0;
        for (const p of this.positions) width += p.xAdvance;
        return width;
      },
    };
  }

  /** The glyph of a code point this file may shape (cached), or null. */
  private glyph(cp: number): ShapedGlyph | null {
    let g = this.glyphs.get(cp);
    if (g === undefined) {
      g = null;
      // fontkit's glyphsForString makes the glyph objects (kept per font) character by character: so does this.
      if (scriptOf(cp) !== null) {
        const glyph = this.font.glyphForCodePoint(cp);
        const gdef = this.font.GDEF?.glyphClassDef;
        // .notdef, and marks (fontkit zeroes their advance and attaches them) are fontkit's.
        if (glyph.id !== 0 && !(gdef && classOf(gdef, glyph.id) === 3)) g = glyph;
      }
      this.glyphs.set(cp, g);
    }
    return g;
  }

  /**
   * GSUB as fontkit runs it, for the two things DejaVu does to such words: ligatures (applied) and chained
   * contexts by class (checked: a matching rule means fontkit). Any other covered glyph means fontkit: false.
   */
  private substitute(plan: ScriptPlan, ids: number[], cps: number[][]): boolean {
    for (const subtables of plan.gsub) {
      for (let at = 0; at < ids.length; at++) {
        for (const { type, table, plain } of subtables) {
          if (coverageIndex(table.coverage!, ids[at]!) === -1) continue;
          if (!plain) return false;
          if (type === 4) {
            let lig: { glyph: number; components: number[] } | undefined;
            for (const l of table.ligatureSets!.get(coverageIndex(table.coverage!, ids[at]!))) {
              if (l.components.every((c, k) => ids[at + 1 + k] === c)) {
                lig = l;
                break;
              }
            }
            if (!lig) continue;
            const n = lig.components.length;
            ids.splice(at, n + 1, lig.glyph);
            cps.splice(at, n + 1, cps.slice(at, at + n + 1).flat());
            break;
          }
          if (type === 6 && table.version === 2) {
            if (chainMatches(table, ids, at)) return false;
            continue;
          }
          return false;
        }
      }
    }
    return true;
  }

  /** The first subtable of a kern lookup that applies to the pair (fontkit stops there), or null; cached per lookup. */
  private kern(subtables: { table: Subtable }[], a: number, b: number): Pair | null {
    let cache = this.pairs.get(subtables);
    if (!cache) this.pairs.set(subtables, (cache = new Map()));
    const key = a * 65536 + b;
    let result = cache.get(key);
    if (result !== undefined) return result;
    result = null;
    for (const { table } of subtables) {
      const index = coverageIndex(table.coverage!, a);
      if (index === -1) continue;
      if (table.version === 1) {
        for (const p of table.pairSets!.get(index)) {
          if (p.secondGlyph === b) {
            result = [p.value1, p.value2];
            break;
          }
        }
        if (!result) continue;
      } else {
        const p = table.classRecords!.get(classOf(table.classDef1!, a)).get(classOf(table.classDef2!, b));
        result = [p.value1, p.value2];
      }
      break;
    }
    cache.set(key, result);
    return result;
  }
}

/** fontkit's chained context matching by class (format 2), including its reading of the backtrack in stored order. */
function chainMatches(t: Subtable, ids: number[], at: number): boolean {
  const rules = t.chainClassSet![classOf(t.inputClassDef!, ids[at]!)];
  if (!rules) return false;
  const seq = (start: number, classes: number[], def: ClassDef) => classes.every((c, k) => start + k >= 0 && start + k < ids.length && classOf(def, ids[start + k]!) === c);
  return rules.some((r) => seq(at - r.backtrack.length, r.backtrack, t.backtrackClassDef!) && seq(at + 1, r.input, t.inputClassDef!) && seq(at + 1 + r.input.length, r.lookahead, t.lookaheadClassDef!));
}

function adjust(p: GlyphPosition & { yAdvance: number }, v: ValueRecord | null): void {
  if (!v) return;
  if (v.xAdvance != null) p.xAdvance += v.xAdvance;
  if (v.yAdvance != null) p.yAdvance += v.yAdvance;
  if (v.xPlacement != null) p.xOffset += v.xPlacement;
  if (v.yPlacement != null) p.yOffset += v.yPlacement;
}

/** fontkit's default ignorables below U+2C00 (it draws them as zero-width spaces). */
const IGNORABLE = (cp: number) => cp === 0xad || cp === 0x34f || cp === 0x61c || (cp >= 0x17b4 && cp <= 0x17b5) || (cp >= 0x180b && cp <= 0x180e) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x206f);
const scripts = new Map<number, ScriptTag | null>();
/**
 * The script fontkit selects for a word starting with this character ('DFLT': Common, selects none), or null for a
 * character left to fontkit. Shaped here: below U+2C00 (scripts settled long before the Unicode data fontkit
 * carries), Latin, Greek or Common (fontkit's default shaper), not a default ignorable, not a control.
 */
function scriptOf(cp: number): ScriptTag | null {
  let s = scripts.get(cp);
  if (s === undefined) {
    const ch = String.fromCharCode(cp);
    s = cp < 0x20 || cp >= 0x2c00 || IGNORABLE(cp) ? null : /\p{Script=Latin}/u.test(ch) ? 'latn' : /\p{Script=Greek}/u.test(ch) ? 'grek' : /\p{Script=Common}/u.test(ch) ? 'DFLT' : null;
    scripts.set(cp, s);
  }
  return s;
}

const shapers = new WeakMap<object, Shaper>();

/** The fast shaper of a fontkit font (made once per parsed font). */
export function shaperFor(font: object): { shape(text: string): ShapedRun | null } {
  let s = shapers.get(font);
  if (!s) shapers.set(font, (s = new Shaper(font as Font)));
  return s;
}
