/**
 * Issue 9: keyboard first (command palette, help overlay, shortcuts), four languages (every screen
 * screenshotted in each, nothing cut off), dark mode with a remembered override.
 */
import type { Page } from '@playwright/test';
import type { In, OpName, Out } from '../contract/ops';
import { test, expect } from './fixtures';
import { showMonthOf } from './calendar';

/** The fixture's dispatch, typed per operation. */
const typed = (call: unknown) => call as <K extends OpName>(name: K, input: In<K>) => Promise<Out<K>>;

const LANGS = ['en', 'de', 'nl', 'fr'] as const;

test('the command palette reaches a contact by keyboard only', async ({ app: page, shot }) => {
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Go to a record or run a command' })).toBeFocused();
  // Accents are optional: "ozdem" finds Ms. Özdemir.
  await page.keyboard.type('ozdem');
  await expect(palette.getByRole('option').first()).toContainText('Özdemir');
  await shot('palette');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Ms. Ayşe Özdemir' })).toBeVisible();
  expect(page.url()).toMatch(/#\/contacts\/\d+$/);
});

test('the palette runs actions, and ? lists the shortcuts', async ({ app: page, shot }) => {
  await page.keyboard.press('Control+k');
  await page.keyboard.type('new contact');
  await expect(page.getByRole('option', { selected: true })).toContainText('New contact');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'New contact' })).toBeVisible();

  // `?` in a text field types a question mark; elsewhere it opens the help.
  await page.getByLabel('Given name').fill('');
  await page.getByLabel('Given name').press('?');
  await expect(page.getByLabel('Given name')).toHaveValue('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  await page.getByRole('heading', { name: 'New contact' }).click();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help.getByRole('row', { name: /Command palette/ })).toContainText('Ctrl+K');
  await shot('help-overlay');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // N adds to the current list; Ctrl+1 goes to meetings.
  await page.keyboard.press('Control+3');
  await expect(page).toHaveURL(/#\/contacts$/);
  await page.keyboard.press('n');
  await expect(page).toHaveURL(/#\/contacts\/new$/);
});

test('the language switches at run time, is remembered, and sets <html lang>', async ({ app: page }) => {
  await page.getByRole('button', { name: /Preferences/ }).click();
  await page.getByRole('radio', { name: 'Deutsch' }).check();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('link', { name: /Sitzungen/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Hauptnavigation' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Kontakte/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
});

test('dark mode follows the system and can be overridden', async ({ app: page, shot }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: /Preferences/ }).click();
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(21, 27, 35)');
  await page.getByRole('link', { name: /Contacts/ }).click();
  await page.getByRole('link', { name: /Özdemir/ }).click();
  await shot('dark-contacts');
});

/** Elements whose text is wider than their box (cut-off labels), excluding deliberate ellipses. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, .button, label, th, h1, h2, .badge, a.row, nav a')]
      .filter((el) => el.offsetParent !== null && !el.classList.contains('sr-only') && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).textOverflow !== 'ellipsis')
      .map((el) => `${el.tagName.toLowerCase()}: ${el.textContent?.trim().slice(0, 60)}`),
  );
}

for (const lang of LANGS) {
  test(`every screen in ${lang}, nothing cut off`, async ({ app: page, dossier, shot }) => {
    await page.evaluate((l) => localStorage.setItem('dossier-language', l), lang);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    const meeting = (await typed(dossier.call)('meeting.list', {}))[0]!;
    const contact = (await typed(dossier.call)('contact.list', { query: 'Özdemir' })).items[0]!;
    const institution = (await typed(dossier.call)('institution.list', { query: 'ILO' }))[0]!;
    const briefing = await typed(dossier.call)('briefing.create', { meetingId: meeting.id, title: 'Brief for the delegation' });
    const screens: [string, string][] = [
      ['welcome', 'welcome'],
      ['meetings', 'meetings'],
      ['meeting', `meetings/${meeting.id}`],
      ['meeting-form', 'meetings/new'],
      ['institutions', `institutions/${institution.id}`],
      ['contacts', `contacts/${contact.id}`],
      ['contact-form', 'contacts/new'],
      ['briefings', 'briefings'],
      ['briefing', `briefings/${briefing.id}`],
      ['search', `search?q=ilo`],
    ];
    const problems: string[] = [];
    for (const [name, route] of screens) {
      await page.goto(`${new URL(page.url()).origin}/#/${route}`);
      await expect(page.locator('main h1').first()).toBeVisible();
      await page.waitForTimeout(150);
      problems.push(...(await overflowing(page)).map((p) => `${name}: ${p}`));
      await shot(`lang-${lang}-${name}`);
    }
    // The month calendar (the list pane's third view), on the month of the first meeting.
    await page.goto(`${new URL(page.url()).origin}/#/meetings/${meeting.id}`);
    await page.locator('[role="tablist"] [role="tab"]').nth(2).click();
    await showMonthOf(page, meeting.start);
    await expect(page.locator('.calendar .chip').first()).toBeVisible();
    problems.push(...(await overflowing(page)).map((p) => `calendar: ${p}`));
    await shot(`lang-${lang}-calendar`);
    await page.locator('[role="tablist"] [role="tab"]').nth(0).click();
    await page.keyboard.press('Control+k');
    await page.keyboard.type('ilo');
    await expect(page.getByRole('option', { name: /ILO/ }).first()).toBeVisible();
    await shot(`lang-${lang}-palette`);
    await page.keyboard.press('Escape');
    await page.locator('main h1').first().click();
    await page.keyboard.press('?');
    await shot(`lang-${lang}-help`);
    expect(problems).toEqual([]);
  });
}
