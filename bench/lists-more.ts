/**
 * Lists benchmark, part 2 (issue 9): the meetings list and the institution tree with 100,000 rows each, in
 * Debian's Chromium against main/host. Time to first paint (navigation start → first frame with the first row;
 * median of 3 loads) and frame times of a steady scroll of the list pane (one row per frame).
 * Targets (issue 18): the institution tree's first paint ≤ 300 ms; the meetings list's steady scroll, max frame ≤ 50 ms.
 * Run alone: `npx tsx bench/lists-more.ts` (BENCH_LIST_ROWS=20000 for a quicker run; BENCH_LISTS_DB=file.db works on
 * a copy of a dossier filled by an earlier run instead of writing a new one).
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { MeetingInput } from '../contract/model';
import type { OpsContext } from '../main/ops/context';
import { writeTx } from '../main/store/db';
import { createInstitution } from '../main/store/institutions';
import { createMeeting } from '../main/store/meetings';
import { CHROMIUM, busy, f1, firstPaint, framesLine, pageWatchingFirstRow, paintLine, scrollFrames, pct, withBrowserHost } from './list-page';

const TREE_PAINT_MS = 300;
const SCROLL_FRAME_MS = 50;

/** Writes `n` institutions and `n` meetings (one a day over 3,000 days from 2027) in one transaction; returns the ms taken. */
export function fill(ctx: OpsContext, n: number): number {
  const t = performance.now();
  writeTx(ctx.db, () => {
    for (let i = 0; i < n; i++) {
      createInstitution(ctx.db, { name: `Institution ${i}`, acronym: `I${i}`, kind: 'other', parentId: null, seat: '', website: '', profile: '', topics: [] });
      const day = new Date(Date.UTC(2027, 0, 1) + (i % 3000) * 86_400_000).toISOString().slice(0, 10);
      createMeeting(ctx.db, MeetingInput.parse({ title: `Consultation ${i}`, start: `${day}T10:00`, end: `${day}T12:00`, timeZone: 'Europe/Zurich', venue: 'Geneva' }));
    }
  });
  return performance.now() - t;
}

export async function benchListsMore(n = Number(process.env.BENCH_LIST_ROWS ?? 100_000)): Promise<string[]> {
  if (!existsSync(CHROMIUM)) return [`lists: skipped, no Chromium at ${CHROMIUM}`];
  const reused = process.env.BENCH_LISTS_DB;
  return withBrowserHost(
    'lists2',
    () => new Date('2026-11-23T09:00:00Z'),
    async ({ ctx, host, browser }) => {
      const lines = [reused ? `lists: a copy of ${reused}` : `lists: ${n.toLocaleString('en')} institutions and ${n.toLocaleString('en')} meetings written in ${(fill(ctx, n) / 1000).toFixed(1)} s`];
      const origin = new URL(host.launchUrl).origin;
      for (const [name, route, selector] of [
        ['meetings list', 'meetings', 'a.row[data-index="0"]'],
        ['institution tree', 'institutions', '[role="treeitem"]'],
      ] as const) {
        const page = await pageWatchingFirstRow(browser, selector);
        await page.goto(host.launchUrl);
        const loads = await firstPaint(page, `${origin}/#/${route}`, 120_000);
        const r = await scrollFrames(page, '.list-body', route === 'meetings' ? 80 : 52, 400);
        lines.push(paintLine(name, loads), framesLine(`${name}, steady scroll`, r));
        const paint = pct(loads, 50);
        const worst = Math.max(...r.deltas);
        if (route === 'institutions') lines.push(`lists: target institution tree first paint ≤ ${TREE_PAINT_MS} ms: ${paint.toFixed(0)} ms ${paint <= TREE_PAINT_MS ? 'met' : 'MISSED'}${busy()}`);
        else lines.push(`lists: target meetings list steady scroll max frame ≤ ${SCROLL_FRAME_MS} ms: ${f1(worst)} ms ${worst <= SCROLL_FRAME_MS ? 'met' : 'MISSED'}${busy()}`);
        await page.close();
      }
      return lines;
    },
    reused,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const l of await benchListsMore()) console.log(l);
}
