/**
 * One source, several packs. `assemble` takes a PackSource and a variant (full, releasable, run book) and computes,
 * once: the briefing as the variant keeps it (marked parts removed BEFORE anything is mapped, laid out or attached),
 * the sections as printed, and the marking from what remains. `document()` then makes the PackDocument in one go:
 * codes become words here (handling marks, variant, edition, version, copy line, "to check" notes, addendum) from the
 * pack's labels in the briefing's language, and nothing changes the document after it is made.
 */
import type { BriefingComparison, BriefingDetail, HandlingMark, PackClearance, PackVariant, PreflightFinding, ReleaseReport } from '../../contract/model';
import type { PackDocument, PackSection, SectionNote } from '../pack/document';
import { labelsFor } from '../pack/labels';
import { packAttachments } from './attachments';
import { packClearance } from './clearance';
import { Dates } from './dates';
import { packSections } from './sections';
import type { PackSource } from './source';
import { briefingForVariant, highestMark, labelMarks, packMarking, sectionMarks } from './variants';

export interface VariantOptions {
  variant: PackVariant;
  /** A marking for a releasable or run-book variant lower than the briefing's (the user's call, never automatic). */
  releaseClassification?: string | undefined;
  /** Postal addresses on the who's who cards (off by default: they are personal data). */
  addresses?: boolean | undefined;
}

export interface CopyOptions {
  number?: number | undefined;
  of?: number | undefined;
  recipient?: string | undefined;
}

/** An addendum: only the sections changed since the text that last went out, word-diffed against it. */
export interface AddendumOptions {
  number: number;
  /** Title of the issued pack it amends, and when that was issued (ISO instant). */
  issuedTitle: string;
  issuedAt: string;
  changed: BriefingComparison['sections'];
}

export interface DocumentOptions {
  copy?: CopyOptions | undefined;
  /** The edition being issued (2, 3, …), named on the cover; none for a first issue or a plain build. */
  edition?: number | undefined;
  /** Pre-flight findings the user chose to print flagged "to check", each under the section it concerns. */
  checks?: readonly PreflightFinding[] | undefined;
  /** The data files another Dossier imports (default: attached). */
  attachments?: boolean | undefined;
  addendum?: AddendumOptions | undefined;
}

/** A document and, for each of its sections, the briefing section behind it (for the page map). */
export interface AssembledDocument {
  doc: PackDocument;
  sectionIds: (number | null)[];
}

/** One variant of a pack from its source. */
export interface Assembly {
  source: PackSource;
  variant: PackVariant;
  language: string;
  /** The briefing as the variant keeps it (marked parts removed, no labels added): what the .json carries and an issue freezes. */
  briefing: BriefingDetail | null;
  /** The sections as printed, without notes; `sectionIds[i]` is the briefing section behind `sections[i]`. */
  sections: PackSection[];
  sectionIds: (number | null)[];
  /** The pack's overall marking: the classification and the caveat of what it contains. */
  marking: string;
  /** What the variant left out, and the marking. */
  report: ReleaseReport;
  document(options?: DocumentOptions): AssembledDocument;
}

/** The briefing a variant shows: marked parts removed (releasable, run book), or labelled in words (full). */
export function variantBriefing(source: BriefingDetail, variant: PackVariant): { shown: BriefingDetail; kept: BriefingDetail; dropped: ReleaseReport['dropped'] } {
  const { briefing: kept, dropped } = briefingForVariant(source, variant);
  const labels = labelsFor(source.language).release;
  return { kept, shown: variant === 'full' ? labelMarks(kept, (m) => labels.handling[m]) : kept, dropped };
}

/** The marking of a pack containing these sections: the classification and the caveat of their highest mark. */
export function markingOf(classification: string, sections: BriefingDetail['sections'], language: string): string {
  const caveat = labelsFor(language).release.caveat;
  return packMarking(classification, highestMark(sections.flatMap(sectionMarks)), (m: HandlingMark) => caveat[m]);
}

