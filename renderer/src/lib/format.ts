/** Dates and times for people: the user's locale via Intl, meetings in their own zone and the user's. */
import { zonedToUtcMs } from '../../../contract/time';

export const userZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
// English as the app's users write it (and as the pack and the date fields do): 29 Nov 2026, 24-hour times.
export const locale = () => {
  const lang = document.documentElement.lang || navigator.language || 'en';
  return lang === 'en' ? 'en-GB' : lang;
};

const formats = new Map<string, Intl.DateTimeFormat>();
/**
 * An Intl.DateTimeFormat for the current locale, made once per locale and options: making one costs far more than
 * formatting with it (a list of meetings scrolling formats a dozen ranges a frame).
 */
export function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale()}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    if (formats.size > 200) formats.clear();
    formats.set(key, (f = new Intl.DateTimeFormat(locale(), options)));
  }
  return f;
}

/** '2017' → '2017'; '2021-03' → 'March 2021'; '2024-01-12' → '12 January 2024' (in the user's locale). */
export function formatPartialDate(d: string | null): string {
  if (!d) return '';
  const [y, m, day] = d.split('-').map(Number);
  if (m === undefined) return String(y);
  const date = new Date(Date.UTC(y!, m - 1, day ?? 1));
  return dateFormat(day === undefined ? { month: 'long', year: 'numeric', timeZone: 'UTC' } : { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function formatDay(isoDate: string | null): string {
  if (!isoDate) return '';
  return dateFormat({ dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(isoDate.slice(0, 10) + 'T00:00:00Z'));
}

/** A meeting's time range in `zone`, e.g. "Thu 7 Jan 2027, 10:00–13:00 CET". */
export function formatRange(start: string, end: string, meetingZone: string, zone: string = meetingZone): string {
  const s = new Date(zonedToUtcMs(start, meetingZone));
  const e = new Date(zonedToUtcMs(end, meetingZone));
  const day = dateFormat({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: zone });
  const time = dateFormat({ hour: '2-digit', minute: '2-digit', timeZone: zone });
  const tz = dateFormat({ timeZoneName: 'short', timeZone: zone }).formatToParts(s).find((p) => p.type === 'timeZoneName')?.value ?? zone;
  const sameDay = day.format(s) === day.format(e);
  return sameDay ? `${day.format(s)}, ${time.format(s)}–${time.format(e)} ${tz}` : `${day.format(s)}, ${time.format(s)} – ${day.format(e)}, ${time.format(e)} ${tz}`;
}

/** An all-day meeting's days, never shifted by a zone: "Mon 15 Mar 2027 – Fri 19 Mar 2027", or one day. */
export function formatDays(start: string, end: string): string {
  const f = dateFormat({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const [a, b] = [f.format(new Date(`${start.slice(0, 10)}T00:00:00Z`)), f.format(new Date(`${end.slice(0, 10)}T00:00:00Z`))];
  return a === b ? a : `${a} – ${b}`;
}

/** When a meeting is, as the lists and views show it: its days if all-day ("… · all day"), else its times in its zone. */
export function formatWhen(m: { start: string; end: string; timeZone: string; allDay: boolean }, allDayWord: string): string {
  return m.allDay ? `${formatDays(m.start, m.end)} · ${allDayWord}` : formatRange(m.start, m.end, m.timeZone);
}

/** A wall-clock time as written in its own zone ('2027-01-07T10:00' → '10:00', or '10:00 AM' in en-US). */
export function formatWallTime(local: string): string {
  return dateFormat({ hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(new Date(local.slice(0, 16) + ':00Z'));
}

/** Today in the user's zone, as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export const humanKind = (k: string) => k.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
