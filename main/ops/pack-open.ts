/**
 * pack.open: the pack in the system's PDF viewer. The app's window cannot hand bytes to another program, so main
 * builds the same pack again (same date, same bytes) into a temp file and asks the shell to open it.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DossierError } from '../../contract/errors';
import { privateTempDir, writeFileAtomic } from './files';
import type { HandlerMap } from './context';
import { buildRequestedPack } from './packs';

/**
 * Where opened packs go: a folder only this user can enter (files.ts), never a shared path another user
 * could read or plant a link in. Packs older than a day are swept on the next open (the viewer may still hold a recent one).
 */
export const packTempDir = () => privateTempDir('dossier-packs');
const KEEP_MS = 24 * 3600_000;

/** "2027-01-07 WPSDG briefing pack.pdf": the series (or the meeting's title) without characters file systems refuse. */
export function packFileName(date: string, name: string): string {
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80).trim();
  return `${date} ${safe || 'Dossier'} briefing pack.pdf`;
}

function sweep(dir: string, now: number): void {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    try {
      if (now - statSync(p).mtimeMs > KEEP_MS) rmSync(p, { force: true });
    } catch {
      // Another Dossier may be sweeping too; a file left over is harmless.
    }
  }
}

export const packOpenHandlers: HandlerMap<'pack.open'> = {
  'pack.open': async (input, ctx) => {
    // Checked first, so the browser host answers at once and the page opens its own copy instead.
    if (!ctx.openPath) {
      throw new DossierError('not_found', 'Opening the pack in the system viewer needs the desktop app; here the browser opens it.', { details: { unsupported: 'openPath' } });
    }
    const started = performance.now();
    // The variant, copy line and marking asked for: the viewer shows the very pack the preview showed.
    const { built, day, doc } = await buildRequestedPack(ctx, input);
    const name = doc.series || doc.title;
    const dir = packTempDir();
    sweep(dir, Date.now()); // file times are real time, whatever the clock of the context
    const file = join(dir, packFileName(day, name));
    // Atomic: a viewer already showing the previous copy never reads half a file.
    writeFileAtomic(file, built.bytes);
    try {
      await ctx.openPath(file);
    } catch (err) {
      throw new DossierError('not_found', `The pack was saved to ${file}, but no program opened it (${(err as Error).message}).`, { details: { file } });
    }
    return { file, pages: built.pages, size: built.bytes.length, ms: Math.round(performance.now() - started) };
  },
};
