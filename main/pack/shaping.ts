/**
 * Word shaping without fontkit's general shaper, for the words that need only what DejaVu's OpenType tables do to
 * Latin, Greek and common punctuation: a glyph per character from the cmap, the 'liga' ligatures (ff, fi, fl, ffi,
 * ffl) and pair kerning. fontkit builds a shaping plan, glyph infos and a glyph iterator for every word, runs every
 * lookup over it, and first decodes the GSUB and GPOS lookups whole (mark attachment included); on a fresh process
 * that was a third of the first pack (issue 18, `--cpu-prof`). Here the tables are read in place from the font's
 * bytes, only where a word's glyphs lead.
 *
 * The result is the one fontkit's layout gives, glyph for glyph and unit for unit (shaping.test.ts compares them over
 * every character and many pairs): the same lookups, in the same order, with fontkit's matching rules. Whatever this
 * cannot prove inert is left to fontkit: any character outside Latin, Greek and Common script (so another shaper),
 * marks, default ignorables, surrogates, and any word where some lookup other than a ligature or a pair kern would
 * act, or a chained context rule would match. `shape` then answers null and the caller asks fontkit.
 */
/** The features fontkit's default shaper applies (its COMMON and HORIZONTAL features, no user features). */
const PLAN = ['ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'];
/** Applied in an earlier stage by fontkit; a font that has them for these scripts is left to fontkit entirely. */
const EARLY = ['rvrn', 'ltra', 'ltrm', 'frac', 'numr', 'dnom'];
/** The scripts a Latin, Greek or Common-only word selects in fontkit (Common alone falls back to DFLT). */
const SCRIPTS = ['latn', 'grek', 'DFLT'] as const;
type ScriptTag = (typeof SCRIPTS)[number];

export interface ShapedGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
/** fontkit's font, as far as this file uses it: glyph objects from its cmap, and its bytes. */
interface Font {
  stream: { view: DataView };
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  glyphForCodePoint(cp: number): ShapedGlyph;
  getGlyph(id: number, codePoints?: number[]): ShapedGlyph;
}
/** A shaped word: what fontkit's layout returns, as far as pdfkit and the pack read it (positions in font units). */
export interface ShapedRun {
  glyphs: ShapedGlyph[];
  positions: Position[];
  readonly advanceWidth: number;
}
/** fontkit's GlyphPosition, in font units (pdfkit scales it and adds advanceWidth). */
type Position = { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number };
/** A pair kern's value records, as offsets of the records and their formats (null: none). */
type Pair = { at1: number; format1: number; at2: number; format2: number } | null;

/** A lookup of the plan: its subtables (offsets, extension subtables unwrapped) with their real type. */
interface Lookup {
  flags: number;
  subtables: { type: number; at: number }[];
}
interface ScriptPlan {
  gsub: Lookup[];
  /** Per glyph: does some GSUB subtable cover it / some GPOS lookup other than kerning (then fontkit)? Remembered. */
  substituted: Map<number, boolean>;
  positioned: Map<number, boolean>;
  /** Coverages of the GPOS lookups other than kerning (marks, cursive): a glyph in one means fontkit. */
  gposOther: number[];
  kern: Lookup[];
}

/** Lookup flags that change which glyphs a lookup visits (beyond marks, which words shaped here never have). */
const IGNORE_BASE = 0x2;
const IGNORE_LIGATURES = 0x4;
const MARK_FILTERING = 0x10;
const skipsGlyphs = (flags: number) => (flags & (IGNORE_BASE | IGNORE_LIGATURES | MARK_FILTERING)) !== 0 || flags >> 8 !== 0;

class Shaper {
  private readonly view: DataView;
  private readonly plans = new Map<ScriptTag, ScriptPlan>();
  private readonly glyphs = new Map<number, ShapedGlyph | null>();
  private readonly pairs = new Map<Lookup, Map<number, Pair | 'fontkit'>>();
  private readonly coverages = new Map<number, Map<number, number>>();
  private readonly gdefClasses: number;

