/**
 * The pack as a data carrier: files embedded as PDF attachments (EmbeddedFiles name tree and the catalog's /AF),
 * so another Dossier can import the meeting, the who's who and the briefing, and any PDF reader can save them.
 * Dates are pinned to the pack's date, so equal inputs still give byte-identical files.
 */
import type { PackAttachment } from './document';
import type { Doc } from './layout';

export function embedAttachments(pdf: Doc, files: readonly PackAttachment[], stamp: Date): void {
  for (const f of files) {
    pdf.file(f.content, {
      name: f.name,
      type: f.type,
      description: f.description,
      creationDate: stamp,
      modifiedDate: stamp,
      // PDF/A-3 asks how each file relates to the document: it is the data the pack was made from.
      relationship: 'Source',
    } as PDFKit.Mixins.PDFAttachmentOptions);
  }
}
