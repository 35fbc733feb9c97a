/**
 * Lists benchmark (issue 9): the contacts screen with 100,000 contacts, in Debian's Chromium against
 * main/host. Reports time to first paint of the screen (navigation start → the first frame after the first
 * row is in the DOM; median of 3 loads) and frame times while scrolling it (requestAnimationFrame deltas):
 * a steady scroll (one row per frame) and a fling (a screenful per frame, so pages are fetched on the way).
 * The contacts are written straight through main/store in one transaction into a temp database.
 * Run alone: `npx tsx bench/lists.ts` (BENCH_LIST_ROWS=20000 for a quicker run).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { startHost } from '../main/host/http';
import type { OpsContext } from '../main/ops/context';
import { createContact } from '../main/store/contacts';
import { openDossier } from '../main/ops/open';
import { writeTx } from '../main/store/db';
import { createInstitution } from '../main/store/institutions';

const CHROMIUM = process.env.DOSSIER_CHROMIUM ?? '/usr/bin/chromium';
const GIVEN = ['Anna', 'Jürgen', 'Ayşe', 'Małgorzata', 'Ελένη', 'François', 'Zoë', 'Søren', 'José', 'Claire', 'Pieter', 'Siobhán', 'Jonas'];
const FAMILY = ['Müller', 'Özdemir', 'Kowalska', 'Dubois', 'van der Berg', 'de Vries', 'Weiß', 'Sørensen', 'García', 'Dvořák', 'Stenvold', 'Lefèvre', 'Nowak'];
const POSITIONS = ['Senior Specialist', 'Desk Officer', 'Head of Unit', 'Policy Adviser', 'Referentin', 'Beleidsmedewerker', 'Chargée de mission'];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};
const f1 = (x: number) => x.toFixed(1);

function fillDossier(ctx: OpsContext, n: number): number {
  const t = performance.now();
  writeTx(ctx.db, () => {
    const insts = ['ILO', 'OECD', 'World Bank', 'BMAS', 'SZW', 'DG EMPL'].map((name) =>
      createInstitution(ctx.db, { name, acronym: '', kind: 'other', parentId: null, seat: '', website: '', profile: '', topics: [] }),
    );
    for (let i = 0; i < n; i++) {
      createContact(ctx.db, {
        honorific: '',
        givenName: GIVEN[i % GIVEN.length]!,
        familyName: `${FAMILY[(i * 7) % FAMILY.length]} ${i}`,
        position: POSITIONS[i % POSITIONS.length]!,
        institutionId: insts[i % insts.length]!,
        phones: [],
        emails: [{ label: 'work', value: `person${i}@example.org` }],
        website: '',
        languages: ['en'],
        notes: '',
        internal: i % 50 === 0,
        source: 'bench',
        informationDated: i % 3 === 0 ? '2017' : '2026-01',
        addresses: [],
        otherDetails: [],
      });
    }
  });
  return performance.now() - t;
}

/**
 * In the page: frame deltas while scrolling the list by `step` px per frame for `frames` frames. Plain JS
 * source, because tsx's name helpers (`__name`) do not exist inside the page.
 */
const SCROLL_FRAMES = `(step, frames) => new Promise((done) => {
  const el = document.querySelector('.viewport');
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
/** In the page: jump to the middle (the scrollbar dragged), time until the rows there have their data. */
const JUMP = `new Promise((done) => {
  const el = document.querySelector('.viewport');
  const t = performance.now();
  el.scrollTop = el.scrollHeight / 2;
  function check() {
    if (el.querySelector('.placeholder') || !el.querySelector('a.row')) requestAnimationFrame(check);
    else done(performance.now() - t);
  }
  requestAnimationFrame(check);
})`;
type Frames = { deltas: number[]; maxRows: number };

export async function benchLists(n = Number(process.env.BENCH_LIST_ROWS ?? 100_000)): Promise<string[]> {
  if (!existsSync(CHROMIUM)) return [`lists: skipped, no Chromium at ${CHROMIUM}`];
  if (!existsSync(resolve('renderer/dist/index.html'))) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-lists-'));
  const dbPath = join(dir, 'dossier.db');
  const ctx = openDossier({ path: dbPath });
  const host = await startHost({ ctx, staticDir: resolve('renderer/dist'), log: () => {} });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-background-timer-throttling'] });
  try {
    const fillMs = fillDossier(ctx, n);
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    await page.addInitScript(() => {
      sessionStorage.setItem('dossier-welcomed', '1');
      // The first frame painted after the first contact row exists.
      new MutationObserver((_m, obs) => {
        if (document.querySelector('a.row[data-index="0"]')) {
          obs.disconnect();
          requestAnimationFrame(() => ((window as unknown as { firstRowPaint: number }).firstRowPaint = performance.now()));
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(host.launchUrl); // stores the token for the tab
    const origin = new URL(host.launchUrl).origin;
    const loads: number[] = [];
    await page.goto(`${origin}/#/contacts`);
    for (let i = 0; i < 3; i++) {
      await page.reload(); // a real load each time (a hash change alone would not reload)
      await page.waitForFunction(() => (window as unknown as { firstRowPaint?: number }).firstRowPaint !== undefined, null, { timeout: 30_000 });
      loads.push(await page.evaluate(() => (window as unknown as { firstRowPaint: number }).firstRowPaint));
    }
    const shown = await page.locator('main p.count').textContent();
    const steady = (await page.evaluate(`(${SCROLL_FRAMES})(58, 600)`)) as Frames;
    const fling = (await page.evaluate(`(${SCROLL_FRAMES})(1720, 300)`)) as Frames;
    const jumpMs = (await page.evaluate(JUMP)) as number;
    const line = (name: string, r: Frames) =>
      `lists: ${name}: frame p50 ${f1(pct(r.deltas, 50))} ms, p95 ${f1(pct(r.deltas, 95))} ms, max ${f1(Math.max(...r.deltas))} ms over ${r.deltas.length} frames; ≤ ${r.maxRows} rows in the DOM`;
    return [
      `lists: machine: ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)} at the end (frame times suffer on a busy machine)`,
      `lists: ${n.toLocaleString('en')} contacts written through main/store in one transaction in ${(fillMs / 1000).toFixed(1)} s (${shown?.trim()} shown)`,
      `lists: contacts screen, time to first paint: median ${pct(loads, 50).toFixed(0)} ms (runs: ${loads.map((x) => x.toFixed(0)).join(', ')} ms)`,
      line('steady scroll (1 row/frame)', steady),
      line('fling (2 screens/frame, paging)', fling),
      `lists: jump to the middle (row ${Math.floor(n / 2).toLocaleString('en')}): rows filled in ${jumpMs.toFixed(0)} ms`,
    ];
  } finally {
    await browser.close();
    await host.close();
    ctx.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const l of await benchLists()) console.log(l);
}
