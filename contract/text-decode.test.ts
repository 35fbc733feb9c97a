import { expect, it } from 'vitest';
import { decodeText } from './text-decode';

// Outlook's "Comma Separated Values (Windows)" is Windows-1252; its "Unicode" export is UTF-16 with a byte-order mark.
it('reads UTF-8 (with or without BOM), UTF-16 with BOM, and falls back to Windows-1252', () => {
  const name = 'Müller;Genève;Øresund';
  const utf8 = new TextEncoder().encode(name);
  expect(decodeText(utf8)).toBe(name);
  expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(name);
  const le = new Uint8Array(2 + name.length * 2);
  le.set([0xff, 0xfe]);
  for (let i = 0; i < name.length; i++) le.set([name.charCodeAt(i) & 0xff, name.charCodeAt(i) >> 8], 2 + i * 2);
  expect(decodeText(le)).toBe(name);
  const cp1252 = new Uint8Array([...name].map((c) => c.charCodeAt(0))); // these letters are all below U+0100
  expect(decodeText(cp1252)).toBe(name);
});
