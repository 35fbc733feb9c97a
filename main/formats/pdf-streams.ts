/**
 * A pack PDF is untrusted input: a 700 KB file can carry a stream that inflates to 600 MB, and the PDF reader
 * (pdfjs-dist) inflates whatever it extracts in one piece. So before the reader sees a file, every compressed stream in
 * it is inflated here with a cap on the output (zlib's maxOutputLength: memory stays bounded by the cap, and the work
 * stops at the cap), against a budget for the whole file. Compressions Dossier's packs never use, whose output a
 * reader cannot bound as cheaply (LZW, run-length), are refused. Streams can never sit inside object streams, so every
 * stream's bytes are in the file as written, between `stream` and `endstream`.
 */
import { constants, inflateSync } from 'node:zlib';
import { DossierError } from '../../contract/errors';

export interface StreamLimits {
  /** Largest stream once inflated. */
  streamBytes: number;
  /** All streams of the file together, once inflated. */
  totalBytes: number;
  /** Streams in the file (a pack of 40 pages has a few hundred). */
  streams: number;
}

export const PACK_STREAM_LIMITS: StreamLimits = { streamBytes: 64 * 1024 * 1024, totalBytes: 256 * 1024 * 1024, streams: 50_000 };

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const refuse = (file: string, reason: string, details: Record<string, unknown> = {}) =>
  new DossierError('invalid_input', `${file} was refused: ${reason} Nothing was imported.`, { field: 'contentBase64', details: { file, ...details } });

/** The stream dictionary before `at` (the `stream` keyword): back to the `obj` that opens the object. */
function dictionaryBefore(text: string, at: number): string {
  const obj = text.lastIndexOf('obj', at);
  return text.slice(obj < 0 || at - obj > 64 * 1024 ? Math.max(0, at - 4096) : obj, at);
}

/** The filter names of a stream dictionary, in order ('/FlateDecode' → 'FlateDecode', '/Fl' abbreviations included). */
function filtersOf(dict: string): string[] | null {
  if (!dict.includes('/Filter')) return [];
  const m = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict);
  // An indirect filter ("/Filter 7 0 R") could name anything: it cannot be checked here.
  if (!m || /\d+\s+\d+\s+R/.test(m[1]!)) return null;
  return [...m[1]!.matchAll(/\/([A-Za-z0-9]+)/g)].map((f) => f[1]!);
}

/**
 * Checks every stream of a PDF against `limits`, inflating each Flate stream with its output capped. Throws a typed
 * refusal naming the file and the limit; returns the bytes all streams inflate to.
 */
export function checkPdfStreams(bytes: Uint8Array, file: string, limits: StreamLimits = PACK_STREAM_LIMITS): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buf.toString('latin1');
  // Encrypted streams cannot be measured without decrypting them; Dossier never encrypts a pack.
  if (/\/Encrypt\s/.test(text)) throw refuse(file, 'it is encrypted, and Dossier packs never are.', { limit: 'encrypted' });
  let total = 0;
  let count = 0;
  for (let at = text.indexOf('stream'); at >= 0; at = text.indexOf('stream', at + 6)) {
    // The keyword, not the end of "endstream", followed by its end of line.
    if (text.startsWith('end', at - 3)) continue;
    // The keyword's end of line: CRLF or LF as the standard says, a lone CR or trailing blanks as readers forgive.
    let start = at + 6;
    while (text[start] === ' ' || text[start] === '\t') start++;
    if (text[start] === '\r') start += text[start + 1] === '\n' ? 2 : 1;
    else if (text[start] === '\n') start++;
    else continue;
    const dict = dictionaryBefore(text, at);
    if (!dict.includes('<<')) continue;
    if (++count > limits.streams) throw refuse(file, `it holds more than ${limits.streams.toLocaleString('en')} streams.`, { limit: 'streams' });
    // A direct /Length counts the bytes; an indirect one ("/Length 12 0 R") sits elsewhere, so the keyword ends the data.
    const m = /\/Length\s+(\d+)(\s+\d+\s+R)?/.exec(dict);
    const length = m && !m[2] && start + Number(m[1]) <= buf.length ? Number(m[1]) : null;
    let end = length !== null ? start + length : text.indexOf('endstream', start);
    if (end < 0) break;
    // Found by its keyword: the end of line before `endstream` is not part of the data.
    if (length === null) end -= text[end - 2] === '\r' && text[end - 1] === '\n' ? 2 : text[end - 1] === '\n' || text[end - 1] === '\r' ? 1 : 0;
    const filters = filtersOf(dict);
    if (filters === null) throw refuse(file, 'one of its compressed parts names its compression indirectly, which Dossier packs never do.', { limit: 'filter' });
    const unbounded = filters.find((f) => /^(LZWDecode|LZW|RunLengthDecode|RL)$/.test(f));
    if (unbounded) throw refuse(file, `it uses ${unbounded} compression, which Dossier packs never use.`, { limit: 'filter', filter: unbounded });
    if (filters[0] !== 'FlateDecode' && filters[0] !== 'Fl') {
      total += end - start;
    } else {
      const cap = Math.min(limits.streamBytes, limits.totalBytes - total);
      let out: Buffer;
      try {
        // A truncated or damaged stream still inflates as far as it goes; only the size matters here.
        out = inflateSync(buf.subarray(start, end), { maxOutputLength: cap + 1, finishFlush: constants.Z_SYNC_FLUSH });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          const whole = cap === limits.streamBytes;
          throw refuse(file, whole ? `one of its compressed parts unpacks to more than ${MB(limits.streamBytes)}.` : `its compressed parts unpack to more than ${MB(limits.totalBytes)} together.`, {
            limit: whole ? 'streamBytes' : 'totalBytes',
            bytes: whole ? limits.streamBytes : limits.totalBytes,
          });
        }
        // A reader would inflate what it can of a damaged stream, as far as it goes: refuse what cannot be measured.
        throw refuse(file, 'one of its compressed parts is damaged.', { limit: 'damaged' });
      }
      if (out.length > cap) throw refuse(file, `one of its compressed parts unpacks to more than ${MB(cap)}.`, { limit: 'streamBytes', bytes: cap });
      total += out.length;
    }
    at = Math.max(at, end);
  }
  return total;
}
