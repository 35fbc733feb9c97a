/** Shapes every noun of the contract shares: ids, texts, dates, times and zones. */
import { z } from 'zod';
import { multiLine, singleLine } from '../text';

export const Id = z.number().int().positive();
/** A trimmed single-line text of at most `max` characters; control characters (line breaks too) become spaces (../text.ts). */
export const text = (max = 2000) => z.string().overwrite(singleLine).trim().max(max);
/** Markdown and notes: long, kept as written but for control characters other than tab and line break. */
export const longText = z.string().overwrite(multiLine).max(200_000);

/** A partial calendar date: '2017', '2021-03' or '2024-01-12'. Used for "information dated". */
export const PARTIAL_DATE_RE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
export const PartialDate = z.string().regex(PARTIAL_DATE_RE, 'Use a year, year-month or a full date (2017, 2021-03, 2024-01-12).');
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD.');
/** 'YYYY-MM-DD' that names a real day (not 2026-02-30). */
export const isCalendarDay = (d: string): boolean => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, day));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === day;
};
/** An IsoDate that exists in the calendar: the date a pack is built, issued or checked for. */
export const CalendarDay = IsoDate.refine(isCalendarDay, 'There is no such day.');
/** Wall-clock time in the meeting's zone, 'YYYY-MM-DDTHH:MM'. */
export const LocalDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'Use a local date and time as YYYY-MM-DDTHH:MM.');
export const TimeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'Unknown IANA time zone (e.g. Europe/Zurich).' },
);
