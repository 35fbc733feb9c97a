/**
 * Everything a briefing pack shows and carries, read from the store in ONE read transaction: the briefing (or none),
 * its meeting with the people and their contact details as of the pack's date, institutions, earlier meetings of the
 * series, outcomes and follow-ups, the previous meeting and the briefing used there, the standard lines, the latest
 * saved version, and what pre-flight needs (decisions, budgets, the length limit). The document, the attachments,
 * the variants and pre-flight all take this one PackSource; nothing after it reads the store.
 */
import type { BriefingDetail, BriefingVersion, Clearance, Commission, Contact, FollowUpAction, Institution, Meeting, MeetingDetail, Outcome, Snippet } from '../../contract/model';
import { carriedActions, listActions, listOutcomes } from '../store/actions';
import { getBriefingDetail, listBriefings } from '../store/briefings';
import { getClearance } from '../store/clearance';
import { listCommissions } from '../store/commissions';
import { getContacts } from '../store/contacts';
import { type ReadDb, readTx } from '../store/db';
import { getInstitution, institutionNames } from '../store/institutions';
import { type IcsKey, getMeeting, getMeetingDetail, listMeetings, meetingIcsKey } from '../store/meetings';
import { currentPostsSince } from '../store/positions';
import { type Decision, type SectionBudget, preflightDecisions, sectionBudgets } from '../store/preflight';
import { briefingAsOf, meetingEnd, previousMeeting } from '../store/series-memory';
import { getSetting } from '../store/settings';
import { listSnippets } from '../store/snippets';
import { listVersions } from '../store/versions';

/** A briefing's pack, or a meeting's (its most recently changed briefing; with none, the generated sections). */
export interface PackTarget {
  briefingId?: number | undefined;
  meetingId?: number | undefined;
}

/** Earlier meetings of the series shown under history, latest first. */
export const HISTORY_LIMIT = 5;

/** The pack's data: plain values, read once (readPackSource); the promise is that nothing else is read to build it. */
export interface PackSource {
  /** The pack's date, 'YYYY-MM-DD': what counts as stale or overdue, and the date every file carries. */
  day: string;
  briefing: BriefingDetail | null;
  /** The briefing's latest saved version (its number names the pack), if any. */
  latestVersion: BriefingVersion | null;
  meeting: MeetingDetail;
  /** The meeting's iCalendar UID (and RECURRENCE-ID for an occurrence), as its .ics export carries it. */
  icsKey: IcsKey;
  /** The people of the meeting by contact id, their staleness as of `day`. */
  people: Map<number, Contact>;
  /** Full institution names of each person's institution, root first (for the who's who vCards). */
  institutionNames: Map<number, string[]>;
  /** When each person's current post began, if the previous meeting makes "new in post" a question. */
  postsSince: Map<number, string>;
  /** The host and participating institutions, host first. */
  institutions: Institution[];
  /** Earlier meetings of the series with their outcomes, latest first, at most HISTORY_LIMIT. */
  history: { meeting: Meeting; outcomes: Outcome[] }[];
  outcomes: Outcome[];
  /** The meeting's own follow-ups, and the open ones carried to it from earlier meetings. */
  actions: FollowUpAction[];
  carried: FollowUpAction[];
  /** The meetings the follow-ups come from, by id. */
  actionOrigins: Map<number, Meeting>;
  /** The previous meeting of the series (or of the host), the briefing used there and its outcomes. */
  previous: {
    meeting: MeetingDetail;
    outcomes: Outcome[];
    /** The briefing as it stood when that meeting ended: a saved version, else its current text; null if none was written. */
    then: BriefingDetail | null;
    /** The saved version used as `then`, or null when `then` is the current text. */
    savedVersion: { number: number; createdAt: string } | null;
  } | null;
  /** The snippet library's lines, for line drift. */
  snippets: Snippet[];
  /** Pre-flight: the user's decisions per finding, budgets per section, the "four sides" limit. */
  decisions: Record<string, Decision>;
  budgets: Map<number, SectionBudget>;
  maxSides: number;
  /**
   * The briefing's workflow (issue 20): its clearance (who cleared it, with post and date, for the cover, the run
   * book and the release report) and its commissions still open as of `day` (for pre-flight). Null without a briefing.
   */
  workflow: { clearance: Clearance; openCommissions: Commission[] } | null;
}

