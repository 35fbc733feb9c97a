/**
 * vCard property values: backslash escapes (RFC 6350 §3.4, plus the "\:" Apple writes in URLs), structured values
 * split on unescaped ";" and ",", vCard 2.1 QUOTED-PRINTABLE with its CHARSET, base64 and data: URIs of photos.
 */
import type { CardLine } from './vcard-lines';

/** Undoes backslash escapes: \n \N newline, \, \; \: \\ literal. Other backslashes stay (a path written unescaped). */
export const unescapeText = (v: string): string => v.replace(/\\([nN,;:\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

/** Splits on `sep` where it is not escaped by a backslash. */
function splitUnescaped(v: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < v.length; i++) {
    const ch = v[i]!;
    if (ch === '\\' && i + 1 < v.length) {
      cur += ch + v[i + 1];
      i++;
    } else if (ch === sep) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** A structured value (N, ADR, ORG, GENDER) as components, each a list of unescaped values. */
export const structured = (v: string): string[][] => splitUnescaped(v, ';').map((c) => splitUnescaped(c, ',').map(unescapeText));
/** A list value (CATEGORIES, NICKNAME) as unescaped items. */
export const listValue = (v: string): string[] => splitUnescaped(v, ',').map(unescapeText);

/** Decodes QUOTED-PRINTABLE bytes in the given charset; throws with the reason when the bytes are not valid text. */
export function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '=' && /^[0-9A-F]{2}$/i.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(c, 'utf8'));
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset, { fatal: true });
  } catch {
    throw new Error(`the character set "${charset}" is unknown`);
  }
  try {
    return decoder.decode(Uint8Array.from(bytes));
  } catch {
    throw new Error(`the value is not valid ${charset} text`);
  }
}

const param = (l: CardLine, key: string) => l.params.get(key)?.[0];

/**
 * The line's value as escaped text in the 3.0/4.0 sense: QUOTED-PRINTABLE decoded (its line breaks become "\n"
 * escapes, its ";" and "," keep their structural meaning, as 2.1 writers intend). Throws on undecodable bytes.
 */
export function rawText(l: CardLine): string {
  if (!/^QUOTED-PRINTABLE$/i.test(param(l, 'ENCODING') ?? '')) return l.value;
  return decodeQuotedPrintable(l.value, param(l, 'CHARSET') ?? 'utf-8').replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n');
}

/** The line's value as plain text (escapes undone). */
export const textValue = (l: CardLine): string => unescapeText(rawText(l));

const MAGIC: [RegExp, string][] = [
  [/^\/9j\//, 'image/jpeg'],
  [/^iVBORw0KGgo/, 'image/png'],
  [/^R0lGOD/, 'image/gif'],
  [/^UklGR/, 'image/webp'],
];
const TYPE_OF: Record<string, string> = { JPEG: 'image/jpeg', JPG: 'image/jpeg', PNG: 'image/png', GIF: 'image/gif', WEBP: 'image/webp' };

/**
 * An inline image (PHOTO, LOGO) as media type and base64, from any of the forms in use: 4.0 `data:image/jpeg;base64,…`,
 * 3.0 `ENCODING=b;TYPE=JPEG`, 2.1 `ENCODING=BASE64;JPEG`, Apple's `BASE64` alone. Null for a link to an image.
 */
export function inlineImage(l: CardLine): { mediaType: string; dataBase64: string } | null {
  const v = l.value.trim();
  const data = /^data:([^;,]*)(;base64)?,(.*)$/is.exec(v);
  let base64: string;
  let declared: string | undefined;
  if (data) {
    if (!data[2]) return null;
    base64 = data[3]!;
    declared = data[1]?.toLowerCase();
  } else if (/^(B|BASE64)$/i.test(param(l, 'ENCODING') ?? '')) {
    base64 = v;
    const t = (l.params.get('TYPE') ?? []).map((x) => x.toUpperCase()).find((x) => TYPE_OF[x] || x.startsWith('IMAGE/'));
    declared = t ? (TYPE_OF[t] ?? t.toLowerCase()) : undefined;
  } else return null;
  base64 = base64.replace(/\s+/g, '');
  const sniffed = MAGIC.find(([re]) => re.test(base64))?.[1];
  return { mediaType: sniffed ?? declared ?? 'application/octet-stream', dataBase64: base64 };
}
