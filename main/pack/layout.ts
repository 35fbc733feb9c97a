/**
 * The small layout engine every part of the pack draws through: rich text runs set by our own line breaker
 * (lines.ts) and placed as tagged structure elements, measuring that agrees exactly with drawing, page room and
 * keep-together checks, and decorations marked as artifacts so screen readers skip them. pdfkit is used for
 * fonts, graphics, structure and the file; its text() is not (its wrapper cannot measure mixed fonts, and
 * its per-call overhead was most of the build time; see glyphs.ts).
 */
import type PDFDocument from 'pdfkit';
import { writeText } from './glyphs';
import { currentFont } from './pdfkit-private';
import { type Atom, atomize, breakLines } from './lines';
import { COLOR, CONTENT_WIDTH, type FontName, PAGE, SIZE, fontFor, rgbOperands } from './theme';

export type Doc = InstanceType<typeof PDFDocument>;
export type Struct = PDFKit.PDFStructureElement;

/** A piece of inline text with one look. A "\n" in the text is a line break. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** Inline code: set apart by colour. */
  code?: boolean;
  /** External URL; the run becomes a tagged Link with an annotation. */
  link?: string;
  color?: string;
  /** Font size when it differs from the block's style (labels above values). */
  size?: number;
  /** Change marks of an addendum: inserted text underlined, deleted text struck through. */
  mark?: 'underline' | 'strike';
}

export interface Style {
  size: number;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  lineGap?: number;
  align?: 'left' | 'center' | 'right';
  /** Letter spacing in points (small caps-like labels). */
  spacing?: number;
  /** fixedText: when too long, close up the letter spacing and then the size rather than cut the text (markings). */
  shrink?: boolean;
}

export const BODY: Style = { size: SIZE.body, color: COLOR.ink, lineGap: SIZE.lineGap };

interface Piece {
  run: Run;
  text: string;
  width: number;
}
/** A run with the height of a line in its font. */
interface Measured {
  run: Run;
  height: number;
}
/** Runs broken into lines for one width and style: what is measured is what is drawn. */
interface Plan {
  lines: { pieces: Piece[]; width: number; height: number }[];
  height: number;
}

export class Layout {
  readonly root: Struct;
  /** Fill colour last set for text, to skip repeating it (it is most of the cost of a short cell); null = unknown. */
  private color: string | null = null;
  /** The face and size last set, for the width cache. */
  private face: FontName = 'regular';
  private size = 0;
  /** Tables measure a row, then draw it: the plan is made once per runs array. */
  private readonly plans = new WeakMap<Run[], { key: string; style: Style; width: number; plan: Plan }>();
  private readonly fitted = new Map<string, { text: string; width: number }>();

  constructor(readonly doc: Doc) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  get y(): number {
    return this.doc.y;
  }
  set y(v: number) {
    this.doc.y = v;
  }
  /** Lowest y body text may reach on this page. */
  get bottom(): number {
    return PAGE.height - PAGE.bottom;
  }
  room(): number {
    return this.bottom - this.doc.y;
  }
  atTop(): boolean {
    return this.doc.y <= PAGE.top + 0.5;
  }
  newPage(): void {
    this.doc.addPage();
    this.color = null;
  }
  /** Goes back (or forth) to a buffered page, e.g. to draw the contents once page numbers are known. */
  toPage(index: number): void {
    this.doc.switchToPage(index);
    this.color = null;
  }
  /** Starts a new page unless `height` points fit below; at the top of a page there is nothing better to do. */
  keep(height: number): void {
    if (height > this.room() && !this.atTop()) this.newPage();
  }
  /** Vertical space between blocks; swallowed at the top of a page. */
  gap(h: number): void {
    if (!this.atTop()) this.doc.y = Math.min(this.doc.y + h, this.bottom);
  }

  /** Height of `runs` set at `width`, exactly as `block` will draw them (page breaks aside). */
  measure(runs: Run[], style: Style, width: number): number {
    return this.plan(runs, style, width).height;
  }

  /**
   * Draws `runs` from the current y as one structure element of `type` (P, H1, LBody, TD, ...) under `parent`.
   * Links become nested Link elements. Long text continues on the next page unless `noBreak` (cells and cards,
   * measured beforehand to fit).
   */
  block(parent: Struct, type: string, runs: Run[], style: Style, opts: { x?: number; width?: number; noBreak?: boolean; struct?: PDFKit.Mixins.StructureElementOptions } = {}): Struct {
    const el = this.doc.struct(type, opts.struct ?? {});
    parent.add(el);
    this.fill(el, runs, style, opts);
    el.end();
    return el;
  }

