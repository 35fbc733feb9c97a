/**
 * What the generated sections show, read live from the store through the ordinary read ops: the meeting with
 * its agenda and people, each person's contact details, the institutions, and earlier meetings of the series.
 * TODO(#7): once main/ops/pack-document.ts exists, take this from the pack's own mapping through one op.
 */
import type { Contact, FollowUpAction, Institution, MeetingDetail, Participant } from '../../../../contract/model';
import { call } from '../../lib/client';

export interface Person extends Participant {
  side: 'delegation' | 'counterpart';
  contact: Contact | null;
}
export interface PastMeeting {
  id: number;
  title: string;
  start: string;
  venue: string;
  outcomes: string[];
}
export interface GeneratedData {
  meeting: MeetingDetail;
  people: Person[];
  institutions: Institution[];
  history: PastMeeting[];
  openActions: FollowUpAction[];
}

export async function loadGenerated(meetingId: number): Promise<GeneratedData> {
  const meeting = await call('meeting.get', { id: meetingId });
  const sides = [
    ...meeting.delegation.map((p) => ({ ...p, side: 'delegation' as const })),
    ...meeting.counterparts.map((p) => ({ ...p, side: 'counterpart' as const })),
  ];
  const people = await Promise.all(sides.map(async (p) => ({ ...p, contact: await call('contact.get', { id: p.contactId }).catch(() => null) })));
  const instIds = [...new Set([meeting.hostInstitutionId, ...meeting.institutionIds].filter((x): x is number => x !== null))];
  const institutions = (await Promise.all(instIds.map((id) => call('institution.get', { id }).catch(() => null)))).filter((x): x is Institution => x !== null);
  const earlier = meeting.seriesId === null ? [] : (await call('meeting.list', { seriesId: meeting.seriesId })).filter((m) => m.id !== meeting.id && m.startIso < meeting.startIso);
  const history = await Promise.all(
    earlier.slice(-3).map(async (m) => {
      const d = await call('meeting.get', { id: m.id });
      return { id: m.id, title: m.title, start: m.start, venue: m.venue, outcomes: d.outcomes.map((o) => o.text) };
    }),
  );
  const openActions = [...meeting.carriedActions, ...meeting.actions].filter((a) => a.status === 'open');
  return { meeting, people, institutions, history, openActions };
}
