import type { Page } from '@playwright/test';
import type { In, OpName, Out } from '../contract/ops';
import { dispatch } from '../main/ops/index';
import { test, expect } from './fixtures';

type Ctx = Parameters<typeof dispatch>[0];
const op = <K extends OpName>(ctx: Ctx, name: K, input: In<K>): Promise<Out<K>> => dispatch<K>(ctx, name, input);

async function openBriefing(page: Page, id: number) {
  await page.evaluate((h) => (location.hash = h), `#/briefings/${id}`);
  await expect(page.getByRole('status').filter({ hasText: /All changes saved|Unsaved|Saving/ })).toBeVisible();
}

test('give a section a word budget; the editor and pre-flight flag it when over', async ({ app: page, dossier, shot }) => {
  const [meeting] = await op(dossier.ctx, 'meeting.list', { when: 'upcoming' });
  const b = await op(dossier.ctx, 'briefing.create', { meetingId: meeting!.id, title: 'Brief for the delegation' });
  await openBriefing(page, b.id);
  const section = page.getByRole('region', { name: 'Objectives', exact: true });
  const count = section.locator('[data-word-count]');
  await expect(count).toHaveText('0 words');

  // A 5-word budget, saved to the store.
  const budget = section.getByLabel('Budget', { exact: true });
  await budget.fill('5');
  await budget.press('Enter');
  await expect.poll(async () => (await op(dossier.ctx, 'briefing.get', { id: b.id })).sections.find((s) => s.title === 'Objectives')?.budgetWords).toBe(5);
  await expect(section.getByLabel('Budget unit of Objectives')).toHaveValue('words');

  // Twenty words: the count turns into a warning.
  const text = 'Secure broad support for the integrated strategy and welcome the progress report while keeping the budget neutral this year please.';
  await page.getByRole('textbox', { name: 'Objectives', exact: true }).fill(text);
  await expect(count).toContainText('20 words');
  await expect(count).toHaveClass(/over/);
  await expect(count).toContainText('Over budget: 20 words, the budget is 5');
  await expect(page.getByText('All changes saved')).toBeVisible();
  await section.scrollIntoViewIfNeeded();
  await shot('section-budget');

  // Pre-flight names the section.
  await page.getByRole('tab', { name: 'Pre-flight' }).click();
  const finding = page.locator('.preflight').getByRole('listitem').filter({ hasText: '“Objectives” has 20 words; its budget is 5.' });
  await expect(finding).toBeVisible();
  await expect(finding).toContainText('Over length');

  // Emptying the field clears the budget; the warning goes.
  await budget.fill('');
  await budget.press('Enter');
  await expect(count).not.toHaveClass(/over/);
  await expect.poll(async () => (await op(dossier.ctx, 'briefing.get', { id: b.id })).sections.find((s) => s.title === 'Objectives')?.budgetWords ?? null).toBeNull();
});

test('the budget cannot be changed while the briefing is final', async ({ app: page, dossier }) => {
  const [meeting] = await op(dossier.ctx, 'meeting.list', { when: 'upcoming' });
  const b = await op(dossier.ctx, 'briefing.create', { meetingId: meeting!.id, title: 'Brief for the delegation' });
  await op(dossier.ctx, 'briefing.setStatus', { id: b.id, status: 'final' });
  await openBriefing(page, b.id);
  const section = page.getByRole('region', { name: 'Objectives', exact: true });
  await expect(section.getByLabel('Budget', { exact: true })).toBeDisabled();
  await expect(section.getByLabel('Budget unit of Objectives')).toBeDisabled();
});

test('text typed while the briefing is read back after a budget change is kept, and counted against the budget', async ({ app: page, dossier }) => {
  const [meeting] = await op(dossier.ctx, 'meeting.list', { when: 'upcoming' });
  const b = await op(dossier.ctx, 'briefing.create', { meetingId: meeting!.id, title: 'Brief for the delegation' });
  await openBriefing(page, b.id);
  const section = page.getByRole('region', { name: 'Objectives', exact: true });
  const count = section.locator('[data-word-count]');
  // The read-back after the budget is saved answers with the briefing as it was, and arrives late: the user has
  // typed meanwhile (the cause of the flaky "over" class on a busy machine).
  let late = 0;
  let delivered = false;
  await page.route('**/api/briefing.get', async (route) => {
    if (late++ > 0) return route.continue();
    const response = await route.fetch();
    await new Promise((r) => setTimeout(r, 1500));
    await route.fulfill({ response });
    delivered = true;
  });
  const budget = section.getByLabel('Budget', { exact: true });
  await budget.fill('5');
  await budget.press('Enter');
  const text = 'Secure broad support for the integrated strategy and welcome the progress report while keeping the budget neutral this year please.';
  await page.getByRole('textbox', { name: 'Objectives', exact: true }).fill(text);
  await expect.poll(() => delivered).toBe(true);
  await page.waitForTimeout(200); // let the page apply the late answer
  await expect(page.getByRole('textbox', { name: 'Objectives', exact: true })).toHaveValue(text);
  await expect(count).toContainText('20 words');
  await expect(count).toHaveClass(/over/);
  await expect.poll(async () => (await op(dossier.ctx, 'briefing.get', { id: b.id })).sections.find((s) => s.title === 'Objectives')?.content).toBe(text);
});
