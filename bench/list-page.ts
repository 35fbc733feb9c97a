/**
 * What the two lists benchmarks share: a temp dossier served by main/host to Debian's Chromium, the time to first
 * paint of a screen (navigation start → the first frame after its first row is in the DOM; median of 3 loads), and
 * frame times while scrolling a list (requestAnimationFrame deltas).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type Host, startHost } from '../main/host/http';
import type { OpsContext } from '../main/ops/context';
import { openDossier } from '../main/ops/open';

export const CHROMIUM = process.env.DOSSIER_CHROMIUM ?? '/usr/bin/chromium';
export const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
export const f1 = (x: number) => x.toFixed(1);

export type Frames = { deltas: number[]; maxRows: number };

/** Runs `fn` with a fresh dossier file, the host serving the built renderer, and Chromium; cleans up after. */
export async function withBrowserHost<T>(name: string, now: () => Date, fn: (env: { ctx: OpsContext; host: Host; browser: Browser }) => Promise<T>): Promise<T> {
  if (!existsSync(resolve('renderer/dist/index.html'))) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), `dossier-bench-${name}-`));
  const dbPath = join(dir, 'dossier.db');
  const ctx = openDossier({ path: dbPath, now });
  const host = await startHost({ ctx, staticDir: resolve('renderer/dist'), log: () => {} });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-timer-throttling'] });
  try {
    return await fn({ ctx, host, browser });
  } finally {
    await browser.close();
    await host.close();
    ctx.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A page that notes the first frame painted after an element matching `firstRow` exists (window.firstRowPaint). */
export async function pageWatchingFirstRow(browser: Browser, firstRow: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
  await page.addInitScript((sel: string) => {
    sessionStorage.setItem('dossier-welcomed', '1');
    new MutationObserver((_m, obs) => {
      if (document.querySelector(sel)) {
        obs.disconnect();
        requestAnimationFrame(() => ((window as unknown as { firstRowPaint: number }).firstRowPaint = performance.now()));
      }
    }).observe(document, { childList: true, subtree: true });
  }, firstRow);
  return page;
}

/** Time to first paint of `url`, three real loads (a hash change alone would not reload). */
export async function firstPaint(page: Page, url: string, timeout = 30_000): Promise<number[]> {
  await page.goto(url);
  const out: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { firstRowPaint?: number }).firstRowPaint !== undefined, null, { timeout });
    out.push(await page.evaluate(() => (window as unknown as { firstRowPaint: number }).firstRowPaint));
  }
  return out;
}

/**
 * In the page: frame deltas while scrolling the list in `pane` (its .viewport, or the pane itself) by `step` px per
 * frame for `frames` frames. Plain JS source, because tsx's name helpers (`__name`) do not exist inside the page.
 */
const SCROLL_FRAMES = `(pane, step, frames) => new Promise((done) => {
  const box = document.querySelector(pane);
  const el = box.querySelector('.viewport') || box;
  const deltas = [];
  let maxRows = 0, last = 0;
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

export const scrollFrames = async (page: Page, pane: string, step: number, frames: number): Promise<Frames> =>
  (await page.evaluate(`(${SCROLL_FRAMES})(${JSON.stringify(pane)}, ${step}, ${frames})`)) as Frames;

export const framesLine = (name: string, r: Frames) =>
  `lists: ${name}: frame p50 ${f1(pct(r.deltas, 50))} ms, p95 ${f1(pct(r.deltas, 95))} ms, max ${f1(Math.max(...r.deltas))} ms over ${r.deltas.length} frames; ≤ ${r.maxRows} rows in the DOM`;

export const paintLine = (name: string, loads: number[]) => `lists: ${name}, time to first paint: median ${pct(loads, 50).toFixed(0)} ms (runs: ${loads.map((x) => x.toFixed(0)).join(', ')} ms)`;
