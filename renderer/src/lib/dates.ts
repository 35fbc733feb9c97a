/**
 * Dates as people type them in the interface's language (de 31.12.2026, nl 31-12-2026, fr and en 31/12/2026), to and
 * from the ISO forms the contract stores. A browser's own <input type="date"> follows the browser's locale, not the
 * language chosen in Dossier, so the app's date fields (components/DateField.svelte) type and show dates through
 * these functions instead. Day first in all four languages, as in the pack (en-GB).
 */

/** 'date': YYYY-MM-DD; 'datetime': YYYY-MM-DDTHH:MM (a wall-clock time); 'partial': YYYY, YYYY-MM or YYYY-MM-DD. */
export type DateMode = 'date' | 'datetime' | 'partial';

const SEPARATOR: Record<string, string> = { de: '.', nl: '-', fr: '/', en: '/' };
export const separatorFor = (lang: string) => SEPARATOR[lang.slice(0, 2)] ?? '/';

const pad = (n: number) => String(n).padStart(2, '0');

const isDay = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 1000 && y <= 9999 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};

/** An ISO value as the field shows it: '2026-12-31' → '31.12.2026' (de); '2026-12-31T09:30' → '31.12.2026 09:30'. */
export function formatDateInput(iso: string, lang: string): string {
  const sep = separatorFor(lang);
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}:\d{2}))?)?)?$/.exec(iso.trim());
  if (!m) return iso;
  const [, y, mo, d, time] = m;
  if (!mo) return y!;
  if (!d) return `${mo}${sep}${y}`;
  return `${d}${sep}${mo}${sep}${y}${time ? ` ${time}` : ''}`;
}

export type DateParse = { ok: true; value: string } | { ok: false; reason: 'format' | 'no_such_day' };

const fail = (reason: 'format' | 'no_such_day'): DateParse => ({ ok: false, reason });

/** Two-digit years are this century's: these are meeting dates and deadlines. */
const fullYear = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

function time(raw: string | undefined): string | null {
  if (raw === undefined) return '00:00';
  const m = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?$/i.exec(raw.trim());
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2] ?? '0');
  if (m[3]) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (m[3].toLowerCase() === 'pm' ? 12 : 0);
  }
  return h <= 23 && min <= 59 ? `${pad(h)}:${pad(min)}` : null;
}

/**
 * What was typed, as ISO: day first with any of . / - as separator (1 or 2 digits for day and month, 2 or 4 for the
 * year), or ISO itself (pasted). 'datetime' takes a time after a space or comma (24 h; am/pm understood), midnight
 * if none; 'partial' also takes a year alone or month and year. '' for nothing typed.
 */
export function parseDateInput(text: string, mode: DateMode): DateParse {
  const t = text.trim();
  if (t === '') return { ok: true, value: '' };
  const iso = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T\s]+(.+))?$/.exec(t);
  const local = /^(\d{1,2})[./\-\s]+(\d{1,2})[./\-\s]+(\d{4}|\d{2})(?:(?:\s*,\s*|\s+)(.+))?$/.exec(t);
  const monthYear = /^(\d{1,2})[./\-\s]+(\d{4})$/.exec(t);
  let y: number;
  let mo: number | undefined;
  let d: number | undefined;
  let rest: string | undefined;
  if (iso) [y, mo, d, rest] = [Number(iso[1]), iso[2] ? Number(iso[2]) : undefined, iso[3] ? Number(iso[3]) : undefined, iso[4]];
  else if (local) [d, mo, y, rest] = [Number(local[1]), Number(local[2]), fullYear(local[3]!), local[4]];
  else if (monthYear && mode === 'partial') [mo, y] = [Number(monthYear[1]), Number(monthYear[2])];
  else return fail('format');

  if (mode !== 'datetime' && rest !== undefined) return fail('format');
  if (mo === undefined || d === undefined) {
    if (mode !== 'partial') return fail('format');
    if (mo === undefined) return y >= 1000 ? { ok: true, value: String(y) } : fail('format');
    return mo >= 1 && mo <= 12 ? { ok: true, value: `${y}-${pad(mo)}` } : fail('no_such_day');
  }
  if (!isDay(y, mo, d)) return fail('no_such_day');
  const day = `${y}-${pad(mo)}-${pad(d)}`;
  if (mode !== 'datetime') return { ok: true, value: day };
  const hm = time(rest);
  return hm ? { ok: true, value: `${day}T${hm}` } : fail('format');
}

/** The value moved by whole days (↑/↓ in the field), keeping a time of day; '' and partial values stay. */
export function addDays(iso: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2})?$/.exec(iso);
  if (!m) return iso;
  const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return `${t.toISOString().slice(0, 10)}${m[4] ?? ''}`;
}
