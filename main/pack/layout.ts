/**
 * The small layout engine every part of the pack draws through: rich text runs as tagged structure
 * elements, exact measuring (the same line breaking as drawing), page room and keep-together checks,
 * and decorations marked as artifacts so screen readers skip them.
 */
import type PDFDocument from 'pdfkit';
import { COLOR, CONTENT_WIDTH, type FontName, PAGE, SIZE, fontFor } from './theme';

export type Doc = InstanceType<typeof PDFDocument>;
export type Struct = PDFKit.PDFStructureElement;

/** A piece of inline text with one look. */
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
}

export const BODY: Style = { size: SIZE.body, color: COLOR.ink, lineGap: SIZE.lineGap };

type TextCall = (text: string, x: number | undefined, y: number | undefined, options: PDFKit.Mixins.TextOptions) => void;

interface PrivateText {
  // pdfkit's own text path with a custom line callback; heightOfString is built on it. We use it to measure
  // continued runs in several fonts, which heightOfString (one string, one font) cannot.
  _text(text: string, x: number | undefined, y: number | undefined, options: object, line: (t: string, o: object, wrapper?: unknown) => void): void;
}

export class Layout {
  readonly root: Struct;
  /** Fill colour last set for text, to skip repeating it (it is most of the cost of a short cell); null = unknown. */
  private color: string | null = null;
  private readonly plans = new WeakMap<Run[], { key: string; plan: Plan | null }>();

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

  /** Height of `runs` set at `width`: the same line breaking as drawing, without drawing. */
  measure(runs: Run[], style: Style, width: number): number {
    const { doc } = this;
    const live = moveBreaksForward(runs);
    if (live.length === 0) return 0;
    const plan = this.plan(runs, live, style, width);
    if (plan) return plan.height;
    const x0 = doc.x;
    const y0 = doc.y;
    doc.y = 0;
    const gap = style.lineGap ?? 0;
    const call: TextCall = (text, x, y, o) =>
      (doc as unknown as PrivateText)._text(text, ...position(x, y, { ...o, height: 1e9 }), (_t, _o, wrapper) => {
        if (wrapper) doc.y += doc.currentLineHeight(true) + gap;
      });
    this.emit(live, style, 0, width, call, true);
    const h = doc.y;
    doc.x = x0;
    doc.y = y0;
    return h;
  }

  /**
   * Draws `runs` from the current y as one structure element of `type` (P, H1, LBody, TD, ...) under `parent`.
   * Links become nested Link elements. `noBreak` keeps the text on this page (cells and cards, already
   * measured to fit), otherwise pdfkit continues long text on the next page.
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
    const x = opts.x ?? PAGE.marginX;
    const width = opts.width ?? CONTENT_WIDTH;
    const live = moveBreaksForward(runs);
    if (live.length === 0) return;
    const { doc } = this;
    const y = doc.y;
    const plan = this.plan(runs, live, style, width);
    // Lines that fit as they are (most cells, labels, short paragraphs): placed directly, skipping pdfkit's
    // line breaker, which is most of the cost of a table. Text that needs breaking (or a page break) goes through it.
    if (plan && (opts.noBreak === true || y + plan.height - (style.lineGap ?? 0) <= this.bottom)) {
      this.place(plan, style, x, y, width, (link, draw) => this.tag(el, link, draw));
      return;
    }
    const call: TextCall = (text, cx, cy, o) => {
      doc.text(text, ...position(cx, cy, opts.noBreak ? { ...o, height: 1e6 } : o));
    };
    const groups = groupByLink(live, (r) => r.link);
    groups.forEach((g, i) => this.tag(el, g.link, () => this.emit(g.items, style, i === 0 ? x : undefined, width, call, i === groups.length - 1, i === 0)));
  }

  /** Draws a plan's lines from (x, y); `wrap` decides how each link group is tagged. Leaves y below the text. */
  private place(plan: Plan, style: Style, x: number, y: number, width: number, wrap: (link: string | undefined, draw: () => void) => void): void {
    const placed: { run: Run; x: number; y: number }[] = [];
    let ly = y;
    for (const line of plan.lines) {
      let lx = x + (style.align === 'right' ? width - line.width : style.align === 'center' ? (width - line.width) / 2 : 0);
      line.runs.forEach((run, i) => {
        placed.push({ run, x: lx, y: ly });
        lx += line.widths[i]!;
      });
      ly += line.height;
    }
    for (const group of groupByLink(placed, (p) => p.run.link)) {
      wrap(group.link, () => {
        for (const p of group.items) {
          this.runFont(p.run, style);
          this.doc.text(p.run.text, p.x, p.y, this.runOptions(p.run, style, { lineBreak: false }));
        }
      });
    }
    this.doc.x = x;
    this.doc.y = y + plan.height;
  }

