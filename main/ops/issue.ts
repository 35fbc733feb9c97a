/**
 * Issue once, then addenda. Issuing a pack freezes it in the packs table: the PDF bytes, their SHA-256, the page map
 * and a snapshot of the briefing as the variant showed it. Later edits never change an issued pack; they go out as
 * "Addendum N to <pack>" with only the sections changed since the last issue, word-diffed against the text that went
 * out (the diff of main/ops/versions.ts), or as a new edition.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { DossierError } from '../../contract/errors';
import type { BriefingDetail, IssuedPack, PackVariant } from '../../contract/model';
import { bodyMarkdown } from '../../contract/section-text';
import { markdownDiff } from '../assemble/markdown-diff';
import { labelsFor } from '../pack/labels';
import { assemble, issuedTitle } from '../assemble/document';
import { type PackSource, type PackTarget, readPackSource } from '../assemble/source';
import { writeFileAtomic } from './files';
import { listBriefings } from '../store/briefings';
import { addendaOf, getIssuedPack, insertIssuedPack, issuedPdf, issuedSnapshot, latestEdition, listIssuedPacks } from '../store/packs';
import { type HandlerMap, type ReadContext, type WriteContext, staged, today } from './context';
import { type BuiltVariant, buildAssembled } from './pack-release';
import { compareBriefings } from './versions';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The pack's data, read once; an issue needs a briefing. */
function issuable(ctx: ReadContext, target: PackTarget, day: string): PackSource & { briefing: NonNullable<PackSource['briefing']> } {
  const source = readPackSource(ctx.db, target, day);
  if (source.briefing === null) throw new DossierError('invalid_input', 'A pack is issued from a briefing, and this meeting has none yet. Create its briefing first.', { field: 'meetingId' });
  return source as PackSource & { briefing: NonNullable<PackSource['briefing']> };
}

/** Writes the file when the caller named one (the command line only); else the bytes go back for a download. */
function deliver(ctx: ReadContext, out: string | undefined, bytes: Buffer): { file: string | null; bytesBase64?: string } {
  if (!out) return { file: null, bytesBase64: bytes.toString('base64') };
  if (!ctx.writesFiles) throw new DossierError('invalid_input', 'Writing the pack to a path is for the command line; the app saves it through its own dialog.', { field: 'out' });
  const file = resolve(out);
  try {
    writeFileAtomic(file, bytes);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new DossierError('invalid_input', `The pack could not be written to ${file} (${reason}). No file was left behind.`, { field: 'out', details: { file } });
  }
  return { file };
}

function store(ctx: WriteContext, b: BuiltVariant, row: { briefingId: number; variant: PackVariant; edition: number; addendumOf: number | null; addendumNumber: number | null; title: string }): IssuedPack {
  return insertIssuedPack(ctx.db, {
    ...row,
    issuedAt: ctx.now().toISOString(),
    sha256: sha256(b.built.bytes),
    pages: b.built.pages,
    pageMap: b.pageMap,
    snapshot: b.assembly.briefing!,
    pdf: b.built.bytes,
  });
}

/**
 * The pack was laid out outside the transaction: another issue or addendum of the same briefing and variant may have
 * landed meanwhile, and this one would then carry a wrong edition or addendum number.
 */
function assertUnchanged(ctx: WriteContext, briefingId: number, variant: PackVariant, seen: IssuedPack | null, addendaSeen: number | null): void {
  const latest = latestEdition(ctx.db, briefingId, variant);
  const moved = (latest?.id ?? null) !== (seen?.id ?? null) || (addendaSeen !== null && latest !== null && addendaOf(ctx.db, latest.id).length !== addendaSeen);
  if (moved) throw new DossierError('conflict', 'Another issue of this pack was made while this one was being built. Nothing was saved; try again.');
}

/**
 * The safe point of an issue or addendum: the pack is laid out (the slow part) and nothing is stored or written yet.
 * After it the write step runs in one transaction, so a cancel can never leave half an issue.
 */
function stopIfCancelled(ctx: ReadContext): void {
  if (ctx.signal?.aborted) throw new DossierError('cancelled', 'Issuing was cancelled; nothing was issued.');
}

