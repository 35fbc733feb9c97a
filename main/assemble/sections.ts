/**
 * PackSource → the pack's sections: each section of the briefing as the variant shows it (or, for a meeting without a
 * briefing, the standard template's generated sections), with dates formatted in the meeting's zone and the briefing's
 * language. Pure: everything comes from the source.
 */
import type { BriefingDetail, Contact, FollowUpAction, MeetingDetail, Section, SectionBody } from '../../contract/model';
import { parseSectionBody } from '../../contract/section-content';
import type { ActionItem, PackSection, PersonCard } from '../pack/document';
import { type ParticipantRole, labelsFor } from '../pack/labels';
import { STANDARD_TEMPLATE } from '../store/briefings';
import { Dates } from './dates';
import { sinceLastTime } from './since-last-time';
import type { PackSource } from './source';

/** Kinds drawn from the store: the whole pack of a meeting that has no briefing yet. */
const GENERATED: readonly Section['kind'][] = ['programme', 'whos_who', 'institution_profiles', 'history', 'since_last_time', 'contact_sheet'];
const DELEGATION_ROLES: readonly string[] = ['head', 'member', 'adviser', 'note_taker'];

// pdfkit draws JPEG and PNG; other photos stay in the app.
const PRINTABLE = new Set(['image/jpeg', 'image/png']);
const addressLine = (a: Contact['addresses'][number]) =>
  [a.extended, a.street.replace(/\n/g, ', '), a.poBox, [a.postalCode, a.locality].filter(Boolean).join(' '), a.region, a.country].filter((x) => x.trim()).join(', ');

function card(c: Contact, role: ParticipantRole, newInPost: string | null, addresses: boolean): PersonCard {
  return {
    photo: c.photo && PRINTABLE.has(c.photo.mediaType) ? Buffer.from(c.photo.dataBase64, 'base64') : null,
    addresses: addresses ? c.addresses.map((a) => ({ label: a.label, text: addressLine(a) })) : [],
    newInPost,
    name: c.displayName,
    role,
    position: c.position,
    institution: c.institutionName ?? '',
    phones: c.phones.map((p) => p.value),
    emails: c.emails.map((e) => e.value),
    languages: c.languages,
    notes: c.notes,
    informationDated: c.informationDated,
    stale: c.stale,
  };
}

export interface SectionOptions {
  /** A releasable pack's filter, applied to the earlier briefing "since last time" quotes. */
  filterThen?: ((b: BriefingDetail) => BriefingDetail) | undefined;
  /** Postal addresses on the who's who cards. */
  addresses: boolean;
}

/** What the sections share: the source, dates and labels in the briefing's language, the people as cards. */
interface Facts {
  source: PackSource;
  meeting: MeetingDetail;
  language: string;
  dates: Dates;
  delegation: PersonCard[];
  counterparts: PersonCard[];
  /** The briefing as the variant shows it, and the same filter for the earlier briefing "since last time" quotes. */
  briefing: BriefingDetail | null;
  filterThen?: ((b: BriefingDetail) => BriefingDetail) | undefined;
}

function facts(source: PackSource, briefing: BriefingDetail | null, { filterThen, addresses }: SectionOptions): Facts {
  const { meeting, previous } = source;
  const language = source.briefing?.language ?? 'en';
  const dates = new Dates(language);
  // "New in post since <last meeting>": the current post began after the previous meeting of the series started.
  const prev = previous?.meeting ?? null;
  const newInPost = (id: number) => {
    const from = source.postsSince.get(id);
    return prev && from && from > prev.start.slice(0, 10) ? labelsFor(language).since.newInPost(dates.dayIn(Date.parse(prev.startIso), prev.timeZone)) : null;
  };
  const cards = (list: MeetingDetail['delegation'], role: (r: string) => ParticipantRole) =>
    list.flatMap((p) => {
      const c = source.people.get(p.contactId);
      return c ? [card(c, role(p.role), newInPost(c.id), addresses)] : [];
    });
  return {
    source,
    meeting,
    language,
    dates,
    delegation: cards(meeting.delegation, (r) => (DELEGATION_ROLES.includes(r) ? (r as ParticipantRole) : 'member')),
    counterparts: cards(meeting.counterparts, () => 'counterpart'),
    briefing,
    filterThen,
  };
}

