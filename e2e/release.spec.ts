import type { Page } from '@playwright/test';
import type { In, OpName, Out } from '../contract/ops';
import { dispatch } from '../main/ops/index';
import { test, expect, holdCalls } from './fixtures';

type Ctx = Parameters<typeof dispatch>[0];
/** Typed calls into the test's dossier (the fixture's `call` loses the op's types). */
const op = <K extends OpName>(ctx: Ctx, name: K, input: In<K>): Promise<Out<K>> => dispatch<K>(ctx, name, input);

async function openBriefing(page: Page, id: number) {
  await page.evaluate((h) => (location.hash = h), `#/briefings/${id}`);
  await expect(page.getByRole('status').filter({ hasText: /All changes saved|Unsaved|Saving/ })).toBeVisible();
}

test('mark a paragraph not for disclosure; the releasable pack leaves it out', async ({ app: page, dossier, shot }) => {
  const [meeting] = await op(dossier.ctx, 'meeting.list', { when: 'upcoming' });
  const b = await op(dossier.ctx, 'briefing.create', { meetingId: meeting!.id, title: 'Brief for the delegation', classification: 'OFFICIAL-SENSITIVE' });
  await openBriefing(page, b.id);
  const objectives = page.getByRole('textbox', { name: 'Objectives', exact: true });
  await objectives.fill('Secure support for the joint study.\n\nOur fallback is a two-year delay.\n\nReport back to Berlin.');
  // The cursor in the second paragraph, then "Mark paragraph…".
  await objectives.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(el.value.indexOf('two-year'), el.value.indexOf('two-year')));
  const mark = page.getByRole('combobox', { name: 'Mark paragraph…' }).first();
  await mark.selectOption({ label: 'Not for disclosure' });
  await expect(objectives).toHaveValue('Secure support for the joint study.\n\n<!-- handling: not_for_disclosure -->\nOur fallback is a two-year delay.\n\nReport back to Berlin.');
  const preview = page.getByRole('region', { name: 'Preview: Objectives' });
  await expect(preview.locator('.handling-mark')).toHaveText('[Not for disclosure]');
  await expect(mark).toHaveValue('');
  await objectives.press('End');
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();
  await objectives.scrollIntoViewIfNeeded();
  await shot('mark-paragraph');

  // A Q&A pair marked internal from its own selector.
  await page.getByRole('button', { name: 'Add question' }).click();
  await page.getByLabel('Question 1', { exact: true }).fill('What is our red line?');
  await page.getByLabel('Handling of question 1').selectOption({ label: 'Internal' });
  await page.getByLabel('Question 1', { exact: true }).press('Tab');
  await expect(page.getByRole('status').filter({ hasText: 'All changes saved' })).toBeVisible();

  const rel = await op(dossier.ctx, 'pack.build', { briefingId: b.id, variant: 'releasable' });
  expect(rel.report.dropped.map((d) => d.text)).toEqual(['Our fallback is a two-year delay.', 'What is our red line?']);
  expect(Buffer.from(rel.bytesBase64!, 'base64').toString('latin1')).not.toContain('fallback');
});

test('pre-flight panel: findings with the place to fix them; accept and flag are remembered', async ({ app: page, dossier, shot }) => {
  const [meeting] = await op(dossier.ctx, 'meeting.list', { when: 'upcoming' });
  const b = await op(dossier.ctx, 'briefing.create', { meetingId: meeting!.id, title: 'Brief for the delegation' });
  const background = b.sections.filter((s) => s.kind === 'markdown')[1]!;
  await op(dossier.ctx, 'section.update', { id: background.id, content: 'TODO: confirm the figures with [[Statistics unit]].' });
  await openBriefing(page, b.id);
  await page.getByRole('tab', { name: 'Pre-flight' }).click();
  const panel = page.locator('.preflight');
  const stenvold = panel.getByRole('listitem').filter({ hasText: 'Thoralf Stenvold' });
  await expect(stenvold).toContainText('dated 2017');
  await expect(panel.getByRole('listitem').filter({ hasText: 'Unresolved marker' }).first()).toContainText('TODO');
  await expect(panel.getByRole('listitem').filter({ hasText: 'Empty brief' }).first()).toBeVisible();
  await panel.getByRole('listitem').filter({ hasText: 'Pieter van der Berg' }).getByRole('button', { name: 'Accept' }).click();
  await stenvold.getByRole('button', { name: 'Print “to check”' }).click();
  await expect(panel.getByRole('listitem').filter({ hasText: 'Printed “to check”' })).toContainText('Thoralf Stenvold');
  await panel.getByRole('heading', { name: /Decided/ }).scrollIntoViewIfNeeded();
  await shot('preflight-panel');

  // Remembered for the briefing; and "Fix" goes to the contact.
  const again = await op(dossier.ctx, 'pack.preflight', { briefingId: b.id });
  expect(again.findings.find((f) => f.message.includes('Stenvold'))?.decision).toBe('flag');
  await panel.getByRole('listitem').filter({ hasText: 'Unresolved marker' }).first().getByRole('button', { name: 'Fix' }).click();
  await expect(page.getByRole('textbox', { name: 'Background', exact: true })).toBeFocused();
});

test('issue a pack from the meeting, then an addendum; the issued file keeps its hash', async ({ app: page, dossier, shot }) => {
  page.on('dialog', (d) => void d.accept());
  const [meeting] = await op(dossier.ctx, 'meeting.list', { when: 'upcoming' });
  const b = await op(dossier.ctx, 'briefing.create', { meetingId: meeting!.id, title: 'Brief for the delegation' });
  await page.evaluate((h) => (location.hash = h), `#/meetings/${meeting!.id}`);
  const panel = page.getByRole('region', { name: 'Issued packs' });
  await expect(panel).toContainText('Nothing issued yet');
  // Issuing is long work with Cancel (held here so the dialog stays up): cancelled, nothing is issued.
  const held = await holdCalls(page, 'pack.issue');
  await panel.getByRole('button', { name: 'Issue pack' }).click();
  const issuing = page.getByRole('dialog', { name: 'Issuing the pack' });
  await expect(issuing.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await shot('issue-progress');
  await issuing.getByRole('button', { name: 'Cancel' }).click();
  held.drop();
  await expect(issuing).toBeHidden();
  await expect(panel).toContainText('Nothing issued yet');
  expect(await op(dossier.ctx, 'pack.issued', { meetingId: meeting!.id })).toEqual([]);
  await page.unroute('**/api/pack.issue');
  await panel.getByRole('button', { name: 'Issue pack' }).click();
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  await expect(panel.getByRole('listitem').first()).toContainText('(Full pack, Edition 1)');
  const [issued] = await op(dossier.ctx, 'pack.issued', { meetingId: meeting!.id });

  const background = b.sections.filter((s) => s.kind === 'markdown')[1]!;
  await op(dossier.ctx, 'section.update', { id: background.id, content: 'The ministers meet again in March.' });
  await panel.getByRole('button', { name: 'Build addendum' }).click();
  await expect(panel.getByRole('listitem')).toHaveCount(2);
  await expect(panel.getByRole('listitem').nth(1)).toContainText('Addendum 1 to');
  await panel.scrollIntoViewIfNeeded();
  await shot('issued-addenda');

  const [first, addendum] = await op(dossier.ctx, 'pack.issued', { meetingId: meeting!.id });
  expect(first!.sha256).toBe(issued!.sha256);
  expect(addendum!.pageMap.map((p) => p.title)).toEqual(['Background']);
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: `Download ${first!.title}` }).click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
});
