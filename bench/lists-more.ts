/**
 * Lists benchmark, part 2 (issue 9): the meetings list and the institution tree with 100,000 rows each, in
 * Debian's Chromium against main/host. Time to first paint (navigation start → first frame with the first row;
 * median of 3 loads) and frame times of a steady scroll of the list pane (one row per frame).
 * Run alone: `npx tsx bench/lists-more.ts` (BENCH_LIST_ROWS=20000 for a quicker run).
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { MeetingInput } from '../contract/model';
import type { OpsContext } from '../main/ops/context';
import { writeTx } from '../main/store/db';
import { createInstitution } from '../main/store/institutions';
import { createMeeting } from '../main/store/meetings';
import { CHROMIUM, firstPaint, framesLine, pageWatchingFirstRow, paintLine, scrollFrames, withBrowserHost } from './list-page';

function fill(ctx: OpsContext, n: number): number {
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
  return withBrowserHost('lists2', () => new Date('2026-11-23T09:00:00Z'), async ({ ctx, host, browser }) => {
    const fillMs = fill(ctx, n);
    const lines = [`lists: ${n.toLocaleString('en')} institutions and ${n.toLocaleString('en')} meetings written in ${(fillMs / 1000).toFixed(1)} s`];
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
      await page.close();
    }
    return lines;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const l of await benchListsMore()) console.log(l);
}
