import { describe, expect, it } from 'vitest';
import { addDays, formatDateInput, parseDateInput } from './dates';

describe('dates as typed in the interface language', () => {
  it('shows ISO values day first with the language’s separator', () => {
    expect(formatDateInput('2026-12-31', 'de')).toBe('31.12.2026');
    expect(formatDateInput('2026-12-31', 'nl')).toBe('31-12-2026');
    expect(formatDateInput('2026-12-31', 'fr')).toBe('31/12/2026');
    expect(formatDateInput('2026-12-31', 'en')).toBe('31/12/2026');
    expect(formatDateInput('2031-02-10T09:30', 'de')).toBe('10.02.2031 09:30');
    expect(formatDateInput('2021-03', 'de')).toBe('03.2021');
    expect(formatDateInput('2017', 'fr')).toBe('2017');
    expect(formatDateInput('', 'de')).toBe('');
  });

  it('reads what people type: day first with any separator, short years, or ISO pasted in', () => {
    expect(parseDateInput('31.12.2026', 'date')).toEqual({ ok: true, value: '2026-12-31' });
    expect(parseDateInput(' 1.2.27 ', 'date')).toEqual({ ok: true, value: '2027-02-01' });
    expect(parseDateInput('31-12-2026', 'date')).toEqual({ ok: true, value: '2026-12-31' });
    expect(parseDateInput('31/12/2026', 'date')).toEqual({ ok: true, value: '2026-12-31' });
    expect(parseDateInput('2026-12-31', 'date')).toEqual({ ok: true, value: '2026-12-31' });
    expect(parseDateInput('', 'date')).toEqual({ ok: true, value: '' });
  });

  it('refuses what is not a date, and days that do not exist, saying which', () => {
    expect(parseDateInput('next Tuesday', 'date')).toEqual({ ok: false, reason: 'format' });
    expect(parseDateInput('12/2026', 'date')).toEqual({ ok: false, reason: 'format' });
    expect(parseDateInput('30.02.2026', 'date')).toEqual({ ok: false, reason: 'no_such_day' });
    expect(parseDateInput('2026-13-01', 'date')).toEqual({ ok: false, reason: 'no_such_day' });
    expect(parseDateInput('31.12.2026 10:00', 'date')).toEqual({ ok: false, reason: 'format' });
  });

  it('reads a date with a time of day: 24 h, am/pm, fr "9h30", ISO; midnight when no time is given', () => {
    expect(parseDateInput('10.02.2031 09:30', 'datetime')).toEqual({ ok: true, value: '2031-02-10T09:30' });
    expect(parseDateInput('10/02/2031, 2:15 pm', 'datetime')).toEqual({ ok: true, value: '2031-02-10T14:15' });
    expect(parseDateInput('10/02/2031 9h30', 'datetime')).toEqual({ ok: true, value: '2031-02-10T09:30' });
    expect(parseDateInput('2031-02-10T09:30', 'datetime')).toEqual({ ok: true, value: '2031-02-10T09:30' });
    expect(parseDateInput('10.02.2031', 'datetime')).toEqual({ ok: true, value: '2031-02-10T00:00' });
    expect(parseDateInput('10.02.2031 25:00', 'datetime')).toEqual({ ok: false, reason: 'format' });
  });

  it('takes a year, a month or a day where only part of a date is known (information dated)', () => {
    expect(parseDateInput('2017', 'partial')).toEqual({ ok: true, value: '2017' });
    expect(parseDateInput('03.2021', 'partial')).toEqual({ ok: true, value: '2021-03' });
    expect(parseDateInput('2021-03', 'partial')).toEqual({ ok: true, value: '2021-03' });
    expect(parseDateInput('12.01.2024', 'partial')).toEqual({ ok: true, value: '2024-01-12' });
    expect(parseDateInput('13.2021', 'partial')).toEqual({ ok: false, reason: 'no_such_day' });
    expect(parseDateInput('2017', 'date')).toEqual({ ok: false, reason: 'format' });
  });

  it('steps whole days, across months and years, keeping the time', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01T10:00', -1)).toBe('2026-02-28T10:00');
    expect(addDays('2021-03', 1)).toBe('2021-03');
  });
});
