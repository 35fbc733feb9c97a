/**
 * Meetings → .ics, written with ical.js (folding and escaping are its job). Each zone used gets a VTIMEZONE built
 * from the platform's zone data for the years the meetings span, so any calendar program places the times right.
 * All-day meetings are written as dates (VALUE=DATE); an occurrence of an imported series keeps its UID and writes its
 * RECURRENCE-ID, so re-importing updates it; delegation and counterparts travel as ATTENDEEs (issue 17).
 */
import ICAL from 'ical.js';
import type { MeetingDetail } from '../../contract/model';
import { formatOffset, zoneOffsetMinutes, zonedToUtcMs } from '../../contract/time';
import { type AgendaLine, writeAgenda } from './ical-agenda';

/**
 * An X- property holding any text: ical.js writes an X- property's value raw unless it is typed, and a raw line break
 * would end the line. Typed TEXT, it is escaped (\\n, \\;, \\,) and read back as written.
 */
function textProperty(name: string, value: string): InstanceType<typeof ICAL.Property> {
  const p = new ICAL.Property(name);
  p.resetType('text');
  p.setValue(value);
  return p;
}

/** A participant written as an ATTENDEE: side and delegation role travel in X-DOSSIER parameters. */
export interface IcsAttendee {
  email: string;
  name: string;
  side: 'delegation' | 'counterpart';
  role: string;
}

/** What an exported event carries. `start`/`end` are wall times in `timeZone`. */
export interface IcsMeeting {
  uid: string;
  recurrenceId: string;
  title: string;
  series: string;
  kind: string;
  start: string;
  end: string;
  timeZone: string;
  allDay: boolean;
  venue: string;
  format: 'in_person' | 'virtual' | 'hybrid';
  hostName: string;
  institutionNames: string[];
  notes: string;
  status: 'planned' | 'confirmed' | 'held' | 'cancelled';
  agenda: AgendaLine[];
  attendees: IcsAttendee[];
}

/**
 * A stored meeting as the event the writer takes: its UID (and RECURRENCE-ID for an occurrence), its institutions by
 * name, and the attendees given (none for a pack, whose .json carries the people with their sides).
 */
export function icsEventOf(m: MeetingDetail, key: { uid: string; recurrenceId: string }, institutionName: (id: number) => string, attendees: IcsAttendee[] = []): IcsMeeting {
  return {
    uid: key.uid,
    recurrenceId: key.recurrenceId,
    title: m.title,
    series: m.series,
    kind: m.kind,
    start: m.start,
    end: m.end,
    timeZone: m.timeZone,
    allDay: m.allDay,
    venue: m.venue,
    format: m.format,
    hostName: m.hostInstitutionId !== null ? institutionName(m.hostInstitutionId) : '',
    institutionNames: m.institutionIds.map(institutionName).filter(Boolean),
    notes: m.notes,
    status: m.status,
    agenda: m.agenda,
    attendees,
  };
}

