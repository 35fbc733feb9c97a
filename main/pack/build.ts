/**
 * PackDocument → PDF bytes, in one pass over buffered pages: cover, reserved contents pages, one section
 * per page run; then, with every page number known, the contents and the page furniture (markings, running
 * header, "Page X of Y", DRAFT) are drawn onto the buffered pages. No db, no Electron: data in, bytes out.
 */
import PDFDocument from 'pdfkit';
import { CalendarDay } from '../../contract/model';
import type { BuildOptions, BuiltPack, PackDocument } from './document';
import { type TocEntry, drawContents, drawCover, reserveContents, sectionHeading } from './front';
import { type PackLabels, labelsFor } from './labels';
import { type Doc, Layout } from './layout';
import { currentPage } from './markdown';
import { drawDraftMark } from './draft';
import { drawSectionBody } from './sections';
import { drawSinceLastTime } from './sections-since';
import { embedAttachments } from './attachments';
import { drawChanges, drawSectionNotes } from './sections-release';
import { useFonts } from './fonts';
import { collectOutput, escapeXmpInfo, nativeStreamWrites, numberedNamesInOrder, plainColors } from './pdfkit-private';
import { COLOR, CONTENT_WIDTH, PAGE, SIZE, rgbOperands } from './theme';

/** Builds the pack. The same document and options give byte-identical bytes. */
export async function buildPack(d: PackDocument, opts: BuildOptions): Promise<BuiltPack> {
  const stamp = parseDate(opts.date);
  const labels = labelsFor(d.language);
  const pdf = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.marginX, right: PAGE.marginX },
    bufferPages: true,
    tagged: true,
    lang: d.language || 'en',
    displayTitle: true,
    pdfVersion: '1.7',
    // No default Helvetica: the pack sets its own fonts (fonts.ts), and parsing Helvetica's metrics cost every pack.
    font: '',
    // PDF/A-3 is the archival level that allows embedded data files; without attachments the pack stays PDF/A-2.
    ...(opts.pdfa ? { subset: d.attachments?.length ? ('PDF/A-3b' as const) : ('PDF/A-2b' as const) } : {}),
    // The file ID is an MD5 of this info, so pinning the dates pins the ID too.
    info: {
      Title: d.title,
      Author: d.preparedBy,
      Subject: [labels.briefingFor, d.subtitle].filter(Boolean).join(': '),
      Creator: 'Dossier',
      Producer: 'Dossier (PDFKit)',
      CreationDate: stamp,
      ModDate: stamp,
    },
  });
  const { chunks, done } = collectOutput(pdf);
  nativeStreamWrites(pdf);
  numberedNamesInOrder(pdf);
  plainColors(pdf, rgbOperands);
  useFonts(pdf);
  pdf.appendXML(`<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><xmp:ModifyDate>${stamp.toISOString().split('.')[0]}Z</xmp:ModifyDate></rdf:Description>`);
  escapeXmpInfo(pdf);
  if (d.attachments?.length) embedAttachments(pdf, d.attachments, stamp);

  const L = new Layout(pdf);
  drawCover(L, d, labels);
  const contents = reserveContents(L, d.sections.length, labels);
  const toc: TocEntry[] = [];
  const ctx = { L, labels, language: d.language };
  d.sections.forEach((section, i) => {
    L.newPage();
    const sect = pdf.struct('Sect');
    L.root.add(sect);
    const dest = `section-${i + 1}`;
    toc.push({ number: i + 1, title: section.title, page: currentPage(L) + 1, dest });
    sectionHeading(L, sect, i + 1, section.title, dest);
    if (section.notes?.length) drawSectionNotes(ctx, sect, section.notes);
    if (section.changes) drawChanges(ctx, sect, section.changes);
    else if (section.kind === 'since_last_time') drawSinceLastTime(ctx, sect, section);
    else drawSectionBody(ctx, sect, section);
    sect.end();
  });
  drawContents(L, contents, toc);
  L.root.end();
  const pages = pdf.bufferedPageRange().count;
  decoratePages(L, d, labels, pages);
  pdf.end();
  await done;
  return { bytes: Buffer.concat(chunks), pages, toc: toc.map(({ title, page }) => ({ title, page })) };
}

function parseDate(date: string): Date {
  if (!CalendarDay.safeParse(date).success) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  return new Date(`${date}T00:00:00Z`);
}

/** Classification marking top and bottom, running header, "Page X of Y" and, unless final, the DRAFT mark. */
function decoratePages(L: Layout, d: PackDocument, labels: PackLabels, total: number): void {
  const x = PAGE.marginX;
  const w = CONTENT_WIDTH;
  const mark = { size: SIZE.small, bold: true, color: COLOR.marking, align: 'center' as const, spacing: 1.2, shrink: true };
  const small = { size: SIZE.tiny + 0.5, color: COLOR.muted };
  const footerLeft = [d.series, labels.status[d.status], d.versionLabel].filter(Boolean).join('  ·  ');
  for (let i = 0; i < total; i++) {
    L.toPage(i);
    L.artifact(() => {
      if (d.classification) {
        L.fixedText(d.classification.toUpperCase(), x, 24, w, mark);
        L.fixedText(d.classification.toUpperCase(), x, PAGE.height - 34, w, mark);
      }
      L.fixedText(d.title, x, 46, w * 0.68, small);
      L.fixedText(d.dateLine, x + w * 0.7, 46, w * 0.3, { ...small, align: 'right' });
      L.doc.moveTo(x, 60).lineTo(x + w, 60).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
      L.doc.moveTo(x, PAGE.height - 64).lineTo(x + w, PAGE.height - 64).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
      L.fixedText(footerLeft, x, PAGE.height - 56, w * 0.7, small);
      L.fixedText(labels.pageOf(i + 1, total), x + w * 0.7, PAGE.height - 56, w * 0.3, { ...small, align: 'right', color: COLOR.ink });
      if (d.copyLine) L.fixedText(d.copyLine, x, PAGE.height - 22, w, { size: SIZE.tiny + 0.5, bold: true, color: COLOR.ink, align: 'center' });
    }, 'Pagination');
    if (d.status !== 'final') drawDraftMark(L, labels.draft);
  }
}
