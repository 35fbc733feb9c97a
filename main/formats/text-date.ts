/**
 * "Information dated: 2017", "Stand: März 2021", "Laatst bijgewerkt op 12 januari 2024", "Mis à jour le 12/01/2024":
 * finds the label and turns its value into the partial date Dossier stores ('YYYY' | 'YYYY-MM' | 'YYYY-MM-DD').
 */
import { simplify } from './text-lines';

const MONTHS: readonly (readonly string[])[] = [
  ['january', 'jan', 'januar', 'janner', 'jaenner', 'januari', 'janvier', 'janv'],
  ['february', 'feb', 'febr', 'februar', 'feber', 'februari', 'fevrier', 'fev', 'fevr'],
  ['march', 'mar', 'marz', 'maerz', 'maart', 'mrt', 'mars'],
  ['april', 'apr', 'avril', 'avr'],
  ['may', 'mai', 'mei'],
  ['june', 'jun', 'juni', 'juin'],
  ['july', 'jul', 'juli', 'juillet', 'juil'],
  ['august', 'aug', 'augustus', 'aout'],
  ['september', 'sep', 'sept', 'septembre'],
  ['october', 'oct', 'oktober', 'okt', 'octobre'],
  ['november', 'nov', 'novembre'],
  ['december', 'dec', 'dezember', 'dez', 'decembre'],
];
const MONTH_OF = new Map<string, number>(MONTHS.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));

/** Month number (1–12) of a month name or abbreviation in English, German, Dutch or French. */
export const monthOf = (word: string): number | undefined => MONTH_OF.get(simplify(word).replace(/\.$/, ''));

// Labels in English, German, Dutch and French. The value must follow at once (after ':' or a preposition),
// so prose such as "we updated our policy" or "der Stand der Dinge" is not taken for a date.
const LABELS = [
  'information dated',
  'info dated',
  'details dated',
  'dated',
  'last updated',
  'page last updated',
  'last modified',
  'last reviewed',
  'updated',
  'as of',
  'as at',
  'stand der information(?:en)?',
  'stand',
  'zuletzt aktualisiert',
  'letzte aktualisierung',
  'letzte änderung',
  'aktualisiert',
  'informatie bijgewerkt',
  'gegevens bijgewerkt',
  'laatst bijgewerkt',
  'laatste wijziging',
  'bijgewerkt',
  'peildatum',
  'stand van zaken',
  'informations? (?:datée?s?|à jour)',
  'dernière mise à jour',
  'date de mise à jour',
  'mise à jour',
  'mis à jour',
  'actualisé',
];
const LABEL_RE = new RegExp(`(?:^|[\\s(\\[|·•,;–—-])(${LABELS.join('|')})\\s*(?:[:：]\\s*)?(?:(?:on|am|op|le|per|vom|du|the)\\s+)?(?=\\S)`, 'giu');

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const year4 = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));
const okYear = (y: number) => y >= 1900 && y <= 2100;

function ymd(y: number, m: number, d?: number): string | null {
  if (!okYear(y) || m < 1 || m > 12) return null;
  if (d === undefined) return `${y}-${pad(m)}`;
  return d >= 1 && d <= daysIn(y, m) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

const ORD = '(?:st|nd|rd|th|er|e|\\.)?';
const NAME = '(\\p{L}{3,10}\\.?)';
/** Each pattern matches at the start of the value; the first that yields a valid date wins. */
const PATTERNS: { re: RegExp; build: (m: RegExpMatchArray) => string | null }[] = [
  { re: /^(\d{4})-(\d{1,2})-(\d{1,2})\b/, build: (m) => ymd(+m[1]!, +m[2]!, +m[3]!) },
  { re: /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?!\d)/, build: (m) => ymd(year4(m[3]!), +m[2]!, +m[1]!) },
  { re: /^(\d{4})[-/](\d{1,2})(?![\d-])/, build: (m) => ymd(+m[1]!, +m[2]!) },
  { re: /^(\d{1,2})[./](\d{4})(?!\d)/, build: (m) => ymd(+m[2]!, +m[1]!) },
  { re: new RegExp(`^(\\d{1,2})${ORD}\\s*${NAME},?\\s+(\\d{4})(?!\\d)`, 'u'), build: (m) => withMonth(m[2]!, (mo) => ymd(+m[3]!, mo, +m[1]!)) },
  { re: new RegExp(`^${NAME}\\s+(\\d{1,2})${ORD},?\\s+(\\d{4})(?!\\d)`, 'u'), build: (m) => withMonth(m[1]!, (mo) => ymd(+m[3]!, mo, +m[2]!)) },
  { re: new RegExp(`^${NAME},?\\s+(\\d{4})(?!\\d)`, 'u'), build: (m) => withMonth(m[1]!, (mo) => ymd(+m[2]!, mo)) },
  { re: /^(\d{4})(?![\d.,/-]\d)/, build: (m) => (okYear(+m[1]!) ? m[1]! : null) },
];

function withMonth(word: string, f: (month: number) => string | null): string | null {
  const mo = monthOf(word);
  return mo === undefined ? null : f(mo);
}

/** A date written as a year, a month or a day, in any of the four languages → partial date, or null. */
export function parsePartialDate(value: string): string | null {
  const v = value.trim().replace(/^(?:the|le|den|de)\s+/i, '');
  for (const { re, build } of PATTERNS) {
    const m = v.match(re);
    if (m) {
      const d = build(m);
      if (d) return d;
    }
  }
  return null;
}

/** A dated label found in a line: the normalised date, and the label as written. */
export interface DateFound {
  date: string;
  label: string;
}

/** The first "information dated" label in a line whose value parses as a date. */
export function findDateLabel(line: string, nextLine?: string): DateFound | null {
  for (const m of line.matchAll(LABEL_RE)) {
    const rest = line.slice((m.index ?? 0) + m[0].length);
    const date = parsePartialDate(rest);
    if (date) return { date, label: m[1]! };
  }
  // A label alone on its line ("Stand:"), with the date on the next one.
  const alone = line.match(new RegExp(`^(${LABELS.join('|')})\\s*[:：]?$`, 'iu'));
  if (alone && nextLine) {
    const date = parsePartialDate(nextLine);
    if (date) return { date, label: alone[1]! };
  }
  return null;
}
