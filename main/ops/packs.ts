/** pack.build: a briefing's (or meeting's) delegation pack as a PDF, written atomically or returned for preview. */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { DossierError } from '../../contract/errors';
import type { Parsed } from '../../contract/ops';
import { writeFileAtomic } from './files';
import type { HandlerMap, ReadContext } from './context';
import { today } from './context';
import { type BuiltVariant, buildVariant } from './pack-release';

/** What pack.build and pack.open both take: the target, the date (default today), the variant, its copy line, addresses. */
export type PackRequest = Omit<Parsed<'pack.build'>, 'out'>;

/**
 * The pack as the user asked for it, in bytes. pack.build and pack.open call this one function, so the file the
 * viewer opens is the file the preview shows.
 */
export async function buildRequestedPack(ctx: ReadContext, { briefingId, meetingId, date, pdfa, variant, copy, releaseClassification, addresses }: PackRequest): Promise<BuiltVariant & { day: string }> {
  const day = date ?? today(ctx);
  // Every pack carries its data (meeting .ics, who's who .vcf, briefing .json, manifest) for another Dossier;
  // a variant's marked parts are removed before layout and before the attachments are written.
  const b = await buildVariant(ctx, { briefingId, meetingId }, { day, variant: variant ?? 'full', copy, releaseClassification, pdfa, addresses });
  if (ctx.signal?.aborted) throw new DossierError('cancelled', 'The pack export was cancelled.');
  return { ...b, day };
}

export const packHandlers: HandlerMap<'pack.build'> = {
  'pack.build': async ({ out, ...request }, ctx) => {
    const started = performance.now();
    const step = (done: number, label: string) => ctx.progress?.(done, 3, label);
    step(0, 'Reading the dossier');
    step(1, 'Laying out the pages');
    const { built, assembly } = await buildRequestedPack(ctx, request);
    step(2, out ? 'Writing the file' : 'Preparing the preview');
    let file: string | null = null;
    if (out) {
      if (!ctx.writesFiles) {
        throw new DossierError('invalid_input', 'Writing the pack to a path is for the command line; the app saves it through its own dialog.', { field: 'out' });
      }
      file = resolve(out);
      try {
        writeFileAtomic(file, built.bytes);
      } catch (err) {
        const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
        throw new DossierError('invalid_input', `The pack could not be written to ${file} (${reason}). No file was left behind.`, { field: 'out', details: { file } });
      }
    }
    step(3, 'Done');
    return {
      file,
      pages: built.pages,
      ms: Math.round(performance.now() - started),
      size: built.bytes.length,
      sha256: createHash('sha256').update(built.bytes).digest('hex'),
      toc: built.toc,
      ...(out ? {} : { bytesBase64: built.bytes.toString('base64') }),
      report: assembly.report,
    };
  },
};