  /** Content drawn by `draw` as part of `el`, inside a nested Link element when it is a link. */
  private tag(el: Struct, link: string | undefined, draw: () => void): void {
    if (!link) {
      el.add(draw);
      return;
    }
    const linkEl = this.doc.struct('Link');
    el.add(linkEl);
    linkEl.add(draw);
    linkEl.end();
  }

  /**
   * Lines of `live` that fit `width` as they are (broken only where the text says), with their widths and
   * heights; null when some line needs breaking. Memoised per runs array: tables measure, then draw, each cell.
   */
  private plan(runs: Run[], live: Run[], style: Style, width: number): Plan | null {
    const key = `${width}|${style.size}|${style.bold}|${style.italic}|${style.spacing}|${style.lineGap}`;
    const memo = this.plans.get(runs);
    if (memo?.key === key) return memo.plan;
    const lines: Run[][] = [[]];
    for (const r of live) {
      r.text.split('\n').forEach((part, i) => {
        if (i > 0) lines.push([]);
        if (part) lines[lines.length - 1]!.push({ ...r, text: part });
      });
    }
    const gap = style.lineGap ?? 0;
    let plan: Plan | null = { lines: [], height: 0 };
    for (const line of lines) {
      let w = 0;
      let h = 0;
      const widths: number[] = [];
      for (const r of line) {
        this.runFont(r, style);
        widths.push(this.runWidth(r, style));
        w += widths[widths.length - 1]!;
        h = Math.max(h, this.doc.currentLineHeight(true));
      }
      if (w > width - 0.5) {
        plan = null;
        break;
      }
      if (line.length === 0) {
        this.runFont({ text: '' }, style);
        h = this.doc.currentLineHeight(true);
      }
      plan.lines.push({ runs: line, widths, width: w, height: h + gap });
      plan.height += h + gap;
    }
    this.plans.set(runs, { key, plan });
    return plan;
  }

  /** An e-mail address that does not fit `width` on one line breaks before the "@", not inside a word. */
  breakEmail(email: string, style: Style, width: number): string {
    const at = email.indexOf('@');
    const runs = [{ text: email }];
    return at > 0 && this.plan(runs, runs, style, width) === null ? `${email.slice(0, at)}\n${email.slice(at)}` : email;
  }

  /** Runs drawn without structure, for use inside `artifact` (repeated table headers). */
  untagged(runs: Run[], style: Style, opts: { x: number; y: number; width: number }): void {
    const live = moveBreaksForward(runs);
    if (live.length === 0) return;
    const plan = this.plan(runs, live, style, opts.width);
    if (plan) return this.place(plan, style, opts.x, opts.y, opts.width, (_link, draw) => draw());
    this.doc.y = opts.y;
    this.emit(live, style, opts.x, opts.width, (t, x, y, o) => void this.doc.text(t, ...position(x, y, { ...o, height: 1e6 })), true);
  }

  /** Decoration (rules, boxes, page furniture): drawn as an artifact, outside the structure tree. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    const { doc } = this;
    const { x, y } = doc;
    doc.markContent('Artifact', { type });
    doc.save();
    draw();
    doc.restore();
    doc.endMarkedContent();
    this.color = null;
    doc.x = x;
    doc.y = y;
  }

  /** A line of artifact text at a fixed place (markings, running header, page numbers), cut with "…" if too long. */
  fixedText(text: string, x: number, y: number, width: number, style: Style): void {
    this.setFont(fontFor(style.bold, style.italic), style.size, style.color ?? COLOR.ink);
    const spacing = style.spacing ?? 0;
    const measure = (t: string) => this.doc.widthOfString(t) + spacing * t.length;
    let fitted = text;
    if (measure(fitted) > width) {
      while (fitted && measure(`${fitted}…`) > width) fitted = fitted.slice(0, -1);
      fitted = `${fitted.trimEnd()}…`;
    }
    const w = measure(fitted);
    const dx = style.align === 'right' ? width - w : style.align === 'center' ? (width - w) / 2 : 0;
    this.doc.text(fitted, x + dx, y, { lineBreak: false, characterSpacing: spacing });
  }