export const issueHandlers: HandlerMap<'pack.issue' | 'pack.addendum' | 'pack.issued' | 'pack.issuedPdf'> = {
  'pack.issue': staged<'pack.issue'>(async ({ briefingId, meetingId, variant, date, out, newEdition }, ctx) => {
    ctx.progress?.(0, 3, 'Reading the briefing');
    const day = date ?? today(ctx);
    const source = issuable(ctx, { briefingId, meetingId }, day);
    const briefing = source.briefing;
    const prev = latestEdition(ctx.db, briefing.id, variant);
    if (prev && !newEdition) {
      throw new DossierError('conflict', `“${prev.title}” was issued on ${prev.issuedAt.slice(0, 10)}. Send changes as an addendum, or issue a new edition.`, { field: 'newEdition' });
    }
    const edition = (prev?.edition ?? 0) + 1;
    ctx.progress?.(1, 3, 'Laying out the pages');
    const b = await buildAssembled(assemble(source, { variant }), { day, variant, edition });
    const title = issuedTitle(b.doc, variant, edition);
    stopIfCancelled(ctx);
    ctx.progress?.(2, 3, 'Saving the issued pack');
    return (w) => {
      assertUnchanged(w, briefing.id, variant, prev, null);
      const row = store(w, b, { briefingId: briefing.id, variant, edition, addendumOf: null, addendumNumber: null, title });
      // Written last, inside the transaction: a file that cannot be written rolls the issue back.
      return { ...row, ...deliver(w, out, b.built.bytes) };
    };
  }),

  'pack.addendum': staged<'pack.addendum'>(async ({ briefingId, meetingId, variant, date, out }, ctx) => {
    ctx.progress?.(0, 3, 'Reading the briefing');
    const day = date ?? today(ctx);
    const source = issuable(ctx, { briefingId, meetingId }, day);
    const briefing = source.briefing;
    const issued = latestEdition(ctx.db, briefing.id, variant);
    if (!issued) throw new DossierError('conflict', 'Nothing has been issued from this briefing yet: issue the pack first.', { field: 'briefingId' });
    const chain = addendaOf(ctx.db, issued.id);
    const last = chain[chain.length - 1] ?? issued;
    // Changes since the text that last went out (the issued pack, or its latest addendum), as the variant shows it.
    const assembly = assemble(source, { variant });
    const before = issuedSnapshot(ctx.db, last.id);
    const now = assembly.briefing!;
    const handling = labelsFor(source.briefing.language).release.handling;
    const text = (b: BriefingDetail, id: number) => {
      const sec = b.sections.find((x) => x.id === id);
      return sec ? bodyMarkdown(sec.body) : '';
    };
    // Marked against the text that went out as the reader saw it: rendered, not Markdown source.
    const changed = compareBriefings(before, now, { from: last.title, to: 'Current text' })
      .sections.filter((s) => s.change !== 'unchanged')
      .map((c) => ({ ...c, parts: markdownDiff(text(before, c.sectionId), text(now, c.sectionId), (m) => handling[m]) }));
    if (changed.length === 0) throw new DossierError('conflict', `Nothing has changed since “${last.title}”: no addendum is needed.`, { field: 'briefingId' });
    const n = chain.length + 1;
    ctx.progress?.(1, 3, 'Laying out the pages');
    const b = await buildAssembled(assembly, { day, variant }, { number: n, issuedTitle: issued.title, issuedAt: issued.issuedAt, changed });
    stopIfCancelled(ctx);
    ctx.progress?.(2, 3, 'Saving the addendum');
    return (w) => {
      assertUnchanged(w, briefing.id, variant, issued, chain.length);
      const row = store(w, b, { briefingId: briefing.id, variant, edition: issued.edition, addendumOf: issued.id, addendumNumber: n, title: b.doc.title });
      return { ...row, ...deliver(w, out, b.built.bytes), changed: changed.map((c) => c.titleAfter ?? c.titleBefore ?? '') };
    };
  }),

  'pack.issued': ({ meetingId }, { db }) => {
    const briefings = listBriefings(db, meetingId);
    const titles = new Map(briefings.map((b) => [b.id, b.title]));
    return listIssuedPacks(
      db,
      briefings.map((b) => b.id),
    ).map((p) => ({ ...p, briefingTitle: titles.get(p.briefingId) ?? '' }));
  },

  'pack.issuedPdf': ({ id }, { db }) => {
    const p = getIssuedPack(db, id);
    const safe = p.title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120).trim();
    return { fileName: `${p.issuedAt.slice(0, 10)} ${safe || 'Dossier pack'}.pdf`, sha256: p.sha256, bytesBase64: issuedPdf(db, id).toString('base64') };
  },
};
