/**
 * Two app instances (two hosts on two dossiers) joined to one team through a throwaway PostgreSQL: each sees the
 * other's edits by itself (live sync), and a section written differently on both while apart shows the conflict
 * marker with compare and take-this.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type Page, expect, test } from '@playwright/test';
import { startHost, type Host } from '../main/host/http';
import type { OpsContext } from '../main/ops/context';
import { dispatch } from '../main/ops/index';
import { startTeamSync, stopTeamSync } from '../main/ops/team';
import { openDossier } from '../main/ops/open';
import { type TestCluster, startCluster } from '../main/team/test-cluster';
import { SHOTS } from './fixtures';

let pg: TestCluster;
const apps: { ctx: OpsContext; host: Host }[] = [];

test.beforeAll(async () => {
  pg = await startCluster();
  await pg.team('unit', ['anna', 'ben']);
});
test.afterAll(async () => {
  for (const a of apps) {
    await stopTeamSync(a.ctx);
    await a.host.close();
    a.ctx.db.close();
  }
  pg?.stop();
});

async function member(login: string, create: boolean): Promise<{ ctx: OpsContext; host: Host }> {
  const dir = mkdtempSync(join(tmpdir(), `dossier-team-e2e-${login}-`));
  const dbPath = join(dir, 'dossier.db');
  const ctx: OpsContext = openDossier({ path: dbPath, dataDir: dir });
  if (create) await dispatch(ctx, 'system.loadDemo', {});
  await dispatch(ctx, create ? 'team.create' : 'team.join', { url: pg.url(login, 'unit'), password: `${login}-pw` });
  startTeamSync(ctx);
  const host = await startHost({ ctx, staticDir: resolve('renderer/dist'), log: () => {} });
  apps.push({ ctx, host });
  return { ctx, host };
}

async function open(browser: Browser, host: Host): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1360, height: 860 } })).newPage();
  await page.addInitScript(() => sessionStorage.setItem('dossier-welcomed', '1'));
  await page.goto(host.launchUrl);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  return page;
}

/** A contact made through the contact form, as a member would. */
async function createContact(page: Page, host: Host, given: string, family: string): Promise<void> {
  await page.goto(`${host.url}#/contacts/new`);
  await page.getByLabel('Given name').fill(given);
  await page.getByLabel('Family name').fill(family);
  await page.getByRole('button', { name: 'Create contact' }).click();
}

test('two dossiers joined to one team see each other’s edits, and a conflict shows in the briefing', async ({ browser }) => {
  test.setTimeout(120_000);
  mkdirSync(SHOTS, { recursive: true });
  const anna = await member('anna', true);
  const ben = await member('ben', false);
  const a = await open(browser, anna.host);
  const b = await open(browser, ben.host);

  // Ben's app shows the team's copy and that it is in sync.
  await expect(b.getByRole('button', { name: /Team sync: Synced/ })).toBeVisible({ timeout: 15_000 });

  // Anna adds a contact in her app; Ben's list shows it by itself.
  await createContact(a, anna.host, 'Ingrid', 'Vasquez-Lindqvist');
  await b.goto(`${ben.host.url}#/contacts`);
  await expect(b.getByText('Vasquez-Lindqvist, Ingrid').first()).toBeVisible({ timeout: 15_000 });

  // And the other way round.
  await createContact(b, ben.host, 'Tomasz', 'Wierzbicki');
  await a.goto(`${anna.host.url}#/contacts`);
  await expect(a.getByText('Wierzbicki, Tomasz').first()).toBeVisible({ timeout: 15_000 });

  // Preferences → Team on Ben's side.
  await b.getByRole('button', { name: /Team sync/ }).click();
  await expect(b.getByRole('dialog', { name: 'Team' })).toBeVisible();
  await expect(b.getByRole('dialog', { name: 'Team' })).toContainText('ben');
  await b.screenshot({ path: join(SHOTS, 'team-panel.png') });
  await b.keyboard.press('Escape');

  // Both write the same section while Ben is disconnected.
  const meeting = (await dispatch(anna.ctx, 'meeting.list', {}))[0]!;
  const brief = await dispatch(anna.ctx, 'briefing.create', { meetingId: meeting.id, title: 'Brief for the session' });
  // The demo holds briefings of its own: Ben's copy of the new one is found by its title.
  const benCopy = async () => (await dispatch(ben.ctx, 'briefing.list', {})).find((x) => x.title === 'Brief for the session');
  await expect.poll(async () => (await benCopy())?.id ?? null, { timeout: 15_000 }).not.toBeNull();
  await dispatch(ben.ctx, 'team.pause', { paused: true });
  const benBrief = (await benCopy())!;
  const benSection = (await dispatch(ben.ctx, 'briefing.get', { id: benBrief.id })).sections[0]!;
  await dispatch(ben.ctx, 'section.update', { id: benSection.id, content: 'Ben: keep the discussion on the budget.' });
  await dispatch(anna.ctx, 'section.update', { id: brief.sections[0]!.id, content: 'Anna: secure support for the new standard.' });
  await expect.poll(async () => (await dispatch(anna.ctx, 'team.status', {})).pending, { timeout: 15_000 }).toBe(0);
  await dispatch(ben.ctx, 'team.pause', { paused: false });
  await expect.poll(async () => (await dispatch(anna.ctx, 'conflict.list', { briefingId: brief.id })).length, { timeout: 20_000 }).toBe(1);

  await a.goto(`${anna.host.url}#/briefings/${brief.id}`);
  const marker = a.getByRole('note', { name: /Conflict in Objectives/ });
  await expect(marker).toBeVisible({ timeout: 15_000 });
  await a.screenshot({ path: join(SHOTS, 'team-conflict.png') });
  await marker.getByRole('button', { name: 'Compare' }).click();
  await expect(a.getByRole('region', { name: /Compar/ })).toBeVisible();
  await a.screenshot({ path: join(SHOTS, 'team-conflict-compare.png') });
  await a.getByRole('button', { name: 'Back to editing' }).click();
  await a.getByRole('note', { name: /Conflict in Objectives/ }).getByRole('button', { name: 'Take the other text' }).click();
  await expect(a.getByRole('note', { name: /Conflict in Objectives/ })).toHaveCount(0);
  // Taking the other text is itself a change: both dossiers end with the same text.
  const textA = async () => (await dispatch(anna.ctx, 'briefing.get', { id: brief.id })).sections[0]!.content;
  const textB = async () => (await dispatch(ben.ctx, 'briefing.get', { id: benBrief.id })).sections[0]!.content;
  await expect.poll(async () => (await textA()) === (await textB()), { timeout: 15_000 }).toBe(true);
});
