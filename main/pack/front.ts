/**
 * The front matter: the cover (what, when, where, who, how classified, how final) and the contents,
 * whose pages are reserved before the sections are laid out and filled in once their pages are known.
 */
import type { PackDocument } from './document';
import type { PackLabels } from './labels';
import { type Layout, type Run, type Struct, type Style, plain } from './layout';
import { currentPage } from './markdown';
import { COLOR, CONTENT_WIDTH, PAGE, SIZE } from './theme';
import { addOutlineItem, linkToDestination } from './pdfkit-private';

export interface TocEntry {
  number: number;
  title: string;
  /** 1-based page number. */
  page: number;
  dest: string;
}

const H1: Style = { size: SIZE.h1, bold: true, color: COLOR.ink, lineGap: 2 };
// Letter spacing stays small: wider spacing makes text extraction (search, screen readers) split the words.
const KICKER: Style = { size: SIZE.small, bold: true, color: COLOR.accent, spacing: 0.5 };

export function drawCover(L: Layout, d: PackDocument, labels: PackLabels): void {
  const sect = L.doc.struct('Sect');
  L.root.add(sect);
  const x = PAGE.marginX;
  L.y = 150;
  L.block(sect, 'P', plain(labels.briefingFor.toUpperCase()), KICKER);
  L.rule(x, L.y + 8, 36, COLOR.accent, 2);
  L.y += 26;
  if (d.series) {
    L.block(sect, 'P', plain(d.series), { size: SIZE.h3 + 1, color: COLOR.muted, bold: true });
    L.y += 6;
  }
  L.block(sect, 'H1', plain(d.title), { size: 23, bold: true, color: COLOR.ink, lineGap: 3 });
  if (d.subtitle) {
    L.y += 8;
    L.block(sect, 'P', plain(d.subtitle), { size: SIZE.h2, color: COLOR.muted, lineGap: 2 });
  }

  const facts: [string, Run[]][] = [
    [labels.date, [{ text: d.end ? `${d.start} – ${d.end}` : d.start }, ...plain(d.timeZone ? `\n${d.timeZone}` : '', { color: COLOR.muted, size: SIZE.small + 0.5 })]],
    [labels.venue, plain(d.venue)],
    [labels.headOfDelegation, plain(d.delegationHead)],
    [labels.classification, plain(d.classification, { bold: true, color: COLOR.marking })],
    [labels.statusLabel, plain(labels.status[d.status], d.status === 'final' ? {} : { bold: true })],
    [labels.version, plain(d.versionLabel)],
    [labels.preparedBy, plain([d.preparedBy, d.date].filter(Boolean).join('  ·  '))],
    ...(d.clearance ?? []).map((row): [string, Run[]] => [row.label, plain(row.lines.join('\n'))]),
    ...(d.currentAsOf ? ([[d.currentAsOf.label, plain(d.currentAsOf.date, { bold: true })]] as [string, Run[]][]) : []),
    ...(d.copyLine ? ([['', plain(d.copyLine, { bold: true })]] as [string, Run[]][]) : []),
  ];
  const shown = facts.filter(([, v]) => v.length > 0);
  // The facts sit in the lower half of the page, whatever the title's length.
  const labelW = 142;
  const value: Style = { size: SIZE.body + 0.5, color: COLOR.ink, lineGap: 3 };
  const height = shown.reduce((h, [, v]) => h + L.measure(v, value, CONTENT_WIDTH - labelW) + 11, 0);
  L.y = Math.max(L.y + 40, Math.min(430, L.bottom - height - 20));
  L.rule(x, L.y, CONTENT_WIDTH);
  L.y += 12;
  const list = L.doc.struct('L');
  sect.add(list);
  for (const [label, runs] of shown) {
    const li = L.doc.struct('LI');
    list.add(li);
    const y = L.y;
    // PackLabels sit on the value's first baseline: the difference of the two ascents.
    L.y = y + (value.size - SIZE.tiny) * 0.76;
    L.block(li, 'Lbl', plain(label.toUpperCase()), { size: SIZE.tiny, bold: true, color: COLOR.faint, spacing: 0.3 }, { x, width: labelW - 10, noBreak: true });
    L.y = y;
    L.block(li, 'LBody', runs, value, { x: x + labelW, width: CONTENT_WIDTH - labelW, noBreak: true });
    li.end();
    L.y += 11;
  }
  list.end();
  sect.end();
}

