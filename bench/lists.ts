/**
 * Lists benchmark (issue 9): the contacts screen with 100,000 contacts, in Debian's Chromium against
 * main/host. Reports time to first paint of the screen (navigation start → the first frame after the first
 * row is in the DOM; median of 3 loads) and frame times while scrolling it (requestAnimationFrame deltas):
 * a steady scroll (one row per frame) and a fling (a screenful per frame, so pages are fetched on the way).
 * The contacts are written straight through main/store in one transaction into a temp database.
 * Run alone: `npx tsx bench/lists.ts` (BENCH_LIST_ROWS=20000 for a quicker run).
 */
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { OpsContext } from '../main/ops/context';
import { createContact } from '../main/store/contacts';
import { writeTx } from '../main/store/db';
import { createInstitution } from '../main/store/institutions';
import { CHROMIUM, firstPaint, framesLine, pageWatchingFirstRow, paintLine, scrollFrames, withBrowserHost } from './list-page';

const GIVEN = ['Anna', 'Jürgen', 'Ayşe', 'Małgorzata', 'Ελένη', 'François', 'Zoë', 'Søren', 'José', 'Claire', 'Pieter', 'Siobhán', 'Jonas'];
const FAMILY = ['Müller', 'Özdemir', 'Kowalska', 'Dubois', 'van der Berg', 'de Vries', 'Weiß', 'Sørensen', 'García', 'Dvořák', 'Stenvold', 'Lefèvre', 'Nowak'];
const POSITIONS = ['Senior Specialist', 'Desk Officer', 'Head of Unit', 'Policy Adviser', 'Referentin', 'Beleidsmedewerker', 'Chargée de mission'];

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

export async function benchLists(n = Number(process.env.BENCH_LIST_ROWS ?? 100_000)): Promise<string[]> {
  if (!existsSync(CHROMIUM)) return [`lists: skipped, no Chromium at ${CHROMIUM}`];
  return withBrowserHost('lists', () => new Date(), async ({ ctx, host, browser }) => {
    const fillMs = fillDossier(ctx, n);
    const page = await pageWatchingFirstRow(browser, 'a.row[data-index="0"]');
    await page.goto(host.launchUrl); // stores the token for the tab
    const loads = await firstPaint(page, `${new URL(host.launchUrl).origin}/#/contacts`);
    const shown = await page.locator('main p.count').textContent();
    const steady = await scrollFrames(page, '.viewport', 58, 600);
    const fling = await scrollFrames(page, '.viewport', 1720, 300);
    const jumpMs = (await page.evaluate(JUMP)) as number;
    return [
      `lists: machine: ${cpus().length} CPUs, load average ${loadavg()[0]!.toFixed(1)} at the end (frame times suffer on a busy machine)`,
      `lists: ${n.toLocaleString('en')} contacts written through main/store in one transaction in ${(fillMs / 1000).toFixed(1)} s (${shown?.trim()} shown)`,
      paintLine('contacts screen', loads),
      framesLine('steady scroll (1 row/frame)', steady),
      framesLine('fling (2 screens/frame, paging)', fling),
      `lists: jump to the middle (row ${Math.floor(n / 2).toLocaleString('en')}): rows filled in ${jumpMs.toFixed(0)} ms`,
    ];
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const l of await benchLists()) console.log(l);
}
