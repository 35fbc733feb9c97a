/**
 * Everything a briefing pack shows, as plain data, made in one go by main/assemble (document.ts): the PDF builder
 * takes this and nothing else, so it knows nothing of the store. Texts are display-ready (dates formatted in the
 * meeting's zone, handling marks, variant, version and notes in words of the briefing's language); the codes the
 * app's preview also shows in its own language (status, roles, institution kinds, languages) stay codes and the
 * builder names them from main/pack/labels/.
 */
import type { PackStatus, ParticipantRole } from './labels';

/** A briefing pack as data. The promise: two equal PackDocuments give byte-identical PDFs for the same date. */
export interface PackDocument {
  /** Meeting title, printed on the cover and in the running header. */
  title: string;
  /** Briefing title, e.g. "Brief for the delegation"; may be ''. */
  subtitle: string;
  series: string;
  /** Start and end, formatted in the meeting's zone, e.g. "Thursday 7 January 2027, 10:00". */
  start: string;
  end: string;
  /** Day (or days) of the meeting for the running header, e.g. "7 January 2027". */
  dateLine: string;
  /** How the times are meant, e.g. "Geneva time (Europe/Zurich, UTC+01:00)". */
  timeZone: string;
  venue: string;
  delegationHead: string;
  /** Marking printed at the top and bottom of every page; '' for none. */
  classification: string;
  status: PackStatus;
  /** e.g. "Version 3" or "Working copy". */
  versionLabel: string;
  preparedBy: string;
  /** Date the pack was prepared, formatted, e.g. "23 November 2026". */
  date: string;
  /** BCP 47 language of the briefing ('en', 'de', 'nl', 'fr'); labels and the PDF's /Lang follow it. */
  language: string;
  sections: PackSection[];
  /** Files embedded in the PDF (data for another Dossier); dated with the pack's date, so the bytes stay reproducible. */
  attachments?: PackAttachment[];
  /** "Copy 3 of 7 — for J. Smith", printed on every page; '' or absent for none. */
  copyLine?: string;
  /** "Information current as of" and the date, on the cover. */
  currentAsOf?: { label: string; date: string };
  /**
   * Who cleared the briefing, on the cover of every variant (issue 20): "Cleared by" with a line per clearer (name,
   * post, day), or "Clearance" with what is still missing or the override and its reason. Absent when nobody clears it.
   */
  clearance?: { label: string; lines: string[] }[];
}

/** A small note under a section's heading: its handling mark (full pack) or a pre-flight finding flagged "to check". */
export interface SectionNote {
  tone: 'handling' | 'check';
  text: string;
}

/** An addendum's section: what changed against the issued text, word by word. */
export interface SectionChanges {
  change: 'added' | 'changed' | 'removed';
  label: string;
  parts: DiffRun[];
}

export interface AgendaBrief {
  /** "1", "2", ... in agenda order; '' for a brief whose item is gone. */
  number: string;
  title: string;
  time: string;
  lead: string;
  /** Markdown. */
  text: string;
  /** The agenda item was removed after the brief was written. */
  orphaned: boolean;
}

export interface ProgrammeRow {
  number: string;
  time: string;
  title: string;
  lead: string;
  documents: string;
}

export interface PersonCard {
  name: string;
  role: ParticipantRole | null;
  position: string;
  institution: string;
  phones: string[];
  emails: string[];
  /** Language codes ('de', 'en'); the builder names them in the pack's language. */
  languages: string[];
  /** Notes and short bio, Markdown. */
  notes: string;
  /** When the details were last confirmed ('2017', '2026-09'); null if never. */
  informationDated: string | null;
  stale: boolean;
  /** "New in post since 5 March 2026" when the post began after the series' last meeting; display-ready. */
  newInPost?: string | null;
  /** The photo as JPEG or PNG bytes (issue 17). */
  photo?: Buffer | null;
  /** Postal addresses, one line each, when the pack is asked to print them. */
  addresses?: { label: string; text: string }[];
}

