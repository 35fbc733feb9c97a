/**
 * .ics → proposed meetings, as Exchange, Outlook, Google Calendar and Apple write them (issue 17). A repeating event
 * becomes its occurrences within a horizon (default the next 18 months), honouring EXDATE, RDATE and moved or
 * cancelled occurrences (RECURRENCE-ID); each keeps its UID and original start so a re-import updates it. All-day
 * events stay dates; floating times are read in the zone the user picks; a TZID resolves IANA and Windows names, and an
 * unknown one is a warning with a choice. An event that cannot be read is a rejected record; the others are read.
 * Instants use the platform's zone data with RFC 5545's rules (a wall time in the spring-forward gap moves forward,
 * a repeated hour takes its first occurrence; ical.js does neither).
 */
import ICAL from 'ical.js';
import type { RejectedRecord } from '../../contract/model';
import type { CalendarFacts, MeetingAttendee, UnknownZone } from '../../contract/model';
import { MEETING_FORMATS, MEETING_STATUSES, type MeetingProposal } from '../../contract/model';
import { utcToZoned, zonedToUtcMs } from '../../contract/time';
import { z } from 'zod';
import { type AgendaLine, readAgenda } from './ical-agenda';
import { type Budget, ExpansionError, newBudget, ruleStarts } from './ical-expand';
import { type EventLines, icsError, prepareIcs } from './ical-lines';
import { type ZoneResolution, hostileZoneRule, isIanaZone, resolveZone } from './ical-zones';

export { isIanaZone };

type Time = InstanceType<typeof ICAL.Time>;
type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;

/** A proposal as the file gives it (attendees not yet matched, no store lookup). */
export type IcsProposal = Omit<MeetingProposal, 'duplicateOf'>;

export interface IcsReadOptions {
  file: string;
  /** The user's own zone: for UTC times when the calendar names none, and floating times when no choice is given. */
  defaultZone: string;
  /** The zone the user picked for floating times (no TZID, no Z); default the calendar's X-WR-TIMEZONE, else `defaultZone`. */
  floatingZone?: string | null;
  /** The user's answers for TZIDs Dossier cannot place: TZID → IANA zone. */
  zoneChoices?: Record<string, string>;
  /** Repeating events become their occurrences from `horizonFrom` (default today) for this many months (default 18). */
  horizonMonths?: number;
  horizonFrom?: string | null;
  now?: Date;
  budget?: Budget;
}

const DAY = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const wallOf = (t: Time) => `${t.year}-${pad(t.month)}-${pad(t.day)}T${pad(t.hour)}:${pad(t.minute)}`;
const dateOf = (t: Time) => `${t.year}-${pad(t.month)}-${pad(t.day)}`;
const floating = (t: Time, isDate = t.isDate) => ICAL.Time.fromData({ year: t.year, month: t.month, day: t.day, hour: isDate ? 0 : t.hour, minute: isDate ? 0 : t.minute, second: isDate ? 0 : t.second, isDate });
const addMonths = (iso: string, months: number) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1 + months, d));
  return t.toISOString().slice(0, 10);
};

/** A time of the file: its instant, the IANA zone it was written in (null: floating or UTC) and its wall clock. */
interface Instant {
  ms: number;
  zone: string | null;
  wall: string;
  isDate: boolean;
}

/** Everything the reader needs to turn times into instants, shared by the file's events. */
interface Env {
  file: string;
  floatingZone: string;
  displayZone: string;
  vtimezones: Map<string, Component>;
  choices: Record<string, string>;
  resolved: Map<string, ZoneResolution>;
  unknown: UnknownZone[];
  usedFloating: { value: boolean };
  warnings: string[];
}

function zoneOf(env: Env, tzid: string, line: number, at: number | null): ZoneResolution {
  let r = env.resolved.get(tzid);
  if (!r) {
    // A definition matching the user's or the calendar's own zone is that zone.
    r = resolveZone(tzid, env.vtimezones.get(tzid), env.choices[tzid], at, [env.displayZone, env.floatingZone]);
    env.resolved.set(tzid, r);
    if (r.kind === 'unknown' || (r.kind === 'definition' && !r.zone)) {
      env.unknown.push({ tzid, line, usedZone: env.floatingZone });
    } else if (r.kind === 'definition' && r.zone) {
      env.warnings.push(`Time zone "${tzid}" is not a name Dossier knows; its definition in the file matches ${r.zone}, which is used.`);
    }
  }
  return r;
}

