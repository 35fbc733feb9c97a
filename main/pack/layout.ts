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

  /** Height of `runs` set at `width`: runs the same line breaking as drawing, without drawing. */
  measure(runs: Run[], style: Style, width: number): number {
    const { doc } = this;
    const live = moveBreaksForward(runs);
    if (live.length === 0) return 0;
    if (this.oneLine(live, style, width) !== null) return this.lineHeight(live, style);
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
    const single = this.oneLine(live, style, width);
    const lineH = single === null ? 0 : this.lineHeight(live, style);
    // One line that fits: place the runs directly, skipping pdfkit's line breaker (most cells and labels).
    const direct = single !== null && (opts.noBreak === true || y + lineH - (style.lineGap ?? 0) <= this.bottom);
    const call: TextCall = (text, cx, cy, o) => {
      doc.text(text, ...position(cx, cy, opts.noBreak ? { ...o, height: 1e6 } : o));
    };
    let cx = x + (single === null ? 0 : style.align === 'right' ? width - single : style.align === 'center' ? (width - single) / 2 : 0);
    let first = true;
    const groups = groupByLink(live);
    groups.forEach((g, i) => {
      const draw = () => {
        if (direct) {
          for (const r of g.runs) {
            this.runFont(r, style);
            doc.text(r.text, cx, y, this.runOptions(r, style, { lineBreak: false }));
            cx += this.runWidth(r, style);
          }
        } else this.emit(g.runs, style, first ? x : undefined, width, call, i === groups.length - 1, first);
        first = false;
      };
      if (g.link) {
        const link = doc.struct('Link');
        el.add(link);
        link.add(draw);
        link.end();
      } else {
        el.add(draw);
      }
    });
    if (direct) {
      doc.x = x;
      doc.y = y + lineH;
    }
  }

  /** An e-mail address that does not fit `width` on one line breaks before the "@", not inside a word. */
  breakEmail(email: string, style: Style, width: number): string {
    const at = email.indexOf('@');
    return at > 0 && this.oneLine([{ text: email }], style, width) === null ? `${email.slice(0, at)}\n${email.slice(at)}` : email;
  }

  /** Runs drawn without structure, for use inside `artifact` (repeated table headers). */
  untagged(runs: Run[], style: Style, opts: { x: number; y: number; width: number }): void {
    const live = moveBreaksForward(runs);
    if (live.length === 0) return;
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

  /** A line of artifact text at a fixed place (markings, running header, page numbers). */
  fixedText(text: string, x: number, y: number, width: number, style: Style): void {
    this.setFont(fontFor(style.bold, style.italic), style.size, style.color ?? COLOR.ink);
    this.doc.text(text, x, y, { width, align: style.align ?? 'left', lineBreak: true, height: style.size * 3, ellipsis: true, characterSpacing: style.spacing ?? 0 });
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

  /** Total width if the runs fit on one line of `width`, else null. */
  private oneLine(runs: Run[], style: Style, width: number): number | null {
    let w = 0;
    for (const r of runs) {
      if (r.text.includes('\n')) return null;
      this.runFont(r, style);
      w += this.runWidth(r, style);
      if (w > width - 0.5) return null;
    }
    return w;
  }

  /** Height of one line of these runs, as pdfkit's wrapper counts it: the last run's line height plus the gap. */
  private lineHeight(runs: Run[], style: Style): number {
    this.runFont(runs[runs.length - 1]!, style);
    return this.doc.currentLineHeight(true) + (style.lineGap ?? 0);
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

function groupByLink(runs: Run[]): { link: string | undefined; runs: Run[] }[] {
  const groups: { link: string | undefined; runs: Run[] }[] = [];
  for (const r of runs) {
    const lastGroup = groups[groups.length - 1];
    if (lastGroup && lastGroup.link === r.link) lastGroup.runs.push(r);
    else groups.push({ link: r.link, runs: [r] });
  }
  return groups;
}

/** Plain text as one run. */
export const plain = (text: string, extra: Partial<Run> = {}): Run[] => (text ? [{ text, ...extra }] : []);
