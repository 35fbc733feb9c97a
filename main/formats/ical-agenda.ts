/**
 * Agenda items inside an event's DESCRIPTION. Calendars have no agenda field, so secretariats write lines like
 * "Item 1: Opening", "1. Opening" or "Agenda item 2 – Trade"; we read those, and write "Item N: [time] title
 * (lead: …; documents: …)" so an export re-imports to the same agenda. Other lines stay as the meeting's notes.
 */
export interface AgendaLine {
  time: string;
  title: string;
  lead: string;
  documents: string;
}

const ITEM = /^\s*(?:(?:agenda\s+)?item\s+(\d{1,3})\s*[:.)\-–—]|(\d{1,3})\s*[.)]|(?:agenda\s+)?item\s+(\d{1,3})\s+)\s*(.+?)\s*$/i;
const TIME = /^(\d{1,2}[:.]\d{2}(?:\s*[-–—]\s*\d{1,2}[:.]\d{2})?)\s+(?:[-–—]\s+)?(.+)$/;
const DETAILS = /\s*\(((?:lead|documents?)\s*:[^()]*)\)\s*$/i;
const HEADER = /^\s*agenda\s*:?\s*$/i;

/** Splits a description into agenda items (in the order written) and the remaining text. */
export function readAgenda(description: string): { agenda: AgendaLine[]; notes: string } {
  const agenda: AgendaLine[] = [];
  const rest: string[] = [];
  for (const line of description.split(/\r\n|\n|\r/)) {
    const m = ITEM.exec(line);
    if (!m) {
      if (!HEADER.test(line)) rest.push(line);
      continue;
    }
    let text = m[4]!;
    let lead = '';
    let documents = '';
    const d = DETAILS.exec(text);
    if (d) {
      text = text.slice(0, d.index);
      for (const part of d[1]!.split(';')) {
        const [k, ...v] = part.split(':');
        const value = v.join(':').trim();
        if (/^lead$/i.test(k!.trim())) lead = value;
        else documents = value;
      }
    }
    const t = TIME.exec(text);
    agenda.push({ time: t ? t[1]!.replace(/\s+/g, '') : '', title: (t ? t[2]! : text).trim(), lead, documents });
  }
  const notes = rest.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return { agenda: agenda.filter((a) => a.title !== ''), notes };
}

/** The DESCRIPTION text for notes plus agenda, readable in any calendar and re-readable by `readAgenda`. */
export function writeAgenda(notes: string, agenda: readonly AgendaLine[]): string {
  const lines = agenda.map((a, i) => {
    const details = [a.lead && `lead: ${a.lead}`, a.documents && `documents: ${a.documents}`].filter(Boolean).join('; ');
    return `Item ${i + 1}: ${a.time ? a.time + ' ' : ''}${a.title.replace(/\r?\n/g, ' ')}${details ? ` (${details.replace(/[()]/g, '')})` : ''}`;
  });
  return [notes.trim(), lines.length ? ['Agenda:', ...lines].join('\n') : ''].filter(Boolean).join('\n\n');
}