/** A wall time in the frame of a property (its TZID, UTC or floating) → Instant. */
function instantOf(env: Env, t: Time, tzid: string | null, line: number): Instant {
  const wall = wallOf(t);
  if (t.isDate) return { ms: zonedToUtcMs(`${dateOf(t)}T00:00`, env.floatingZone), zone: null, wall, isDate: true };
  if (!tzid && t.zone === ICAL.Timezone.utcTimezone) return { ms: Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second), zone: null, wall, isDate: false };
  if (!tzid) {
    env.usedFloating.value = true;
    return { ms: zonedToUtcMs(wall, env.floatingZone), zone: env.floatingZone, wall, isDate: false };
  }
  const approx = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute);
  const r = zoneOf(env, tzid, line, approx);
  if (r.kind === 'iana') return { ms: zonedToUtcMs(wall, r.zone), zone: r.zone, wall, isDate: false };
  if (r.kind === 'definition') {
    const zoned = ICAL.Time.fromData({ year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second }, r.tz);
    return { ms: zoned.toUnixTime() * 1000, zone: r.zone, wall, isDate: false };
  }
  return { ms: zonedToUtcMs(wall, env.floatingZone), zone: env.floatingZone, wall, isDate: false };
}

function propInstant(env: Env, prop: Property, line: number): Instant {
  const t = prop.getFirstValue() as Time;
  if (!(t instanceof ICAL.Time)) throw new Error('not a date or date-time');
  const tzid = prop.getParameter('tzid');
  return instantOf(env, t, tzid ? String(tzid) : null, line);
}

/** Why an event cannot be read, and the line at fault. */
class EventError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** The parts of an event that every occurrence shares, read once. */
interface EventBase {
  line: number;
  uid: string;
  start: Instant;
  durationMs: number;
  allDayDays: number;
  rid: Instant | null;
  fields: Omit<IcsProposal, 'line' | 'start' | 'end' | 'timeZone' | 'allDay' | 'recurrenceId' | 'recurring' | 'warnings' | 'uid'>;
  warnings: string[];
  ev: Component;
  at: EventLines;
}

const mailOf = (v: string) => (/^mailto:/i.test(v.trim()) ? v.trim().slice(7).trim() : '');

function attendeesOf(ev: Component): { people: MeetingAttendee[]; rooms: string[] } {
  const people: MeetingAttendee[] = [];
  const rooms: string[] = [];
  const push = (p: Property, organizer: boolean) => {
    const email = mailOf(String(p.getFirstValue() ?? ''));
    const cn = String(p.getParameter('cn') ?? '').replace(/^"|"$/g, '').trim();
    // Google writes the address as the name when it knows no other.
    const name = cn.toLowerCase() === email.toLowerCase() ? '' : cn;
    const cutype = String(p.getParameter('cutype') ?? '').toUpperCase();
    if (cutype === 'ROOM' || cutype === 'RESOURCE') return void rooms.push(name || email);
    if (!email && !name) return;
    const known = people.find((x) => x.email && x.email.toLowerCase() === email.toLowerCase());
    if (known) return void (known.organizer ||= organizer);
    // Dossier's own export says which side and delegation role a person had.
    const side = String(p.getParameter('x-dossier-side') ?? '');
    const role = String(p.getParameter('x-dossier-role') ?? '') || String(p.getParameter('role') ?? '').toUpperCase();
    people.push({ email, name, organizer, role, contactId: null, match: null, side: side === 'delegation' || side === 'counterpart' ? side : null });
  };
  for (const p of ev.getAllProperties('organizer')) push(p, true);
  for (const p of ev.getAllProperties('attendee')) push(p, false);
  return { people, rooms };
}

