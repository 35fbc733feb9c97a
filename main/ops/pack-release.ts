/**
 * Building a variant as the user will hand it over: the variant's document, pre-flight findings the user chose to
 * print flagged "to check" placed under the section they concern, then layout. Shared by pack.build, pack.issue and
 * pack.addendum so the three never differ.
 */
import { buildPack } from '../pack/build';
import type { BuiltPack } from '../pack/document';
import { labelsFor } from '../pack/labels';
import type { ReadContext } from './context';
import { preflightDecisions } from '../store/preflight';
import { type PackTarget, type VariantDocument, type VariantOptions, addNote, resolveBriefingId, variantDocument } from './pack-variant';
import { runPreflight } from './preflight';

export interface BuiltVariant extends VariantDocument {
  built: BuiltPack;
  /** Section → pages of the built file. */
  pageMap: { sectionId: number | null; title: string; from: number; to: number }[];
}

/** Places each flagged finding: its section, else who's who (contacts) or the lines to take (agenda items). */
export async function placeFlags(ctx: ReadContext, target: PackTarget, v: VariantDocument, day: string): Promise<void> {
  const briefingId = resolveBriefingId(ctx, target);
  // Most packs have nothing flagged: skip the checks then (they cost as much as a third of a build).
  if (briefingId === null || !Object.values(preflightDecisions(ctx.db, briefingId)).includes('flag')) return;
  const { findings } = await runPreflight(ctx, target, day, false);
  const flagged = findings.filter((f) => f.decision === 'flag');
  if (flagged.length === 0) return;
  const label = labelsFor(v.doc.language).release.toCheck;
  for (const f of flagged) {
    let at = f.where.sectionId === null ? -1 : v.sectionIds.indexOf(f.where.sectionId);
    if (at < 0 && f.where.contactId !== null) at = v.doc.sections.findIndex((s) => s.kind === 'whos_who' || s.kind === 'contact_sheet');
    if (at < 0 && f.where.agendaItemId !== null) at = v.doc.sections.findIndex((s) => s.kind === 'agenda_briefs' || s.kind === 'programme');
    if (at < 0) at = 0;
    addNote(v.doc, at, { tone: 'check', text: `${label}: ${f.message}` });
  }
}

/** `reshape` changes the document before layout (an addendum keeps only its changed sections). */
export async function buildVariant(ctx: ReadContext, target: PackTarget, opts: VariantOptions & { pdfa?: boolean }, reshape?: (v: VariantDocument) => void): Promise<BuiltVariant> {
  const v = variantDocument(ctx, target, opts);
  // Flags name what they concern; in a releasable pack they could quote what was left out, so only the full pack prints them.
  if (opts.variant === 'full' && !reshape) await placeFlags(ctx, target, v, opts.day);
  reshape?.(v);
  const built = await buildPack(v.doc, { date: opts.day, pdfa: opts.pdfa ?? false });
  const starts = built.toc.map((t) => t.page);
  const pageMap = built.toc.map((t, i) => ({ sectionId: v.sectionIds[i] ?? null, title: t.title, from: t.page, to: (starts[i + 1] ?? built.pages + 1) - 1 }));
  return { ...v, built, pageMap };
}
