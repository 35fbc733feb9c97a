/**
 * Splits a .vcf file into cards of content lines, as the address books of the world write them (issue 17): RFC 6350
 * folding, vCard 2.1 QUOTED-PRINTABLE soft line breaks and base64 blocks, Apple's `PHOTO;BASE64:`, bare 2.1
 * parameters, repeated `type=` parameters, RFC 6868 `^n` in parameter values, lines that lost their folding space.
 * A card that cannot be read is a rejected record (line and reason); the others are read. Only a file with no card
 * at all is refused.
 *
 * Hand-written rather than ical.js's vCard parser, which splits text values on unescaped commas (a NOTE cut at its
 * first comma), refuses 2.1 syntax and `PHOTO;BASE64:`, and cannot say on which line a fault is.
 */
import type { RejectedRecord } from '../../contract/model';
import { fileError } from './contact-data';

/** One content line after unfolding, split into its parts; `value` is as written (still escaped, still encoded). */
export interface CardLine {
  no: number;
  group: string;
  /** Upper case: TEL, X-ABLABEL. */
  name: string;
  /** Upper-case keys; values as written after quote removal and RFC 6868 decoding, split on commas. */
  params: Map<string, string[]>;
  /** The parameter text as written (without the name), to write an unknown property back as it came. */
  rawParams: string;
  value: string;
}

/** One BEGIN:VCARD … END:VCARD block. */
export interface RawCard {
  begin: number;
  version: '2.1' | '3.0' | '4.0';
  lines: CardLine[];
  warnings: string[];
}

const isBegin = (t: string) => (t[0] === 'B' || t[0] === 'b') && /^BEGIN:VCARD\s*$/i.test(t);
const isEnd = (t: string) => (t[0] === 'E' || t[0] === 'e') && /^END:VCARD\s*$/i.test(t);
const NAME = /^(?:([A-Za-z0-9-]+)\.)?([A-Za-z][A-Za-z0-9_-]*)(?=[;:])/;
// 2.1 writes encodings and types without "KEY=": TEL;WORK;VOICE, PHOTO;JPEG;ENCODING=BASE64, Apple's PHOTO;BASE64.
const BARE_ENCODINGS = /^(QUOTED-PRINTABLE|BASE64|B|8BIT|7BIT)$/i;