type Component = InstanceType<typeof ICAL.Component>;
const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const icsLocal = (d: Date) => `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
const compactOffset = (min: number) => formatOffset(min).replace(':', '');

function timeOf(local: string): InstanceType<typeof ICAL.Time> {
  const [d, t] = local.split('T');
  const [year, month, day] = d!.split('-').map(Number);
  const [hour, minute] = t!.split(':').map(Number);
  return ICAL.Time.fromData({ year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second: 0, isDate: false });
}
const dateOf = (iso: string) => {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return ICAL.Time.fromData({ year: year!, month: month!, day: day!, isDate: true });
};

/** UTC instants in [from, to) where `zone`'s offset changes, found by daily steps and a binary search to the minute. */
function transitions(zone: string, from: number, to: number): { at: number; before: number; after: number }[] {
  const out: { at: number; before: number; after: number }[] = [];
  let prev = zoneOffsetMinutes(from, zone);
  for (let t = from + DAY; t < to + DAY; t += DAY) {
    const off = zoneOffsetMinutes(t, zone);
    if (off === prev) continue;
    let lo = t - DAY;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (zoneOffsetMinutes(mid, zone) === prev) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi, before: prev, after: off });
    prev = off;
  }
  return out;
}

/** A VTIMEZONE for `zone` covering the given years: the offset at the start, then one observance per change. */
export function vtimezone(zone: string, fromYear: number, toYear: number): Component {
  const tz = new ICAL.Component('vtimezone');
  tz.addPropertyWithValue('tzid', zone);
  tz.addPropertyWithValue('x-lic-location', zone);
  const from = Date.UTC(fromYear, 0, 1);
  const initial = zoneOffsetMinutes(from, zone);
  const observance = (kind: 'standard' | 'daylight', localStart: Date, before: number, after: number) => {
    const c = new ICAL.Component(kind);
    c.addProperty(new ICAL.Property(ICAL.parse.property(`DTSTART:${icsLocal(localStart)}`)));
    c.addProperty(new ICAL.Property(ICAL.parse.property(`TZOFFSETFROM:${compactOffset(before)}`)));
    c.addProperty(new ICAL.Property(ICAL.parse.property(`TZOFFSETTO:${compactOffset(after)}`)));
    tz.addSubcomponent(c);
  };
  observance('standard', new Date(from + initial * 60_000), initial, initial);
  for (const t of transitions(zone, from, Date.UTC(toYear + 1, 0, 1))) {
    observance(t.after > t.before ? 'daylight' : 'standard', new Date(t.at + t.before * 60_000), t.before, t.after);
  }
  return tz;
}

const STATUS = { planned: 'TENTATIVE', confirmed: 'CONFIRMED', held: 'CONFIRMED', cancelled: 'CANCELLED' } as const;

/** The calendar text for `meetings`; `now` stamps DTSTAMP. */
export function writeIcs(meetings: readonly IcsMeeting[], now: Date): string {
  const cal = new ICAL.Component('vcalendar');
  cal.addPropertyWithValue('prodid', '-//Dossier//Meetings//EN');
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  const zones = new Map<string, { from: number; to: number }>();
  for (const m of meetings) {
    if (m.allDay) continue;
    const y1 = Number(m.start.slice(0, 4));
    const y2 = Number(m.end.slice(0, 4));
    const z = zones.get(m.timeZone);
    zones.set(m.timeZone, { from: Math.min(z?.from ?? y1, y1), to: Math.max(z?.to ?? y2, y2) });
  }
  // X-WR-TIMEZONE tells Apple and Google calendars the calendar's zone when every event shares one.
  const allZones = new Set(meetings.map((m) => m.timeZone));
  if (allZones.size === 1) cal.addPropertyWithValue('x-wr-timezone', [...allZones][0]!);
  for (const [zone, span] of zones) if (zone !== 'UTC') cal.addSubcomponent(vtimezone(zone, span.from, span.to));

  const stamp = ICAL.Time.fromJSDate(now, true);
  for (const m of meetings) {
    const ev = new ICAL.Component('vevent');
    ev.addPropertyWithValue('uid', m.uid);
    ev.addPropertyWithValue('dtstamp', stamp);
    if (m.allDay) {
      // DTEND of an all-day event is the day after its last day.
      ev.addPropertyWithValue('dtstart', dateOf(m.start));
      const next = new Date(Date.parse(`${m.end.slice(0, 10)}T00:00:00Z`) + DAY).toISOString();
      ev.addPropertyWithValue('dtend', dateOf(next));
    } else {
      for (const [name, local] of [['dtstart', m.start], ['dtend', m.end]] as const) {
        if (m.timeZone === 'UTC') {
          ev.addPropertyWithValue(name, ICAL.Time.fromJSDate(new Date(zonedToUtcMs(local, 'UTC')), true));
        } else {
          const p = ev.addPropertyWithValue(name, timeOf(local));
          p.setParameter('tzid', m.timeZone);
        }
      }
    }
    if (m.recurrenceId) {
      // The occurrence of a series, by its original start: a date, or a UTC instant.
      const rid = /^\d{4}-\d{2}-\d{2}$/.test(m.recurrenceId) ? dateOf(m.recurrenceId) : ICAL.Time.fromJSDate(new Date(m.recurrenceId), true);
      ev.addPropertyWithValue('recurrence-id', rid);
    }
    ev.addPropertyWithValue('summary', m.title);
    if (m.venue) ev.addPropertyWithValue('location', m.venue);
    const description = writeAgenda(m.notes, m.agenda);
    if (description) ev.addPropertyWithValue('description', description);
    // The description is for people and loses what its plain lines cannot hold (a ';' in a lead, a line that reads as
    // an item); Dossier keeps the notes and agenda exactly beside it, so its own exports re-import as they were.
    if (m.notes) ev.addProperty(textProperty('x-dossier-notes', m.notes));
    if (m.agenda.length) {
      // JSON leaves U+2028/U+2029 as they are, and some readers end a line there: written as escapes, the same JSON.
      const json = JSON.stringify(m.agenda.map(({ time, title, lead, documents }) => ({ time, title, lead, documents })));
      ev.addProperty(textProperty('x-dossier-agenda', json.replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)));
    }
    if (m.series) {
      ev.addPropertyWithValue('categories', m.series);
      ev.addPropertyWithValue('x-dossier-series', m.series);
    }
    ev.addPropertyWithValue('status', STATUS[m.status]);
    // iCalendar has no 'held', no kind, format or host; Dossier keeps its own beside the standard ones.
    ev.addPropertyWithValue('x-dossier-status', m.status);
    if (m.kind) ev.addPropertyWithValue('x-dossier-kind', m.kind);
    ev.addPropertyWithValue('x-dossier-format', m.format);
    if (m.hostName) ev.addPropertyWithValue('x-dossier-host', m.hostName);
    for (const name of m.institutionNames) ev.addPropertyWithValue('x-dossier-institution', name);
    for (const a of m.attendees) {
      const p = new ICAL.Property('attendee', ev);
      p.setValue(a.email ? `mailto:${a.email}` : 'urn:x-dossier:no-e-mail');
      if (a.name) p.setParameter('cn', a.name);
      p.setParameter('role', a.side === 'delegation' && a.role === 'head' ? 'CHAIR' : 'REQ-PARTICIPANT');
      p.setParameter('x-dossier-side', a.side);
      if (a.side === 'delegation') p.setParameter('x-dossier-role', a.role);
      ev.addProperty(p);
    }
    cal.addSubcomponent(ev);
  }
  // RFC 5545 wants CRLF line ends.
  return cal.toString().replace(/\r?\n/g, '\r\n') + '\r\n';
}
