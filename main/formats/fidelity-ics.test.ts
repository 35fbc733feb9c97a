/**
 * The calendar half of the fidelity corpus (issue 17): an Exchange meeting request (Windows zone names, unfolded
 * description lines, a room as resource, a Teams link), an Outlook series with EXDATE, a moved and a cancelled
 * occurrence, a Google Calendar export (X-WR-TIMEZONE, monthly rule with UNTIL in UTC, override, all-day, UTC times,
 * CN = address), and a conference programme (no VERSION, floating times, a TZID without VTIMEZONE, a Windows name, an
 * unknown name, one broken event). Also the budget against hostile recurrence rules (issue 15).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DossierError } from '../../contract/errors';
import { readIcsFile } from './ical-read';
import { newBudget } from './ical-expand';

const DIR = new URL('./fixtures/fidelity/', import.meta.url);
const now = new Date('2026-08-01T09:00:00Z');
const read = (name: string, extra: Partial<Parameters<typeof readIcsFile>[1]> = {}) =>
  readIcsFile(readFileSync(new URL(name, DIR), 'utf8'), { file: name, defaultZone: 'Europe/Berlin', now, ...extra });

describe('calendar exports', () => {
  it('Exchange meeting request: Windows zone, unfolded description with its agenda, attendees and organizer, room as venue, Teams → hybrid', () => {
    const r = read('exchange-invitation.ics');
    expect(r.facts.rejected).toEqual([]);
    expect(r.facts.warnings).toHaveLength(6);
    expect(r.facts.warnings[0]).toBe('Line 27 does not start a property; read as the continuation of line 26.');
    const [m] = r.meetings;
    expect(m).toMatchObject({
      title: 'WPSDG informal consultation on just transition',
      start: '2026-11-10T10:00',
      end: '2026-11-10T13:00',
      timeZone: 'Europe/Berlin',
      venue: 'Room XVI (R3-South), ILO, Geneva',
      status: 'confirmed',
      format: 'hybrid',
      allDay: false,
      recurring: false,
      recurrenceId: '',
      agenda: [
        { title: 'Opening', lead: '' },
        { title: 'Just transition', lead: 'Secretariat' },
      ],
    });
    expect(m!.notes.startsWith('Dear colleagues,\n\nPlease find below the agenda of the informal consultation.')).toBe(true);
    expect(m!.notes).toContain('Join: https://teams.microsoft.com/l/meetup-join/');
    expect(m!.attendees.map((a) => [a.email, a.name, a.organizer, a.role])).toEqual([
      ['wpsdg@example.ilo.org', 'Secretariat WPSDG', true, ''],
      ['stenvold@example.ilo.org', 'Thoralf Stenvold', false, 'REQ-PARTICIPANT'],
      ['anna.weiss@example.bmas.bund.de', 'Anna Weiß', false, 'REQ-PARTICIPANT'],
      ['dubois@example.ilo.org', 'Claire Dubois', false, 'OPT-PARTICIPANT'],
    ]);
  });

  it('Outlook series: weekly occurrences with EXDATE honoured, a moved and a cancelled occurrence, keyed by UID and original start', () => {
    const r = read('outlook-recurring-series.ics');
    const starts = r.meetings.map((m) => [m.start, m.status, m.recurrenceId]);
    expect(starts).toEqual([
      ['2026-09-01T10:00', 'planned', '2026-09-01T08:00:00.000Z'],
      ['2026-09-08T10:00', 'planned', '2026-09-08T08:00:00.000Z'],
      ['2026-09-15T10:00', 'planned', '2026-09-15T08:00:00.000Z'],
      ['2026-09-22T10:00', 'planned', '2026-09-22T08:00:00.000Z'],
      ['2026-09-29T10:00', 'planned', '2026-09-29T08:00:00.000Z'],
      ['2026-10-06T10:00', 'planned', '2026-10-06T08:00:00.000Z'],
      // 13 October: EXDATE. 20 October moved to Wednesday 14:00.
      ['2026-10-21T14:00', 'planned', '2026-10-20T08:00:00.000Z'],
      ['2026-10-27T10:00', 'planned', '2026-10-27T09:00:00.000Z'],
      ['2026-11-03T10:00', 'planned', '2026-11-03T09:00:00.000Z'],
      ['2026-11-10T10:00', 'planned', '2026-11-10T09:00:00.000Z'],
      ['2026-11-17T10:00', 'planned', '2026-11-17T09:00:00.000Z'],
      ['2026-11-24T10:00', 'cancelled', '2026-11-24T09:00:00.000Z'],
      ['2026-12-01T10:00', 'planned', '2026-12-01T09:00:00.000Z'],
      ['2026-12-08T10:00', 'planned', '2026-12-08T09:00:00.000Z'],
      ['2026-12-15T10:00', 'planned', '2026-12-15T09:00:00.000Z'],
    ]);
    expect(new Set(r.meetings.map((m) => m.uid)).size).toBe(1);
    expect(r.meetings.every((m) => m.recurring && m.series === 'G20 EWG Delegationsrunde' && m.timeZone === 'Europe/Berlin')).toBe(true);
    expect(r.meetings[6]).toMatchObject({ title: 'G20 EWG Delegationsrunde (verschoben)', end: '2026-10-21T15:00', notes: 'Moved: the EWG meets on Tuesday.' });
  });

  it('Google Calendar: monthly rule to a UTC UNTIL, EXDATE, an override, an all-day session as dates, UTC times in the calendar zone', () => {
    const r = read('google-calendar-export.ics');
    const screening = r.meetings.filter((m) => m.uid.startsWith('5q2'));
    expect(screening.map((m) => m.start)).toEqual([
      '2026-09-10T09:30', '2026-10-08T09:30', '2026-11-12T14:00', '2027-01-14T09:30', '2027-02-11T09:30', '2027-03-11T09:30', '2027-04-08T09:30',
      '2027-05-13T09:30', '2027-06-10T09:30',
    ]);
    expect(screening[0]).toMatchObject({ timeZone: 'Europe/Zurich', format: 'virtual', series: 'GB screening meeting' });
    expect(screening[0]!.attendees.map((a) => [a.email, a.name])).toEqual([
      ['c_abc123@group.calendar.google.com', 'ILO Governing Body'],
      ['jonas.weiss@example.bmas.bund.de', ''],
      ['claire.dubois@example.fr', 'Claire Dubois'],
    ]);
    expect(screening[2]).toMatchObject({ venue: 'ILO, Room II', recurrenceId: '2026-11-12T08:30:00.000Z', end: '2026-11-12T15:30' });
    const gb = r.meetings.find((m) => m.title.startsWith('357th'));
    expect(gb).toMatchObject({ allDay: true, start: '2027-03-15T00:00', end: '2027-03-19T23:59', timeZone: 'Europe/Zurich' });
    const call = r.meetings.find((m) => m.title.startsWith('Call with OECD'));
    expect(call).toMatchObject({ start: '2026-12-03T14:00', end: '2026-12-03T15:00', timeZone: 'Europe/Zurich', status: 'planned' });
  });

  it('conference programme: no VERSION, floating times in the chosen zone, TZID without VTIMEZONE, a Windows name, an unknown name, one broken event', () => {
    const r = read('conference-programme.ics');
    expect(r.facts.floating).toBe(true);
    expect(r.facts.warnings).toEqual(['The calendar has no VERSION line; it was read as iCalendar 2.0.']);
    expect(r.facts.unknownZones).toEqual([{ tzid: 'Mitteleuropäische Zeit', line: 29, usedZone: 'Europe/Berlin' }]);
    expect(r.facts.rejected).toEqual([{ line: 36, reason: expect.stringMatching(/^DTSTART cannot be read/) }]);
    expect(r.meetings.map((m) => [m.title, m.start, m.timeZone])).toEqual([
      ['G20 EWG: first session (floating time)', '2026-11-05T09:00', 'Europe/Berlin'],
      ['OECD ELSAC', '2026-11-18T10:00', 'Europe/Paris'],
      ['Briefing with the Brussels desk', '2026-11-20T14:30', 'Europe/Paris'],
      ['Prep call ECOSOC', '2026-11-25T09:00', 'Europe/Berlin'],
    ]);
    // The user picks the floating zone (the meeting is in Pretoria) and a zone for the unknown name.
    const chosen = read('conference-programme.ics', { floatingZone: 'Africa/Johannesburg', zoneChoices: { 'Mitteleuropäische Zeit': 'Europe/Vienna' } });
    expect(chosen.meetings.map((m) => [m.start, m.timeZone])).toEqual([
      ['2026-11-05T09:00', 'Africa/Johannesburg'],
      ['2026-11-18T10:00', 'Europe/Paris'],
      ['2026-11-20T14:30', 'Europe/Paris'],
      ['2026-11-25T09:00', 'Europe/Vienna'],
    ]);
    expect(chosen.facts.unknownZones).toEqual([]);
  });

  it('the horizon is the user’s: a shorter one brings fewer occurrences and says where it ends', () => {
    const r = read('outlook-recurring-series.ics', { horizonMonths: 2 });
    expect(r.facts.horizon).toEqual({ from: '2026-08-01', to: '2026-10-01', months: 2 });
    expect(r.meetings.map((m) => m.start.slice(0, 10))).toEqual(['2026-09-01', '2026-09-08', '2026-09-15', '2026-09-22', '2026-09-29']);
    const late = read('outlook-recurring-series.ics', { horizonFrom: '2027-01-01' });
    expect(late.meetings).toEqual([]);
    expect(late.facts.warnings[0]).toMatch(/"G20 EWG Delegationsrunde" \(line 20\) has no occurrence between 2027-01-01 and 2028-07-01/);
  });
});

describe('hostile recurrence (issue 15): a budget, a typed error, within seconds', () => {
  const cal = (body: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\n${body}\r\nEND:VCALENDAR\r\n`;
  const ev = (rule: string, uid = 'x') => `BEGIN:VEVENT\r\nUID:${uid}\r\nDTSTART:20260801T100000Z\r\nDTEND:20260801T110000Z\r\nSUMMARY:S\r\nRRULE:${rule}\r\nEND:VEVENT`;
  const opts = { file: 'h.ics', defaultZone: 'UTC', now };

  it('an endless FREQ=SECONDLY rule is one rejected event, not a hang', () => {
    const r = readIcsFile(cal(ev('FREQ=SECONDLY') + '\r\n' + ev('FREQ=WEEKLY;COUNT=3', 'ok')), opts);
    expect(r.facts.rejected).toEqual([{ line: 3, reason: expect.stringMatching(/repeats more than 1000 times within the horizon/) }]);
    expect(r.meetings).toHaveLength(3);
  });

  it('a rule no date can meet (30 February) is a rejected event, refused before any step', () => {
    const r = readIcsFile(cal(ev('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30')), opts);
    expect(r.facts.rejected).toEqual([{ line: 3, reason: expect.stringMatching(/names days its months do not have/) }]);
  });

  it('a rule that matches almost never runs out of its series budget', () => {
    // Every second of 29 February: the next one is in 2028, 47 million seconds away, past the horizon.
    const r = readIcsFile(cal(ev('FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=29')), opts);
    expect(r.facts.rejected).toEqual([{ line: 3, reason: expect.stringMatching(/takes too long to expand/) }]);
  });

  it('many series share one budget for the file: past it, the whole file is refused with a typed error naming a line', () => {
    const many = Array.from({ length: 40 }, (_, i) => ev('FREQ=MINUTELY;INTERVAL=7;BYHOUR=3', `m${i}`)).join('\r\n');
    let err: unknown;
    try {
      readIcsFile(cal(many), { ...opts, budget: newBudget(20_000) });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DossierError);
    expect((err as DossierError).details).toMatchObject({ file: 'h.ics', line: expect.any(Number) });
    expect((err as DossierError).message).toMatch(/take too long to expand/);
  });

  it('a VTIMEZONE whose rule repeats every second is never handed to ical.js: the file is refused, naming the rule\'s line', () => {
    // No zone changes its offset more than a few times a year; issue 15 asks for a clear error, not a silent UTC.
    const tz = 'BEGIN:VTIMEZONE\r\nTZID:Evil\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=SECONDLY\r\nEND:STANDARD\r\nEND:VTIMEZONE';
    const body = `${tz}\r\nBEGIN:VEVENT\r\nUID:e\r\nDTSTART;TZID=Evil:20261101T100000\r\nSUMMARY:S\r\nEND:VEVENT`;
    let err: unknown;
    try {
      readIcsFile(cal(body), opts);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DossierError);
    expect((err as DossierError).message).toMatch(/^h\.ics, line 9: the time zone "Evil" repeats its rule FREQ=SECONDLY/);
  });
});
