/**
 * Structural pass over an .ics file before ical.js sees it, so every fault can name its line (ical.js says what is
 * wrong, not where) and so real-world breakage whose meaning is clear is read with a warning instead of refused
 * (issue 17): lines that lost their folding space (Exchange invitations), a missing VERSION or END:VCALENDAR, an
 * event cut off at the end of the file. Returns the repaired text for ical.js and where each VEVENT is.
 */
import { DossierError } from '../../contract/errors';
import type { RejectedRecord } from '../../contract/model';

/** The refusal every iCalendar reader throws: names the file and the 1-based line. */
export const icsError = (file: string, line: number, message: string) =>
  new DossierError('invalid_input', `${file}, line ${line}: ${message}`, { details: { file, line } });

/** One VEVENT's position in the file: its BEGIN line and the first line of each property (upper-case names). */
export interface EventLines {
  begin: number;
  props: Map<string, number>;
}

/** What the structural pass gives: text ical.js can read, the events in file order, warnings and cut-off records. */
export interface PreparedIcs {
  text: string;
  events: EventLines[];
  warnings: string[];
  rejected: RejectedRecord[];
}

// name *(";" param) ":" value — param values may be quoted and contain ':' or ';'.
const CONTENT_LINE = /^[A-Za-z0-9-]+(?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*:/;
// The property and component names of RFC 5545 (and X- ones): a text line that lost its folding space may look like
// "Agenda: …" or "Join: https://…", which is no property.
const KNOWN = new Set(
  ('BEGIN END CALSCALE METHOD PRODID VERSION ATTACH CATEGORIES CLASS COMMENT DESCRIPTION GEO LOCATION PERCENT-COMPLETE PRIORITY RESOURCES STATUS ' +
    'SUMMARY COMPLETED DTEND DUE DTSTART DURATION FREEBUSY TRANSP TZID TZNAME TZOFFSETFROM TZOFFSETTO TZURL ATTENDEE CONTACT ORGANIZER RECURRENCE-ID ' +
    'RELATED-TO URL UID EXDATE EXRULE RDATE RRULE ACTION REPEAT TRIGGER CREATED DTSTAMP LAST-MODIFIED SEQUENCE REQUEST-STATUS NAME REFRESH-INTERVAL ' +
    'SOURCE COLOR IMAGE CONFERENCE').split(' '),
);
const isProperty = (line: string) => {
  if (!CONTENT_LINE.test(line)) return false;
  const name = line.slice(0, line.search(/[;:]/)).toUpperCase();
  return KNOWN.has(name) || name.startsWith('X-') || name.startsWith('IANA-');
};

// Properties whose value is text: a lost line break inside them was a line break of the text.
const TEXT_PROPS = /^(DESCRIPTION|SUMMARY|LOCATION|COMMENT|X-ALT-DESC|CONTACT|RESOURCES)[;:]/i;

export function prepareIcs(content: string, file: string): PreparedIcs {
  const physical = content.replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
  const warnings: string[] = [];
  const rejected: RejectedRecord[] = [];
  // RFC 5545 §3.1 unfolding first, so a folded property is whole before it is judged.
  const folded: { no: number; text: string }[] = [];
  physical.forEach((raw, i) => {
    const last = folded[folded.length - 1];
    if (/^[ \t]/.test(raw)) {
      if (!last) throw icsError(file, i + 1, 'a continuation line (starting with a space) with no property before it.');
      last.text += raw.slice(1);
    } else if (raw.trim() !== '') folded.push({ no: i + 1, text: raw });
  });
  const logical: { no: number; text: string }[] = [];
  for (const line of folded) {
    const last = logical[logical.length - 1];
    if (last && !/^(BEGIN|END):/i.test(last.text) && (!CONTENT_LINE.test(line.text) || (TEXT_PROPS.test(last.text) && !isProperty(line.text)))) {
      // A line that lost its folding space: it continues the property above (Exchange does this in DESCRIPTION).
      warnings.push(`Line ${line.no} does not start a property; read as the continuation of line ${last.no}.`);
      last.text += TEXT_PROPS.test(last.text) ? `\\n${line.text}` : line.text;
    } else logical.push({ ...line });
  }
  if (logical.length === 0) throw icsError(file, 1, 'the file is empty.');
  if (!/^BEGIN:VCALENDAR\s*$/i.test(logical[0]!.text)) throw icsError(file, logical[0]!.no, 'an iCalendar file must start with BEGIN:VCALENDAR.');

  const stack: { name: string; no: number; at: number }[] = [];
  const events: EventLines[] = [];
  const out: { no: number; text: string }[] = [];
  let event: EventLines | null = null;
  let closed = false;
  let version = false;
  for (const { no, text } of logical) {
    if (closed) {
      warnings.push(`Line ${no}: text after END:VCALENDAR was not read.`);
      break;
    }
    if (!CONTENT_LINE.test(text)) throw icsError(file, no, `not an iCalendar property line ("NAME:value"): "${text.slice(0, 60)}".`);
    const name = text.slice(0, text.search(/[;:]/)).toUpperCase();
    const value = text.slice(text.indexOf(':', name.length) + 1).trim().toUpperCase();
    if (name === 'VERSION' && stack.length === 1) version = true;
    if (name === 'BEGIN') {
      if (!/^[A-Z0-9-]+$/.test(value)) throw icsError(file, no, `"BEGIN:${value}" does not name a component.`);
      stack.push({ name: value, no, at: out.length });
      if (value === 'VEVENT') {
        if (stack.length !== 2) throw icsError(file, no, 'a VEVENT must sit directly inside VCALENDAR.');
        event = { begin: no, props: new Map() };
      }
    } else if (name === 'END') {
      const open = stack.pop();
      if (!open) throw icsError(file, no, `END:${value} with no BEGIN before it.`);
      if (open.name !== value) throw icsError(file, no, `END:${value} closes BEGIN:${open.name} of line ${open.no}.`);
      if (value === 'VEVENT' && event) {
        events.push(event);
        event = null;
      }
      if (stack.length === 0) closed = true;
    } else if (stack.length === 0) {
      throw icsError(file, no, `property ${name} outside BEGIN:VCALENDAR … END:VCALENDAR.`);
    } else if (event && stack.length === 2 && !event.props.has(name)) {
      event.props.set(name, no);
    }
    out.push({ no, text });
  }
  // A file cut short: drop the unfinished component (an event is reported), close the calendar.
  while (stack.length > 1) {
    const open = stack.pop()!;
    out.length = open.at;
    if (open.name === 'VEVENT') rejected.push({ line: open.no, reason: `the event has no END:VEVENT (the file may be cut short).` });
    else warnings.push(`BEGIN:${open.name} on line ${open.no} has no END:${open.name}; it was left out.`);
  }
  if (!closed) {
    warnings.push('The file has no END:VCALENDAR (it may be cut short); what it holds was read.');
    out.push({ no: physical.length, text: 'END:VCALENDAR' });
  }
  if (!version) warnings.push('The calendar has no VERSION line; it was read as iCalendar 2.0.');
  return { text: out.map((l) => l.text).join('\r\n') + '\r\n', events, warnings, rejected };
}