/** Reads the pack of `target` as of `day` in one read transaction. */
export function readPackSource(db: ReadDb, target: PackTarget, day: string): PackSource {
  return readTx(db, () => {
    const briefingId = target.briefingId ?? listBriefings(db, target.meetingId ?? null)[0]?.id ?? null;
    const briefing = briefingId === null ? null : getBriefingDetail(db, briefingId);
    const meeting = getMeetingDetail(db, briefing?.meetingId ?? target.meetingId!);
    const ids = [...meeting.delegation, ...meeting.counterparts].map((p) => p.contactId);
    const people = new Map(getContacts(db, ids, new Date(`${day}T12:00:00Z`), { photos: true }).map((c) => [c.id, c]));
    const institutionOf = new Map<number, string[]>();
    for (const c of people.values()) if (c.institutionId !== null && !institutionOf.has(c.institutionId)) institutionOf.set(c.institutionId, institutionNames(db, c.institutionId));

    const previousId = previousMeeting(db, meeting.id);
    const actions = listActions(db, meeting.id, day);
    const carried = carriedActions(db, meeting.id, day);
    const start = Date.parse(meeting.startIso);
    const earlier = meeting.seriesId === null ? [] : listMeetings(db, { seriesId: meeting.seriesId }).filter((m) => m.id !== meeting.id && Date.parse(m.startIso) < start);
    const institutionIds = [...new Set([meeting.hostInstitutionId, ...meeting.institutionIds].filter((i): i is number => i !== null))];
    return {
      day,
      briefing,
      latestVersion: briefing ? (listVersions(db, briefing.id)[0] ?? null) : null,
      meeting,
      icsKey: meetingIcsKey(db, meeting.id),
      people,
      institutionNames: institutionOf,
      postsSince: previousId === null ? new Map() : currentPostsSince(db, ids),
      institutions: institutionIds.map((id) => getInstitution(db, id)),
      history: earlier
        .reverse()
        .slice(0, HISTORY_LIMIT)
        .map((m) => ({ meeting: m, outcomes: listOutcomes(db, m.id) })),
      outcomes: listOutcomes(db, meeting.id),
      actions,
      carried,
      actionOrigins: new Map([...new Set([...actions, ...carried].map((a) => a.meetingId))].map((id) => [id, getMeeting(db, id)])),
      previous: previousId === null ? null : readPrevious(db, previousId),
      snippets: listSnippets(db),
      decisions: briefingId === null ? {} : preflightDecisions(db, briefingId),
      budgets: briefingId === null ? new Map() : sectionBudgets(db, briefingId),
      maxSides: getSetting(db, 'packMaxSides'),
      workflow: briefingId === null ? null : { clearance: getClearance(db, briefingId), openCommissions: listCommissions(db, { briefingId, open: true }, day) },
    };
  });
}

/** The previous meeting and the briefing used there: the latest version saved before it ended, else its current text. */
function readPrevious(db: ReadDb, id: number): NonNullable<PackSource['previous']> {
  const meeting = getMeetingDetail(db, id);
  const briefingId = listBriefings(db, id)[0]?.id ?? null;
  const saved = briefingId === null ? null : briefingAsOf(db, briefingId, meetingEnd(db, id) ?? meeting.endIso);
  return {
    meeting,
    outcomes: listOutcomes(db, id),
    then: saved ? saved.snapshot : briefingId === null ? null : getBriefingDetail(db, briefingId),
    savedVersion: saved ? { number: saved.number, createdAt: saved.createdAt } : null,
  };
}