export interface InstitutionProfile {
  name: string;
  acronym: string;
  /** Names from the root down, e.g. ['ILO', 'GB', 'WPSDG']. */
  path: string[];
  /** An institution kind code (un_agency, body, ...). */
  kind: string;
  seat: string;
  website: string;
  /** Markdown. */
  profile: string;
}

export interface HistoryEntry {
  title: string;
  /** Formatted date of the earlier meeting. */
  date: string;
  venue: string;
  outcomes: string[];
}

export interface ActionItem {
  text: string;
  owner: string;
  /** Formatted due date, '' if none. */
  due: string;
  overdue: boolean;
  /** Title of the meeting the action was agreed at. */
  origin: string;
}

export interface ContactRow {
  name: string;
  role: ParticipantRole | null;
  institution: string;
  phone: string;
  email: string;
}

/** One section of the pack, in the briefing's order; `notes` under its heading; `changes` (addenda) replace its body. */
export type PackSection = PackSectionBody & { notes?: SectionNote[]; changes?: SectionChanges };
type PackSectionBody =
  | { kind: 'markdown'; title: string; markdown: string }
  | { kind: 'key_messages'; title: string; items: string[] }
  | { kind: 'agenda_briefs'; title: string; briefs: AgendaBrief[] }
  | { kind: 'qa'; title: string; pairs: { question: string; answer: string }[] }
  | { kind: 'programme'; title: string; rows: ProgrammeRow[] }
  | { kind: 'whos_who'; title: string; delegation: PersonCard[]; counterparts: PersonCard[] }
  | { kind: 'institution_profiles'; title: string; institutions: InstitutionProfile[] }
  | { kind: 'history'; title: string; meetings: HistoryEntry[]; actions: ActionItem[] }
  | { kind: 'open_actions'; title: string; actions: ActionItem[] }
  | SinceLastTimeSection
  | { kind: 'contact_sheet'; title: string; rows: ContactRow[] };

/** What changed since the previous meeting of the series (see main/assemble/since-last-time.ts); texts display-ready. */
export interface SinceLastTimeSection {
  kind: 'since_last_time';
  title: string;
  /** The previous meeting, and which text of its briefing was compared ("Version 3, saved 4 March 2026"). */
  previous: { title: string; date: string; venue: string; basis: string } | null;
  /** Our lines then against today's, word by word: key messages, then lines to take per agenda item. */
  lines: { heading: string; change: 'added' | 'removed' | 'changed' | 'unchanged'; parts: DiffRun[] }[];
  outcomes: { text: string; committedBy: string; counterpart: boolean }[];
  actions: ActionItem[];
  joined: { name: string; position: string; institution: string }[];
  left: { name: string; position: string; institution: string }[];
  /** Today's key messages that differ from the snippet library's standard line on their topic. */
  drift: { message: string; topic: string; snippet: string; parts: DiffRun[] }[];
}

/** A run of a word diff: kept, inserted (added) or deleted (removed) text, with its emphasis when rendered from Markdown. */
export interface DiffRun {
  value: string;
  added: boolean;
  removed: boolean;
  bold?: boolean;
  italic?: boolean;
}

/** A file the pack carries as a PDF attachment (the meeting as .ics, the who's who as .vcf, the briefing as .json). */
export interface PackAttachment {
  name: string;
  /** MIME type, e.g. 'text/calendar'. */
  type: string;
  description: string;
  content: Buffer;
}

export type PackSectionKind = PackSection['kind'];

/** What the builder reports: the PDF, its page count and the contents as printed. */
export interface BuiltPack {
  bytes: Buffer;
  pages: number;
  toc: { title: string; page: number }[];
}

export interface BuildOptions {
  /** YYYY-MM-DD; every timestamp in the file (CreationDate, ModDate, XMP, file ID) derives from it. */
  date: string;
  /** Write PDF/A-2b (archival): sRGB output intent and XMP identification. */
  pdfa?: boolean;
}