  rule(x: number, y: number, width: number, color: string = COLOR.rule, weight = 0.6): void {
    this.artifact(() => {
      this.doc.moveTo(x, y).lineTo(x + width, y).lineWidth(weight).strokeColor(color).stroke();
    });
  }

  setFont(font: FontName, size: number, color: string): void {
    this.doc.font(font).fontSize(size);
    if (color !== this.color) {
      this.doc.fillColor(color);
      this.color = color;
    }
  }

  /**
   * Writes runs as pdfkit "continued" text: one font per run, one line breaker across them.
   * The last call is never continued, so pdfkit's wrapper state never leaks into the next block.
   */
  private emit(runs: Run[], style: Style, x: number | undefined, width: number, call: TextCall, last: boolean, first = true): void {
    runs.forEach((r, i, all) => {
      this.runFont(r, style);
      const options = this.runOptions(r, style, { width, continued: !(last && i === all.length - 1), align: style.align ?? 'left' });
      if (first && i === 0) call(r.text, x, this.doc.y, options);
      else call(r.text, undefined, undefined, options);
    });
  }

  private runFont(r: Run, style: Style): void {
    const size = r.size ?? style.size;
    this.setFont(fontFor(r.bold ?? style.bold, r.italic ?? style.italic), r.code ? size * 0.94 : size, r.color ?? (r.code || r.link ? COLOR.accent : (style.color ?? COLOR.ink)));
  }

  private runOptions(r: Run, style: Style, extra: PDFKit.Mixins.TextOptions): PDFKit.Mixins.TextOptions {
    // link and underline are always given: pdfkit carries options over between continued calls.
    return {
      lineGap: style.lineGap ?? 0,
      characterSpacing: style.spacing ?? 0,
      link: r.link ?? null,
      underline: r.link !== undefined && !r.link.startsWith('mailto:'),
      ...extra,
    } as PDFKit.Mixins.TextOptions;
  }

  /** Width of the run in its font (after runFont). */
  private runWidth(r: Run, style: Style): number {
    return this.doc.widthOfString(r.text) + (style.spacing ?? 0) * r.text.length;
  }

}

/**
 * pdfkit's text(text, x, y, options) treats a missing x as "x is the options" (a default parameter), so a
 * continued call without a position must pass the options in x's place.
 */
function position(x: number | undefined, y: number | undefined, o: PDFKit.Mixins.TextOptions): [number, number, PDFKit.Mixins.TextOptions] {
  return (x === undefined ? [o, undefined, undefined] : [x, y, o]) as unknown as [number, number, PDFKit.Mixins.TextOptions];
}

/**
 * pdfkit's continued text mishandles a run that ends in a line break (the next run resumes on the old line),
 * so breaks move to the start of the following run; trailing breaks at the very end are dropped.
 */
function moveBreaksForward(runs: Run[]): Run[] {
  const out: Run[] = [];
  let carry = '';
  for (const r of runs) {
    const text = carry + r.text;
    const trimmed = text.replace(/\n+$/, '');
    carry = text.slice(trimmed.length);
    if (trimmed) out.push({ ...r, text: trimmed });
  }
  return out;
}

/** Consecutive items with the same link target, so each link becomes one Link element. */
function groupByLink<T>(items: T[], linkOf: (item: T) => string | undefined): { link: string | undefined; items: T[] }[] {
  const groups: { link: string | undefined; items: T[] }[] = [];
  for (const item of items) {
    const link = linkOf(item);
    const lastGroup = groups[groups.length - 1];
    if (lastGroup && lastGroup.link === link) lastGroup.items.push(item);
    else groups.push({ link, items: [item] });
  }
  return groups;
}

interface Plan {
  lines: { runs: Run[]; widths: number[]; width: number; height: number }[];
  height: number;
}

/** Plain text as one run. */
export const plain = (text: string, extra: Partial<Run> = {}): Run[] => (text ? [{ text, ...extra }] : []);
