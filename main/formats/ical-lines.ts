/**
 * Structural check of an .ics file before ical.js sees it, so a refusal can name the line: ical.js reports what
 * is wrong but not where. Unfolds lines (RFC 5545 §3.1) keeping each one's first physical line, checks property
 * syntax and BEGIN/END nesting, and records where each VEVENT and its properties are.
 */
import { DossierError } from '../../contract/errors';

/** The refusal every iCalendar reader throws: names the file and the 1-based line. */
export const icsError = (file: string, line: number, message: string) =>
  new DossierError('invalid_input', `${file}, line ${line}: ${message}`, { details: { file, line } });

/** One VEVENT's position in the file: its BEGIN line and the first line of each property (upper-case names). */
export interface EventLines {
  begin: number;
  props: Map<string, number>;
}

// name *(";" param) ":" value — param values may be quoted and contain ':' or ';'.
const CONTENT_LINE = /^[A-Za-z0-9-]+(?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*:/;

export function scanIcs(content: string, file: string): EventLines[] {
  const physical = content.replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
  const logical: { no: number; text: string }[] = [];
  physical.forEach((raw, i) => {
    if (/^[ \t]/.test(raw) && logical.length) logical[logical.length - 1]!.text += raw.slice(1);
    else if (/^[ \t]/.test(raw)) throw icsError(file, i + 1, 'a continuation line (starting with a space) with no property before it.');
    else if (raw.trim() !== '') logical.push({ no: i + 1, text: raw });
  });
  if (logical.length === 0) throw icsError(file, 1, 'the file is empty.');
  if (!/^BEGIN:VCALENDAR\s*$/i.test(logical[0]!.text)) throw icsError(file, logical[0]!.no, 'an iCalendar file must start with BEGIN:VCALENDAR.');

  const stack: { name: string; no: number }[] = [];
  const events: EventLines[] = [];
  let event: EventLines | null = null;
  let closed = false;
  for (const { no, text } of logical) {
    if (closed) throw icsError(file, no, 'text after END:VCALENDAR.');
    if (!CONTENT_LINE.test(text)) throw icsError(file, no, `not an iCalendar property line ("NAME:value"): "${text.slice(0, 60)}".`);
    const name = text.slice(0, text.search(/[;:]/)).toUpperCase();
    const value = text.slice(text.indexOf(':', name.length) + 1).trim().toUpperCase();
    if (name === 'BEGIN') {
      if (!/^[A-Z0-9-]+$/.test(value)) throw icsError(file, no, `"BEGIN:${value}" does not name a component.`);
      stack.push({ name: value, no });
      if (value === 'VEVENT') {
        if (stack.length !== 2) throw icsError(file, no, 'a VEVENT must sit directly inside VCALENDAR.');
        event = { begin: no, props: new Map() };
      }
    } else if (name === 'END') {
      const open = stack.pop();
      if (!open) throw icsError(file, no, `END:${value} with no BEGIN before it.`);
      if (open.name !== value) throw icsError(file, no, `END:${value} closes BEGIN:${open.name} of line ${open.no}.`);
      if (value === 'VEVENT' && event) {
        if (!event.props.has('DTSTART')) throw icsError(file, event.begin, 'the event has no DTSTART (start time).');
        events.push(event);
        event = null;
      }
      if (stack.length === 0) closed = true;
    } else if (stack.length === 0) {
      throw icsError(file, no, `property ${name} outside BEGIN:VCALENDAR … END:VCALENDAR.`);
    } else if (event && stack.length === 2 && !event.props.has(name)) {
      event.props.set(name, no);
    }
  }
  const open = stack.pop();
  if (open) throw icsError(file, open.no, `BEGIN:${open.name} has no END:${open.name} (the file may be cut short).`);
  return events;
}
