/**
 * Bytes of an imported file to text, the same in the app and on the command line (TextDecoder exists in both). Address books export in more than UTF-8: Outlook writes UTF-16 ("Unicode")
 * or Windows-1252 CSV, so a byte-order mark is honoured and text that is not valid UTF-8 is read as Windows-1252.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
