/**
 * Store → PackDocument: reads a briefing (or a meeting without one) with everything its pack shows, and
 * formats dates in the meeting's zone and the briefing's language. Reads only; `date` (the pack's date)
 * decides what counts as stale or overdue, so a pack is reproducible for a given date.
 */
import type { z } from 'zod';
import { AgendaBriefsContent, type BriefingDetail, type Contact, type FollowUpAction, KeyMessagesContent, type MeetingDetail, QaContent, type Section } from '../../contract/model';
import type { ActionItem, PackDocument, PackSection, PersonCard } from '../pack/document';
import { type ParticipantRole, labelsFor } from '../pack/labels';
import { carriedActions, listActions, listOutcomes } from '../store/actions';
import { STANDARD_TEMPLATE, getBriefingDetail, listBriefings } from '../store/briefings';
import { getContacts } from '../store/contacts';
import type { ReadDb } from '../store/db';
import { getInstitution } from '../store/institutions';
import { getMeeting, getMeetingDetail, listMeetings } from '../store/meetings';
import { listVersions } from '../store/versions';
import { sinceLabelsFor } from '../pack/labels-since';
import { currentPostsSince } from '../store/positions';
import { previousMeeting } from '../store/series-memory';
import { sinceLastTime } from './since-last-time';

/** Kinds drawn from the store: the whole pack of a meeting that has no briefing yet. */
const GENERATED: readonly Section['kind'][] = ['programme', 'whos_who', 'institution_profiles', 'history', 'since_last_time', 'contact_sheet'];
/** Earlier meetings of the series shown under history, latest first. */
const HISTORY_LIMIT = 5;

const LOCALES: Record<string, string> = { en: 'en-GB', de: 'de-DE', nl: 'nl-NL', fr: 'fr-FR' };

