/**
 * Issue 10 in the export dialog: the pre-flight listed before building (findings don't block: "Build anyway"),
 * the variant and the numbered copy, passed through to the preview (which rebuilds them on reload) and the PDF.
 */
import { execFileSync } from 'node:child_process';
import type { In, OpName, Out } from '../contract/ops';
import { expect, test } from './fixtures';

const typed =
  (call: (name: string, input: unknown) => Promise<unknown>) =>
  <K extends OpName>(name: K, input: In<K>) =>
    call(name, input) as Promise<Out<K>>;

test('pre-flight in the dialog, then a releasable numbered copy: report in the preview, copy line on page 1', async ({ app: page, dossier, shot }) => {
  const call = typed(dossier.call as never);
  const meeting = (await call('meeting.list', { when: 'upcoming' }))[0]!;
  await page.evaluate((id) => (location.hash = `#/meetings/${id}`), meeting.id);
  await expect(page.getByRole('heading', { level: 1, name: meeting.title })).toBeVisible();

  await page.getByRole('button', { name: 'Export pack' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export briefing pack' });
  const preflight = dialog.getByRole('region', { name: 'Pre-flight' });
  const stenvold = preflight.getByRole('listitem').filter({ hasText: 'Thoralf Stenvold' });
  await expect(stenvold).toContainText('2017');
  await expect(stenvold.getByRole('button', { name: 'Fix' })).toBeVisible();
  // Findings don't block the build.
  await expect(dialog.getByRole('button', { name: 'Build anyway' })).toBeEnabled();

  await dialog.getByRole('radio', { name: /Releasable/ }).check();
  await dialog.getByRole('spinbutton', { name: 'Copy' }).fill('2');
  await dialog.getByRole('spinbutton', { name: 'of' }).fill('5');
  await dialog.getByRole('textbox', { name: 'For' }).fill('J. Smith');
  await shot('export-dialog-preflight');
  await dialog.getByRole('button', { name: 'Build anyway' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /Pack preview/ })).toBeVisible();
  const url = new URL(page.url().replace('#/', ''));
  expect(url.searchParams.get('variant')).toBe('releasable');
  expect([url.searchParams.get('copy'), url.searchParams.get('of'), url.searchParams.get('for')]).toEqual(['2', '5', 'J. Smith']);
  const date = url.searchParams.get('date')!;
  const expected = await call('pack.build', { meetingId: meeting.id, date, variant: 'releasable', copy: { number: 2, of: 5, recipient: 'J. Smith' } });
  await expect(page.getByText(`${expected.pages} pages`, { exact: true })).toBeVisible();
  const report = page.getByRole('region', { name: 'Release report' });
  await expect(report).toBeVisible();
  await expect(report).toContainText('Releasable');
  await expect(page.getByRole('img', { name: /^Page 1 of \d+$/ }).locator('canvas')).toBeVisible();
  await shot('pack-preview-releasable');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as…' }).click()]);
  const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', (await download.path())!, '-'], { encoding: 'utf8' });
  expect(first.replace(/\s+/g, ' ')).toContain('Copy 2 of 5');

  // A reload rebuilds the same variant and copy from the route.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /Pack preview/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Release report' })).toBeVisible();
  await expect(page.getByText(`${expected.pages} pages`, { exact: true })).toBeVisible();
});

test('Fix in the dialog’s pre-flight closes it and goes to the place; Accept is remembered for the briefing', async ({ app: page, dossier }) => {
  const call = typed(dossier.call as never);
  const meeting = (await call('meeting.list', { when: 'upcoming' }))[0]!;
  const briefing = await call('briefing.create', { meetingId: meeting.id, title: 'Brief for the delegation' });
  await page.evaluate((id) => (location.hash = `#/briefings/${id}`), briefing.id);
  await expect(page.getByRole('heading', { level: 1, name: 'Brief for the delegation' })).toBeVisible();

  await page.getByRole('button', { name: 'Export pack' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export briefing pack' });
  const stenvold = dialog.getByRole('listitem').filter({ hasText: 'Thoralf Stenvold' });
  await stenvold.getByRole('button', { name: 'Accept' }).click();
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Thoralf Stenvold' }).getByRole('button', { name: 'Reopen' })).toBeVisible();
  const r = await call('pack.preflight', { briefingId: briefing.id });
  expect(r.findings.find((f) => f.message.includes('Thoralf Stenvold'))?.decision).toBe('accept');

  const open = dialog.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Fix' }) }).first();
  await expect(open).toBeVisible();
  await open.getByRole('button', { name: 'Fix' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: /Pack preview/ })).toHaveCount(0);
});

test('#/briefings/N?section=M opens the briefing at section M with the cursor in its text', async ({ app: page, dossier }) => {
  const call = typed(dossier.call as never);
  const meeting = (await call('meeting.list', { when: 'upcoming' }))[0]!;
  const briefing = await call('briefing.create', { meetingId: meeting.id, title: 'Brief for the delegation' });
  const last = briefing.sections.filter((s) => s.kind === 'markdown').at(-1)!;
  await page.evaluate(([b, s]) => (location.hash = `#/briefings/${b}?section=${s}`), [briefing.id, last.id]);
  const section = page.locator(`#section-${last.id}`);
  await expect(section.locator('textarea').first()).toBeFocused();
  await expect(section).toBeInViewport();
});
