import { describe, expect, it } from 'vitest';
import { DossierError } from '../../contract/errors';
import { readIcs, readIcsFile } from './ical-read';
import { readAgenda } from './ical-agenda';

const ZURICH = `BEGIN:VTIMEZONE
TZID:Europe/Zurich
BEGIN:DAYLIGHT
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
DTSTART:19810329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
END:DAYLIGHT
BEGIN:STANDARD
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
DTSTART:19961027T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
END:STANDARD
END:VTIMEZONE`;

const cal = (events: string, tz = ZURICH) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n${tz}\r\n${events}\r\nEND:VCALENDAR\r\n`.replace(/\r?\n/g, '\r\n');
const event = (start: string, end: string, extra = '') =>
  `BEGIN:VEVENT\nUID:${start}@test\nDTSTAMP:20260101T000000Z\nDTSTART;TZID=Europe/Zurich:${start}\nDTEND;TZID=Europe/Zurich:${end}\nSUMMARY:Session\n${extra}END:VEVENT`;
const read = (text: string) => readIcs(text, { file: 'test.ics', defaultZone: 'UTC' });
const utc = (local: string, zone: string) => {
  // The instant of a proposal, checked independently of contract/time: Date parses the ISO string with offset.
  return { local, zone };
};

describe('readIcs: time zones around the DST changes of Europe/Zurich', () => {
  it.each([
    // [wall time in Zurich, the UTC instant it must be, the wall time stored]
    ['20260329T015900', '2026-03-29T00:59:00.000Z', '2026-03-29T01:59'], // last minute of winter time
    ['20260329T030000', '2026-03-29T01:00:00.000Z', '2026-03-29T03:00'], // first minute of summer time
    ['20260329T023000', '2026-03-29T01:30:00.000Z', '2026-03-29T03:30'], // does not exist: moved forward by the gap (RFC 5545)
    ['20261025T015900', '2026-10-24T23:59:00.000Z', '2026-10-25T01:59'], // summer time, before the repeated hour
    ['20261025T023000', '2026-10-25T00:30:00.000Z', '2026-10-25T02:30'], // repeated hour: the first occurrence (RFC 5545)
    ['20261025T030000', '2026-10-25T02:00:00.000Z', '2026-10-25T03:00'], // winter time again
    ['20260115T100000', '2026-01-15T09:00:00.000Z', '2026-01-15T10:00'],
    ['20260715T100000', '2026-07-15T08:00:00.000Z', '2026-07-15T10:00'],
  ])('%s in Europe/Zurich is %s', (wall, instant, stored) => {
    const [m] = read(cal(event(wall, wall.slice(0, 8) + 'T235900')));
    expect(m!.timeZone).toBe('Europe/Zurich');
    expect(m!.start).toBe(stored);
    expect(new Date(instantOf(m!.start, m!.timeZone)).toISOString()).toBe(instant);
  });

  it('says so when a wall time falls in the spring-forward gap', () => {
    const [m] = read(cal(event('20260329T023000', '20260329T040000')));
    expect(m!.warnings.join(' ')).toMatch(/2026-03-29 02:30 does not exist.*03:30/);
  });

  it('reads UTC times into the calendar zone, and a custom VTIMEZONE name through its definition', () => {
    const custom = ZURICH.replace('TZID:Europe/Zurich', 'TZID:Geneva Office Time');
    const text = cal(
      'BEGIN:VEVENT\nUID:u1\nDTSTART;TZID=Geneva Office Time:20260715T100000\nDTEND;TZID=Geneva Office Time:20260715T120000\nSUMMARY:Custom\nEND:VEVENT\n' +
        'BEGIN:VEVENT\nUID:u2\nDTSTART:20260715T080000Z\nDTEND:20260715T090000Z\nSUMMARY:Utc\nEND:VEVENT',
      custom + '\nX-WR-TIMEZONE:Europe/Zurich',
    );
    const r = readIcsFile(text, { file: 'x.ics', defaultZone: 'Europe/Zurich' });
    const [a, b] = r.meetings;
    expect([a!.start, a!.timeZone]).toEqual(['2026-07-15T10:00', 'Europe/Zurich']);
    expect(r.facts.warnings[0]).toMatch(/"Geneva Office Time" is not a name Dossier knows; its definition in the file matches Europe\/Zurich/);
    expect([b!.start, b!.end, b!.timeZone]).toEqual(['2026-07-15T10:00', '2026-07-15T11:00', 'Europe/Zurich']);
  });
});

describe('readIcs: text', () => {
  it('unescapes commas, keeps multi-line descriptions and reads agenda lines', () => {
    const [m] = read(
      cal(
        event(
          '20261110T100000',
          '20261110T130000',
          'LOCATION:Palais des Nations\\, Room XVII\\, Geneva\nCATEGORIES:G20 Employment Working Group\nDESCRIPTION:Second meeting under the presidency.\\n\\nItem 1: 10:00 Opening\\, adoption of the agenda\\n2. Skills for the green\n  transition\\nAgenda item 3 – Any other business\\nPlease register by 1 November.\n',
        ),
      ),
    );
    expect(m!.venue).toBe('Palais des Nations, Room XVII, Geneva');
    expect(m!.series).toBe('G20 Employment Working Group');
    expect(m!.agenda.map((a) => [a.time, a.title])).toEqual([
      ['10:00', 'Opening, adoption of the agenda'],
      ['', 'Skills for the green transition'],
      ['', 'Any other business'],
    ]);
    expect(m!.notes).toBe('Second meeting under the presidency.\n\nPlease register by 1 November.');
  });

  it('reads the agenda line shapes secretariats use', () => {
    expect(readAgenda('Item 1: A\nItem 2 - B\n3) C\nAgenda item 4 – D (lead: Chair; documents: GB.1/2)\nItem 5. E').agenda.map((a) => a.title)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(readAgenda('Agenda item 4 – D (lead: Chair; documents: GB.1/2)').agenda[0]).toEqual({ time: '', title: 'D', lead: 'Chair', documents: 'GB.1/2' });
  });
});

describe('readIcs: malformed files are refused with the line', () => {
  const fails = (text: string) => {
    try {
      read(text);
    } catch (e) {
      expect(e).toBeInstanceOf(DossierError);
      return { line: (e as DossierError).details?.line, message: (e as DossierError).message };
    }
    throw new Error('no error');
  };
  it('reads a line that lost its folding space inside a text as part of it, with a warning', () => {
    const text = cal(event('20261110T100000', '20261110T130000', 'DESCRIPTION:Opening by the Chair\nthis line lost its folding space\n'));
    const no = text.split('\r\n').indexOf('this line lost its folding space') + 1;
    const r = readIcsFile(text, { file: 'test.ics', defaultZone: 'UTC' });
    expect(r.meetings[0]!.notes).toBe('Opening by the Chair\nthis line lost its folding space');
    expect(r.facts.warnings).toContain(`Line ${no} does not start a property; read as the continuation of line ${no - 1}.`);
  });
  it('names the line of a property broken beyond repair', () => {
    const text = cal(event('20261110T100000', '20261110T130000').replace('DTEND;', 'this is not a property\nDTEND;').replace('SUMMARY:Session\n', ''));
    expect(fails(text.replace('UID:', 'X-JUNK\nUID:')).message).toMatch(/^test\.ics, line \d+: /);
  });
  it('names the line of a bad date value', () => {
    const text = cal(event('2026111X', '20261110T130000'));
    expect(fails(text).line).toBe(text.split('\r\n').findIndex((l) => l.startsWith('DTSTART;TZID')) + 1);
  });
  it('names the BEGIN that is never closed, and an END that closes the wrong thing', () => {
    expect(fails('BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nDTSTART:20260101T100000Z\nSUMMARY:x\nEND:VCALENDAR\n')).toMatchObject({ line: 6 });
    expect(fails('BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n')).toMatchObject({ line: 3, message: expect.stringMatching(/DTSTART/) });
  });
  it('reads a TZID nobody knows in the zone the user chose, and says so (a warning with a choice, not a refusal)', () => {
    const text = 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:m\nDTSTART;TZID=Mars/Olympus:20260101T100000\nEND:VEVENT\nEND:VCALENDAR';
    const r = readIcsFile(text, { file: 'm.ics', defaultZone: 'Europe/Berlin' });
    expect(r.facts.unknownZones).toEqual([{ tzid: 'Mars/Olympus', line: 4, usedZone: 'Europe/Berlin' }]);
    expect(r.facts.warnings).toContain('The calendar has no VERSION line; it was read as iCalendar 2.0.');
    expect(r.meetings[0]).toMatchObject({ start: '2026-01-01T10:00', timeZone: 'Europe/Berlin' });
    const chosen = readIcsFile(text, { file: 'm.ics', defaultZone: 'Europe/Berlin', zoneChoices: { 'Mars/Olympus': 'America/New_York' } });
    expect(chosen.facts.unknownZones).toEqual([]);
    expect(chosen.meetings[0]).toMatchObject({ start: '2026-01-01T10:00', timeZone: 'America/New_York' });
  });
});

import { zonedToUtcMs } from '../../contract/time';
const instantOf = (local: string, zone: string) => zonedToUtcMs(local, zone);
void utc;
