/**
 * Building a pack as the user will hand it over: its data read once (readPackSource), the variant assembled, the
 * pre-flight findings the user chose to print flagged "to check" placed under the sections they concern, then
 * layout. Shared by pack.build, pack.open, pack.issue and pack.addendum so they never differ.
 */
import type { PackVariant } from '../../contract/model';
import { type AddendumOptions, type Assembly, type CopyOptions, assemble } from '../assemble/document';
import { type PackSource, type PackTarget, readPackSource } from '../assemble/source';
import { buildPack } from '../pack/build';
import type { BuiltPack, PackDocument } from '../pack/document';
import type { ReadContext } from './context';
import { preflightFindings } from './preflight';

export interface BuildOptions {
  day: string;
  variant: PackVariant;
  copy?: CopyOptions | undefined;
  releaseClassification?: string | undefined;
  edition?: number | undefined;
  pdfa?: boolean | undefined;
  /** Postal addresses on the who's who cards. */
  addresses?: boolean | undefined;
}

export interface BuiltVariant {
  assembly: Assembly;
  doc: PackDocument;
  built: BuiltPack;
  /** Section → pages of the built file. */
  pageMap: { sectionId: number | null; title: string; from: number; to: number }[];
}

/** Lays out an assembled variant (an addendum, if given), with the flagged findings when it is a full pack. */
export async function buildAssembled(assembly: Assembly, opts: BuildOptions, addendum?: AddendumOptions): Promise<BuiltVariant> {
  // Flags name what they concern; in a releasable pack they could quote what was left out, so only the full pack prints them.
  const flagged = opts.variant === 'full' && !addendum ? preflightFindings(assembly, false).findings.filter((f) => f.decision === 'flag') : [];
  const { doc, sectionIds } = assembly.document({ copy: opts.copy, edition: opts.edition, checks: flagged, addendum });
  const built = await buildPack(doc, { date: opts.day, pdfa: opts.pdfa ?? false });
  const starts = built.toc.map((t) => t.page);
  const pageMap = built.toc.map((t, i) => ({ sectionId: sectionIds[i] ?? null, title: t.title, from: t.page, to: (starts[i + 1] ?? built.pages + 1) - 1 }));
  return { assembly, doc, built, pageMap };
}

/** Reads the pack's data once and builds the variant. */
export async function buildVariant(ctx: ReadContext, target: PackTarget, opts: BuildOptions): Promise<BuiltVariant> {
  const source: PackSource = readPackSource(ctx.db, target, opts.day);
  return buildAssembled(assemble(source, opts), opts);
}
