/**
 * The fixed words a pack prints, in the briefing's language. Section titles and all content come from the briefing
 * itself; only these labels are ours. Every language is one file (en.ts, de.ts, …) holding the whole PackLabels, so
 * the compiler refuses a language that lacks a label.
 */
import type { HandlingMark, PackVariant, Section } from '../../../contract/model';

export type ParticipantRole = 'head' | 'member' | 'adviser' | 'note_taker' | 'counterpart';
export type PackStatus = 'draft' | 'in_review' | 'final';

export interface PackLabels {
  contents: string;
  /** "Page 3 of 41" */
  pageOf: (page: number, total: number) => string;
  draft: string;
  status: Record<PackStatus, string>;
  briefingFor: string;
  date: string;
  time: string;
  venue: string;
  headOfDelegation: string;
  classification: string;
  statusLabel: string;
  version: string;
  workingCopy: string;
  preparedBy: string;
  /** Who's who group titles. */
  ourDelegation: string;
  counterparts: string;
  roles: Record<ParticipantRole, string>;
  phone: string;
  /** Postal address on a who's who card. */
  address: string;
  email: string;
  languages: string;
  /** "Details dated 2017 — to check" */
  staleDated: (dated: string) => string;
  staleUndated: string;
  itemNo: string;
  item: string;
  lead: string;
  documents: string;
  question: string;
  answer: string;
  orphaned: string;
  noBrief: string;
  name: string;
  role: string;
  institution: string;
  seat: string;
  website: string;
  kind: string;
  outcomes: string;
  noOutcomes: string;
  openActions: string;
  action: string;
  owner: string;
  due: string;
  origin: string;
  overdue: string;
  none: string;
  institutionKinds: Record<string, string>;
  /** Default titles of sections, used where a section has none (e.g. a pack for a meeting with no briefing yet). */
  sections: Record<Section['kind'], string>;
  /** The "since last time" section and the "new in post" mark. */
  since: SinceLabels;
  /** Handling marks, variants, copies, pre-flight flags, issue and addenda. */
  release: ReleaseLabels;
  /** Who cleared the briefing, on the cover (issue 20). */
  clearance: ClearanceLabels;
}

/** The cover's clearance lines; names, posts and roles come from the dossier as they are. */
export interface ClearanceLabels {
  /** "Cleared by", above one line per clearer: name, post, day. */
  clearedBy: string;
  /** "Clearance", above a line saying what is still missing. */
  clearance: string;
  /** Joins the clearers of a chain: "A, then B". */
  then: string;
  /** "Awaiting clearance by B (Director)" */
  awaiting: (who: string) => string;
  /** "Not yet sent for clearance (A, then B)" */
  notSent: (who: string) => string;
  /** "Made final by A on 3 May 2026 without full clearance: reason" */
  overridden: (name: string, day: string, reason: string) => string;
}

/** The words of the "since last time" section and the "new in post" mark. */
export interface SinceLabels {
  title: string;
  previousMeeting: string;
  noPrevious: string;
  /** Which text of last time's briefing was compared. */
  basisVersion: (n: number, date: string) => string;
  basisCurrent: string;
  noBriefing: string;
  whatWeSaid: string;
  keyMessages: string;
  item: string;
  unchanged: string;
  added: string;
  removed: string;
  legend: string;
  then: string;
  now: string;
  todayLine: string;
  outcomes: string;
  committedBy: string;
  counterpartCommitted: string;
  us: string;
  /** An outcome committed by 'counterpart' (the side we met), as the pack names it. */
  them: string;
  noOutcomes: string;
  followUps: string;
  people: string;
  joined: string;
  left: string;
  samePeople: string;
  drift: string;
  driftNote: string;
  noDrift: string;
  standardLine: string;
  /** "New in post since 5 March 2026" (the date of the series' last meeting). */
  newInPost: (date: string) => string;
}

/** The words for handling marks, copies, pre-flight flags, issue and addenda. */
export interface ReleaseLabels {
  /** How a marked part is labelled in the full pack. */
  handling: Record<HandlingMark, string>;
  /** The caveat added to the marking of a pack containing parts with this mark. */
  caveat: Record<HandlingMark, string>;
  variant: Record<PackVariant, string>;
  /** "Copy 3 of 7 — for J. Smith" */
  copyLine: (copy: number | null, of: number | null, recipient: string) => string;
  currentAsOf: string;
  toCheck: string;
  addendumTitle: (n: number, title: string) => string;
  edition: (n: number) => string;
  addendumIntro: (title: string, issued: string) => string;
  change: Record<'added' | 'changed' | 'removed', string>;
  legend: string;
}
