/**
 * For tests: one plausible input for every `write` operation of the contract, drawn at random from what the
 * dossier holds now (null when the operation has nothing to work on yet). The team's capture test runs each of
 * them; the convergence test runs thousands on three replicas. A new write operation without a sample here fails
 * the capture test, so no write can escape the team's capture unnoticed.
 */
import type { OpName } from '../../contract/ops';
import type { OpsContext } from './context';
import { dispatch } from './index';

export type Rnd = () => number;
type Sample = (ctx: OpsContext, rnd: Rnd) => Promise<unknown | null> | unknown | null;

const pickOf = <T>(rnd: Rnd, xs: readonly T[]): T | undefined => (xs.length ? xs[Math.floor(rnd() * xs.length)] : undefined);
const ids = (ctx: OpsContext, sql: string, ...p: unknown[]) => (ctx.db.prepare(sql).all(...p) as { id: number }[]).map((r) => r.id);
const one = (ctx: OpsContext, rnd: Rnd, sql: string, ...p: unknown[]) => pickOf(rnd, ids(ctx, sql, ...p)) ?? null;
/** One row at random (by the seeded source, never SQLite's random(), so a run can be replayed). */
const row = <T>(ctx: OpsContext, rnd: Rnd, sql: string, ...p: unknown[]): T | undefined => pickOf(rnd, ctx.db.prepare(sql).all(...p) as T[]);
const word = (rnd: Rnd) => pickOf(rnd, ['labour', 'standards', 'social', 'protection', 'budget', 'reform', 'dialogue', 'migration', 'skills', 'youth', 'Über', 'Çelik'])!;
const words = (rnd: Rnd, n = 4) => Array.from({ length: 1 + Math.floor(rnd() * n) }, () => word(rnd)).join(' ');
const name = (rnd: Rnd) => pickOf(rnd, ['Anna', 'Ben', 'Chloé', 'Dariusz', 'Eko', 'Fatima', 'Gül', 'Hans'])!;
const family = (rnd: Rnd) => pickOf(rnd, ['Meyer', 'Okafor', 'Nakamura', 'Dubois', 'Weiß', 'Østergaard', 'Silva'])!;
const day = (rnd: Rnd) => `2027-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`;
const topics = (rnd: Rnd) => (rnd() < 0.5 ? [] : [pickOf(rnd, ['Social protection', 'Core labour standards', 'Youth employment', 'social protection'])!]);