/** Dates as the briefing's readers write them. */
class Dates {
  private readonly locale: string;
  constructor(language: string) {
    this.locale = LOCALES[language] ?? language;
  }
  private fmt(opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    return new Intl.DateTimeFormat(this.locale, opts);
  }
  /** 'YYYY-MM-DD' → "23 November 2026". */
  day(iso: string): string {
    return this.fmt({ day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  }
  /** An instant in a zone → "Thursday 7 January 2027, 10:00" (or the time only). */
  instant(ms: number, timeZone: string, withDate: boolean): string {
    const time = this.fmt({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(ms);
    return withDate ? `${this.fmt({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(ms)}, ${time}` : time;
  }
  /** "7 January 2027" or "7–9 January 2027". */
  range(startMs: number, endMs: number, timeZone: string): string {
    return this.fmt({ day: 'numeric', month: 'long', year: 'numeric', timeZone }).formatRange(startMs, Math.max(startMs, endMs));
  }
  /** The meeting day in its own zone, "7 January 2027". */
  dayIn(ms: number, timeZone: string): string {
    return this.fmt({ day: 'numeric', month: 'long', year: 'numeric', timeZone }).format(ms);
  }
}

function parse<T extends z.ZodType>(schema: T, json: string, fallback: z.output<T>): z.output<T> {
  try {
    const r = schema.safeParse(JSON.parse(json || '{}'));
    return r.success ? r.data : fallback;
  } catch {
    return fallback;
  }
}

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

/** What a pack needs about one meeting, read once and shared by its sections. */
interface MeetingFacts {
  meeting: MeetingDetail;
  delegation: PersonCard[];
  counterparts: PersonCard[];
  dates: Dates;
  date: string;
  language: string;
  /** The briefing the pack is built from (null for a meeting without one). */
  briefing: BriefingDetail | null;
  filterThen?: ((b: BriefingDetail) => BriefingDetail) | undefined;
}

/** Actions with their origin as "series, date" (a meeting's full title is too long for a table column). */
function actionItems(db: ReadDb, f: MeetingFacts, actions: FollowUpAction[]): ActionItem[] {
  return actions.map((a) => {
    const m = getMeeting(db, a.meetingId);
    const origin = m.series ? `${m.series}, ${f.dates.dayIn(Date.parse(m.startIso), m.timeZone)}` : a.meetingTitle;
    return { text: a.text, owner: a.owner, due: a.dueDate ? f.dates.day(a.dueDate) : '', overdue: a.overdue, origin };
  });
}

function section(db: ReadDb, f: MeetingFacts, kind: Section['kind'], title: string, content: string): PackSection {
  const { meeting, dates } = f;
  switch (kind) {
    case 'markdown':
      return { kind, title, markdown: content };
    case 'key_messages':
      return { kind, title, items: parse(KeyMessagesContent, content, { items: [] }).items.filter((s) => s.trim()) };
    case 'qa':
      return { kind, title, pairs: parse(QaContent, content, { pairs: [] }).pairs.filter((p) => p.question.trim() || p.answer.trim()) };
    case 'agenda_briefs': {
      const briefs = parse(AgendaBriefsContent, content, { briefs: [] }).briefs;
      const byItem = new Map(briefs.map((b) => [b.agendaItemId, b]));
      const onAgenda = new Set(meeting.agenda.map((a) => a.id));
      return {
        kind,
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
      return { kind, title, rows: meeting.agenda.map((a, i) => ({ number: String(i + 1), time: a.time, title: a.title, lead: a.lead, documents: a.documents })) };
    case 'whos_who':
      return { kind, title, delegation: f.delegation, counterparts: f.counterparts };
    case 'institution_profiles': {
      const ids = [...new Set([meeting.hostInstitutionId, ...meeting.institutionIds].filter((i): i is number => i !== null))];
      return {
        kind,
        title,
        institutions: ids.map((id) => getInstitution(db, id)).map((i) => ({ name: i.name, acronym: i.acronym, path: i.path, kind: i.kind, seat: i.seat, website: i.website, profile: i.profile })),
      };
    }
    case 'history': {
      const start = Date.parse(meeting.startIso);
      const earlier = meeting.seriesId === null ? [] : listMeetings(db, { seriesId: meeting.seriesId }).filter((m) => m.id !== meeting.id && Date.parse(m.startIso) < start);
      return {
        kind,
        title,
        meetings: earlier
          .reverse()
          .slice(0, HISTORY_LIMIT)
          .map((m) => ({ title: m.title, date: dates.dayIn(Date.parse(m.startIso), m.timeZone), venue: m.venue, outcomes: listOutcomes(db, m.id).map((o) => o.text) })),
        actions: actionItems(db, f, carriedActions(db, meeting.id, f.date)),
      };
    }
    case 'open_actions': {
      const own = listActions(db, meeting.id, f.date).filter((a) => a.status === 'open');
      return { kind, title, actions: actionItems(db, f, [...carriedActions(db, meeting.id, f.date), ...own]) };
    }
    case 'since_last_time':
      return sinceLastTime(
        db,
        {
          meeting,
          briefing: f.briefing,
          language: f.language,
          day: (iso) => dates.day(iso),
          dayIn: (ms, tz) => dates.dayIn(ms, tz),
          actions: actionItems(db, f, carriedActions(db, meeting.id, f.date)),
          filterThen: f.filterThen,
        },
        title,
      );
    case 'contact_sheet':
      return {
        kind,
        title,
        rows: [...f.delegation, ...f.counterparts].map((p) => ({ name: p.name, role: p.role, institution: p.institution, phone: p.phones[0] ?? '', email: p.emails[0] ?? '' })),
      };
  }
}

function meetingFacts(db: ReadDb, meetingId: number, date: string, language: string, briefing: BriefingDetail | null, addresses = false): MeetingFacts {
  const meeting = getMeetingDetail(db, meetingId);
  const today = new Date(`${date}T12:00:00Z`);
  const ids = [...meeting.delegation, ...meeting.counterparts].map((p) => p.contactId);
  const people = new Map(getContacts(db, ids, today, { photos: true }).map((c) => [c.id, c]));
  const dates = new Dates(language);
  // "New in post since <last meeting>": the current post began after the previous meeting of the series started.
  const prevId = previousMeeting(db, meetingId);
  const prev = prevId === null ? null : getMeeting(db, prevId);
  const since = prev ? currentPostsSince(db, ids) : new Map<number, string>();
  const newInPost = (id: number) => {
    const from = since.get(id);
    return prev && from && from > prev.start.slice(0, 10) ? sinceLabelsFor(language).newInPost(dates.dayIn(Date.parse(prev.startIso), prev.timeZone)) : null;
  };
  const cards = (list: MeetingDetail['delegation'], role: (r: string) => ParticipantRole) =>
    list.flatMap((p) => {
      const c = people.get(p.contactId);
      return c ? [card(c, role(p.role), newInPost(c.id), addresses)] : [];
    });
  return {
    meeting,
    delegation: cards(meeting.delegation, (r) => (['head', 'member', 'adviser', 'note_taker'].includes(r) ? (r as ParticipantRole) : 'member')),
    counterparts: cards(meeting.counterparts, () => 'counterpart'),
    dates,
    date,
    language,
    briefing,
  };
}

/**
 * The PackDocument of a briefing, or of a meeting (its most recently changed briefing; with none, a pack of
 * the standard template's generated sections). `date` is 'YYYY-MM-DD'.
 */
export function packDocumentFor(
  db: ReadDb,
  target: { briefingId?: number | undefined; meetingId?: number | undefined },
  date: string,
  /** A variant's briefing (marked parts already removed), and the same filter for the earlier briefing "since last time" quotes. */
  variant: { briefing?: BriefingDetail; filterThen?: (b: BriefingDetail) => BriefingDetail; addresses?: boolean } = {},
): PackDocument {
  const briefingId = target.briefingId ?? listBriefings(db, target.meetingId ?? null)[0]?.id ?? null;
  const briefing = variant.briefing ?? (briefingId === null ? null : getBriefingDetail(db, briefingId));
  const language = briefing?.language ?? 'en';
  const labels = labelsFor(language);
  const f = meetingFacts(db, briefing?.meetingId ?? target.meetingId!, date, language, briefing, variant.addresses ?? false);
  f.filterThen = variant.filterThen;
  const { meeting, dates } = f;
  const sections = briefing
    ? briefing.sections.map((s) => section(db, f, s.kind, s.title || labels.sections[s.kind] || s.kind, s.content))
    : STANDARD_TEMPLATE.filter((t) => GENERATED.includes(t.kind)).map((t) => section(db, f, t.kind, labels.sections[t.kind] ?? (t.kind === 'since_last_time' ? sinceLabelsFor(language).title : t.title), ''));
  const startMs = Date.parse(meeting.startIso);
  const endMs = Date.parse(meeting.endIso);
  const sameDay = meeting.start.slice(0, 10) === meeting.end.slice(0, 10);
  const latest = briefing ? listVersions(db, briefing.id)[0] : undefined;
  return {
    title: meeting.title,
    subtitle: briefing?.title ?? '',
    series: meeting.series,
    start: dates.instant(startMs, meeting.timeZone, true),
    end: endMs > startMs ? dates.instant(endMs, meeting.timeZone, !sameDay) : '',
    dateLine: dates.range(startMs, endMs, meeting.timeZone),
    timeZone: `${meeting.timeZone} (UTC${meeting.startIso.slice(-6)})`,
    venue: meeting.venue,
    delegationHead: f.delegation.find((p) => p.role === 'head')?.name ?? '',
    classification: briefing?.classification ?? '',
    status: briefing?.status ?? 'draft',
    versionLabel: latest ? `${labels.version} ${latest.number}${latest.name ? ` — ${latest.name}` : ''}` : labels.workingCopy,
    preparedBy: briefing?.owner ?? '',
    date: dates.day(date),
    language,
    sections,
  };
}