  constructor(private readonly font: Font) {
    this.view = font.stream.view;
    const { GSUB, GPOS, GDEF } = font.directory.tables;
    this.gdefClasses = GDEF ? this.offset(GDEF.offset, GDEF.offset + 4) : 0;
    if (!GPOS) return; // fontkit then kerns from the 'kern' table: not done here
    for (const script of SCRIPTS) {
      const gsub = GSUB ? this.lookupsOf(GSUB.offset, script, 7, () => true) : { lookups: [], early: false, kern: false, ok: true };
      const kern = this.lookupsOf(GPOS.offset, script, 9, (tag) => tag === 'kern');
      const other = this.lookupsOf(GPOS.offset, script, 9, (tag) => tag !== 'kern');
      // Without GPOS kerning for the script fontkit kerns from the 'kern' table instead: not done here.
      if (!gsub.ok || !kern.ok || gsub.early || kern.early || !kern.kern) continue;
      if (kern.lookups.some((l) => skipsGlyphs(l.flags) || l.subtables.some((s) => s.type !== 2))) continue;
      const gposOther = other.lookups.flatMap((l) => l.subtables.map((s) => this.firstCoverage(s.type, s.at, true)));
      if (gposOther.includes(0)) continue;
      this.plans.set(script, { gsub: gsub.lookups, substituted: new Map(), positioned: new Map(), gposOther, kern: kern.lookups });
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
    if (!plan) return null;
    // Most words have no glyph any substitution covers: nothing to substitute.
    let covered = false;
    for (let i = 0; i < ids.length && !covered; i++) covered = this.substitutes(plan, ids[i]!);
    if (covered && !this.substitute(plan, ids, cps)) return null;
    for (const id of ids) if (this.positions(plan, id)) return null;
    const glyphs = ids.map((id, i) => this.font.getGlyph(id, cps[i]));
    const positions = glyphs.map((g): Position => ({ xAdvance: g.advanceWidth, yAdvance: 0, xOffset: 0, yOffset: 0 }));
    for (const lookup of plan.kern) {
      for (let i = 0; i + 1 < ids.length; i++) {
        const pair = this.kern(lookup, ids[i]!, ids[i + 1]!);
        if (pair === 'fontkit') return null;
        if (!pair) continue;
        this.adjust(positions[i]!, pair.at1, pair.format1);
        this.adjust(positions[i + 1]!, pair.at2, pair.format2);
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

  /** Whether some GSUB subtable of the plan covers the glyph. */
  private substitutes(plan: ScriptPlan, id: number): boolean {
    let yes = plan.substituted.get(id);
    if (yes === undefined) {
      yes = plan.gsub.some((l) => l.subtables.some((t) => this.coverageIndex(this.firstCoverage(t.type, t.at, false), id) !== -1));
      plan.substituted.set(id, yes);
    }
    return yes;
  }

  /** Whether some GPOS lookup of the plan other than kerning (mark attachment, cursive) covers the glyph. */
  private positions(plan: ScriptPlan, id: number): boolean {
    let yes = plan.positioned.get(id);
    if (yes === undefined) {
      yes = plan.gposOther.some((c) => this.coverageIndex(c, id) !== -1);
      plan.positioned.set(id, yes);
    }
    return yes;
  }

  /** The glyph of a code point this file may shape (cached), or null. */
  private glyph(cp: number): ShapedGlyph | null {
    let g = this.glyphs.get(cp);
    if (g === undefined) {
      g = null;
      // fontkit's glyphsForString makes the glyph objects (kept per font) character by character: so does this.
      if (scriptOf(cp) !== null) {
        const glyph = this.font.glyphForCodePoint(cp);
        // .notdef, and marks (fontkit zeroes their advance and attaches them) are fontkit's.
        if (glyph.id !== 0 && !(this.gdefClasses && this.classOf(this.gdefClasses, glyph.id) === 3)) g = glyph;
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
    const v = this.view;
    for (const lookup of plan.gsub) {
      for (let at = 0; at < ids.length; at++) {
        if (!this.substitutes(plan, ids[at]!)) continue;
        for (const { type, at: t } of lookup.subtables) {
          const format = v.getUint16(t);
          const covered = this.coverageIndex(this.firstCoverage(type, t, false), ids[at]!);
          if (covered === -1) continue;
          if (skipsGlyphs(lookup.flags)) return false;
          if (type === 4 && format === 1) {
            // LigatureSubstFormat1: the set of the covered glyph, ligatures tried in order.
            const set = t + v.getUint16(t + 6 + covered * 2);
            let glyph = -1;
            let n = 0;
            for (let k = 0, count = v.getUint16(set); k < count && glyph === -1; k++) {
              const lig = set + v.getUint16(set + 2 + k * 2);
              const components = v.getUint16(lig + 2) - 1;
              let c = 0;
              while (c < components && ids[at + 1 + c] === v.getUint16(lig + 4 + c * 2)) c++;
              if (c === components) [glyph, n] = [v.getUint16(lig), components];
            }
            if (glyph === -1) continue;
            ids.splice(at, n + 1, glyph);
            cps.splice(at, n + 1, cps.slice(at, at + n + 1).flat());
            break;
          }
          if (type === 6 && format === 2) {
            if (this.chainMatches(t, ids, at)) return false;
            continue;
          }
          return false;
        }
      }
    }
    return true;
  }

  /** fontkit's chained context matching by class (format 2), including its reading of the backtrack in stored order. */
  private chainMatches(t: number, ids: number[], at: number): boolean {
    const v = this.view;
    const [backtrackDef, inputDef, lookaheadDef] = [this.offset(t, t + 4), this.offset(t, t + 6), this.offset(t, t + 8)];
    const cls = this.classOf(inputDef, ids[at]!);
    if (cls >= v.getUint16(t + 10) || v.getUint16(t + 12 + cls * 2) === 0) return false;
    const set = t + v.getUint16(t + 12 + cls * 2);
    // A class sequence: `count` classes stored from `p`, compared with the glyphs from `start`.
    const matches = (p: number, count: number, start: number, def: number) => {
      for (let k = 0; k < count; k++) {
        const i = start + k;
        if (i < 0 || i >= ids.length || this.classOf(def, ids[i]!) !== v.getUint16(p + k * 2)) return false;
      }
      return true;
    };
    for (let r = 0, rules = v.getUint16(set); r < rules; r++) {
      let p = set + v.getUint16(set + 2 + r * 2);
      const backtrack = v.getUint16(p);
      const backtrackAt = p + 2;
      p = backtrackAt + backtrack * 2;
      const input = v.getUint16(p) - 1;
      const inputAt = p + 2;
      p = inputAt + input * 2;
      const lookahead = v.getUint16(p);
      if (matches(backtrackAt, backtrack, at - backtrack, backtrackDef) && matches(inputAt, input, at + 1, inputDef) && matches(p + 2, lookahead, at + 1 + input, lookaheadDef)) return true;
    }
    return false;
  }

  /** The first subtable of a kern lookup that applies to the pair (fontkit stops there), or null; cached per lookup. */
  private kern(lookup: Lookup, a: number, b: number): Pair | 'fontkit' {
    let cache = this.pairs.get(lookup);
    if (!cache) this.pairs.set(lookup, (cache = new Map()));
    const key = a * 65536 + b;
    let result = cache.get(key);
    if (result !== undefined) return result;
    result = null;
    const v = this.view;
    for (const { at: t } of lookup.subtables) {
      const index = this.coverageIndex(this.offset(t, t + 2), a);
      if (index === -1) continue;
      const [format1, format2] = [v.getUint16(t + 4), v.getUint16(t + 6)];
      const [size1, size2] = [valueSize(format1), valueSize(format2)];
      if (v.getUint16(t) === 1) {
        // PairPosFormat1: the covered glyph's pair set, searched for the second glyph in order.
        const set = t + v.getUint16(t + 10 + index * 2);
        for (let k = 0, count = v.getUint16(set), rec = set + 2; k < count; k++, rec += 2 + size1 + size2) {
          if (v.getUint16(rec) === b) {
            result = { at1: rec + 2, format1, at2: rec + 2 + size1, format2 };
            break;
          }
        }
        if (!result) continue;
      } else {
        // PairPosFormat2: a record per (class of the first glyph, class of the second).
        const [class1, class2] = [this.classOf(this.offset(t, t + 8), a), this.classOf(this.offset(t, t + 10), b)];
        const [count1, count2] = [v.getUint16(t + 12), v.getUint16(t + 14)];
        if (class1 >= count1 || class2 >= count2) result = 'fontkit';
        else {
          const rec = t + 16 + (class1 * count2 + class2) * (size1 + size2);
          result = { at1: rec, format1, at2: rec + size1, format2 };
        }
      }
      break;
    }
    cache.set(key, result);
    return result;
  }

  /** fontkit's applyPositionValue: each field the record has is added (the device tables it leaves aside). */
  private adjust(p: Position, at: number, format: number): void {
    const v = this.view;
    if (format & 1) (p.xOffset += v.getInt16(at)), (at += 2);
    if (format & 2) (p.yOffset += v.getInt16(at)), (at += 2);
    if (format & 4) (p.xAdvance += v.getInt16(at)), (at += 2);
    if (format & 8) p.yAdvance += v.getInt16(at);
  }

  /**
   * fontkit's lookupsForFeatures for a script's default language (the first script record with the tag): the plan's
   * lookups of the features `want` takes, in lookup-list order (a lookup two features share comes twice, as in
   * fontkit). `ok` false: a table this file does not read (feature variations).
   */
  private lookupsOf(table: number, script: ScriptTag, extension: number, want: (tag: string) => boolean): { lookups: Lookup[]; early: boolean; kern: boolean; ok: boolean } {
    const v = this.view;
    const none = { lookups: [], early: false, kern: false, ok: true };
    if (v.getUint16(table) !== 1 || (v.getUint16(table + 2) >= 1 && v.getUint32(table + 10) !== 0)) return { ...none, ok: false };
    const [scripts, features, lookupList] = [this.offset(table, table + 4), this.offset(table, table + 6), this.offset(table, table + 8)];
    let lang = 0;
    for (let i = 0, n = v.getUint16(scripts); i < n; i++) {
      if (tagAt(v, scripts + 2 + i * 6) !== script) continue;
      const s = scripts + v.getUint16(scripts + 6 + i * 6);
      lang = this.offset(s, s);
      break;
    }
    if (!lang) return none;
    const byTag = new Map<string, number[]>();
    for (let i = 0, n = v.getUint16(lang + 4); i < n; i++) {
      const record = features + 2 + v.getUint16(lang + 6 + i * 2) * 6;
      const f = features + v.getUint16(record + 4);
      byTag.set(tagAt(v, record), Array.from({ length: v.getUint16(f + 2) }, (_, k) => v.getUint16(f + 4 + k * 2)));
    }
    const indexes: number[] = [];
    for (const tag of PLAN) if (want(tag)) indexes.push(...(byTag.get(tag) ?? []));
    const lookups = indexes
      .sort((a, b) => a - b)
      .map((i): Lookup => {
        const l = lookupList + v.getUint16(lookupList + 2 + i * 2);
        const type = v.getUint16(l);
        const subtables = Array.from({ length: v.getUint16(l + 4) }, (_, k) => {
          const at = l + v.getUint16(l + 6 + k * 2);
          return type === extension ? { type: v.getUint16(at + 2), at: at + v.getUint32(at + 4) } : { type, at };
        });
        return { flags: v.getUint16(l + 2), subtables };
      });
    return { lookups, early: EARLY.some((t) => byTag.has(t)), kern: byTag.has('kern'), ok: true };
  }

  /**
   * The coverage a subtable is first applied through (the mark's for mark attachment, the first input glyph's for
   * contexts); 0 for a subtable this file does not read.
   */
  private firstCoverage(type: number, t: number, gpos: boolean): number {
    const v = this.view;
    const format = v.getUint16(t);
    const context = gpos ? type === 7 || type === 8 : type === 5 || type === 6;
    if (context && format === 3) return type === (gpos ? 7 : 5) ? this.offset(t, t + 6) : this.offset(t, t + 4 + v.getUint16(t + 2) * 2 + 2);
    return this.offset(t, t + 2);
  }

  /** An offset (16-bit, from `base`) read at `at`; 0 when the field is empty. */
  private offset(base: number, at: number): number {
    const o = this.view.getUint16(at);
    return o ? base + o : 0;
  }

  /** fontkit's coverageIndex (-1: not covered): found by binary search in the sorted table, remembered per glyph. */
  private coverageIndex(c: number, glyph: number): number {
    let memo = this.coverages.get(c);
    if (!memo) this.coverages.set(c, (memo = new Map()));
    let index = memo.get(glyph);
    if (index !== undefined) return index;
    const v = this.view;
    index = -1;
    const n = v.getUint16(c + 2);
    let [lo, hi] = [0, n - 1];
    if (v.getUint16(c) === 1) {
      while (lo <= hi && index === -1) {
        const mid = (lo + hi) >> 1;
        const g = v.getUint16(c + 4 + mid * 2);
        if (g === glyph) index = mid;
        else if (g < glyph) lo = mid + 1;
        else hi = mid - 1;
      }
    } else {
      while (lo <= hi && index === -1) {
        const mid = (lo + hi) >> 1;
        const r = c + 4 + mid * 6;
        if (glyph < v.getUint16(r)) hi = mid - 1;
        else if (glyph > v.getUint16(r + 2)) lo = mid + 1;
        else index = v.getUint16(r + 4) + glyph - v.getUint16(r);
      }
    }
    memo.set(glyph, index);
    return index;
  }

  /** fontkit's getClassID: 0 for a glyph the class definition does not list. */
  private classOf(def: number, glyph: number): number {
    const v = this.view;
    if (!def) return 0;
    if (v.getUint16(def) === 1) {
      const i = glyph - v.getUint16(def + 2);
      return i >= 0 && i < v.getUint16(def + 4) ? v.getUint16(def + 6 + i * 2) : 0;
    }
    let [lo, hi] = [0, v.getUint16(def + 2) - 1];
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = def + 4 + mid * 6;
      if (glyph < v.getUint16(r)) hi = mid - 1;
      else if (glyph > v.getUint16(r + 2)) lo = mid + 1;
      else return v.getUint16(r + 4);
    }
    return 0;
  }
}

const tagAt = (v: DataView, at: number) => String.fromCharCode(v.getUint8(at), v.getUint8(at + 1), v.getUint8(at + 2), v.getUint8(at + 3));

/** Bytes of a value record of this format: two per field. */
function valueSize(format: number): number {
  let n = 0;
  for (let f = format; f; f >>= 1) n += f & 1;
  return n * 2;
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
