/**
 * Every e2e test gets its own dossier (a temp file) served by main/host on a free loopback port,
 * and a page opened with the launch token. `shot(name)` saves a screenshot under artifacts/screenshots.
 * The demo dossier is loaded once per worker (it writes briefings and issues packs, a second or two of work) and
 * copied into each test's file: every test still starts from exactly what `system.loadDemo` makes today.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startHost, type Host } from '../main/host/http';
import type { OpsContext } from '../main/ops/context';
import { startEngine } from '../main/ops/engine';
import { dispatch } from '../main/ops/index';
import { openDossier } from '../main/ops/open';

export const SHOTS = resolve('artifacts/screenshots');

interface WorkerFixtures {
  /** A closed dossier file holding the demo, made once per worker. */
  demoFile: string;
}

interface Fixtures {
  dossier: { ctx: OpsContext; host: Host; dbPath: string; call: typeof dispatch extends (c: OpsContext, ...a: infer A) => infer R ? (...a: A) => R : never };
  /** A page already open on the app, dossier loaded with the demo unless the test says otherwise. */
  app: Page;
  demo: boolean;
  /** Long work on a lane of its own (engine.ts), as `dossier serve` runs it; default: every operation in the host's thread. */
  lanes: boolean;
  shot: (name: string) => Promise<void>;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  demoFile: [
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'dossier-e2e-demo-'));
      const file = join(dir, 'demo.db');
      const ctx = openDossier({ path: file });
      await dispatch(ctx, 'system.loadDemo', {});
      ctx.db.close();
      await use(file);
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  demo: [true, { option: true }],
  lanes: [false, { option: true }],
  dossier: async ({ lanes }, use) => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'dossier-e2e-')), 'dossier.db');
    const ctx = openDossier({ path: dbPath });
    const engine = lanes ? await startEngine(ctx) : undefined;
    const host = await startHost({ ctx, ...(engine ? { engine } : {}), staticDir: resolve('renderer/dist'), log: () => {} });
    await use({ ctx, host, dbPath, call: ((name: string, input: unknown) => dispatch(ctx, name, input)) as never });
    await host.close();
    await engine?.close();
    ctx.db.close();
  },
  app: async ({ page, dossier, demo, demoFile }, use) => {
    if (demo) {
      // Nothing has touched the new dossier yet: swap its file for a copy of the demo (the host reads ctx.db per call).
      dossier.ctx.db.close();
      for (const suffix of ['-wal', '-shm']) rmSync(dossier.dbPath + suffix, { force: true });
      copyFileSync(demoFile, dossier.dbPath);
      dossier.ctx.db = openDossier({ path: dossier.dbPath }).db;
    }
    // Skip the first-start welcome screen unless a test asks for it.
    await page.addInitScript(() => sessionStorage.setItem('dossier-welcomed', '1'));
    await page.goto(dossier.host.launchUrl);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await use(page);
  },
  shot: async ({ page }, use) => {
    mkdirSync(SHOTS, { recursive: true });
    await use(async (name: string) => {
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false });
    });
  },
});

/**
 * Holds the page's calls of op `name` on their way to the host until the test lets them go (`release`) or drops them
 * (`drop`, as a cancel that reached the host first would). Long work on a small test dossier ends in milliseconds: held,
 * its progress dialog stays up long enough to be seen, photographed and cancelled on a slow shared machine.
 */
export async function holdCalls(page: Page, name: string): Promise<{ release: () => void; drop: () => void }> {
  let settle!: (go: boolean) => void;
  const decided = new Promise<boolean>((r) => (settle = r));
  await page.route(`**/api/${name}`, async (route) => {
    // The page may have aborted the request meanwhile (its Cancel): then there is nothing left to continue or abort.
    await ((await decided) ? route.continue() : route.abort()).catch(() => {});
  });
  return { release: () => settle(true), drop: () => settle(false) };
}

export { expect };
