/**
 * Issue 16: the demo dossier as a new user meets it: the next session's draft briefing, its since-last-time section
 * rendered (no Markdown marks, no handling comments), pre-flight with real findings, and the pack preview. The
 * screenshots taken here are the ones in docs/ (demo-briefing, demo-since-last-time, demo-pack-preview).
 */
import type { In, OpName, Out } from '../contract/ops';
import { test, expect } from './fixtures';

const typed = (call: unknown) => call as <K extends OpName>(name: K, input: In<K>) => Promise<Out<K>>;

test('the demo’s next session: a filled draft, since last time rendered, pre-flight findings, a marked pack', async ({ app: page, dossier, shot }) => {
  const call = typed(dossier.call);
  const [meeting] = await call('meeting.list', { when: 'upcoming' });
  const [briefing] = await call('briefing.list', { meetingId: meeting!.id });
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.evaluate((id) => (location.hash = `#/briefings/${id}`), briefing!.id);
  await expect(page.getByRole('heading', { level: 1, name: 'Delegation brief: WPSDG, GB.357' })).toBeVisible();
  await expect(page.getByText('All changes saved')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Objectives', exact: true }).locator('[data-word-count]')).toContainText('words');
  await shot('demo-briefing');

  // Since last time, as the pack prints it: rendered text, emphasis kept, the unchanged line labelled.
  const since = page.getByRole('region', { name: 'Since last time', exact: true });
  await since.scrollIntoViewIfNeeded();
  const table = since.locator('table.diff').first();
  await expect(table).toContainText('Decent work in global supply chains: follow-up');
  await expect(table.locator('strong', { hasText: 'Welcome' }).first()).toBeVisible();
  await expect(table.locator('em', { hasText: '[Background — not for disclosure]' }).first()).toBeVisible();
  const text = (await since.innerText()).toString();
  expect(text).not.toContain('**');
  expect(text).not.toContain('<!--');
  await since.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shot('demo-since-last-time');

  // Pre-flight shows what to check before the pack goes out.
  await page.getByRole('tab', { name: 'Pre-flight' }).click();
  const findings = page.locator('.preflight').getByRole('listitem');
  await expect(findings.filter({ hasText: 'Stenvold' })).toBeVisible();
  await expect(findings.filter({ hasText: '“Background” has' })).toBeVisible();
  await expect(findings.filter({ hasText: 'unchanged since' })).toBeVisible();

  // The pack preview: the marking on the pages, the since-last-time section in the contents.
  await page.evaluate((id) => (location.hash = `#/briefings/${id}/pack`), briefing!.id);
  await expect(page.getByRole('heading', { level: 1, name: /Pack preview/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Page 1 of \d+$/ }).locator('canvas')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Contents' }).getByRole('button', { name: /Since last time/ })).toBeVisible();
  await page.waitForTimeout(500);
  await shot('demo-pack-preview');
});

// Issue 20: the demo as its desk officer meets the workflow: My work with a contribution to review and one overdue,
// the contribution beside its section, and the last session's brief cleared by the head of unit, then the director.
test('the demo’s workflow: a contribution to review, one overdue, and the last brief cleared up the line', async ({ app: page, dossier, shot }) => {
  const call = typed(dossier.call);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /My work/ }).click();
  await expect(page.getByText('You act as Mr. Jonas Weiß (Desk Officer, ILO and UN).')).toBeVisible();
  const review = page.getByRole('region', { name: /Contributions to review/ });
  await expect(review.getByRole('link', { name: 'Ms. Lena Hoffmann: Defensive Q&A' })).toBeVisible();
  const waiting = page.getByRole('region', { name: /Waiting for others/ });
  await expect(waiting.getByText('Lines to take: Social protection floors in the G20 agenda')).toBeVisible();
  await expect(waiting.getByText(/^overdue since /)).toBeVisible();
  await shot('demo-my-work');

  // The contribution beside the section, with the pair the trade desk added.
  await review.getByRole('link', { name: 'Ms. Lena Hoffmann: Defensive Q&A' }).click();
  const submitted = page.getByRole('region', { name: 'Submitted contribution' });
  await expect(submitted.getByText('Does the joint study bring labour standards into WTO dispute settlement?')).toBeVisible();
  await submitted.scrollIntoViewIfNeeded();
  await shot('demo-contribution-review');

  // The last session's brief: final, cleared by the head of unit, then the director.
  const [last] = await call('meeting.list', { when: 'past' });
  const [final] = await call('briefing.list', { meetingId: last!.id });
  await page.evaluate((id) => (location.hash = `#/briefings/${id}?clearance=1`), final!.id);
  const clearance = page.getByRole('region', { name: 'Clearance' });
  await expect(clearance.getByText('Cleared', { exact: true })).toBeVisible();
  await expect(clearance).toContainText('Mr. Tobias Brandt');
  await expect(clearance).toContainText('Ms. Ayşe Özdemir');
  await clearance.scrollIntoViewIfNeeded();
  await shot('demo-clearance');
});