/** Actions with their origin as "series, date" (a meeting's full title is too long for a table column). */
function actionItems(f: Facts, actions: FollowUpAction[]): ActionItem[] {
  return actions.map((a) => {
    const m = f.source.actionOrigins.get(a.meetingId)!;
    const origin = m.series ? `${m.series}, ${f.dates.dayIn(Date.parse(m.startIso), m.timeZone)}` : a.meetingTitle;
    return { text: a.text, owner: a.owner, due: a.dueDate ? f.dates.day(a.dueDate) : '', overdue: a.overdue, origin };
  });
}

function section(f: Facts, title: string, body: SectionBody): PackSection {
  const { meeting, dates, source } = f;
  switch (body.kind) {
    case 'markdown':
      return { kind: body.kind, title, markdown: body.markdown };
    case 'key_messages':
      return { kind: body.kind, title, items: body.items.filter((s) => s.trim()) };
    case 'qa':
      return { kind: body.kind, title, pairs: body.pairs.filter((p) => p.question.trim() || p.answer.trim()) };
    case 'agenda_briefs': {
      const briefs = body.briefs;
      const byItem = new Map(briefs.map((b) => [b.agendaItemId, b]));
      const onAgenda = new Set(meeting.agenda.map((a) => a.id));
      return {
        kind: body.kind,
        title,
        briefs: [
          ...meeting.agenda.map((a, i) => ({ number: String(i + 1), title: a.title, time: a.time, lead: a.lead, text: byItem.get(a.id)?.text ?? '', orphaned: false })),
          ...briefs
            .filter((b) => !onAgenda.has(b.agendaItemId) && b.text.trim())
            .map((b) => ({ number: '', title: b.title ?? '', time: '', lead: '', text: b.text, orphaned: true })),
        ],
      };
    }
    case 'programme':
      return { kind: body.kind, title, rows: meeting.agenda.map((a, i) => ({ number: String(i + 1), time: a.time, title: a.title, lead: a.lead, documents: a.documents })) };
    case 'whos_who':
      return { kind: body.kind, title, delegation: f.delegation, counterparts: f.counterparts };
    case 'institution_profiles':
      return {
        kind: body.kind,
        title,
        institutions: source.institutions.map((i) => ({ name: i.name, acronym: i.acronym, path: i.path, kind: i.kind, seat: i.seat, website: i.website, profile: i.profile })),
      };
    case 'history':
      return {
        kind: body.kind,
        title,
        meetings: source.history.map(({ meeting: m, outcomes }) => ({ title: m.title, date: dates.dayIn(Date.parse(m.startIso), m.timeZone), venue: m.venue, outcomes: outcomes.map((o) => o.text) })),
        actions: actionItems(f, source.carried),
      };
    case 'open_actions':
      return { kind: body.kind, title, actions: actionItems(f, [...source.carried, ...source.actions.filter((a) => a.status === 'open')]) };
    case 'since_last_time':
      return sinceLastTime(
        source,
        { briefing: f.briefing, language: f.language, day: (iso) => dates.day(iso), dayIn: (ms, tz) => dates.dayIn(ms, tz), actions: actionItems(f, source.carried), filterThen: f.filterThen },
        title,
      );
    case 'contact_sheet':
      return {
        kind: body.kind,
        title,
        rows: [...f.delegation, ...f.counterparts].map((p) => ({ name: p.name, role: p.role, institution: p.institution, phone: p.phones[0] ?? '', email: p.emails[0] ?? '' })),
      };
  }
}

/**
 * The sections of the pack in order: the shown briefing's (a section without a title takes its kind's name), or for a
 * meeting without a briefing the standard template's generated sections.
 */
export function packSections(source: PackSource, shown: BriefingDetail | null, options: SectionOptions): PackSection[] {
  const f = facts(source, shown, options);
  const titles = labelsFor(f.language).sections;
  return shown
    ? shown.sections.map((s) => section(f, s.title || titles[s.kind], s.body))
    : STANDARD_TEMPLATE.filter((t) => GENERATED.includes(t.kind)).map((t) => section(f, titles[t.kind], parseSectionBody(t.kind, '')));
}
