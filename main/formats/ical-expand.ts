/**
 * Recurrence expansion with a budget (issue 17, and hostile input of issue 15). ical.js's RecurIterator can spin for
 * ever inside one `next()` on a rule no date satisfies (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30) and walks every second of
 * a FREQ=SECONDLY rule; so every step it takes is counted against a budget shared by the whole file, and a series
 * may yield only so many occurrences within the horizon. Running out is a typed error that names the event's line.
 */
import ICAL from 'ical.js';

type Time = InstanceType<typeof ICAL.Time>;
type Recur = InstanceType<typeof ICAL.Recur>;

/** Iterator steps one file may spend on all its repeating events (a few seconds at most on a busy machine). */
export const STEP_BUDGET = 300_000;
/** Iterator steps one series may spend: a daily series of 100 years fits, a rule that can never be met stops here. */
export const SERIES_STEPS = 50_000;
/** Occurrences one series may have within the horizon; more is no meeting series but a clock. */
export const MAX_OCCURRENCES = 1000;

/** The shared step counter of one file. */
export interface Budget {
  steps: number;
}
export const newBudget = (steps = STEP_BUDGET): Budget => ({ steps });

/** A repeating event that expands past its limits; `scope` says whether the whole file's budget ran out. */
export class ExpansionError extends Error {
  constructor(
    message: string,
    readonly scope: 'event' | 'file',
  ) {
    super(message);
  }
}

const STEPPERS = ['next_second', 'next_minute', 'next_hour', 'next_day', 'next_week', 'next_month', 'next_year'] as const;

/**
 * The starts (wall times, as ical.js Times in the rule's frame) of a rule from `dtstart` up to `until`; the caller
 * filters them to the horizon. Throws ExpansionError when the file's budget or the per-series limit is exceeded.
 */
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A rule that names only days its months do not have (BYMONTH=2;BYMONTHDAY=30) is refused before any step is taken. */
function impossible(rule: Recur): boolean {
  const parts = rule.parts as Record<string, number[] | undefined>;
  const days = parts.BYMONTHDAY?.filter((d) => d > 0);
  if (!days?.length || days.length !== parts.BYMONTHDAY!.length) return false;
  const months = parts.BYMONTH?.length ? parts.BYMONTH : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  return months.every((m) => days.every((d) => d > (DAYS_IN_MONTH[m - 1] ?? 31)));
}

export function ruleStarts(rule: Recur, dtstart: Time, until: Time, budget: Budget, inWindow: (t: Time) => boolean): Time[] {
  if (impossible(rule)) throw new ExpansionError(`the rule ${rule.toString().slice(0, 80)} names days its months do not have; it never occurs.`, 'event');
  let left = SERIES_STEPS;
  const step = () => {
    if (--budget.steps < 0) throw new ExpansionError('the calendar’s repeating events take too long to expand (rules that repeat too often or can never be met).', 'file');
    if (--left < 0) throw new ExpansionError(`the rule ${rule.toString().slice(0, 80)} takes too long to expand (it repeats too often or can never be met).`, 'event');
  };
  const it = rule.iterator(dtstart) as unknown as Record<string, (...a: unknown[]) => unknown> & { next(): Time | null };
  for (const name of STEPPERS) {
    const original = it[name];
    if (typeof original !== 'function') continue;
    it[name] = (...args: unknown[]) => {
      step();
      return original.apply(it, args);
    };
  }
  const out: Time[] = [];
  for (let t = it.next(); t && t.compare(until) <= 0; t = it.next()) {
    step();
    if (!inWindow(t)) continue;
    out.push(t.clone());
    if (out.length > MAX_OCCURRENCES) {
      throw new ExpansionError(`the event repeats more than ${MAX_OCCURRENCES} times within the horizon (${rule.toString().slice(0, 80)}); Dossier keeps meetings, not a clock.`, 'event');
    }
  }
  return out;
}
