/**
 * Shared pieces of the paste reader: cleaning pasted text into numbered lines, and folding words
 * for keyword matching ("Téléphone" matches "telephone").
 */

/** Lower-case without diacritics, for comparing words; not for display. */
export const simplify = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .toLowerCase();

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', commat: '@', period: '.', ndash: '–', mdash: '—' };

/** Pages copied as HTML source still carry entities; `&#64;` is also a common e-mail disguise. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? m;
  });
}

/** One non-blank line of the paste, numbered from 1 as the user sees it in the pasted text. */
export interface TextLine {
  no: number;
  text: string;
}

/** Non-blank lines, trimmed, with inner runs of spaces (NBSP, tabs, zero-width) collapsed. */
export function toLines(text: string): TextLine[] {
  const out: TextLine[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const t = decodeEntities(raw)
      .replace(/[\u200b-\u200d\ufeff]/g, '')
      .replace(/[\s\u00a0\u202f]+/g, ' ')
      .trim();
    if (t) out.push({ no: i + 1, text: t });
  });
  return out;
}

/** Prose, not a line of a contact block: long, or several sentences. */
export function isProse(text: string): boolean {
  const words = text.split(' ').length;
  if (text.length > 160 || words > 22) return true;
  const sentenceEnds = (text.match(/[a-z\u00df-\u00ff][.!?](\s|$)/g) ?? []).length;
  // A sentence that ends on an acronym ("… en de OESO.") is still a sentence: its small words give it away.
  const smallWords = text.split(' ').filter((w) => /^\p{Ll}/u.test(w)).length;
  return words > 10 && /[.!?]$/.test(text) && (sentenceEnds >= 1 || smallWords >= 5);
}

/** Title Case for a word written in capitals ("STENVOLD" → "Stenvold", "MÜLLER-LÜDENSCHEIDT" → "Müller-Lüdenscheidt"). */
export const titleCase = (word: string): string => word.toLowerCase().replace(/(^|[-'’\s])(\p{L})/gu, (_m, sep: string, c: string) => sep + c.toUpperCase());
