/**
 * .ics → proposed meetings. ical.js parses (unfolding, escapes such as "\,", multi-line DESCRIPTION); times are
 * turned into instants here. For an IANA TZID we use the platform's zone data with RFC 5545's rules (a wall time in
 * the spring-forward gap moves forward, a repeated hour takes its first occurrence; ical.js does neither); for a
 * zone known only from the file's VTIMEZONE, ical.js converts with that definition.
 */
import ICAL from 'ical.js';
import { MEETING_STATUSES, type MeetingProposal } from '../../contract/model';
import { utcToZoned, zonedToUtcMs } from '../../contract/time';
import { readAgenda } from './ical-agenda';
import { type EventLines, icsError, scanIcs } from './ical-lines';

type Time = InstanceType<typeof ICAL.Time>;
type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;

export const isIanaZone = (tz: string): boolean => {
  if (!tz || !tz.includes('/') && tz !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

// Outlook writes Windows zone names as TZID; the common ones desk officers meet.
const WINDOWS_ZONES: Record<string, string> = {
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'GMT Standard Time': 'Europe/London',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kiev',
  'GTB Standard Time': 'Europe/Bucharest',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'China Standard Time': 'Asia/Shanghai',
  'India Standard Time': 'Asia/Kolkata',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'South Africa Standard Time': 'Africa/Johannesburg',
  UTC: 'UTC',
};

/** An IANA name for a TZID: itself, its Mozilla-style path tail, the VTIMEZONE's X-LIC-LOCATION, or a Windows name. */
function ianaFor(tzid: string, vtz: Component | undefined): string | null {
  const tail = tzid.split('/').slice(-2).join('/');
  for (const c of [tzid, tail, String(vtz?.getFirstPropertyValue('x-lic-location') ?? ''), WINDOWS_ZONES[tzid] ?? '']) {
    if (c && isIanaZone(c)) return c;
  }
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const wallOf = (t: Time) => `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}`;

interface Instant {
  ms: number;
  /** IANA zone the time was written in, or null if floating / unrecognised. */
  zone: string | null;
  wall: string;
  isDate: boolean;
}

export interface IcsReadOptions {
  file: string;
  /** Zone for floating times and for zones we cannot name (the user's zone, normally). */
  defaultZone: string;
}

/** Every VEVENT of the file as a proposed meeting, or a DossierError naming the file and the line at fault. */
export function readIcs(content: string, opts: IcsReadOptions): Omit<MeetingProposal, 'duplicateOf'>[] {
  const { file } = opts;
  const lines = scanIcs(content, file);
  let cal: Component;
  let parsed: unknown[];
  try {
    parsed = ICAL.parse(content.replace(/^\ufeff/, '')) as unknown[];
  } catch (err) {
    // The line scan passed, so this is a value ical.js rejects; it does not say where, we name the file.
    throw icsError(file, 1, `the calendar could not be read: ${(err as Error).message}`);
  }
  // Several top-level components come back as a list of them, which no Component can hold.
  if (Array.isArray(parsed[0])) throw icsError(file, 1, `the file holds ${parsed.length} calendars; an .ics file holds one (BEGIN:VCALENDAR … END:VCALENDAR).`);
  cal = new ICAL.Component(parsed);
  const calZone = String(cal.getFirstPropertyValue('x-wr-timezone') ?? '');
  const floatingZone = isIanaZone(calZone) ? calZone : opts.defaultZone;
  const vtimezones = new Map(cal.getAllSubcomponents('vtimezone').map((c) => [String(c.getFirstPropertyValue('tzid')), c]));
  const events = cal.getAllSubcomponents('vevent');
  if (events.length === 0) throw icsError(file, 1, 'the calendar holds no event (VEVENT).');
  return events.map((ev, i) => readEvent(ev, lines[i]!, { file, floatingZone, vtimezones }));
}

function readEvent(ev: Component, at: EventLines, env: { file: string; floatingZone: string; vtimezones: Map<string, Component> }): Omit<MeetingProposal, 'duplicateOf'> {
  const { file, floatingZone } = env;
  const warnings: string[] = [];
  const lineOf = (name: string) => at.props.get(name) ?? at.begin;
  const text = (name: string) => String(ev.getFirstPropertyValue(name) ?? '').trim();

  const instant = (name: 'dtstart' | 'dtend'): Instant | null => {
    const prop: Property | null = ev.getFirstProperty(name);
    if (!prop) return null;
    try {
      const t = prop.getFirstValue() as Time;
      if (!(t instanceof ICAL.Time)) throw new Error('not a date or date-time');
      const tzid = prop.getParameter('tzid');
      const wall = wallOf(t);
      if (t.isDate) return { ms: zonedToUtcMs(`${wall.slice(0, 10)}T00:00`, floatingZone), zone: null, wall, isDate: true };
      // UTC times are shown in the calendar's zone (X-WR-TIMEZONE) or the user's.
      if (t.zone === ICAL.Timezone.utcTimezone && !tzid) return { ms: t.toUnixTime() * 1000, zone: null, wall, isDate: false };
      if (!tzid) return { ms: zonedToUtcMs(wall, floatingZone), zone: null, wall, isDate: false };
      const tzName = String(tzid);
      const vtz = env.vtimezones.get(tzName);
      const iana = ianaFor(tzName, vtz);
      if (iana) return { ms: zonedToUtcMs(wall, iana), zone: iana, wall, isDate: false };
      if (!vtz) throw new Error(`time zone "${tzName}" is neither a known zone name nor defined by a VTIMEZONE in the file`);
      warnings.push(`Time zone "${tzName}" is not a zone name Dossier knows; times are kept as instants and shown in ${floatingZone}.`);
      const zoned = ICAL.Time.fromData({ year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second }, new ICAL.Timezone(vtz));
      return { ms: zoned.toUnixTime() * 1000, zone: null, wall, isDate: false };
    } catch (err) {
      throw icsError(file, lineOf(name.toUpperCase()), `${name.toUpperCase()} cannot be read: ${(err as Error).message}.`);
    }
  };

  const start = instant('dtstart')!;
  let end = instant('dtend');
  if (!end && ev.hasProperty('duration')) {
    try {
      const d = ev.getFirstPropertyValue('duration') as InstanceType<typeof ICAL.Duration>;
      end = { ...start, ms: start.ms + d.toSeconds() * 1000 };
    } catch (err) {
      throw icsError(file, lineOf('DURATION'), `DURATION cannot be read: ${(err as Error).message}.`);
    }
  }
  end ??= { ...start, ms: start.isDate ? start.ms + 86_400_000 : start.ms };
  if (end.ms < start.ms) throw icsError(file, lineOf('DTEND'), 'the event ends before it starts.');

  const zone = start.zone ?? (isIanaZone(floatingZone) ? floatingZone : 'UTC');
  const startLocal = utcToZoned(start.ms, zone).local;
  if (start.zone && start.zone !== 'UTC' && startLocal !== start.wall) {
    warnings.push(`${start.wall.replace('T', ' ')} does not exist in ${zone} (the clocks go forward); read as ${startLocal.replace('T', ' ')}.`);
  }
  // All-day events: DTEND is the day after; the meeting runs to the end of its last day.
  const endLocal = start.isDate ? `${utcToZoned(end.ms - 60_000, zone).local.slice(0, 10)}T23:59` : utcToZoned(end.ms, zone).local;

  const description = text('description');
  const { agenda, notes } = readAgenda(description);
  const categories = ev.getFirstProperty('categories')?.getValues().map(String) ?? [];
  const status = text('status').toUpperCase();
  const own = text('x-dossier-status');
  const ownStatus = (MEETING_STATUSES as readonly string[]).includes(own) ? (own as MeetingProposal['status']) : null;
  if (ev.hasProperty('rrule')) warnings.push('A repeating event: only its first occurrence is imported.');
  let title = text('summary');
  if (!title) {
    title = 'Untitled meeting';
    warnings.push('The event has no SUMMARY; titled "Untitled meeting".');
  }
  return {
    line: at.begin,
    uid: text('uid'),
    title: title.slice(0, 300),
    series: (text('x-dossier-series') || (categories[0] ?? '')).trim().slice(0, 200),
    start: startLocal,
    end: endLocal,
    timeZone: zone,
    venue: text('location').replace(/\s*\n\s*/g, ', ').slice(0, 300),
    notes,
    status: ownStatus ?? (status === 'CANCELLED' ? 'cancelled' : status === 'CONFIRMED' ? 'confirmed' : 'planned'),
    agenda: agenda.map((a) => ({ ...a, title: a.title.slice(0, 500), time: a.time.slice(0, 40), lead: a.lead.slice(0, 300), documents: a.documents.slice(0, 2000) })),
    warnings,
  };
}
