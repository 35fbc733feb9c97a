/**
 * One source, several packs: the PackDocument of a briefing as a variant shows it (full, releasable, run book), with
 * marked parts removed from the briefing BEFORE it is mapped, laid out or written into the attachments, the overall
 * marking computed from what remains, the copy line, and "Information current as of".
 */
import type { BriefingDetail, PackVariant, ReleaseReport } from '../../contract/model';
import type { PackDocument, SectionNote } from '../pack/document';
import { releaseLabelsFor } from '../pack/labels-release';
import { briefingForVariant, highestMark, labelMarks, packMarking, sectionMarks } from '../pack/variants';
import { getBriefingDetail, listBriefings } from '../store/briefings';
import type { OpsContext } from './context';
import { packAttachments } from './pack-data';
import { packDocumentFor } from './pack-document';

export interface PackTarget {
  briefingId?: number | undefined;
  meetingId?: number | undefined;
}

export interface CopyOptions {
  number?: number | undefined;
  of?: number | undefined;
  recipient?: string | undefined;
}

export interface VariantOptions {
  day: string;
  variant: PackVariant;
  copy?: CopyOptions | undefined;
  /** A marking for a releasable or run-book variant lower than the briefing's (the user's call, never automatic). */
  releaseClassification?: string | undefined;
  /** The edition being issued (2, 3, …), named on the cover; none for a first issue or a plain build. */
  edition?: number | undefined;
  /** Postal addresses on the who's who cards. */
  addresses?: boolean | undefined;
}

/** A variant's document and what it left out; `sectionIds[i]` is the briefing section behind `doc.sections[i]`. */
export interface VariantDocument {
  doc: PackDocument;
  briefing: BriefingDetail | null;
  sectionIds: (number | null)[];
  report: ReleaseReport;
}

export const resolveBriefingId = (ctx: OpsContext, target: PackTarget): number | null => target.briefingId ?? listBriefings(ctx.db, target.meetingId ?? null)[0]?.id ?? null;

/** The briefing a variant shows: marked parts removed (releasable, run book), or labelled in words (full). */
export function variantBriefing(source: BriefingDetail, variant: PackVariant): { shown: BriefingDetail; kept: BriefingDetail; dropped: ReleaseReport['dropped'] } {
  const { briefing: kept, dropped } = briefingForVariant(source, variant);
  const labels = releaseLabelsFor(source.language);
  return { kept, shown: variant === 'full' ? labelMarks(kept, (m) => labels.handling[m]) : kept, dropped };
}

export function variantDocument(ctx: OpsContext, target: PackTarget, opts: VariantOptions, attachments = true): VariantDocument {
  const briefingId = resolveBriefingId(ctx, target);
  const source = briefingId === null ? null : getBriefingDetail(ctx.db, briefingId);
  const language = source?.language ?? 'en';
  const labels = releaseLabelsFor(language);
  const v = source ? variantBriefing(source, opts.variant) : null;
  const filterThen = opts.variant === 'full' ? undefined : (b: BriefingDetail) => briefingForVariant(b, 'releasable').briefing;
  const doc = packDocumentFor(ctx.db, target, opts.day, { ...(v ? { briefing: v.shown } : {}), filterThen, addresses: opts.addresses ?? false });
  // The .json carries the briefing without the marked parts (and without the labels added for print).
  if (attachments) doc.attachments = packAttachments(ctx, target, opts.day, v?.kept);
  const sectionIds = v ? v.kept.sections.map((s) => s.id) : doc.sections.map(() => null);
  const contains = highestMark((v?.kept.sections ?? []).flatMap(sectionMarks));
  const classification = opts.variant !== 'full' && opts.releaseClassification?.trim() ? opts.releaseClassification.trim() : doc.classification;
  doc.classification = packMarking(classification, contains, (m) => labels.caveat[m]);
  if (v && opts.variant === 'full') {
    v.kept.sections.forEach((s, i) => {
      if (s.handling !== 'may_use') addNote(doc, i, { tone: 'handling', text: labels.handling[s.handling] });
    });
  }
  if (opts.variant !== 'full') doc.versionLabel = `${doc.versionLabel} · ${labels.variant[opts.variant]}`;
  if (opts.edition && opts.edition > 1) doc.versionLabel = `${doc.versionLabel} · ${labels.edition(opts.edition)}`;
  const copy = opts.copy;
  const line = copy ? labels.copyLine(copy.number ?? null, copy.of ?? null, copy.recipient?.trim() ?? '') : '';
  if (line) doc.copyLine = line;
  doc.currentAsOf = { label: labels.currentAsOf, date: doc.date };
  return { doc, briefing: v?.kept ?? null, sectionIds, report: { variant: opts.variant, marking: doc.classification, dropped: v?.dropped ?? [] } };
}

export function addNote(doc: PackDocument, index: number, note: SectionNote): void {
  const s = doc.sections[index];
  if (s) s.notes = [...(s.notes ?? []), note];
}