/** RFC 6868: ^n newline, ^' double quote, ^^ caret. */
const decode6868 = (v: string) => v.replace(/\^(n|'|\^)/g, (_, c: string) => (c === 'n' ? '\n' : c === "'" ? '"' : '^'));

/** A parameter value without its quotes, RFC 6868 decoded. */
function paramValue(v: string): string {
  const t = v.trim();
  const unquoted = t[0] === '"' ? t.replace(/^"(.*)"$/s, '$1') : t;
  return unquoted.includes('^') ? decode6868(unquoted) : unquoted;
}

/** Splits on `sep` outside double quotes. */
function splitOutsideQuotes(text: string, sep: string): string[] {
  if (!text.includes('"')) return text.split(sep);
  const out: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === sep && !quoted) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

// The parameters of a line that has none (FN, N, ORG, NOTE: most lines), shared: nothing writes to a line's params.
const NO_PARAMS: Map<string, string[]> = new Map();

/** Parses one unfolded content line, or null if it has no "NAME…:" shape. */
export function parseContentLine(text: string, no: number): CardLine | null {
  const m = NAME.exec(text);
  if (!m) return null;
  const from = m[0].length;
  // The value starts at the first ':' outside a quoted parameter value (found directly when no quote comes first).
  let colon = text.indexOf(':', from);
  const quote = text.indexOf('"', from);
  if (quote >= 0 && quote < colon) {
    let quoted = false;
    colon = -1;
    for (let i = from; i < text.length; i++) {
      const ch = text[i];
      if (ch === '"') quoted = !quoted;
      else if (ch === ':' && !quoted) {
        colon = i;
        break;
      }
    }
  }
  if (colon < 0) return null;
  const rawParams = text.slice(from, colon);
  const params = rawParams === '' ? NO_PARAMS : new Map<string, string[]>();
  if (rawParams !== '') {
    for (const p of splitOutsideQuotes(rawParams, ';').slice(1)) {
      if (!p) continue;
      const eq = p.indexOf('=');
      const key = eq < 0 ? (BARE_ENCODINGS.test(p) ? 'ENCODING' : 'TYPE') : p.slice(0, eq).trim().toUpperCase();
      const values = (eq < 0 ? [p] : splitOutsideQuotes(p.slice(eq + 1), ',')).map(paramValue).filter((v) => v !== '');
      const had = params.get(key);
      params.set(key, had ? [...had, ...values] : values);
    }
  }
  return { no, group: m[1] ?? '', name: m[2]!.toUpperCase(), params, rawParams, value: text.slice(colon + 1) };
}

const isQuotedPrintable = (t: string) => /^[^:]*;(?:ENCODING=)?QUOTED-PRINTABLE[;:]/i.test(t);
const isBase64Start = (t: string) => /^[^:]*;(?:ENCODING=)?(?:BASE64|B)[;:]/i.test(t);

/**
 * Where a reading of a file stands just after a card: the offset of the line after its END:VCARD (in the file
 * without its byte order mark) and that END line's number. Another reader can go on from there (an import hands
 * the rest of a file to its reader thread, ops/contact-read.ts).
 */
export interface CardCursor {
  offset: number;
  line: number;
}

/**
 * The cards of the file one by one, as each END:VCARD is reached (a 100,000-card file is never held as cards all at
 * once). Records that cannot be read go to `rejected`; a file without any card is refused with a DossierError.
 * Given a `cursor`, reading starts where it points (a position after a card: see CardCursor), and the cursor is set
 * to the position after each card as it is yielded.
 */
export function* splitCards(content: string, file: string, rejected: RejectedRecord[], cursor?: CardCursor): Generator<RawCard> {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  let card: OpenCard | null = null;
  // Going on after a card: the file has one.
  let found = cursor && cursor.line > 0 ? 1 : 0;
  let no = cursor?.line ?? 0;
  let outside: number | null = null;
  for (let start = cursor?.offset ?? 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    start = end + 1;
    no++;
    // Blank (or white-space only: a line that starts with a letter is neither).
    if (raw === '' || (raw.charCodeAt(0) <= 32 && raw.trim() === '')) continue;
    const last = card?.raw[card.raw.length - 1];
    if (card && last && (raw[0] === ' ' || raw[0] === '\t')) {
      // RFC 6350 §3.2 folding; 2.1 base64 and Apple's PHOTO;BASE64 indent their data lines the same way.
      last.text += isBase64Start(last.text) ? raw.trim() : raw.slice(1);
      continue;
    }
    if (card && last && last.text.endsWith('=') && isQuotedPrintable(last.text)) {
      // vCard 2.1 QUOTED-PRINTABLE soft line break: "=" at the end joins the next line.
      last.text = last.text.slice(0, -1) + raw;
      continue;
    }
    if (isBegin(raw)) {
      if (card) rejected.push({ line: card.begin, reason: `the card opened on line ${card.begin} has no END:VCARD before the next BEGIN:VCARD on line ${no}.` });
      card = { begin: no, raw: [], warnings: [], broken: null };
      outside = null;
    } else if (isEnd(raw)) {
      if (!card) {
        rejected.push({ line: no, reason: 'END:VCARD with no BEGIN:VCARD before it.' });
        continue;
      }
      found++;
      const done = finish(card, rejected);
      card = null;
      if (cursor) {
        cursor.offset = start;
        cursor.line = no;
      }
      if (done) yield done;
    } else if (!card) {
      // Text between cards: report the run once, at its first line.
      if (outside === null) {
        outside = no;
        rejected.push({ line: no, reason: `text outside a card: "${raw.slice(0, 60)}".` });
      }
    } else if (last && /^[A-Za-z0-9+/=]+$/.test(raw.trim()) && isBase64Start(last.text)) {
      // Base64 data lines some 2.1 writers leave unindented.
      last.text += raw.trim();
    } else if (!NAME.test(raw) || !raw.includes(':')) {
      if (last && TEXT_PROPERTY.test(last.text)) {
        // A line that lost its folding space inside a text (Outlook, hand-edited files): its meaning is clear, it continues the text.
        card.warnings.push(`Line ${no} does not start a property; read as the continuation of line ${last.no}.`);
        last.text += `\\n${raw}`;
      } else card.broken ??= { line: no, reason: `"${raw.slice(0, 60)}" is not a property (NAME:value).` };
    } else card.raw.push({ no, text: raw });
  }
  if (card) rejected.push({ line: card.begin, reason: 'the card opened here has no END:VCARD (the file may be cut short).' });
  if (found === 0) throw fileError(file, rejected[0]?.line ?? 1, rejected[0]?.reason ?? 'no vCard found (expected BEGIN:VCARD).');
}

interface OpenCard {
  begin: number;
  raw: { no: number; text: string }[];
  warnings: string[];
  /** The first line that makes the card unreadable. */
  broken: RejectedRecord | null;
}

// Properties whose value is free text, where a lost folding space can only mean a line break of that text.
const TEXT_PROPERTY = /^(?:[A-Za-z0-9-]+\.)?(NOTE|LABEL|ADR|X-[A-Za-z0-9-]+)[;:]/i;

function finish(card: OpenCard, rejected: RejectedRecord[]): RawCard | null {
  if (card.broken) {
    rejected.push(card.broken);
    return null;
  }
  const lines: CardLine[] = [];
  for (const r of card.raw) {
    const parsed = parseContentLine(r.text, r.no);
    if (!parsed) {
      rejected.push({ line: r.no, reason: `"${r.text.slice(0, 60)}" is not a property (NAME:value).` });
      return null;
    }
    lines.push(parsed);
  }
  const v = lines.find((l) => l.name === 'VERSION');
  const version = v?.value.trim() ?? '';
  if (version !== '2.1' && version !== '3.0' && version !== '4.0') {
    if (v) {
      rejected.push({ line: v.no, reason: `vCard version "${version}" is not supported (2.1, 3.0 and 4.0 are).` });
      return null;
    }
    // A missing VERSION (hand-made files): read as 3.0, the most common, and say so.
    card.warnings.push(`The card has no VERSION line; it was read as vCard 3.0.`);
    return { begin: card.begin, version: '3.0', lines, warnings: card.warnings };
  }
  return { begin: card.begin, version, lines, warnings: card.warnings };
}
