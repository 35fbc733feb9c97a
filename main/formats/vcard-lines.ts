/**
 * Splits a .vcf file into cards of unfolded content lines, each with the physical line it starts on, so every
 * error can name its line (ical.js reports what is wrong, not where). vCard 2.1 lines (Outlook's default export)
 * are rewritten into 3.0 syntax here: bare TYPE parameters and QUOTED-PRINTABLE values.
 */
import { fileError } from './contact-data';

/** One content line after unfolding, with the 1-based line of the file it starts on. */
export interface CardLine {
  no: number;
  text: string;
}

/** One BEGIN:VCARD … END:VCARD block: its version and its property lines (BEGIN/END excluded). */
export interface RawCard {
  begin: number;
  version: '2.1' | '3.0' | '4.0';
  lines: CardLine[];
}

// Cheap first-character tests before the regular expressions: a 100,000-card file has over a million lines.
const isBegin = (t: string) => (t[0] === 'B' || t[0] === 'b') && /^BEGIN:VCARD\s*$/i.test(t);
const isEnd = (t: string) => (t[0] === 'E' || t[0] === 'e') && /^END:VCARD\s*$/i.test(t);
const isQuotedPrintable = (t: string) => t.endsWith('=') && /^[^:]*;(?:ENCODING=)?QUOTED-PRINTABLE[;:]/i.test(t);

/**
 * The cards of the file one by one, as each END:VCARD is reached (a 100,000-card file is never held as cards all at
 * once), or a DossierError naming the file and line of the first structural fault.
 */
export function* splitCards(content: string, file: string): Generator<RawCard> {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  let card: { begin: number; lines: CardLine[] } | null = null;
  let found = 0;
  let no = 0;
  for (let start = 0; start <= text.length; no++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end > start && text[end - 1] === '\r' ? end - 1 : end);
    start = end + 1;
    if (raw === '' || raw.trim() === '') continue;
    const last = card?.lines[card.lines.length - 1];
    if (raw[0] === ' ' || raw[0] === '\t') {
      // RFC 6350 §3.2 folding: a line starting with white space continues the previous one.
      if (!last) throw fileError(file, no + 1, 'a continuation line (starting with a space) with no property before it.');
      last.text += raw.slice(1);
      continue;
    }
    if (last && isQuotedPrintable(last.text)) {
      // vCard 2.1 QUOTED-PRINTABLE soft line break: "=" at the end joins the next line.
      last.text = last.text.slice(0, -1) + raw;
      continue;
    }
    if (isBegin(raw)) {
      if (card) throw fileError(file, no + 1, `BEGIN:VCARD inside the card opened on line ${card.begin}, which has no END:VCARD.`);
      card = { begin: no + 1, lines: [] };
    } else if (isEnd(raw)) {
      if (!card) throw fileError(file, no + 1, 'END:VCARD with no BEGIN:VCARD before it.');
      found++;
      yield finish(card, file);
      card = null;
    } else if (!card) {
      throw fileError(file, no + 1, `text outside a card: "${raw.slice(0, 60)}". A vCard file holds only BEGIN:VCARD … END:VCARD blocks.`);
    } else card.lines.push({ no: no + 1, text: raw });
  }
  if (card) throw fileError(file, card.begin, 'the card opened here has no END:VCARD (the file may be cut short).');
  if (found === 0) throw fileError(file, 1, 'no vCard found (expected BEGIN:VCARD).');
}

function finish(card: { begin: number; lines: CardLine[] }, file: string): RawCard {
  const v = card.lines.find((l) => /^VERSION[:;]/i.test(l.text));
  if (!v) throw fileError(file, card.begin, 'the card has no VERSION line.');
  const version = v.text.slice(v.text.indexOf(':') + 1).trim();
  if (version !== '2.1' && version !== '3.0' && version !== '4.0') throw fileError(file, v.no, `vCard version "${version}" is not supported (2.1, 3.0 and 4.0 are).`);
  const lines = version === '2.1' ? card.lines.map((l) => ({ no: l.no, text: from21(l.text, file, l.no) })) : card.lines;
  return { begin: card.begin, version, lines };
}

/** Rewrites one vCard 2.1 line as 3.0: "TEL;WORK;VOICE:…" → "TEL;TYPE=WORK,VOICE:…", QUOTED-PRINTABLE decoded. */
function from21(line: string, file: string, no: number): string {
  const colon = line.indexOf(':');
  if (colon < 0) return line;
  const [name, ...params] = line.slice(0, colon).split(';');
  let value = line.slice(colon + 1);
  const types: string[] = [];
  const kept: string[] = [];
  let qp = false;
  let charset = 'utf-8';
  for (const p of params) {
    const eq = p.indexOf('=');
    const key = (eq < 0 ? '' : p.slice(0, eq)).toUpperCase();
    const val = eq < 0 ? p : p.slice(eq + 1);
    if (key === 'ENCODING' || (!key && /^(QUOTED-PRINTABLE|BASE64|8BIT|7BIT|B)$/i.test(val))) qp = qp || /^QUOTED-PRINTABLE$/i.test(val);
    else if (key === 'CHARSET') charset = val;
    else if (key === 'TYPE' || !key) types.push(val);
    else kept.push(p);
  }
  if (qp) value = decodeQuotedPrintable(value, charset, file, no);
  return [name, ...(types.length ? [`TYPE=${types.join(',')}`] : []), ...kept].join(';') + ':' + value;
}

function decodeQuotedPrintable(value: string, charset: string, file: string, no: number): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '=' && /^[0-9A-F]{2}$/i.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(c, 'utf8'));
  }
  try {
    // Decoded text may hold ";" and "," meant literally in single values; structured ones (N, ADR) keep their meaning.
    return new TextDecoder(charset, { fatal: true }).decode(Uint8Array.from(bytes)).replace(/\r?\n/g, '\\n');
  } catch {
    throw fileError(file, no, `the value is not valid ${charset} text.`);
  }
}