function readBase(env: Env, ev: Component, at: EventLines): EventBase {
  const warnings: string[] = [];
  const lineOf = (name: string) => at.props.get(name) ?? at.begin;
  const text = (name: string) => String(ev.getFirstPropertyValue(name) ?? '').trim();
  const timeProp = (name: string): Instant | null => {
    const prop = ev.getFirstProperty(name);
    if (!prop) return null;
    try {
      return propInstant(env, prop, lineOf(name.toUpperCase()));
    } catch (err) {
      throw new EventError(lineOf(name.toUpperCase()), `${name.toUpperCase()} cannot be read (${(err as Error).message.replace(/\.$/, '')}); write it as 20261130T100000.`);
    }
  };
  const start = timeProp('dtstart');
  if (!start) throw new EventError(at.begin, 'the event has no DTSTART (start time).');
  let end = timeProp('dtend');
  if (!end && ev.hasProperty('duration')) {
    try {
      const d = ev.getFirstPropertyValue('duration') as InstanceType<typeof ICAL.Duration>;
      end = { ...start, ms: start.ms + d.toSeconds() * 1000 };
    } catch (err) {
      throw new EventError(lineOf('DURATION'), `DURATION cannot be read: ${(err as Error).message}.`);
    }
  }
  end ??= { ...start, ms: start.isDate ? start.ms + DAY : start.ms };
  if (end.ms < start.ms) throw new EventError(lineOf('DTEND'), 'the event ends before it starts.');
  const ridProp = ev.getFirstProperty('recurrence-id');
  const rid = ridProp ? propInstant(env, ridProp, lineOf('RECURRENCE-ID')) : null;

  const description = text('description');
  const { agenda, notes } = ownAgenda(text('x-dossier-agenda'), text('x-dossier-notes'), ev.hasProperty('x-dossier-notes')) ?? readAgenda(description);
  const categories = ev.getFirstProperty('categories')?.getValues().map(String) ?? [];
  const status = text('status').toUpperCase();
  const own = text('x-dossier-status');
  const ownStatus = (MEETING_STATUSES as readonly string[]).includes(own) ? (own as IcsProposal['status']) : null;
  // A summary that lost its folding (Exchange) reads as one line.
  let title = text('summary').replace(/\s*\n\s*/g, ' ');
  if (!title) {
    title = 'Untitled meeting';
    warnings.push('The event has no SUMMARY; titled "Untitled meeting".');
  }
  const { people, rooms } = attendeesOf(ev);
  let venue = text('location').replace(/\s*\n\s*/g, ', ');
  if (!venue && rooms.length) venue = rooms.join(', ');
  // Online meetings: Exchange and Google name the join link in their own properties.
  const link = text('x-microsoft-skypeteamsmeetingurl') || text('x-microsoft-onlinemeetingconflink') || text('x-google-conference') || text('url');
  const ownFormat = text('x-dossier-format');
  const physical = venue !== '' && !/teams|zoom|webex|google meet|skype|online/i.test(venue);
  const format = (MEETING_FORMATS as readonly string[]).includes(ownFormat) ? (ownFormat as IcsProposal['format']) : link && !text('x-dossier-format') ? (physical ? 'hybrid' : 'virtual') : 'in_person';
  const extraNotes = link && !ownFormat && !notes.includes(link) ? `\n\nJoin: ${link}` : '';
  const days = start.isDate ? Math.max(1, Math.round((end.ms - start.ms) / DAY)) : 0;
  return {
    line: at.begin,
    uid: text('uid'),
    start,
    durationMs: end.ms - start.ms,
    allDayDays: days,
    rid,
    ev,
    at,
    warnings,
    fields: {
      title: title.slice(0, 300),
      series: (text('x-dossier-series') || (categories[0] ?? '')).trim().slice(0, 200),
      venue: venue.slice(0, 300),
      notes: (notes + extraNotes).trim(),
      status: ownStatus ?? (status === 'CANCELLED' ? 'cancelled' : status === 'CONFIRMED' ? 'confirmed' : 'planned'),
      agenda: agenda.map((a) => ({ ...a, title: a.title.slice(0, 500), time: a.time.slice(0, 40), lead: a.lead.slice(0, 300), documents: a.documents.slice(0, 2000) })),
      kind: text('x-dossier-kind').slice(0, 100),
      format,
      hostName: text('x-dossier-host').slice(0, 300),
      institutionNames: ev.getAllProperties('x-dossier-institution').map((p) => String(p.getFirstValue() ?? '').trim()).filter(Boolean),
      attendees: people,
    },
  };
}

