/**
 * Recurrence expansion with a budget (issue 17, and hostile input of issue 15). ical.js's RecurIterator can spin for
 * ever inside one `next()` on a rule no date satisfies (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30) and walks every second of
 * a FREQ=SECONDLY rule; so every step it takes is counted against a budget shared by the whole file, and a series
 * may yield only so many occurrences within the horizon. Running out is a typed error that names the event's line.
 */
import ICAL from 'ical.js';

type Time = InstanceType<typeof ICAL.Time>;
type Recur = InstanceType<typeof ICAL.Recur>;

/** Iterator steps one file may spend on all its repeating events (well under a second of work). */
export const STEP_BUDGET = 400_000;
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
export function ruleStarts(rule: Recur, dtstart: Time, until: Time, budget: Budget, inWindow: (t: Time) => boolean): Time[] {
  const it = rule.iterator(dtstart) as unknown as Record<string, (...a: unknown[]) => unknown> & { next(): Time | null };
  for (const name of STEPPERS) {
    const original = it[name];
    if (typeof original !== 'function') continue;
    it[name] = (...args: unknown[]) => {
      if (--budget.steps < 0) throw new ExpansionError('the calendar’s repeating events take too long to expand (a rule repeats too often or can never be met).', 'file');
      return original.apply(it, args);
    };
  }
  const out: Time[] = [];
  for (let t = it.next(); t && t.compare(until) <= 0; t = it.next()) {
    if (--budget.steps < 0) throw new ExpansionError('the calendar’s repeating events take too long to expand (a rule repeats too often or can never be met).', 'file');
    if (!inWindow(t)) continue;
    out.push(t.clone());
    if (out.length > MAX_OCCURRENCES) {
      throw new ExpansionError(`the event repeats more than ${MAX_OCCURRENCES} times within the horizon (${rule.toString().slice(0, 80)}); Dossier keeps meetings, not a clock.`, 'event');
    }
  }
  return out;
}