export function assemble(source: PackSource, { variant, releaseClassification, addresses = false }: VariantOptions): Assembly {
  const language = source.briefing?.language ?? 'en';
  const v = source.briefing ? variantBriefing(source.briefing, variant) : null;
  // The earlier briefing quoted by "since last time" is treated as this one: its marked parts labelled, or left out.
  const handling = labelsFor(language).release.handling;
  const filterThen = (b: BriefingDetail) => (variant === 'full' ? labelMarks(b, (m) => handling[m]) : briefingForVariant(b, 'releasable').briefing);
  const sections = packSections(source, v?.shown ?? null, { filterThen, addresses });
  const sectionIds = v ? v.kept.sections.map((s) => s.id) : sections.map(() => null);
  const classification = variant !== 'full' && releaseClassification?.trim() ? releaseClassification.trim() : (source.briefing?.classification ?? '');
  const marking = markingOf(classification, v?.kept.sections ?? [], language);
  const assembly: Assembly = {
    source,
    variant,
    language,
    briefing: v?.kept ?? null,
    sections,
    sectionIds,
    marking,
    report: { variant, marking, dropped: v?.dropped ?? [], clearance: packClearance(source.workflow?.clearance ?? null) },
    document: (options = {}) => documentOf(assembly, options),
  };
  return assembly;
}

/** Where a "to check" note goes: its section, else who's who (contacts) or the lines to take (agenda items), else first. */
function checkSection(a: Assembly, f: PreflightFinding): number {
  let at = f.where.sectionId === null ? -1 : a.sectionIds.indexOf(f.where.sectionId);
  if (at < 0 && f.where.contactId !== null) at = a.sections.findIndex((s) => s.kind === 'whos_who' || s.kind === 'contact_sheet');
  if (at < 0 && f.where.agendaItemId !== null) at = a.sections.findIndex((s) => s.kind === 'agenda_briefs' || s.kind === 'programme');
  return at < 0 ? 0 : at;
}

/** Notes under the headings: each section's handling mark in words (full pack), then the findings to check. */
function notesOf(a: Assembly, checks: readonly PreflightFinding[]): SectionNote[][] {
  const L = labelsFor(a.language).release;
  const notes: SectionNote[][] = a.sections.map(() => []);
  if (a.variant === 'full') a.briefing?.sections.forEach((s, i) => s.handling !== 'may_use' && notes[i]?.push({ tone: 'handling', text: L.handling[s.handling] }));
  for (const f of checks) notes[checkSection(a, f)]?.push({ tone: 'check', text: `${L.toCheck}: ${f.message}` });
  return notes;
}

