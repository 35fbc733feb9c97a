/**
 * The pack's look in one place: A4 page geometry, type sizes and a restrained palette (ink, greys,
 * one navy accent; red only for the classification marking and the DRAFT mark).
 */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  /** Left and right margin: about 24 mm, generous for notes in the margin. */
  marginX: 68,
  /** Where body text starts and must end; the bands above and below hold the markings. */
  top: 92,
  bottom: 84,
} as const;

export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.marginX;

export const COLOR = {
  ink: '#1c232c',
  muted: '#566170',
  faint: '#8a939e',
  rule: '#d3d9e0',
  zebra: '#f5f7f9',
  accent: '#1f4e79',
  accentSoft: '#edf2f7',
  marking: '#a11d1d',
  warn: '#8a5300',
  warnSoft: '#fdf4e2',
} as const;

const operands = new Map<string, string>();
/** A #rrggbb colour as the operands of PDF's rg / RG operators ("0.122 0.306 0.475"), three decimals. */
export function rgbOperands(hex: string): string {
  let op = operands.get(hex);
  if (!op) {
    const n = parseInt(hex.slice(1), 16);
    op = [n >> 16, (n >> 8) & 0xff, n & 0xff].map((c) => Math.round((c / 255) * 1000) / 1000).join(' ');
    operands.set(hex, op);
  }
  return op;
}

export const SIZE = {
  body: 9.5,
  small: 8,
  tiny: 7,
  h1: 17,
  h2: 12.5,
  h3: 10.5,
  lineGap: 2.6,
} as const;

export type FontName = 'regular' | 'bold' | 'italic' | 'boldItalic';

export const fontFor = (bold: boolean | undefined, italic: boolean | undefined): FontName =>
  bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular';