/** One proposal for an occurrence (or a single event) starting at `start`. */
function proposal(env: Env, b: EventBase, start: Instant, ridKey: string, recurring: boolean): IcsProposal {
  const warnings = [...b.warnings];
  if (start.isDate) {
    const first = new Date(Date.parse(`${start.wall.slice(0, 10)}T00:00:00Z`));
    const last = new Date(first.getTime() + (b.allDayDays - 1) * DAY);
    return { ...b.fields, line: b.line, uid: b.uid, start: `${first.toISOString().slice(0, 10)}T00:00`, end: `${last.toISOString().slice(0, 10)}T23:59`, timeZone: env.floatingZone, allDay: true, recurrenceId: ridKey, recurring, warnings };
  }
  const zone = start.zone ?? env.displayZone;
  const startLocal = utcToZoned(start.ms, zone).local;
  if (start.zone && start.zone !== 'UTC' && startLocal !== start.wall) {
    warnings.push(`${start.wall.replace('T', ' ')} does not exist in ${zone} (the clocks go forward); read as ${startLocal.replace('T', ' ')}.`);
  }
  return { ...b.fields, line: b.line, uid: b.uid, start: startLocal, end: utcToZoned(start.ms + b.durationMs, zone).local, timeZone: zone, allDay: false, recurrenceId: ridKey, recurring, warnings };
}

const ridKeyOf = (i: Instant) => (i.isDate ? i.wall.slice(0, 10) : new Date(i.ms).toISOString());

/** The occurrences of a repeating master within the horizon, overrides applied. */
function expand(env: Env, master: EventBase, overrides: Map<string, EventBase>, window: { from: number; to: number; fromDate: string; toDate: string }, budget: Budget): IcsProposal[] {
  const ev = master.ev;
  const s = master.start;
  const tzid = ev.getFirstProperty('dtstart')?.getParameter('tzid');
  const frame = (t: Time): Instant => instantOf(env, t, tzid ? String(tzid) : null, master.line);
  const utcFrame = !tzid && !s.isDate && ev.getFirstPropertyValue('dtstart') instanceof ICAL.Time && (ev.getFirstPropertyValue('dtstart') as Time).zone === ICAL.Timezone.utcTimezone;
  const inWindow = (i: Instant) => (i.isDate ? i.wall.slice(0, 10) >= window.fromDate && i.wall.slice(0, 10) < window.toDate : i.ms + master.durationMs > window.from && i.ms < window.to);
  const starts = new Map<string, Instant>();
  const dtstart = ev.getFirstPropertyValue('dtstart') as Time;
  const base = utcFrame ? dtstart : floating(dtstart);
  const toWall = (t: Time): Instant => (utcFrame ? instantOf(env, t, null, master.line) : frame(t));
  const untilWall = ICAL.Time.fromData({ year: new Date(window.to).getUTCFullYear(), month: new Date(window.to).getUTCMonth() + 1, day: new Date(window.to).getUTCDate(), isDate: false });
  untilWall.adjust(2, 0, 0, 0);
  for (const p of ev.getAllProperties('rrule')) {
    const rule = (p.getFirstValue() as InstanceType<typeof ICAL.Recur>).clone();
    if (rule.until && !s.isDate && !utcFrame && rule.until.zone === ICAL.Timezone.utcTimezone) {
      // UNTIL is UTC while the rule runs in local wall time: compare like with like.
      const ms = Date.UTC(rule.until.year, rule.until.month - 1, rule.until.day, rule.until.hour, rule.until.minute, rule.until.second);
      const local = utcToZoned(ms, s.zone ?? env.floatingZone).local;
      rule.until = ICAL.Time.fromDateTimeString(`${local}:00`);
    }
    for (const t of ruleStarts(rule, base, untilWall, budget, (x) => inWindow(toWall(x)))) {
      const i = toWall(t);
      starts.set(ridKeyOf(i), i);
    }
  }
  for (const p of ev.getAllProperties('rdate')) {
    const tz = p.getParameter('tzid');
    for (const v of p.getValues()) {
      if (--budget.steps < 0) throw new ExpansionError('the calendar lists too many extra dates (RDATE) to read.', 'file');
      const t = v instanceof ICAL.Time ? v : (v as { start?: Time }).start;
      if (!(t instanceof ICAL.Time)) continue;
      const i = instantOf(env, t, tz ? String(tz) : null, master.line);
      if (inWindow(i)) starts.set(ridKeyOf(i), i);
    }
  }
  // EXDATE may be a date while DTSTART is a date-time (Outlook): it then removes that day's occurrence.
  for (const p of ev.getAllProperties('exdate')) {
    const tz = p.getParameter('tzid');
    for (const v of p.getValues()) {
      if (!(v instanceof ICAL.Time)) continue;
      const i = instantOf(env, v, tz ? String(tz) : null, master.line);
      if (i.isDate && !s.isDate) {
        for (const [k, x] of starts) if (x.wall.slice(0, 10) === i.wall.slice(0, 10)) starts.delete(k);
      } else starts.delete(ridKeyOf(i));
    }
  }
  const out: IcsProposal[] = [];
  const used = new Set<string>();
  for (const [key, i] of [...starts].sort((a, b) => a[1].ms - b[1].ms)) {
    const o = overrides.get(key);
    if (o) {
      used.add(key);
      out.push(proposal(env, o, o.start, key, true));
    } else out.push(proposal(env, master, i, key, true));
  }
  // A moved occurrence whose original time lies outside the horizon but whose new time is inside it.
  for (const [key, o] of overrides) if (!used.has(key) && inWindow(o.start)) (used.add(key), out.push(proposal(env, o, o.start, key, true)));
  if (out.length === 0) {
    env.warnings.push(`The repeating event "${master.fields.title}" (line ${master.line}) has no occurrence between ${window.fromDate} and ${window.toDate}; change the horizon to import it.`);
  }
  return out;
}