function documentOf(a: Assembly, { copy, edition, checks = [], attachments = true, addendum }: DocumentOptions): AssembledDocument {
  const { source, variant, language } = a;
  const { meeting, briefing } = source;
  const words = labelsFor(language);
  const L = words.release;
  const dates = new Dates(language);
  const startMs = Date.parse(meeting.startIso);
  const endMs = Date.parse(meeting.endIso);
  const sameDay = meeting.start.slice(0, 10) === meeting.end.slice(0, 10);
  const head = meeting.delegation.find((p) => p.role === 'head' && source.people.has(p.contactId));
  const latest = source.latestVersion;
  const version = latest ? `${words.version} ${latest.number}${latest.name ? ` — ${latest.name}` : ''}` : words.workingCopy;
  const copyLine = copy ? L.copyLine(copy.number ?? null, copy.of ?? null, copy.recipient?.trim() ?? '') : '';
  const date = dates.day(source.day);

  let sections: PackSection[];
  let sectionIds = a.sectionIds;
  let title = meeting.title;
  let subtitle = briefing?.title ?? '';
  let marking = a.marking;
  if (addendum) {
    // Only the changed sections, marked for what the addendum itself contains.
    const changed = new Set(addendum.changed.map((c) => c.sectionId));
    title = L.addendumTitle(addendum.number, addendum.issuedTitle);
    subtitle = L.addendumIntro(addendum.issuedTitle, dates.day(addendum.issuedAt.slice(0, 10)));
    marking = markingOf(briefing?.classification ?? '', (a.briefing?.sections ?? []).filter((s) => changed.has(s.id)), language);
    sectionIds = addendum.changed.map((c) => c.sectionId);
    sections = addendum.changed.map((c) => {
      const change = c.change as 'added' | 'changed' | 'removed';
      return { kind: 'markdown', title: c.titleAfter ?? c.titleBefore ?? '', markdown: '', changes: { change, label: `${L.change[change]} — ${L.legend}`, parts: c.parts } };
    });
  } else {
    const notes = notesOf(a, checks);
    sections = a.sections.map((s, i) => (notes[i]?.length ? { ...s, notes: notes[i] } : s));
  }

  const doc: PackDocument = {
    title,
    subtitle,
    series: meeting.series,
    start: dates.instant(startMs, meeting.timeZone, true),
    end: endMs > startMs ? dates.instant(endMs, meeting.timeZone, !sameDay) : '',
    dateLine: dates.range(startMs, endMs, meeting.timeZone),
    timeZone: `${meeting.timeZone} (UTC${meeting.startIso.slice(-6)})`,
    venue: meeting.venue,
    delegationHead: head ? source.people.get(head.contactId)!.displayName : '',
    classification: marking,
    status: briefing?.status ?? 'draft',
    versionLabel: [version, variant !== 'full' ? L.variant[variant] : '', edition && edition > 1 ? L.edition(edition) : ''].filter(Boolean).join(' · '),
    preparedBy: briefing?.owner ?? '',
    date,
    language,
    sections,
    ...(attachments ? { attachments: packAttachments(source, a.briefing) } : {}),
    ...(copyLine ? { copyLine } : {}),
    currentAsOf: { label: L.currentAsOf, date },
    ...clearanceRows(a.report.clearance, language, dates),
  };
  return { doc, sectionIds };
}

/** The cover's clearance rows in the briefing's language: the approvals that hold, then what is missing or overridden. */
function clearanceRows(c: PackClearance, language: string, dates: Dates): Pick<PackDocument, 'clearance'> {
  if (c.state === 'none') return {};
  const L = labelsFor(language).clearance;
  // The day stays on one line with its dash: non-breaking spaces (the pack breaks lines at plain spaces only).
  const keep = (text: string) => text.replace(/ /g, '\u00a0');
  const who = (p: { name: string; label: string }) => (p.label ? `${p.name} (${p.label})` : p.name);
  const rows: NonNullable<PackDocument['clearance']> = [];
  if (c.approvals.length) rows.push({ label: L.clearedBy, lines: c.approvals.map((p) => `${[p.name, p.post || p.label].filter(Boolean).join(', ')}${keep(` — ${dates.day(p.day)}`)}`) });
  if (c.state === 'overridden' && c.override) rows.push({ label: L.clearance, lines: [L.overridden(c.override.post ? `${c.override.name}, ${c.override.post}` : c.override.name, dates.day(c.override.day), c.override.reason)] });
  if (c.state === 'pending') rows.push({ label: L.clearance, lines: [L.awaiting(c.awaiting.map(who).join(L.then))] });
  if (c.state === 'not_sent') rows.push({ label: L.clearance, lines: [L.notSent(c.awaiting.map(who).join(L.then))] });
  return { clearance: rows };
}

/** The title an issued pack is kept under: "<meeting> — <briefing> (Releasable, Edition 2)". */
export function issuedTitle(d: PackDocument, variant: PackVariant, edition: number): string {
  const L = labelsFor(d.language).release;
  return `${d.title}${d.subtitle ? ` — ${d.subtitle}` : ''} (${L.variant[variant]}, ${L.edition(edition)})`;
}
