/**
 * A pasted participants list against the store: each person matched (e-mail, else folded name), the differences
 * shown (new, changed post or institution, new e-mail, unchanged), and on confirmation recorded all or nothing with
 * the list as dated source; post changes go through the post history; everyone joins the meeting's counterparts.
 */
import { ContactInput, type ContactProposal, type ParticipantRow } from '../../contract/model';
import type { Parsed } from '../../contract/ops';
import { parseParticipants } from '../formats/participants';
import { type ContactFields, createContact, getContact } from '../store/contacts';
import type { ReadDb } from '../store/db';
import { getMeetingDetail, setParticipant } from '../store/meetings';
import { findPerson } from '../store/people-match';
import { updateContactKeepingHistory } from '../store/positions';
import { fold } from '../store/search';
import { type InstitutionMatcher, institutionMatcher } from './contact-io-match';
import { type HandlerMap, type WriteContext, staged, today } from './context';

/** Posts compared as people read them: case, accents, punctuation and spacing ignored. */
const same = (a: string, b: string) => fold(a).replace(/[^\p{L}\p{N}]+/gu, ' ').trim() === fold(b).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** "Participants list, WPSDG — …, 2026-03-12": stored as the source of what the list records. */
export const listSource = (meetingTitle: string, date: string) => `Participants list, ${meetingTitle}, ${date}`;

function row(db: ReadDb, matcher: InstitutionMatcher, p: ContactProposal, counterparts: Set<number>): ParticipantRow {
  const institution = matcher.match(p);
  const contactId = findPerson(db, p, institution.institutionId);
  if (contactId === null) {
    return { proposal: { ...p, institutionId: institution.institutionId }, institution, contactId: null, stored: null, status: 'new', changes: [], alreadyCounterpart: false };
  }
  const c = getContact(db, contactId);
  const changes: ParticipantRow['changes'] = [];
  if (p.position && !same(p.position, c.position)) changes.push({ field: 'position', before: c.position, after: p.position });
  // A list naming the organisation ("ILO") of someone stored in one of its units (MULTILATERALS) is no move.
  const target = institution.institutionId;
  if (target !== null && c.institutionId !== target && !(c.institutionId !== null && (matcher.within(c.institutionId, target) || matcher.within(target, c.institutionId)))) {
    changes.push({ field: 'institution', before: c.institutionName ?? '', after: institution.path.join(' › ') });
  }
  for (const e of p.emails) if (!c.emails.some((x) => x.value.toLowerCase() === e.value.toLowerCase())) changes.push({ field: 'email', before: c.emails.map((x) => x.value).join(', '), after: e.value });
  if (p.honorific && !c.honorific) changes.push({ field: 'honorific', before: '', after: p.honorific });
  return {
    proposal: { ...p, institutionId: institution.institutionId },
    institution,
    contactId,
    stored: { displayName: c.displayName, position: c.position, institutionName: c.institutionName, emails: c.emails.map((e) => e.value) },
    status: changes.length ? 'changed' : 'unchanged',
    changes,
    alreadyCounterpart: counterparts.has(contactId),
  };
}

function preview(db: ReadDb, { meetingId, text, defaultRegion }: { meetingId: number; text: string; defaultRegion: string | null }, date: string) {
  const meeting = getMeetingDetail(db, meetingId);
  const source = listSource(meeting.title, date);
  const matcher = institutionMatcher(db);
  const counterparts = new Set(meeting.counterparts.map((c) => c.contactId));
  void defaultRegion; // lists rarely give phone numbers; kept for symmetry with the paste reader
  const people = parseParticipants(text, source).map((p) => row(db, matcher, p, counterparts));
  const count = (s: ParticipantRow['status']) => people.filter((p) => p.status === s).length;
  return { source, people, counts: { new: count('new'), changed: count('changed'), unchanged: count('unchanged') } };
}

/** The contact fields after the list: its post, institution and e-mails win; nothing stored is blanked. */
function updated(db: ReadDb, r: ParticipantRow, source: string, date: string): ContactFields {
  const c = getContact(db, r.contactId!);
  const moved = r.changes.some((ch) => ch.field === 'institution');
  return ContactInput.parse({
    honorific: c.honorific || r.proposal.honorific,
    givenName: c.givenName,
    familyName: c.familyName,
    position: r.proposal.position || c.position,
    institutionId: moved ? r.institution.institutionId : c.institutionId,
    phones: c.phones,
    emails: [...c.emails, ...r.proposal.emails.filter((e) => !c.emails.some((x) => x.value.toLowerCase() === e.value.toLowerCase()))].slice(0, 20),
    website: c.website,
    languages: c.languages,
    notes: c.notes,
    internal: c.internal,
    // Addresses and other details stay; no photo given keeps the stored one.
    addresses: c.addresses,
    otherDetails: c.otherDetails,
    source,
    informationDated: date,
  });
}

function created(r: ParticipantRow, source: string, date: string): ContactFields {
  const p = r.proposal;
  // Names the store does not know (a country, a ministry not yet stored) stay readable in the notes, not as new institutions.
  const unknown = r.institution.create.length ? `Listed as: ${r.institution.create.join(', ')}` : '';
  return ContactInput.parse({
    honorific: p.honorific,
    givenName: p.givenName,
    familyName: p.familyName,
    position: p.position,
    institutionId: r.institution.institutionId,
    emails: p.emails.slice(0, 20),
    phones: p.phones.slice(0, 20),
    notes: unknown,
    source,
    informationDated: date,
  });
}

/** Writes the reviewed list: new contacts, changed posts (kept in the post history), everyone on the meeting. */
function apply(ctx: WriteContext, input: Parsed<'participants.apply'>, { source, people }: ReturnType<typeof preview>, date: string) {
  const db = ctx.db;
  const meeting = getMeetingDetail(db, input.meetingId);
  const ours = new Set(meeting.delegation.map((d) => d.contactId));
  const out = { created: [] as number[], updated: [] as number[], added: [] as number[], skipped: 0, source };
  people.forEach((r, i) => {
    if (input.decisions[String(i)] === 'skip') {
      out.skipped++;
      return;
    }
    let id = r.contactId;
    if (id === null) {
      id = createContact(db, created(r, source, date));
      out.created.push(id);
    } else if (r.status === 'changed') {
      updateContactKeepingHistory(db, id, updated(db, r, source, date), date, source);
      out.updated.push(id);
    }
    // Our own staff on the list stay in the delegation; everyone else is a counterpart.
    if (!ours.has(id) && !getContact(db, id).internal && !r.alreadyCounterpart) {
      setParticipant(db, input.meetingId, id, 'counterpart', 'member');
      out.added.push(id);
    }
  });
  return out;
}

export const participantHandlers: HandlerMap<'participants.preview' | 'participants.apply'> = {
  'participants.preview': (input, ctx) => preview(ctx.db, input, today(ctx)),
  // Matched against the store before the transaction (no await between, so nothing changes in between).
  'participants.apply': staged<'participants.apply'>((input, ctx) => {
    const date = today(ctx);
    const matched = preview(ctx.db, input, date);
    return (w) => apply(w, input, matched, date);
  }),
};