  /** Adds tagged content for `runs` to an existing element (for elements with several parts, e.g. TOC items). */
  fill(el: Struct, runs: Run[], style: Style, opts: { x?: number; width?: number; noBreak?: boolean } = {}): void {
    const width = opts.width ?? CONTENT_WIDTH;
    const plan = this.plan(runs, style, width);
    // Drawn: the plan is not needed again (a table row is measured, then drawn once); kept, every plan of the pack
    // would live to its end, and the garbage collector copy them on each pass.
    this.plans.delete(runs);
    this.place(plan, style, opts.x ?? PAGE.marginX, this.doc.y, width, opts.noBreak !== true, (link, draw) => {
      if (!link) return void el.add(() => draw(null));
      const linkEl = this.doc.struct('Link');
      el.add(linkEl);
      linkEl.add(() => draw(linkEl));
      linkEl.end();
    });
  }

  /** Runs drawn without structure, for use inside `artifact` (repeated table headers). */
  untagged(runs: Run[], style: Style, opts: { x: number; y: number; width: number }): void {
    this.place(this.plan(runs, style, opts.width), style, opts.x, opts.y, opts.width, false, (_link, draw) => draw(null));
  }

  /** An e-mail address too long for `width` breaks before the "@", not inside a word. */
  breakEmail(email: string, style: Style, width: number): string {
    const at = email.indexOf('@');
    if (at <= 0) return email;
    this.runFont({ text: email }, style);
    return this.textWidth(email, style) > width ? `${email.slice(0, at)}\n${email.slice(at)}` : email;
  }

  /** Decoration (rules, boxes, page furniture): drawn as an artifact, outside the structure tree. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    const { doc } = this;
    const { x, y } = doc;
    // Drawing inside changes colours behind our back; the restore brings back the colour from before.
    const color = this.color;
    this.color = null;
    doc.markContent('Artifact', { type });
    doc.save();
    draw();
    doc.restore();
    doc.endMarkedContent();
    this.color = color;
    doc.x = x;
    doc.y = y;
  }

  /** A line of artifact text at a fixed place (markings, running header, page numbers), cut with "…" if too long. */
  fixedText(text: string, x: number, y: number, width: number, given: Style): void {
    let style = given;
    this.setFont(fontFor(style.bold, style.italic), style.size, style.color ?? COLOR.ink);
    // A classification marking is never cut short: tighter, then smaller, down to 5 pt.
    while (style.shrink && this.textWidth(text, style) > width && ((style.spacing ?? 0) > 0 || style.size > 5)) {
      style = (style.spacing ?? 0) > 0 ? { ...style, spacing: Math.max(0, (style.spacing ?? 0) - 0.3) } : { ...style, size: style.size - 0.25 };
      this.setFont(fontFor(style.bold, style.italic), style.size, style.color ?? COLOR.ink);
    }
    // The same lines recur on every page: fit each once.
    const key = `${text}|${width}|${style.size}|${style.bold}|${style.spacing}`;
    let fit = this.fitted.get(key);
    if (!fit) {
      let t = text;
      if (this.textWidth(t, style) > width) {
        while (t && this.textWidth(`${t}…`, style) > width) t = t.slice(0, -1);
        t = `${t.trimEnd()}…`;
      }
      fit = { text: t, width: this.textWidth(t, style) };
      this.fitted.set(key, fit);
    }
    const dx = style.align === 'right' ? width - fit.width : style.align === 'center' ? (width - fit.width) / 2 : 0;
    writeText(this.doc, fit.text, x + dx, y, style.spacing ?? 0);
  }

  rule(x: number, y: number, width: number, color: string = COLOR.rule, weight = 0.6): void {
    this.artifact(() => {
      this.doc.moveTo(x, y).lineTo(x + width, y).lineWidth(weight).strokeColor(color).stroke();
    });
  }

  /** Font, size and text colour (a #rrggbb), the colour written only when it changes. */
  setFont(font: FontName, size: number, color: string): void {
    this.doc.font(font).fontSize(size);
    this.face = font;
    this.size = size;
    if (color !== this.color) {
      // The plain "rg" operator: pdfkit's fillColor() parses the colour and writes colour space and value each time.
      this.doc.addContent(`${rgbOperands(color)} rg`);
      this.color = color;
    }
  }

