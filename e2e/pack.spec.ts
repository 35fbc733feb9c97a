/**
 * Issue 7 in the app: Export pack (options, progress, Cancel), the pdf.js preview (pages on canvases, thumbnails,
 * contents, page x of y, zoom), Save as and Open in system viewer; issue 9: a pack exported by keyboard only.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { In, OpName, Out } from '../contract/ops';
import { expect, test } from './fixtures';

const DATE = '2027-01-07';

const typed =
  (call: (name: string, input: unknown) => Promise<unknown>) =>
  <K extends OpName>(name: K, input: In<K>) =>
    call(name, input) as Promise<Out<K>>;

/** Non-white pixels drawn on a page canvas: pdf.js really painted something. */
const inked = (page: Page, name: string) =>
  page.getByRole('img', { name }).locator('canvas').evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i]! < 200 || d[i + 1]! < 200 || d[i + 2]! < 200) n++;
    return n;
  });

const pageInput = (page: Page) => page.getByRole('spinbutton', { name: 'Page' });

async function savedBytes(download: Download): Promise<Buffer> {
  return readFileSync((await download.path())!);
}

test('exports the meeting’s pack from the meeting screen: preview, thumbnails, contents, Save as, system viewer', async ({ app: page, dossier, shot }) => {
  const call = typed(dossier.call as never);
  const meeting = (await call('meeting.list', { when: 'upcoming' }))[0]!;
  const expected = await call('pack.build', { meetingId: meeting.id, date: DATE });
  await page.evaluate((id) => (location.hash = `#/meetings/${id}`), meeting.id);
  await expect(page.getByRole('heading', { level: 1, name: meeting.title })).toBeVisible();

  await page.getByRole('button', { name: 'Export pack' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export briefing pack' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('From the meeting’s most recently edited briefing.');
  await expect(dialog.getByLabel('Date on the pack')).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
  await expect(dialog.getByRole('button', { name: /^Build (pack|anyway)$/ })).toBeFocused();
  await dialog.getByLabel('Date on the pack').fill(DATE);
  await shot('pack-export-dialog');
  await dialog.getByRole('button', { name: /^Build (pack|anyway)$/ }).click();

  await expect(page.getByRole('heading', { level: 1, name: /Pack preview/ })).toBeVisible();
  expect(page.url()).toContain(`#/meetings/${meeting.id}/pack?date=${DATE}`);
  await expect(page.getByText(`of ${expected.pages}`, { exact: true })).toBeVisible();
  await expect(page.getByText(`${expected.pages} pages`, { exact: true })).toBeVisible();
  await expect(pageInput(page)).toHaveValue('1');
  await expect.poll(() => inked(page, `Page 1 of ${expected.pages}`)).toBeGreaterThan(2000);
  const contents = page.getByRole('navigation', { name: 'Contents' });
  await expect(contents.getByRole('button', { name: /Who’s who/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Page \d+ of / })).toHaveCount(expected.pages);
  await shot('pack-preview');

  // A thumbnail jumps to its page; the page number follows, the big page is drawn.
  await page.getByRole('button', { name: `Page 4 of ${expected.pages}` }).click();
  await expect(pageInput(page)).toHaveValue('4');
  await expect(page.getByRole('button', { name: `Page 4 of ${expected.pages}` })).toHaveAttribute('aria-current', 'page');
  await expect.poll(() => inked(page, `Page 4 of ${expected.pages}`)).toBeGreaterThan(2000);
  // ↓ in the strip goes on to the next page.
  await page.keyboard.press('ArrowDown');
  await expect(pageInput(page)).toHaveValue('5');
  await expect(page.getByRole('button', { name: `Page 5 of ${expected.pages}` })).toBeFocused();
  await shot('pack-preview-thumbnails');

  // The contents jump to the page each section starts on.
  const sheet = expected.toc.find((e) => e.title === 'Contact sheet')!;
  await contents.getByRole('button', { name: /Contact sheet/ }).click();
  await expect(pageInput(page)).toHaveValue(String(sheet.page));
  // Typing a page number goes there.
  await pageInput(page).fill('2');
  await pageInput(page).press('Enter');
  await expect(pageInput(page)).toHaveValue('2');

  // Zoom: 100 %, +, fit width.
  await page.getByRole('button', { name: '100 %' }).click();
  await expect(page.locator('output')).toHaveText('100 %');
  const width100 = await page.getByRole('img', { name: `Page 1 of ${expected.pages}` }).evaluate((e) => e.getBoundingClientRect().width);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(page.locator('output')).toHaveText('110 %');
  const width110 = await page.getByRole('img', { name: `Page 1 of ${expected.pages}` }).evaluate((e) => e.getBoundingClientRect().width);
  expect(width110 / width100).toBeCloseTo(1.1, 1);
  await page.getByRole('button', { name: 'Fit width' }).click();
  await expect(page.getByRole('button', { name: 'Fit width' })).toHaveAttribute('aria-pressed', 'true');

  // Save as: the very bytes of the preview, under the pack's name.
  const sizeText = await page.getByTestId('pack-size').getAttribute('title');
  const shownSize = Number(sizeText!.replace(/\D/g, ''));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as…' }).click()]);
  expect(download.suggestedFilename()).toBe(`${DATE} WPSDG briefing pack.pdf`);
  const bytes = await savedBytes(download);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.length).toBe(shownSize);
  expect(bytes.length).toBe(expected.size);
  // Page 1 of what was previewed and saved carries the meeting's title.
  const cover = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', (await download.path())!, '-'], { encoding: 'utf8' });
  expect(cover.replace(/\s+/g, ' ')).toContain('Working Party on the Social Dimension');

  // Browser host: no shell to open files with, so the browser opens its own copy in a new tab.
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Open in system viewer' }).click()]);
  expect(popup.url()).toMatch(/^blob:/);
  await popup.close();
});

test('exports a briefing’s pack; Cancel while building leaves the briefing as it was and builds nothing', async ({ app: page, dossier }) => {
  const call = typed(dossier.call as never);
  const meeting = (await call('meeting.list', { when: 'upcoming' }))[0]!;
  const briefing = await call('briefing.create', { meetingId: meeting.id, title: 'Brief for the delegation' });
  await page.evaluate((id) => (location.hash = `#/briefings/${id}`), briefing.id);
  await expect(page.getByRole('heading', { level: 1, name: 'Brief for the delegation' })).toBeVisible();

  // Slow the build down so Cancel lands while it runs.
  let builds = 0;
  await page.route('**/api/pack.build', async (route) => {
    builds++;
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue().catch(() => {});
  });
  await page.getByRole('button', { name: 'Export pack' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export briefing pack' });
  await expect(dialog).toContainText('From the briefing “Brief for the delegation”');
  await dialog.getByRole('button', { name: /^Build (pack|anyway)$/ }).click();
  const progress = page.getByRole('dialog', { name: 'Building the briefing pack' });
  await expect(progress).toBeVisible();
  await expect(progress.getByRole('progressbar')).toBeVisible();
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toBeHidden();
  await page.waitForTimeout(2000); // the build's answer arrives meanwhile and is dropped
  expect(builds).toBe(1);
  expect(page.url()).toMatch(new RegExp(`#/briefings/${briefing.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Pack preview' })).toHaveCount(0);
  await page.unroute('**/api/pack.build');

  // Again, to the end: the briefing's sections are in the preview's contents.
  await page.getByRole('button', { name: 'Export pack' }).click();
  await dialog.getByLabel('PDF/A-2b for archiving').check();
  await dialog.getByRole('button', { name: /^Build (pack|anyway)$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Pack preview/ })).toBeVisible();
  expect(page.url()).toMatch(new RegExp(`#/briefings/${briefing.id}/pack\\?date=\\d{4}-\\d{2}-\\d{2}&pdfa=1$`));
  await expect(page.getByText('PDF/A-2b', { exact: true })).toBeVisible();
  const date = new URL(page.url().replace('#/', '')).searchParams.get('date')!;
  const expected = await call('pack.build', { briefingId: briefing.id, date, pdfa: true });
  await expect(page.getByText(`of ${expected.pages}`, { exact: true })).toBeVisible();
  const contents = page.getByRole('navigation', { name: 'Contents' });
  for (const e of expected.toc) await expect(contents.getByRole('button', { name: `${e.title} ${e.page}` })).toBeVisible();
  await expect(contents.getByRole('button', { name: /Who’s who/ })).toBeVisible();
  await expect.poll(() => inked(page, `Page 1 of ${expected.pages}`)).toBeGreaterThan(2000);
  // Back to the briefing.
  await page.getByRole('link', { name: '← Brief for the delegation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Brief for the delegation' })).toBeVisible();
});

test('exports a pack by keyboard only: palette → Export pack → Enter → preview → Ctrl+S', async ({ app: page }) => {
  // To the meeting through the palette.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('Social Dimension of Globalization');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette.getByRole('option').first()).toContainText('WPSDG');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /WPSDG/ })).toBeVisible();

  await page.keyboard.press('Control+k');
  await page.keyboard.type('export pack');
  await expect(palette.getByRole('option', { selected: true })).toContainText('Export pack');
  await expect(palette.getByRole('option', { selected: true })).toContainText('Ctrl+E');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Export briefing pack' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: /^Build (pack|anyway)$/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: /Pack preview/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Page 1 of \d+$/ }).locator('canvas')).toBeVisible();

  // → goes to the next page; Ctrl+= zooms; Ctrl+S saves.
  await page.keyboard.press('ArrowRight');
  await expect(pageInput(page)).toHaveValue('2');
  await page.keyboard.press('Control+=');
  await expect(page.locator('output')).not.toHaveText('100 %');
  await page.keyboard.press('Control+0');
  await expect(page.locator('output')).toHaveText('100 %');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+s')]);
  expect((await savedBytes(download)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // Ctrl+E from the preview reopens the dialog with the same options.
  await page.keyboard.press('Control+e');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test.describe('on a HiDPI screen', () => {
  test.use({ deviceScaleFactor: 2 });

  test('a preview opened directly builds its pack and draws the pages at the screen’s pixel ratio', async ({ app: page, dossier }) => {
    const call = typed(dossier.call as never);
    const meeting = (await call('meeting.list', { when: 'upcoming' }))[0]!;
    await page.evaluate((id) => (location.hash = `#/meetings/${id}/pack?date=2027-01-07`), meeting.id);
    await expect(page.getByRole('heading', { level: 1, name: /Pack preview/ })).toBeVisible();
    const canvas = page.getByRole('img', { name: /^Page 1 of \d+$/ }).locator('canvas');
    await expect(canvas).toBeVisible();
    const { backing, css } = await canvas.evaluate((c: HTMLCanvasElement) => ({ backing: c.width, css: c.getBoundingClientRect().width }));
    expect(backing / css).toBeCloseTo(2, 1);
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe in ${theme}: the export dialog and the preview have no serious or critical violation; pdf.js logs no error`, async ({ app: page, dossier, shot }) => {
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.emulateMedia({ colorScheme: theme });
    const meeting = (await typed(dossier.call as never)('meeting.list', { when: 'upcoming' }))[0]!;
    const scan = async (where: string) =>
      (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${where}: ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    await page.evaluate((id) => (location.hash = `#/meetings/${id}`), meeting.id);
    await page.keyboard.press('Control+e');
    await expect(page.getByRole('dialog', { name: 'Export briefing pack' })).toBeVisible();
    const found = await scan('export dialog');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('img', { name: /^Page 1 of \d+$/ }).locator('canvas')).toBeVisible();
    found.push(...(await scan('preview')));
    if (theme === 'dark') await shot('pack-preview-dark');
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  });
}
