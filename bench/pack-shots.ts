/**
 * Regenerates the pack pictures in docs/ (cover, contents, who's who cards, since last time) from the demo dossier's
 * draft briefing for the next Working Party session: `npx tsx bench/pack-shots.ts`. Needs pdftoppm (poppler-utils).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../main/ops/index';
import { testContext } from '../main/ops/test-context';

async function main(): Promise<void> {
  const ctx = testContext();
  await dispatch(ctx, 'system.loadDemo', {});
  const meeting = (await dispatch(ctx, 'meeting.list', { when: 'upcoming' }))[0]!;
  const r = await dispatch(ctx, 'pack.build', { meetingId: meeting.id, date: '2026-11-23' });
  const dir = mkdtempSync(join(tmpdir(), 'dossier-shots-'));
  const pdf = join(dir, 'pack.pdf');
  writeFileSync(pdf, Buffer.from(r.bytesBase64!, 'base64'));
  const at = (title: string) => r.toc.find((t) => t.title === title)!.page;
  const pages = [
    ['cover', 1],
    ['contents', 2],
    ['cards', at('Who’s who')],
    ['since', at('Since last time')],
  ] as const;
  for (const [name, page] of pages) {
    execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', '-f', String(page), '-l', String(page), pdf, join(dir, name)]);
    copyFileSync(join(dir, `${name}.png`), join('docs', `pack-${name}.png`));
  }
  console.log(`${pages.map(([n, p]) => `docs/pack-${n}.png (page ${p})`).join(', ')} from a ${r.pages}-page pack`);
}

await main();