const TOC_ROW = 21;
const TOC_TOP = PAGE.top + 52;

/** Reserves the contents pages (one H1 plus a row per section) and returns the TOC element to fill later. */
export function reserveContents(L: Layout, entries: number, labels: PackLabels): { sect: Struct; toc: Struct; pages: number[] } {
  const perPage = Math.floor((PAGE.height - PAGE.bottom - TOC_TOP) / TOC_ROW);
  const count = Math.max(1, Math.ceil(entries / perPage));
  const sect = L.doc.struct('Sect');
  L.root.add(sect);
  const pages: number[] = [];
  for (let i = 0; i < count; i++) {
    L.newPage();
    pages.push(currentPage(L));
    if (i === 0) sectionHeading(L, sect, null, labels.contents);
  }
  const toc = L.doc.struct('TOC');
  sect.add(toc);
  // Left open: ending the section would end the TOC, which is filled in once the page numbers are known.
  return { sect, toc, pages };
}

/** Fills the reserved contents pages: number, title, dotted leader, page; each row a link to its section. */
export function drawContents(L: Layout, reserved: { sect: Struct; toc: Struct; pages: number[] }, entries: TocEntry[]): void {
  const { toc, pages } = reserved;
  const perPage = Math.floor((PAGE.height - PAGE.bottom - TOC_TOP) / TOC_ROW);
  const style: Style = { size: SIZE.body + 1, color: COLOR.ink };
  const numW = 26;
  const pageW = 36;
  const titleW = CONTENT_WIDTH - numW - pageW - 12;
  const back = currentPage(L);
  entries.forEach((e, i) => {
    if (i % perPage === 0) {
      L.toPage(pages[Math.floor(i / perPage)]!);
      L.y = TOC_TOP;
    }
    const y = L.y;
    const item = L.doc.struct('TOCI');
    toc.add(item);
    const link = L.doc.struct('Link');
    item.add(link);
    L.block(link, 'Lbl', [{ text: String(e.number), bold: true, color: COLOR.accent }], style, { x: PAGE.marginX, width: numW, noBreak: true });
    L.y = y;
    L.fill(link, plain(e.title), style, { x: PAGE.marginX + numW, width: titleW, noBreak: true });
    L.y = y;
    L.fill(link, plain(String(e.page)), { ...style, align: 'right' }, { x: PAGE.width - PAGE.marginX - pageW, width: pageW, noBreak: true });
    const titleEnd = PAGE.marginX + numW + Math.min(titleW, L.doc.font('regular').fontSize(style.size).widthOfString(e.title));
    L.artifact(() => {
      L.doc.moveTo(titleEnd + 6, y + style.size).lineTo(PAGE.width - PAGE.marginX - pageW + 4, y + style.size).dash(0.6, { space: 2.6 }).lineWidth(0.6).strokeColor(COLOR.faint).stroke().undash();
    });
    // The whole row is the link's target area.
    linkToDestination(L.doc, PAGE.marginX, y - 3, CONTENT_WIDTH, TOC_ROW - 2, e.dest, { structParent: link });
    link.end();
    item.end();
    L.y = y + TOC_ROW;
  });
  reserved.sect.end();
  L.toPage(back);
}

/**
 * A section's H1 with its anchor: a named destination for the contents link and an outline entry.
 * `number` null for unnumbered headings (Contents).
 */
export function sectionHeading(L: Layout, sect: Struct, number: number | null, title: string, dest?: string): void {
  const y = L.y;
  if (dest) {
    L.doc.addNamedDestination(dest, 'XYZ', PAGE.marginX, y - 10, null);
    addOutlineItem(L.doc, number === null ? title : `${number}  ${title}`, { top: y - 10, left: PAGE.width });
  }
  const runs: Run[] = number === null ? plain(title) : [{ text: `${number}`, color: COLOR.accent }, { text: `   ${title}` }];
  L.block(sect, 'H1', runs, H1);
  L.rule(PAGE.marginX, L.y + 6, 32, COLOR.accent, 2);
  L.y += 22;
}
