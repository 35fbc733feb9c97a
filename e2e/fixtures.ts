/**
 * Every e2e test gets its own dossier (a temp file) served by main/host on a free loopback port,
 * and a page opened with the launch token. `shot(name)` saves a screenshot under artifacts/screenshots.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startHost, type Host } from '../main/host/http';
import type { OpsContext } from '../main/ops/context';
import { dispatch } from '../main/ops/index';
import { openDossier } from '../main/ops/open';

export const SHOTS = resolve('artifacts/screenshots');

interface Fixtures {
  dossier: { ctx: OpsContext; host: Host; dbPath: string; call: typeof dispatch extends (c: OpsContext, ...a: infer A) => infer R ? (...a: A) => R : never };
  /** A page already open on the app, dossier loaded with the demo unless the test says otherwise. */
  app: Page;
  demo: boolean;
  shot: (name: string) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  demo: [true, { option: true }],
  dossier: async ({}, use) => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'dossier-e2e-')), 'dossier.db');
    const ctx = openDossier({ path: dbPath });
    const host = await startHost({ ctx, staticDir: resolve('renderer/dist'), log: () => {} });
    await use({ ctx, host, dbPath, call: ((name: string, input: unknown) => dispatch(ctx, name, input)) as never });
    await host.close();
    ctx.db.close();
  },
  app: async ({ page, dossier, demo }, use) => {
    if (demo) await dispatch(dossier.ctx, 'system.loadDemo', {});
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

export { expect };