  /** Breaks the runs into lines of `width` (memoised per runs array, style and width). */
  private plan(runs: Run[], style: Style, width: number): Plan {
    const memo = this.plans.get(runs);
    // The same style object and width (a table cell drawn after it was measured): no key to build.
    if (memo && memo.style === style && memo.width === width) return memo.plan;
    const key = `${width}|${style.size}|${style.bold}|${style.italic}|${style.spacing}|${style.lineGap}`;
    if (memo?.key === key) return memo.plan;
    const atoms: Atom<Measured>[] = [];
    for (const run of runs) {
      if (run.text === '') continue;
      this.runFont(run, style);
      const measured = { run, height: this.doc.currentLineHeight(true) };
      for (const a of atomize(measured, run.text, (t) => this.textWidth(t, style))) atoms.push(a);
    }
    const gap = style.lineGap ?? 0;
    const plan: Plan = { lines: [], height: 0 };
    if (atoms.length) {
      this.runFont({ text: '' }, style);
      const plainHeight = this.doc.currentLineHeight(true);
      const lines = breakLines(atoms, width, (atom, room) => this.cut(atom, room, style));
      lines.forEach((line, l) => {
        const pieces: Piece[] = [];
        let tallest = line.length ? 0 : plainHeight;
        let lineWidth = 0;
        for (const a of line) {
          const last = pieces[pieces.length - 1];
          if (last && last.run === a.run.run) {
            last.text += a.text;
            last.width += a.width;
          } else {
            pieces.push({ run: a.run.run, text: a.text, width: a.width });
            tallest = Math.max(tallest, a.run.height);
          }
          lineWidth += a.width;
        }
        // A line that ends between words ends with a space (not counted in its width), so text read from the
        // file (copy, search, screen readers) does not run the last word into the next line's first.
        const end = line[line.length - 1];
        const next = lines[l + 1]?.[0];
        if (end?.kind === 'word' && !end.cut && next && !next.text.startsWith('@')) pieces[pieces.length - 1]!.text += ' ';
        plan.lines.push({ pieces, width: lineWidth, height: tallest + gap });
        plan.height += tallest + gap;
      });
    }
    this.plans.set(runs, { key, style, width, plan });
    return plan;
  }

  /** Cuts a word too long for any line after as many characters as fit `room` (at least one). */
  private cut(atom: Atom<Measured>, room: number, style: Style): [Atom<Measured>, Atom<Measured>] {
    this.runFont(atom.run.run, style);
    const chars = [...atom.text];
    let n = 1;
    while (n < chars.length && this.textWidth(chars.slice(0, n + 1).join(''), style) <= room) n++;
    const head = chars.slice(0, n).join('');
    const tail = chars.slice(n).join('');
    return [
      { ...atom, text: head, width: this.textWidth(head, style), cut: true },
      { ...atom, text: tail, width: this.textWidth(tail, style) },
    ];
  }


  /**
   * Draws a plan from (x, y), continuing on a new page when a line would pass the foot (if `breakable`);
   * `wrap` tags each link group. Leaves y below the text.
   */
  private place(plan: Plan, style: Style, x: number, y: number, width: number, breakable: boolean, wrap: (link: string | undefined, draw: (linkEl: Struct | null) => void) => void): void {
    const gap = style.lineGap ?? 0;
    // Where each line goes, and whether it starts a new page.
    const rows: { line: Plan['lines'][number]; x: number; y: number; newPage: boolean }[] = [];
    let ly = y;
    let links = false;
    for (const line of plan.lines) {
      const overflows = breakable && ly + line.height - gap > this.bottom && ly > PAGE.top + 0.5;
      if (overflows && line.pieces.length === 0) continue; // a blank line at a page foot is not carried over
      if (overflows) ly = PAGE.top;
      const lx = x + (style.align === 'right' ? width - line.width : style.align === 'center' ? (width - line.width) / 2 : 0);
      rows.push({ line, x: lx, y: ly, newPage: overflows });
      for (const p of line.pieces) links ||= p.run.link !== undefined;
      ly += line.height;
    }
    const spacing = style.spacing ?? 0;
    const draw = (piece: Piece, px: number, py: number, newPage: boolean, linkEl: Struct | null) => {
      if (newPage) {
        // Ends this page's marked content and reopens it on the next page, so the element spans both.
        this.doc.continueOnNewPage();
        this.color = null;
      }
      const { run, text, width: w } = piece;
      this.runFont(run, style);
      writeText(this.doc, text, px, py, spacing);
      if (run.link) this.linkArea(run.link, linkEl, px, py, w);
      if (run.mark) this.changeMark(run.mark, px, py, w);
    };
    if (!links) {
      // The usual case: no links, so all of it is one piece of content.
      wrap(undefined, () => {
        for (const row of rows) {
          let px = row.x;
          row.line.pieces.forEach((piece, i) => {
            draw(piece, px, row.y, row.newPage && i === 0, null);
            px += piece.width;
          });
        }
      });
    } else {
      const placed: { piece: Piece; x: number; y: number; newPage: boolean }[] = [];
      for (const row of rows) {
        let px = row.x;
        row.line.pieces.forEach((piece, i) => {
          placed.push({ piece, x: px, y: row.y, newPage: row.newPage && i === 0 });
          px += piece.width;
        });
      }
      for (const group of groupByLink(placed)) wrap(group.link, (linkEl) => group.items.forEach((p) => draw(p.piece, p.x, p.y, p.newPage, linkEl)));
    }
    this.doc.x = x;
    this.doc.y = ly;
  }


