/**
 * Files in and out without Node: a hidden <input type=file> to read one, a blob link to save one. In Electron
 * both open the native dialogs (open, save as); in a browser the download goes to the downloads folder.
 */
import { decodeText } from '../../../contract/text-decode';

/** A file the user chose, read as text the way the command line reads it (UTF-8, UTF-16 or Windows-1252; contract/text-decode.ts). */
export interface OpenedFile {
  name: string;
  text: string;
}

/** Asks the user for one file (`accept` like '.vcf,.csv'); resolves null when the dialog is cancelled. */
export function openTextFile(accept: string): Promise<OpenedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.hidden = true;
    // Attached while open: some engines only fire change/cancel on inputs in the document.
    document.body.append(input);
    const done = (v: OpenedFile | null) => {
      input.remove();
      resolve(v);
    };
    input.addEventListener('cancel', () => done(null));
    input.addEventListener('change', async () => {
      const file = input.files?.[0];
      done(file ? { name: file.name, text: decodeText(new Uint8Array(await file.arrayBuffer())) } : null);
    });
    input.click();
  });
}

/** Offers `data` as a download named `name` (in Electron: the Save As dialog). */
export function saveFile(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the download reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