const utcOf = (m: IcsProposal) => zonedToUtcMs(m.start, m.timeZone);

/** Dossier's own agenda item as its export writes it (ical-write.ts): limits as agenda.save takes them. */
const OwnAgenda = z.array(z.object({ time: z.string().max(40), title: z.string().min(1).max(500), lead: z.string().max(300), documents: z.string().max(2000) })).max(500);

/**
 * The notes and agenda a Dossier export keeps beside the description (X-DOSSIER-AGENDA as JSON, X-DOSSIER-NOTES), so
 * its own files re-import exactly; null when they are absent or do not fit, and the description is read instead.
 */
function ownAgenda(agendaJson: string, notes: string, hasNotes: boolean): { agenda: AgendaLine[]; notes: string } | null {
  if (!agendaJson && !hasNotes) return null;
  let raw: unknown = [];
  try {
    if (agendaJson) raw = JSON.parse(agendaJson);
  } catch {
    return null;
  }
  const agenda = OwnAgenda.safeParse(raw);
  return agenda.success ? { agenda: agenda.data, notes } : null;
}

export interface IcsRead {
  meetings: IcsProposal[];
  facts: CalendarFacts;
}

/** Every event of the file as proposed meetings (repeating ones as their occurrences), the events that cannot be read, and the file's facts. */
export function readIcsFile(content: string, opts: IcsReadOptions): IcsRead {
  const { file } = opts;
  const prepared = prepareIcs(content, file);
  let parsed: unknown[];
  try {
    parsed = ICAL.parse(prepared.text) as unknown[];
  } catch (err) {
    // The line scan passed, so this is a value ical.js rejects; it does not say where, we name the file.
    throw icsError(file, 1, `the calendar could not be read: ${(err as Error).message}`);
  }
  // Several top-level components come back as a list of them, which no Component can hold (hostile input, issue 15).
  if (Array.isArray(parsed[0])) throw icsError(file, 1, `the file holds ${parsed.length} calendars; an .ics file holds one (BEGIN:VCALENDAR … END:VCALENDAR).`);
  const cal: Component = new ICAL.Component(parsed);
  const calZone = String(cal.getFirstPropertyValue('x-wr-timezone') ?? '');
  const floatingZone = opts.floatingZone && isIanaZone(opts.floatingZone) ? opts.floatingZone : isIanaZone(calZone) ? calZone : opts.defaultZone;
  const env: Env = {
    file,
    floatingZone,
    displayZone: isIanaZone(calZone) ? calZone : opts.defaultZone,
    vtimezones: new Map(cal.getAllSubcomponents('vtimezone').map((c) => [String(c.getFirstPropertyValue('tzid')), c])),
    choices: opts.zoneChoices ?? {},
    resolved: new Map(),
    unknown: [],
    usedFloating: { value: false },
    warnings: [...prepared.warnings],
  };
  for (const [tzid, vtz] of env.vtimezones) {
    const rule = hostileZoneRule(vtz);
    if (rule === null) continue;
    const physical = content.split(/\r\n|\n|\r/);
    const from = Math.max(0, physical.findIndex((l) => /^TZID[;:]/i.test(l) && l.endsWith(tzid)));
    const at = physical.findIndex((l, i) => i >= from && /^RRULE[;:]/i.test(l));
    throw icsError(file, at >= 0 ? at + 1 : 1, `the time zone "${tzid}" repeats its rule ${rule.slice(0, 60)} more often than once a year; no time zone changes that often, so the file was refused and nothing was imported.`);
  }
  const months = opts.horizonMonths ?? 18;
  const fromDate = opts.horizonFrom ?? (opts.now ?? new Date()).toISOString().slice(0, 10);
  const toDate = addMonths(fromDate, months);
  const window = { from: Date.parse(`${fromDate}T00:00:00Z`), to: Date.parse(`${toDate}T00:00:00Z`), fromDate, toDate };
  const budget = opts.budget ?? newBudget();
  const rejected: RejectedRecord[] = [...prepared.rejected];
  const events = cal.getAllSubcomponents('vevent');
  if (events.length === 0 && rejected.length === 0) throw icsError(file, 1, 'the calendar holds no event (VEVENT).');

  const bases: EventBase[] = [];
  events.forEach((ev, i) => {
    const at = prepared.events[i]!;
    try {
      bases.push(readBase(env, ev, at));
    } catch (err) {
      rejected.push({ line: err instanceof EventError ? err.line : at.begin, reason: (err as Error).message });
    }
  });
  // Overrides (RECURRENCE-ID) belong to the master of the same UID.
  const overridesOf = new Map<string, Map<string, EventBase>>();
  for (const b of bases) {
    if (!b.rid) continue;
    const m = overridesOf.get(b.uid) ?? new Map<string, EventBase>();
    m.set(ridKeyOf(b.rid), b);
    overridesOf.set(b.uid, m);
  }
  const meetings: IcsProposal[] = [];
  const attached = new Set<EventBase>();
  for (const b of bases) {
    if (b.rid) continue;
    const repeating = b.ev.hasProperty('rrule') || b.ev.hasProperty('rdate');
    if (!repeating) {
      meetings.push(proposal(env, b, b.start, '', false));
      continue;
    }
    const overrides = overridesOf.get(b.uid) ?? new Map<string, EventBase>();
    try {
      const occ = expand(env, b, overrides, window, budget);
      if (!b.fields.series) for (const o of occ) o.series = b.fields.title.slice(0, 200);
      meetings.push(...occ);
      for (const o of overrides.values()) attached.add(o);
    } catch (err) {
      if (err instanceof ExpansionError && err.scope === 'file') throw icsError(file, b.line, err.message);
      if (!(err instanceof ExpansionError)) throw err;
      rejected.push({ line: b.line, reason: err.message });
      for (const o of overrides.values()) attached.add(o);
    }
  }
  // Occurrences sent on their own (an invitation to one meeting of a series), or whose master was not readable.
  for (const b of bases) if (b.rid && !attached.has(b) && !rejected.some((r) => r.line === b.line)) meetings.push(proposal(env, b, b.start, ridKeyOf(b.rid), true));
  rejected.sort((a, b) => a.line - b.line);
  // In time order, as a calendar shows them (an occurrence moved by an override lands where it now is).
  meetings.sort((a, b) => utcOf(a) - utcOf(b) || a.line - b.line);
  return {
    meetings,
    facts: { rejected, warnings: env.warnings, floating: env.usedFloating.value, floatingZone, unknownZones: env.unknown, horizon: { from: fromDate, to: toDate, months } },
  };
}

/** Every meeting of the file; the first event that cannot be read refuses the whole file (all or nothing). */
export function readIcs(content: string, opts: IcsReadOptions): IcsProposal[] {
  const r = readIcsFile(content, opts);
  const bad = r.facts.rejected[0];
  if (bad) throw icsError(opts.file, bad.line, bad.reason);
  return r.meetings;
}