  private runFont(r: Run, style: Style): void {
    const size = r.size ?? style.size;
    this.setFont(fontFor(r.bold ?? style.bold, r.italic ?? style.italic), r.code ? size * 0.94 : size, r.color ?? (r.code || r.link ? COLOR.accent : (style.color ?? COLOR.ink)));
  }

  /** The clickable area of a link (tagged under its Link element) and, for web links, an underline. */
  private linkArea(url: string, linkEl: Struct | null, x: number, y: number, width: number): void {
    const { doc } = this;
    const height = doc.currentLineHeight();
    // The URI action inline in the annotation (pdfkit's link() makes it an object of its own: 400 more per pack).
    doc.annotate(x, y, width, height, { Subtype: 'Link', A: { S: 'URI', URI: new String(url) }, ...(linkEl ? { structParent: linkEl } : {}) } as PDFKit.Mixins.AnnotationOption);
    if (url.startsWith('mailto:')) return;
    const weight = 0.5;
    doc.save();
    doc.moveTo(x, y + height - weight).lineTo(x + width, y + height - weight).lineWidth(weight).strokeColor(this.color ?? COLOR.accent).stroke();
    doc.restore();
  }

  /** An addendum's change mark under (inserted) or through (deleted) a piece, in the text's colour (as link underlines). */
  private changeMark(mark: 'underline' | 'strike', x: number, y: number, width: number): void {
    const { doc } = this;
    const at = y + (mark === 'underline' ? doc.currentLineHeight() - 0.6 : this.size * 0.62);
    doc.save();
    doc.moveTo(x, at).lineTo(x + width, at).lineWidth(0.7).strokeColor(this.color ?? COLOR.ink).stroke();
    doc.restore();
  }

  /** Advance width of `text` in the current font, with the style's letter spacing. */
  private textWidth(text: string, style: Style): number {
    return wordWidth(this.doc, this.face, text) * this.size + (style.spacing ?? 0) * text.length;
  }

}

const widthCache = new Map<FontName, Map<string, number>>();

/**
 * Width of `text` at size 1 in `face` (the current font). Words recur across a pack and across packs; the
 * width depends only on the face and the word, so it is cached per process (bounded).
 */
function wordWidth(doc: Doc, face: FontName, text: string): number {
  let cache = widthCache.get(face);
  if (!cache) widthCache.set(face, (cache = new Map()));
  let w = cache.get(text);
  if (w === undefined) {
    // Measured at 1000 units, so the value is exact whatever size first asked: packs stay byte-identical
    // however the cache was filled.
    w = currentFont(doc).widthOfString(text, 1000) / 1000;
    if (cache.size > 100_000) cache.clear();
    cache.set(text, w);
  }
  return w;
}

/** Consecutive placed pieces with the same link target, so each link becomes one Link element. */
function groupByLink<T extends { piece: Piece }>(items: T[]): { link: string | undefined; items: T[] }[] {
  const groups: { link: string | undefined; items: T[] }[] = [];
  for (const item of items) {
    const link = item.piece.run.link;
    const lastGroup = groups[groups.length - 1];
    if (lastGroup && lastGroup.link === link) lastGroup.items.push(item);
    else groups.push({ link, items: [item] });
  }
  return groups;
}

/** Plain text as one run. */
export const plain = (text: string, extra: Partial<Run> = {}): Run[] => (text ? [{ text, ...extra }] : []);
