/**
 * Lists benchmark, part 2 (issue 9): the meetings list and the institution tree with 100,000 rows each, in
 * Debian's Chromium against main/host. Time to first paint (navigation start → first frame with the first row;
 * median of 3 loads) and frame times of a steady scroll of the list pane (one row per frame).
 * Run alone: `npx tsx bench/lists-more.ts` (BENCH_LIST_ROWS=20000 for a quicker run).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { MeetingInput } from '../contract/model';
import { startHost } from '../main/host/http';
import type { OpsContext } from '../main/ops/context';
import { openDossier } from '../main/ops/open';
import { writeTx } from '../main/store/db';
import { createInstitution } from '../main/store/institutions';
import { createMeeting } from '../main/store/meetings';

const CHROMIUM = process.env.DOSSIER_CHROMIUM ?? '/usr/bin/chromium';
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const f1 = (x: number) => x.toFixed(1);

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

/** Plain JS for the page (no tsx helpers there): frame deltas while scrolling the list pane `step` px per frame. */
const SCROLL = `(step, frames) => new Promise((done) => {
  const pane = document.querySelector('.list-body');
  const el = pane.querySelector('.viewport') || pane;
  const deltas = [];
  let last = 0, maxRows = 0;
  function tick(ts) {
    if (last) deltas.push(ts - last);
    last = ts;
    maxRows = Math.max(maxRows, el.querySelectorAll('li').length);
    if (deltas.length >= frames) return done({ deltas, maxRows });
    el.scrollTop += step;
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})`;

async function firstPaint(page: Page, url: string): Promise<number[]> {
  await page.goto(url);
  const out: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { firstRowPaint?: number }).firstRowPaint !== undefined, null, { timeout: 120_000 });
    out.push(await page.evaluate(() => (window as unknown as { firstRowPaint: number }).firstRowPaint));
  }
  return out;
}

export async function benchListsMore(n = Number(process.env.BENCH_LIST_ROWS ?? 100_000)): Promise<string[]> {
  if (!existsSync(CHROMIUM)) return [`lists: skipped, no Chromium at ${CHROMIUM}`];
  if (!existsSync(resolve('renderer/dist/index.html'))) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-lists2-'));
  const dbPath = join(dir, 'dossier.db');
  const ctx = openDossier({ path: dbPath, now: () => new Date('2026-11-23T09:00:00Z') });
  const host = await startHost({ ctx, staticDir: resolve('renderer/dist'), log: () => {} });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-timer-throttling'] });
  const lines: string[] = [];
  try {
    const fillMs = fill(ctx, n);
    lines.push(`lists: ${n.toLocaleString('en')} institutions and ${n.toLocaleString('en')} meetings written in ${(fillMs / 1000).toFixed(1)} s`);
    const origin = new URL(host.launchUrl).origin;
    for (const [name, route, selector] of [
      ['meetings list', 'meetings', 'a.row[data-index="0"]'],
      ['institution tree', 'institutions', '[role="treeitem"]'],
    ] as const) {
      const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
      await page.addInitScript((sel: string) => {
        sessionStorage.setItem('dossier-welcomed', '1');
        new MutationObserver((_m, obs) => {
          if (document.querySelector(sel)) {
            obs.disconnect();
            requestAnimationFrame(() => ((window as unknown as { firstRowPaint: number }).firstRowPaint = performance.now()));
          }
        }).observe(document, { childList: true, subtree: true });
      }, selector);
      await page.goto(host.launchUrl);
      const loads = await firstPaint(page, `${origin}/#/${route}`);
      const r = (await page.evaluate(`(${SCROLL})(${route === 'meetings' ? 80 : 52}, 400)`)) as { deltas: number[]; maxRows: number };
      lines.push(`lists: ${name}, time to first paint: median ${pct(loads, 50).toFixed(0)} ms (runs: ${loads.map((x) => x.toFixed(0)).join(', ')} ms)`);
      lines.push(`lists: ${name}, steady scroll: frame p50 ${f1(pct(r.deltas, 50))} ms, p95 ${f1(pct(r.deltas, 95))} ms, max ${f1(Math.max(...r.deltas))} ms over ${r.deltas.length} frames; ≤ ${r.maxRows} rows in the DOM`);
      await page.close();
    }
    return lines;
  } finally {
    await browser.close();
    await host.close();
    ctx.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const l of await benchListsMore()) console.log(l);
}
