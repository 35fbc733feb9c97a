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
import { releaseLabelsFor } from '../pack/labels-release';
import { highestMark, packMarking, sectionMarks } from '../pack/variants';
import { writeFileAtomic } from './files';
import { getBriefingDetail, listBriefings } from '../store/briefings';
import { addendaOf, getIssuedPack, insertIssuedPack, issuedPdf, issuedSnapshot, latestEdition, listIssuedPacks } from '../store/packs';
import { type HandlerMap, type OpsContext, today, write } from './context';
import { type BuiltVariant, buildVariant } from './pack-release';
import { type PackTarget, resolveBriefingId, variantBriefing } from './pack-variant';
import { compareBriefings } from './versions';

const LOCALES: Record<string, string> = { en: 'en-GB', de: 'de-DE', nl: 'nl-NL', fr: 'fr-FR' };
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function briefingOf(ctx: OpsContext, target: PackTarget): BriefingDetail {
  const id = resolveBriefingId(ctx, target);
  if (id === null) throw new DossierError('invalid_input', 'A pack is issued from a briefing, and this meeting has none yet. Create its briefing first.', { field: 'meetingId' });
  return getBriefingDetail(ctx.db, id);
}

/** Writes the file when the caller named one (the command line only); else the bytes go back for a download. */
function deliver(ctx: OpsContext, out: string | undefined, bytes: Buffer): { file: string | null; bytesBase64?: string } {
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

function store(ctx: OpsContext, b: BuiltVariant, row: { briefingId: number; variant: PackVariant; edition: number; addendumOf: number | null; addendumNumber: number | null; title: string }): IssuedPack {
  return write(ctx, () =>
    insertIssuedPack(ctx.db, {
      ...row,
      issuedAt: ctx.now().toISOString(),
      sha256: sha256(b.built.bytes),
      pages: b.built.pages,
      pageMap: b.pageMap,
      snapshot: b.briefing!,
      pdf: b.built.bytes,
    }),
  );
}

export const issueHandlers: HandlerMap<'pack.issue' | 'pack.addendum' | 'pack.issued' | 'pack.issuedPdf'> = {
  'pack.issue': async ({ briefingId, meetingId, variant, date, out, newEdition }, ctx) => {
    const briefing = briefingOf(ctx, { briefingId, meetingId });
    const prev = latestEdition(ctx.db, briefing.id, variant);
    if (prev && !newEdition) {
      throw new DossierError('conflict', `“${prev.title}” was issued on ${prev.issuedAt.slice(0, 10)}. Send changes as an addendum, or issue a new edition.`, { field: 'newEdition' });
    }
    const edition = (prev?.edition ?? 0) + 1;
    const labels = releaseLabelsFor(briefing.language);
    const b = await buildVariant(ctx, { briefingId: briefing.id }, { day: date ?? today(ctx), variant, edition });
    const title = `${b.doc.title}${b.doc.subtitle ? ` — ${b.doc.subtitle}` : ''} (${labels.variant[variant]}, ${labels.edition(edition)})`;
    const file = deliver(ctx, out, b.built.bytes);
    return { ...store(ctx, b, { briefingId: briefing.id, variant, edition, addendumOf: null, addendumNumber: null, title }), ...file };
  },

  'pack.addendum': async ({ briefingId, meetingId, variant, date, out }, ctx) => {
    const briefing = briefingOf(ctx, { briefingId, meetingId });
    const issued = latestEdition(ctx.db, briefing.id, variant);
    if (!issued) throw new DossierError('conflict', 'Nothing has been issued from this briefing yet: issue the pack first.', { field: 'briefingId' });
    const chain = addendaOf(ctx.db, issued.id);
    const last = chain[chain.length - 1] ?? issued;
    // Changes since the text that last went out (the issued pack, or its latest addendum), as the variant shows it.
    const before = issuedSnapshot(ctx.db, last.id);
    const now = variantBriefing(briefing, variant).kept;
    const changed = compareBriefings(before, now, { from: last.title, to: 'Current text' }).sections.filter((s) => s.change !== 'unchanged');
    if (changed.length === 0) throw new DossierError('conflict', `Nothing has changed since “${last.title}”: no addendum is needed.`, { field: 'briefingId' });
    const n = chain.length + 1;
    const labels = releaseLabelsFor(briefing.language);
    const issuedOn = new Intl.DateTimeFormat(LOCALES[briefing.language] ?? 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(issued.issuedAt));
    const title = labels.addendumTitle(n, issued.title);
    const b = await buildVariant(ctx, { briefingId: briefing.id }, { day: date ?? today(ctx), variant }, (v) => {
      v.doc.title = title;
      v.doc.subtitle = labels.addendumIntro(issued.title, issuedOn);
      v.doc.sections = changed.map((c) => ({
        kind: 'markdown' as const,
        title: c.titleAfter ?? c.titleBefore ?? '',
        markdown: '',
        changes: { change: c.change as 'added' | 'changed' | 'removed', label: `${labels.change[c.change as 'added' | 'changed' | 'removed']} — ${labels.legend}`, parts: c.parts },
      }));
      v.sectionIds = changed.map((c) => c.sectionId);
      // Marked for what the addendum itself contains.
      const ids = new Set(v.sectionIds);
      v.doc.classification = packMarking(briefing.classification, highestMark(now.sections.filter((s) => ids.has(s.id)).flatMap(sectionMarks)), (m) => labels.caveat[m]);
    });
    const file = deliver(ctx, out, b.built.bytes);
    const row = store(ctx, b, { briefingId: briefing.id, variant, edition: issued.edition, addendumOf: issued.id, addendumNumber: n, title });
    return { ...row, ...file, changed: changed.map((c) => c.titleAfter ?? c.titleBefore ?? '') };
  },

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
