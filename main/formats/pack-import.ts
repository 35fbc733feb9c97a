/**
 * Reading the files a Dossier pack carries: the PDF's embedded files (its EmbeddedFiles name tree), read with
 * pdfjs-dist, which copes with compressed streams and object streams however the PDF was rewritten since.
 */
import { DossierError } from '../../contract/errors';
import { checkPdfStreams } from './pdf-streams';

/** The embedded files of a PDF by name. A file that is not a PDF is refused naming it. */
export async function readPdfAttachments(bytes: Uint8Array, fileName: string): Promise<Map<string, Buffer>> {
  if (bytes.length < 5 || Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') {
    throw new DossierError('invalid_input', `${fileName} is not a PDF file.`, { field: 'contentBase64', details: { file: fileName } });
  }
  // Untrusted: every compressed part is measured with a cap before the reader inflates anything (pdf-streams.ts).
  checkPdfStreams(bytes, fileName);
  // Loaded on first use: the PDF reader is large and only the pack import needs it.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  } catch (err) {
    throw new DossierError('invalid_input', `${fileName} could not be read as a PDF (${(err as Error).message}).`, { field: 'contentBase64', details: { file: fileName } });
  }
  try {
    const found = ((await doc.getAttachments()) ?? {}) as Record<string, { filename: string; content: Uint8Array }>;
    return new Map(Object.values(found).map((a) => [a.filename, Buffer.from(a.content)]));
  } finally {
    await doc.destroy();
  }
}
