/** Loads the demo dossier (data/demo.ts) through the same store functions the UI uses, in one transaction. */
import { ContactInput, InstitutionInput, MeetingInput } from '../../contract/model';
import { demoContacts, demoInstitutions, demoMeetings } from '../../data/demo';
import { utcToZoned } from '../../contract/time';
import { createContact } from '../store/contacts';
import type { WriteDb } from '../store/db';
import { createInstitution } from '../store/institutions';
import { createMeeting, saveAgendaItem, setParticipant } from '../store/meetings';
import { run } from '../store/sql';

const DAY = 86_400_000;

export function loadDemo(db: WriteDb, now: Date): { institutions: number; contacts: number; meetings: number } {
  const inst = new Map<string, number>();
  for (const { key, parent, ...rest } of demoInstitutions) {
    inst.set(key, createInstitution(db, InstitutionInput.parse({ ...rest, parentId: parent ? inst.get(parent)! : null }), 'Demo dossier'));
  }
  const people = new Map<string, number>();
  for (const { key, institution, ...rest } of demoContacts) {
    people.set(key, createContact(db, ContactInput.parse({ ...rest, institutionId: institution ? inst.get(institution)! : null })));
  }
  for (const m of demoMeetings) {
    const day = utcToZoned(now.getTime() + m.inDays * DAY, m.timeZone).local.slice(0, 10);
    const endDay = utcToZoned(now.getTime() + (m.inDays + m.durationDays) * DAY, m.timeZone).local.slice(0, 10);
    const id = createMeeting(
      db,
      MeetingInput.parse({
        title: m.title,
        series: m.series,
        kind: m.kind,
        start: `${day}T${m.startTime}`,
        end: `${endDay}T${m.endTime}`,
        timeZone: m.timeZone,
        venue: m.venue,
        format: m.format,
        hostInstitutionId: inst.get(m.host)!,
        institutionIds: m.institutions.map((k) => inst.get(k)!),
        status: m.status,
      }),
      'Demo dossier',
    );
    for (const a of m.agenda) saveAgendaItem(db, id, { id: null, ...a });
    for (const d of m.delegation) setParticipant(db, id, people.get(d.contact)!, 'delegation', d.role);
    for (const c of m.counterparts) setParticipant(db, id, people.get(c)!, 'counterpart', 'member');
    m.outcomes.forEach((text, i) => run(db, 'INSERT INTO outcomes (meeting_id, position, text) VALUES (?, ?, ?)', id, i + 1, text));
    for (const a of m.actions) {
      const due = new Date(now.getTime() + a.dueInDays * DAY).toISOString().slice(0, 10);
      run(
        db,
        'INSERT INTO actions (meeting_id, text, owner, due_date, status, created_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        id,
        a.text,
        a.owner,
        due,
        a.status,
        now.toISOString(),
        a.status === 'done' ? now.toISOString() : null,
      );
    }
  }
  return { institutions: inst.size, contacts: people.size, meetings: demoMeetings.length };
}