const contactInput = (ctx: OpsContext, rnd: Rnd) => ({
  givenName: name(rnd),
  familyName: family(rnd),
  position: words(rnd, 3),
  institutionId: rnd() < 0.7 ? one(ctx, rnd, 'SELECT id FROM institutions') : null,
  phones: rnd() < 0.5 ? [{ label: 'work', value: `+41 22 799 ${1000 + Math.floor(rnd() * 8999)}` }] : [],
  emails: rnd() < 0.5 ? [{ label: 'work', value: `${name(rnd).toLowerCase()}.${Math.floor(rnd() * 1000)}@example.org` }] : [],
  languages: rnd() < 0.5 ? ['en', 'fr'] : [],
  notes: rnd() < 0.3 ? words(rnd, 8) : '',
  informationDated: rnd() < 0.5 ? '2025' : null,
  addresses: rnd() < 0.4 ? [{ label: 'work', street: `Route des Morillons ${1 + Math.floor(rnd() * 20)}`, locality: 'Genève', postalCode: '1211', country: 'Switzerland' }] : [],
  otherDetails: rnd() < 0.3 ? [{ name: 'Nickname', value: name(rnd), property: 'NICKNAME' }] : [],
  photo: rnd() < 0.2 ? PHOTO : undefined,
});
/** A 1×1 PNG, so contacts carry photos in the samples too. */
const PHOTO = { mediaType: 'image/png' as const, dataBase64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==' };

const meetingInput = (ctx: OpsContext, rnd: Rnd) => {
  const d = day(rnd);
  return {
    title: `${pickOf(rnd, ['WPSDG', 'G20 EWG', 'OECD ELSAC', 'Bilateral'])} ${words(rnd, 2)}`,
    series: rnd() < 0.5 ? pickOf(rnd, ['WPSDG', 'G20 EWG', 'wpsdg']) : '',
    start: `${d}T09:00`,
    end: `${d}T17:00`,
    timeZone: 'Europe/Zurich',
    allDay: rnd() < 0.2,
    venue: words(rnd, 2),
    hostInstitutionId: rnd() < 0.5 ? one(ctx, rnd, 'SELECT id FROM institutions') : null,
    institutionIds: [...new Set([one(ctx, rnd, 'SELECT id FROM institutions'), one(ctx, rnd, 'SELECT id FROM institutions')].filter((x): x is number => x !== null))],
    notes: rnd() < 0.3 ? words(rnd) : '',
  };
};

/** A section's new content: Markdown, or the JSON of its structured kind. */
function sectionContent(ctx: OpsContext, rnd: Rnd, s: { kind: string; content: string; briefing_id: number }): string {
  if (s.kind === 'key_messages') {
    const items = (JSON.parse(s.content || '{"items":[]}') as { items: string[] }).items.slice();
    if (items.length && rnd() < 0.3) items.splice(Math.floor(rnd() * items.length), 1);
    else items.splice(Math.floor(rnd() * (items.length + 1)), 0, `${words(rnd, 6)} ${Math.floor(rnd() * 1e6)}`);
    return JSON.stringify({ items });
  }
  if (s.kind === 'qa') {
    const pairs = (JSON.parse(s.content || '{"pairs":[]}') as { pairs: unknown[] }).pairs.slice();
    if (pairs.length && rnd() < 0.3) pairs.splice(Math.floor(rnd() * pairs.length), 1);
    else pairs.push({ question: `${words(rnd, 4)}? ${Math.floor(rnd() * 1e6)}`, answer: words(rnd, 8) });
    return JSON.stringify({ pairs });
  }
  if (s.kind === 'agenda_briefs') {
    const meeting = (ctx.db.prepare('SELECT meeting_id FROM briefings WHERE id = ?').get(s.briefing_id) as { meeting_id: number }).meeting_id;
    const items = ids(ctx, 'SELECT id FROM agenda_items WHERE meeting_id = ?', meeting);
    return JSON.stringify({ briefs: items.map((agendaItemId) => ({ agendaItemId, text: rnd() < 0.5 ? words(rnd, 6) : '' })) });
  }
  return `${words(rnd, 12)} ${Math.floor(rnd() * 1e6)}`;
}

const ICS = (rnd: Rnd) => {
  const uid = `uid-${Math.floor(rnd() * 1e9)}@example.org`;
  const d = day(rnd).replace(/-/g, '');
  // Timed or all-day, single or a short weekly series (occurrences carry UID and RECURRENCE-ID).
  const when = rnd() < 0.3 ? `DTSTART;VALUE=DATE:${d}\r\n` : `DTSTART:${d}T090000Z\r\nDTEND:${d}T170000Z\r\n`;
  const rule = rnd() < 0.3 ? 'RRULE:FREQ=WEEKLY;COUNT=2\r\n' : '';
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:${uid}\r\nDTSTAMP:20260101T000000Z\r\n${when}${rule}SUMMARY:Consultation ${words(rnd, 2)}\r\nLOCATION:Geneva\r\nDESCRIPTION:Item 1: Opening\\nItem 2: ${words(rnd, 2)}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
};
const VCARD = (rnd: Rnd) =>
  `BEGIN:VCARD\r\nVERSION:4.0\r\nN:${family(rnd)};${name(rnd)};;;\r\nFN:${name(rnd)} ${family(rnd)}\r\nTITLE:${words(rnd, 2)}\r\nEMAIL;TYPE=work:v${Math.floor(rnd() * 1e6)}@example.org\r\nADR;TYPE=work:;;Rue ${word(rnd)} ${Math.floor(rnd() * 99)};Genève;;1211;Switzerland\r\nBDAY:1970-01-0${1 + Math.floor(rnd() * 9)}\r\nEND:VCARD\r\n`;

/** A pack built from the dossier itself, for pack.import (built once per dossier; building is slow). */
const packs = new WeakMap<object, string>();

export const writeSamples: Partial<Record<OpName, Sample>> = {
  'system.loadDemo': (ctx) => ((ctx.db.prepare('SELECT count(*) AS n FROM institutions').get() as { n: number }).n === 0 ? {} : null),
  'institution.create': (ctx, rnd) => ({ name: `Unit ${words(rnd, 2)}`, acronym: rnd() < 0.5 ? word(rnd).toUpperCase().slice(0, 4) : '', parentId: rnd() < 0.5 ? one(ctx, rnd, 'SELECT id FROM institutions') : null, topics: topics(rnd), profile: words(rnd, 10) }),
  'institution.update': async (ctx, rnd) => {
    const id = one(ctx, rnd, 'SELECT id FROM institutions');
    if (!id) return null;
    const i = await dispatch(ctx, 'institution.get', { id });
    return { id, patch: { name: i.name, acronym: i.acronym, kind: i.kind, parentId: i.parentId, seat: rnd() < 0.5 ? words(rnd, 1) : i.seat, website: i.website, profile: rnd() < 0.5 ? words(rnd, 10) : i.profile, topics: rnd() < 0.5 ? topics(rnd) : i.topics } };
  },
  'institution.delete': (ctx, rnd) => (rnd() < 0.5 ? null : ((id) => (id ? { id } : null))(one(ctx, rnd, 'SELECT id FROM institutions'))),
  'institution.move': (ctx, rnd) => ((id) => (id ? { id, parentId: rnd() < 0.5 ? one(ctx, rnd, 'SELECT id FROM institutions WHERE id <> ?', id) : null } : null))(one(ctx, rnd, 'SELECT id FROM institutions')),
  'settings.update': (_ctx, rnd) => ({ staleAfterMonths: 12 + Math.floor(rnd() * 24) }),
  'contact.create': (ctx, rnd) => contactInput(ctx, rnd),
  'contact.update': async (ctx, rnd) => {
    const id = one(ctx, rnd, 'SELECT id FROM contacts');
    if (!id) return null;
    const c = await dispatch(ctx, 'contact.get', { id });
    const patch = { honorific: c.honorific, givenName: c.givenName, familyName: c.familyName, position: c.position, institutionId: c.institutionId, phones: c.phones, emails: c.emails, website: c.website, languages: c.languages, notes: c.notes, internal: c.internal, source: c.source, informationDated: c.informationDated, addresses: c.addresses, otherDetails: c.otherDetails, photo: undefined as typeof PHOTO | null | undefined };
    const r = rnd();
    if (r < 0.25) patch.notes = words(rnd, 8);
    else if (r < 0.4) patch.position = words(rnd, 3);
    else if (r < 0.55) patch.phones = [...c.phones, { label: 'mobile', value: `+41 79 ${100 + Math.floor(rnd() * 899)} 00 00`, e164: null }];
    else if (r < 0.7) patch.emails = [{ label: 'work', value: `${name(rnd).toLowerCase()}@example.org` }];
    else if (r < 0.8) patch.addresses = [...c.addresses.slice(0, 1), { label: 'home', poBox: '', extended: '', street: `${words(rnd, 2)} ${Math.floor(rnd() * 99)}`, locality: 'Bern', region: '', postalCode: '3003', country: 'Switzerland' }];
    else if (r < 0.9) patch.otherDetails = [...c.otherDetails, { name: 'Spouse', value: name(rnd), property: 'X-SPOUSE' }];
    else patch.photo = rnd() < 0.5 ? PHOTO : null;
    return { id, patch };
  },
  'contact.delete': (ctx, rnd) => (rnd() < 0.6 ? null : ((id) => (id ? { id } : null))(one(ctx, rnd, 'SELECT id FROM contacts'))),
  'contact.confirmDetails': (ctx, rnd) => ((id) => (id ? { id } : null))(one(ctx, rnd, 'SELECT id FROM contacts')),
  'contact.importCommit': (_ctx, rnd) => ({ format: 'vcard', content: VCARD(rnd) + VCARD(rnd), fileName: 'colleagues.vcf', resolution: pickOf(rnd, ['skip', 'update', 'keep_both']) }),
  'contact.saveProposal': (ctx, rnd) => ({ contact: contactInput(ctx, rnd), createInstitutions: rnd() < 0.5 ? [`Division ${word(rnd)}`] : [], updateId: rnd() < 0.3 ? one(ctx, rnd, 'SELECT id FROM contacts') : null }),
  'meeting.create': (ctx, rnd) => meetingInput(ctx, rnd),
  'meeting.update': (ctx, rnd) => ((id) => (id ? { id, patch: meetingInput(ctx, rnd) } : null))(one(ctx, rnd, 'SELECT id FROM meetings')),
  'meeting.delete': (ctx, rnd) => (rnd() < 0.7 ? null : ((id) => (id ? { id } : null))(one(ctx, rnd, 'SELECT id FROM meetings'))),
  'meeting.setParticipant': (ctx, rnd) => {
    const [m, c] = [one(ctx, rnd, 'SELECT id FROM meetings'), one(ctx, rnd, 'SELECT id FROM contacts')];
    return m && c ? { meetingId: m, contactId: c, side: pickOf(rnd, ['delegation', 'counterpart']), role: pickOf(rnd, ['head', 'member', 'adviser', 'note_taker']) } : null;
  },
  'meeting.removeParticipant': (ctx, rnd) => {
    const r = row(ctx, rnd, `SELECT * FROM (SELECT meeting_id AS m, contact_id AS c, 'delegation' AS side FROM delegation_members UNION ALL SELECT meeting_id, contact_id, 'counterpart' FROM counterparts)`) as { m: number; c: number; side: string } | undefined;
    return r ? { meetingId: r.m, contactId: r.c, side: r.side } : null;
  },
  'agenda.save': (ctx, rnd) => {
    const m = one(ctx, rnd, 'SELECT id FROM meetings');
    if (!m) return null;
    return { meetingId: m, id: rnd() < 0.4 ? one(ctx, rnd, 'SELECT id FROM agenda_items WHERE meeting_id = ?', m) : null, title: `Item: ${words(rnd, 3)}`, lead: rnd() < 0.5 ? name(rnd) : '' };
  },
  'agenda.remove': (ctx, rnd) => {
    const r = row(ctx, rnd, 'SELECT id, meeting_id AS m FROM agenda_items') as { id: number; m: number } | undefined;
    return r && rnd() < 0.7 ? { meetingId: r.m, id: r.id } : null;
  },
  'agenda.reorder': (ctx, rnd) => {
    const m = one(ctx, rnd, 'SELECT DISTINCT meeting_id AS id FROM agenda_items');
    if (!m) return null;
    const list = ids(ctx, 'SELECT id FROM agenda_items WHERE meeting_id = ? ORDER BY position, id', m);
    const i = Math.floor(rnd() * list.length);
    list.push(...list.splice(i, 1));
    return { meetingId: m, ids: list };
  },
  'meeting.createFromPrevious': (ctx, rnd) => ((m) => (m ? { meetingId: m, start: `${day(rnd)}T10:00`, end: `${day(rnd).slice(0, 8)}28T12:00` } : null))(one(ctx, rnd, 'SELECT id FROM meetings')),
  'outcome.save': (ctx, rnd) => {
    const m = one(ctx, rnd, 'SELECT id FROM meetings');
    return m ? { meetingId: m, id: rnd() < 0.3 ? one(ctx, rnd, 'SELECT id FROM outcomes WHERE meeting_id = ?', m) : null, text: words(rnd, 6), committedBy: pickOf(rnd, ['us', 'counterpart', '']) } : null;
  },
  'outcome.remove': (ctx, rnd) => ((r) => (r ? { meetingId: r.m, id: r.id } : null))(row(ctx, rnd, 'SELECT id, meeting_id AS m FROM outcomes') as { id: number; m: number } | undefined),
  'action.save': (ctx, rnd) => {
    const m = one(ctx, rnd, 'SELECT id FROM meetings');
    return m ? { meetingId: m, id: rnd() < 0.3 ? one(ctx, rnd, 'SELECT id FROM actions WHERE meeting_id = ?', m) : null, text: `Send ${words(rnd, 3)}`, owner: name(rnd), dueDate: rnd() < 0.5 ? day(rnd) : null } : null;
  },
  'action.setStatus': (ctx, rnd) => ((r) => (r ? { id: r.id, meetingId: r.m, status: pickOf(rnd, ['open', 'done', 'dropped']) } : null))(row(ctx, rnd, 'SELECT id, meeting_id AS m FROM actions') as { id: number; m: number } | undefined),
  'action.carryForward': (ctx, rnd) => {
    const a = row(ctx, rnd, `SELECT a.id, m.starts_at FROM actions a JOIN meetings m ON m.id = a.meeting_id WHERE a.status = 'open'`) as { id: number; starts_at: string } | undefined;
    const to = a ? one(ctx, rnd, 'SELECT id FROM meetings WHERE starts_at > ?', a.starts_at) : null;
    return a && to ? { id: a.id, toMeetingId: to } : null;
  },
  'action.remove': (ctx, rnd) => ((r) => (r ? { meetingId: r.m, id: r.id } : null))(row(ctx, rnd, 'SELECT id, meeting_id AS m FROM actions') as { id: number; m: number } | undefined),
  'meeting.importIcs': (_ctx, rnd) => ({ content: ICS(rnd), fileName: 'invite.ics' }),
  'participants.apply': (ctx, rnd) => {
    const m = one(ctx, rnd, 'SELECT id FROM meetings');
    return m ? { meetingId: m, text: `List of participants\nMs ${name(rnd)} ${family(rnd).toUpperCase()}, ${words(rnd, 2)}, Ministry of Labour\nMr ${name(rnd)} ${family(rnd).toUpperCase()}, Adviser, ILO` } : null;
  },
  'briefing.create': (ctx, rnd) => ((m) => (m ? { meetingId: m, title: `Brief ${words(rnd, 2)}`, template: rnd() < 0.8 ? 'standard' : 'empty' } : null))(one(ctx, rnd, 'SELECT id FROM meetings')),
  'briefing.delete': (ctx, rnd) => (rnd() < 0.7 ? null : ((id) => (id ? { id } : null))(one(ctx, rnd, 'SELECT id FROM briefings'))),
  'briefing.update': (ctx, rnd) => ((id) => (id ? { id, patch: pickOf(rnd, [{ title: `Brief ${words(rnd, 2)}` }, { classification: 'OFFICIAL' }, { owner: name(rnd) }, { deadline: day(rnd) }]) } : null))(one(ctx, rnd, `SELECT id FROM briefings WHERE status <> 'final'`)),
  'briefing.setStatus': (ctx, rnd) => ((id) => (id ? { id, status: pickOf(rnd, ['draft', 'draft', 'in_review', 'final']) } : null))(one(ctx, rnd, 'SELECT id FROM briefings')),
  'section.add': (ctx, rnd) => ((b) => (b ? { briefingId: b, kind: pickOf(rnd, ['markdown', 'key_messages', 'qa', 'agenda_briefs', 'whos_who']), afterId: rnd() < 0.5 ? one(ctx, rnd, 'SELECT id FROM briefing_sections WHERE briefing_id = ?', b) : null } : null))(one(ctx, rnd, `SELECT id FROM briefings WHERE status <> 'final'`)),
  'section.update': (ctx, rnd) => {
    const s = row(ctx, rnd, `SELECT s.id, s.kind, s.content, s.briefing_id FROM briefing_sections s JOIN briefings b ON b.id = s.briefing_id WHERE b.status <> 'final' AND s.kind IN ('markdown', 'key_messages', 'qa', 'agenda_briefs')`) as { id: number; kind: string; content: string; briefing_id: number } | undefined;
    if (!s) return null;
    return rnd() < 0.85 ? { id: s.id, content: sectionContent(ctx, rnd, s) } : rnd() < 0.5 ? { id: s.id, title: `Section ${words(rnd, 2)}` } : { id: s.id, handling: pickOf(rnd, ['may_use', 'not_for_disclosure', 'internal']) };
  },
  'section.remove': (ctx, rnd) => (rnd() < 0.7 ? null : ((id) => (id ? { id } : null))(one(ctx, rnd, `SELECT s.id FROM briefing_sections s JOIN briefings b ON b.id = s.briefing_id WHERE b.status <> 'final'`))),
  'section.reorder': (ctx, rnd) => {
    const b = one(ctx, rnd, `SELECT id FROM briefings WHERE status <> 'final'`);
    if (!b) return null;
    const list = ids(ctx, 'SELECT id FROM briefing_sections WHERE briefing_id = ? ORDER BY position, id', b);
    list.reverse();
    return { briefingId: b, ids: list };
  },
  'version.save': (ctx, rnd) => ((b) => (b ? { briefingId: b, name: rnd() < 0.5 ? words(rnd, 2) : '' } : null))(one(ctx, rnd, 'SELECT id FROM briefings')),
  'version.restore': (ctx, rnd) => ((id) => (id ? { id } : null))(one(ctx, rnd, `SELECT v.id FROM briefing_versions v JOIN briefings b ON b.id = v.briefing_id WHERE b.status <> 'final'`)),
  'snippet.save': (ctx, rnd) => ({ id: rnd() < 0.3 ? one(ctx, rnd, 'SELECT id FROM snippets') : null, topic: topics(rnd)[0] ?? '', title: words(rnd, 2), text: words(rnd, 10) }),
  'snippet.delete': (ctx, rnd) => ((id) => (id && rnd() < 0.5 ? { id } : null))(one(ctx, rnd, 'SELECT id FROM snippets')),
  'backup.create': () => ({}),
  'pack.import': async (ctx, rnd) => {
    let pdf = packs.get(ctx);
    if (!pdf) {
      const m = one(ctx, rnd, 'SELECT id FROM meetings');
      if (!m) return null;
      pdf = (await dispatch(ctx, 'pack.build', { meetingId: m, date: '2026-11-23' })).bytesBase64!;
      packs.set(ctx, pdf);
    }
    return { contentBase64: pdf, fileName: 'colleague.pdf', resolution: pickOf(rnd, ['update', 'keep_both']) };
  },
  'pack.build': (ctx, rnd) => ((m) => (m ? { meetingId: m, date: '2026-11-23' } : null))(one(ctx, rnd, 'SELECT id FROM meetings')),
  'pack.open': () => null, // desktop only (needs the system viewer); writes nothing to the dossier
  'pack.preflightDecide': (ctx, rnd) => ((b) => (b ? { briefingId: b, key: `stale:${Math.floor(rnd() * 10)}`, decision: pickOf(rnd, ['accept', 'flag', null]) } : null))(one(ctx, rnd, 'SELECT id FROM briefings')),
  'section.setBudget': (ctx, rnd) => ((id) => (id ? { id, words: rnd() < 0.5 ? 200 + Math.floor(rnd() * 800) : null, pages: rnd() < 0.3 ? 2 : null } : null))(one(ctx, rnd, 'SELECT id FROM briefing_sections')),
  'pack.issue': (ctx, rnd) => ((b) => (b ? { briefingId: b, date: '2026-11-23', newEdition: true } : null))(one(ctx, rnd, 'SELECT id FROM briefings')),
  'conflict.resolve': (ctx, rnd) => ((id) => (id ? { id, take: rnd() < 0.5 } : null))(one(ctx, rnd, `SELECT c.id FROM section_conflicts c JOIN briefing_sections s ON s.id = c.section_id JOIN briefings b ON b.id = s.briefing_id WHERE c.resolved_at IS NULL AND b.status <> 'final'`)),
  'team.restore': async (ctx, rnd) => pickOf(rnd, (await dispatch(ctx, 'team.restorable', {})).map((r) => ({ table: r.table, gid: r.gid }))) ?? null,
  'pack.addendum': (ctx, rnd) => ((b) => (b ? { briefingId: b, date: '2026-11-24' } : null))(one(ctx, rnd, 'SELECT DISTINCT briefing_id AS id FROM packs')),  // Commissions, clearance and comments (issue 20) are done as a member of staff: the sample first acts as the one
  // whose step it is (identity.set, a per-member setting, so nothing shared), as the user would choose under "I am".
  'commission.create': async (ctx, rnd) => {
    const s = row<{ id: number; kind: string; mid: number }>(ctx, rnd, `SELECT s.id, s.kind, b.meeting_id AS mid FROM briefing_sections s JOIN briefings b ON b.id = s.briefing_id WHERE b.status <> 'final' AND s.kind IN ('markdown', 'key_messages', 'qa', 'agenda_briefs')`);
    const [owner, assignee] = [await actAsStaff(ctx, rnd), staffOf(ctx, rnd)];
    if (!s || !owner || !assignee) return null;
    const item = s.kind === 'agenda_briefs' && rnd() < 0.5 ? one(ctx, rnd, 'SELECT id FROM agenda_items WHERE meeting_id = ?', s.mid) : null;
    return { sectionId: s.id, agendaItemId: item, assigneeId: assignee, deadline: rnd() < 0.5 ? day(rnd) : null, note: rnd() < 0.5 ? words(rnd, 6) : '', budgetWords: rnd() < 0.3 ? 300 : null };
  },
  'commission.saveDraft': (ctx, rnd) => asPersonOf(ctx, rnd, `SELECT id, assignee_id AS who FROM commissions WHERE state IN ('requested', 'in_progress', 'returned') AND assignee_id IS NOT NULL`, (id) => ({ id, text: contribution(ctx, rnd, id) })),
  'commission.submit': (ctx, rnd) => asPersonOf(ctx, rnd, `SELECT id, assignee_id AS who FROM commissions WHERE state IN ('requested', 'in_progress', 'returned') AND assignee_id IS NOT NULL`, (id) => ({ id, text: contribution(ctx, rnd, id) })),
  'commission.accept': async (ctx, rnd) => ((id) => (id ? { id } : null))(await asOwnerOfSubmitted(ctx, rnd)),
  'commission.return': async (ctx, rnd) => ((id) => (id ? { id, comment: `Please ${words(rnd, 4)}` } : null))(await asOwnerOfSubmitted(ctx, rnd)),
  'commission.withdraw': async (ctx, rnd) => {
    const open = `SELECT id, requested_by_id AS who FROM commissions WHERE state IN ('requested', 'in_progress', 'submitted', 'returned') AND requested_by_id IS NOT NULL`;
    if (!one(ctx, rnd, `SELECT id FROM (${open}) WHERE who IN (SELECT id FROM contacts WHERE internal = 1)`)) await newCommission(ctx, rnd);
    return asPersonOf(ctx, rnd, open, (id) => ({ id }));
  },
  'clearance.setChain': (ctx, rnd) => {
    const steps = [staffOf(ctx, rnd), staffOf(ctx, rnd)].slice(0, 1 + Math.floor(rnd() * 2));
    if (steps.some((s) => s === null)) return null;
    const briefingId = rnd() < 0.3 ? null : one(ctx, rnd, `SELECT id FROM briefings WHERE status <> 'final' AND id NOT IN (SELECT briefing_id FROM clearance_requests WHERE outcome = 'open')`);
    return { briefingId, steps: steps.map((contactId) => ({ contactId: contactId!, label: pickOf(rnd, ['Head of unit', 'Director', '']) })) };
  },
  'clearance.request': async (ctx, rnd) => ((b) => (b ? { briefingId: b } : null))(await draftWithChain(ctx, rnd)),
  'clearance.approve': async (ctx, rnd) => ((b) => (b ? { briefingId: b, comment: rnd() < 0.5 ? words(rnd, 4) : '' } : null))(await asClearerOfTurn(ctx, rnd)),
  'clearance.return': async (ctx, rnd) => {
    const b = await asClearerOfTurn(ctx, rnd);
    const s = b ? one(ctx, rnd, 'SELECT id FROM briefing_sections WHERE briefing_id = ?', b) : null;
    return b ? { briefingId: b, comment: `Rework ${words(rnd, 3)}`, comments: s && rnd() < 0.5 ? [{ sectionId: s, paragraph: null, body: words(rnd, 5) }] : [] } : null;
  },
  'clearance.override': async (ctx, rnd) => ((b) => (b ? { briefingId: b, reason: `Needed today: ${words(rnd, 4)}` } : null))(await draftWithChain(ctx, rnd)),
  'comment.add': async (ctx, rnd) => {
    if (!(await actAsStaff(ctx, rnd))) return null;
    const parent = rnd() < 0.3 ? one(ctx, rnd, 'SELECT id FROM comments WHERE parent_id IS NULL') : null;
    if (parent) return { parentId: parent, body: words(rnd, 6) };
    const s = one(ctx, rnd, 'SELECT id FROM briefing_sections');
    return s ? { sectionId: s, paragraph: rnd() < 0.5 ? 0 : null, body: words(rnd, 6) } : null;
  },
  'comment.resolve': async (ctx, rnd) => ((id) => (id ? { id, resolved: rnd() < 0.8 } : null))((await actAsStaff(ctx, rnd)) ? one(ctx, rnd, 'SELECT id FROM comments WHERE parent_id IS NULL') : null),
};

/** A contribution as its editor writes it: an agenda item's lines as text, a whole section as its kind's content. */
function contribution(ctx: OpsContext, rnd: Rnd, commissionId: number): string {
  const c = ctx.db.prepare('SELECT c.agenda_item_id AS item, s.kind, s.content, s.briefing_id FROM commissions c LEFT JOIN briefing_sections s ON s.id = c.section_id WHERE c.id = ?').get(commissionId) as
    | { item: number | null; kind: string | null; content: string | null; briefing_id: number | null }
    | undefined;
  return c?.item === null && c.kind !== null ? sectionContent(ctx, rnd, { kind: c.kind, content: c.content!, briefing_id: c.briefing_id! }) : words(rnd, 12);
}

/** A member of staff (an internal contact) at random, or null. */
const staffOf = (ctx: OpsContext, rnd: Rnd) => one(ctx, rnd, 'SELECT id FROM contacts WHERE internal = 1');
/** Acts as a member of staff at random (Preferences → "I am"); the contact id, or null when the dossier has no staff. */
async function actAsStaff(ctx: OpsContext, rnd: Rnd): Promise<number | null> {
  const who = staffOf(ctx, rnd);
  if (who !== null) await dispatch(ctx, 'identity.set', { contactId: who });
  return who;
}
/** A record from `sql` (columns id, who) at random, acting as its `who`; `input` makes the op's input from its id. */
async function asPersonOf(ctx: OpsContext, rnd: Rnd, sql: string, input: (id: number) => unknown): Promise<unknown> {
  const r = row<{ id: number; who: number }>(ctx, rnd, `SELECT * FROM (${sql}) WHERE who IN (SELECT id FROM contacts WHERE internal = 1)`);
  if (!r) return null;
  await dispatch(ctx, 'identity.set', { contactId: r.who });
  return input(r.id);
}
/** Commissions a section (as commission.create's sample would); the new commission's id, or null. */
async function newCommission(ctx: OpsContext, rnd: Rnd): Promise<number | null> {
  const input = await writeSamples['commission.create']!(ctx, rnd);
  if (input === null) return null;
  try {
    return (await dispatch(ctx, 'commission.create', input)).id;
  } catch {
    return null; // a past deadline, a section gone: another draw
  }
}

/**
 * A submitted commission of a draft briefing at random (one still open is submitted first, as its contributor, when
 * none is), acting as the staff member who commissioned it; its id, or null.
 */
async function asOwnerOfSubmitted(ctx: OpsContext, rnd: Rnd): Promise<number | null> {
  const staff = 'IN (SELECT id FROM contacts WHERE internal = 1)';
  const usable = `FROM commissions c JOIN briefings b ON b.id = c.briefing_id WHERE c.section_id IS NOT NULL AND b.status <> 'final' AND c.requested_by_id ${staff}`;
  let id = one(ctx, rnd, `SELECT c.id ${usable} AND c.state = 'submitted'`);
  if (id === null) {
    id = one(ctx, rnd, `SELECT c.id ${usable} AND c.state IN ('requested', 'in_progress', 'returned') AND c.assignee_id ${staff}`) ?? (await newCommission(ctx, rnd));
    if (id === null) return null;
    const assignee = (ctx.db.prepare('SELECT assignee_id AS who FROM commissions WHERE id = ?').get(id) as { who: number }).who;
    await dispatch(ctx, 'identity.set', { contactId: assignee });
    try {
      await dispatch(ctx, 'commission.submit', { id, text: contribution(ctx, rnd, id) });
    } catch {
      return null; // an empty contribution (an agenda without items): another draw
    }
  }
  await dispatch(ctx, 'identity.set', { contactId: (ctx.db.prepare('SELECT requested_by_id AS who FROM commissions WHERE id = ?').get(id) as { who: number }).who });
  return id;
}

/**
 * A draft briefing at random that has a clearance chain (one is set for it when it has none and is not in clearance),
 * acting as a member of staff; its id, or null.
 */
async function draftWithChain(ctx: OpsContext, rnd: Rnd): Promise<number | null> {
  const b = one(ctx, rnd, `SELECT id FROM briefings WHERE status <> 'final'`);
  const clearer = staffOf(ctx, rnd);
  if (!b || !clearer || !(await actAsStaff(ctx, rnd))) return null;
  if ((await dispatch(ctx, 'clearance.chain', { briefingId: b })).steps.length === 0) {
    if (one(ctx, rnd, `SELECT id FROM clearance_requests WHERE briefing_id = ? AND outcome = 'open'`, b)) return null;
    await dispatch(ctx, 'clearance.setChain', { briefingId: b, steps: [{ contactId: clearer, label: 'Head of unit' }] });
  }
  return b;
}

/** A briefing in clearance at random, acting as the clearer whose turn it is; its id, or null. */
async function asClearerOfTurn(ctx: OpsContext, rnd: Rnd): Promise<number | null> {
  let b = one(ctx, rnd, `SELECT briefing_id AS id FROM clearance_requests WHERE outcome = 'open'`);
  if (!b) {
    // None in clearance: send one (as its owner would) so there is a turn to take.
    b = await draftWithChain(ctx, rnd);
    if (!b) return null;
    try {
      await dispatch(ctx, 'clearance.request', { briefingId: b });
    } catch {
      return null;
    }
  }
  const c = await dispatch(ctx, 'clearance.get', { briefingId: b });
  const who = c.steps.find((s) => s.position === c.turn)?.clearer.contactId;
  if (who === undefined || who === null || !one(ctx, rnd, 'SELECT id FROM contacts WHERE id = ? AND internal = 1', who)) return null;
  await dispatch(ctx, 'identity.set', { contactId: who });
  return b;
}

/**
 * Write operations that change no shared record, with the reason: they are run by the capture test too, which
 * checks they leave nothing to share (or, for the team's own operations, are covered by the team tests).
 */
export const NOT_SHARED: Partial<Record<OpName, string>> = {
  'settings.update': 'settings stay with each member',
  'pack.preflightDecide': 'pre-flight decisions are kept in the member’s settings',
  'backup.create': 'writes a backup file beside the dossier; backups stay with each member',
  'backup.restore': 'replaces this member’s copy; the team’s later changes come back at the next sync (team tests)',
  'pack.build': 'writes a PDF file, never the dossier',
  'pack.open': 'opens a PDF in the system viewer (desktop app only)',
  'team.create': 'membership, tested by the team tests',
  'team.join': 'membership, tested by the team tests',
  'team.leave': 'membership, tested by the team tests',
  'team.pause': 'this member’s sync switch (local)',
  'sync.run': 'the exchange itself',
  'identity.set': 'who “I am” is on this computer: kept in the member’s settings, so each member acts as themselves',
};

/** A seeded random source, so a failure can be replayed. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
