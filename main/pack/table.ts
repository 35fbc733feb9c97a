/**
 * Tables for the pack (programme, contact sheet, actions, Markdown tables): rows are measured before they
 * are drawn, so a row is never split across pages; the header row repeats at the top of each page it
 * continues on (tagged once as THead; the repeats are artifacts so a screen reader reads it once).
 */
import type { Layout, Run, Struct, Style } from './layout';
import { COLOR, PAGE, SIZE } from './theme';

export interface TableColumn {
  header: Run[];
  /** Share of the table width, relative to the other columns. */
  weight: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableSpec {
  x: number;
  width: number;
  columns: TableColumn[];
  rows: Run[][][];
  size?: number;
  /** Rows that must start a page with the row after them (a heading row over its content), by index. */
  keepWithNext?: boolean[];
}

const PAD_X = 5;
const PAD_Y = 4;

/** Room for text in column `i` of a table `width` wide. */
export function cellTextWidth(columns: Pick<TableColumn, 'weight'>[], i: number, width: number): number {
  const total = columns.reduce((s, c) => s + c.weight, 0) || 1;
  return (columns[i]!.weight / total) * width - 2 * PAD_X;
}

/** Body text of a table at the default size. */
export const TABLE_TEXT: Style = { size: SIZE.small + 0.5, color: COLOR.ink, lineGap: 1.6 };

export function drawTable(L: Layout, parent: Struct, spec: TableSpec): void {
  const size = spec.size ?? TABLE_TEXT.size;
  const widths = spec.columns.map((_, i) => cellTextWidth(spec.columns, i, spec.width) + 2 * PAD_X);
  const lefts = widths.map((_, i) => spec.x + widths.slice(0, i).reduce((s, w) => s + w, 0));
  // Per column, once: the cell and header styles (alignment) and where the text goes.
  const cellStyles: Style[] = spec.columns.map((c) => ({ ...TABLE_TEXT, size, align: c.align ?? 'left' }));
  const headStyles: Style[] = spec.columns.map((c) => ({ size: size - 0.5, bold: true, color: COLOR.accent, lineGap: 1.2, align: c.align ?? 'left' }));
  const boxes = spec.columns.map((_, i) => ({ x: lefts[i]! + PAD_X, width: widths[i]! - 2 * PAD_X, noBreak: true }));
  const rowHeight = (cells: Run[][], styles: Style[]) => {
    let h = size * 1.2;
    for (let i = 0; i < boxes.length; i++) h = Math.max(h, L.measure(cells[i] ?? NONE, styles[i]!, boxes[i]!.width));
    return h + 2 * PAD_Y;
  };
  const headers = spec.columns.map((c) => c.header);
  const headH = rowHeight(headers, headStyles);
  const heights = spec.rows.map((r) => rowHeight(r, cellStyles));

  const drawHeaderBand = (y: number) => {
    L.artifact(() => {
      L.doc.rect(spec.x, y, spec.width, headH).fill(COLOR.accentSoft);
      L.doc.moveTo(spec.x, y + headH).lineTo(spec.x + spec.width, y + headH).lineWidth(0.8).strokeColor(COLOR.accent).stroke();
    });
  };

  const table = L.doc.struct('Table');
  parent.add(table);
  const thead = L.doc.struct('THead');
  table.add(thead);
  L.keep(headH + (heights[0] ?? 0));
  let y = L.y;
  drawHeaderBand(y);
  const headRow = L.doc.struct('TR');
  thead.add(headRow);
  headers.forEach((runs, i) => {
    L.y = y + PAD_Y;
    L.block(headRow, 'TH', runs, headStyles[i]!, { ...boxes[i]!, struct: { scope: 'Column' } as PDFKit.Mixins.StructureElementOptions });
  });
  headRow.end();
  thead.end();
  L.y = y + headH;

  // Where each row goes, before drawing: rows are grouped by page, so each page's stripes and rules are one
  // artifact rather than one per row.
  const chunks: { start: number; ys: number[] }[] = [{ start: 0, ys: [] }];
  let cursor = L.y;
  const room = L.bottom - PAGE.top - headH;
  heights.forEach((h, r) => {
    const next = heights[r + 1] ?? 0;
    const need = spec.keepWithNext?.[r] && h + next <= room ? h + next : h;
    if (need > L.bottom - cursor && cursor > PAGE.top + headH + 0.5) {
      chunks.push({ start: r, ys: [] });
      cursor = PAGE.top + headH;
    }
    chunks[chunks.length - 1]!.ys.push(cursor);
    cursor += h;
  });

  const tbody = L.doc.struct('TBody');
  table.add(tbody);
  chunks.forEach((chunk, c) => {
    if (c > 0) {
      L.newPage();
      // The repeated header: the same look, as an artifact.
      y = L.y;
      drawHeaderBand(y);
      L.artifact(() => headers.forEach((runs, i) => L.untagged(runs, headStyles[i]!, { ...boxes[i]!, y: y + PAD_Y })));
    }
    L.artifact(() => {
      chunk.ys.forEach((ry, k) => {
        const r = chunk.start + k;
        if (r % 2 === 1) L.doc.rect(spec.x, ry, spec.width, heights[r]!).fill(COLOR.zebra);
        L.doc.moveTo(spec.x, ry + heights[r]!).lineTo(spec.x + spec.width, ry + heights[r]!).lineWidth(0.4).strokeColor(COLOR.rule).stroke();
      });
    });
    chunk.ys.forEach((ry, k) => {
      const cells = spec.rows[chunk.start + k]!;
      const tr = L.doc.struct('TR');
      tbody.add(tr);
      for (let i = 0; i < boxes.length; i++) {
        L.y = ry + PAD_Y;
        L.block(tr, 'TD', cells[i] ?? NONE, cellStyles[i]!, boxes[i]!);
      }
      tr.end();
      L.y = ry + heights[chunk.start + k]!;
    });
  });
  tbody.end();
  table.end();
}

const NONE: Run[] = [];
