/**
 * Issue 20, end to end through the app: a section commissioned from a colleague, written and submitted on My work,
 * accepted by the owner; the briefing sent for clearance, returned with a comment that shows at its section, sent
 * again and approved by the head of unit and the director in turn; then final, and the pack's cover and the preview's
 * release report name both clearers with their posts and the day.
 */
import type { Page } from '@playwright/test';
import type { In, OpName, Out } from '../contract/ops';
import { pageText, tempPdf } from '../main/test-support/pdf';
import { test, expect } from './fixtures';

const typed = (call: unknown) => call as <K extends OpName>(name: K, input: In<K>) => Promise<Out<K>>;

/** Preferences → I am: act as the staff member whose name contains `name`. */
async function actAs(page: Page, name: string) {
  await page.getByRole('button', { name: /Preferences/ }).click();
  const select = page.getByLabel('I am');
  const value = await select.locator('option', { hasText: name }).getAttribute('value');
  await select.selectOption(value!);
  await expect(page.getByText(new RegExp(`Acting as .*${name}`))).toBeVisible();
  await page.keyboard.press('Escape');
}

async function goTo(page: Page, hash: string) {
  await page.evaluate((h) => (location.hash = h), hash);
}

test('commission → submit → accept → clearance with a return, two approvals → final', async ({ app: page, dossier, shot }) => {
  test.setTimeout(240_000);
  const call = typed(dossier.call);
  await call('contact.create', { honorific: 'Dr', givenName: 'Henrike', familyName: 'Albers', position: 'Director, International Employment Policy', internal: true, emails: [{ label: 'work', value: 'h.albers@example.bmas.de' }] });
  const [meeting] = await call('meeting.list', { when: 'upcoming' });
  const b = await call('briefing.create', { meetingId: meeting!.id, title: 'Brief for the delegation' });
  const background = b.sections.find((s) => s.title === 'Background')!;

  // The desk officer commissions the background from the social-protection adviser.
  await actAs(page, 'Weiß');
  await page.getByRole('button', { name: /Preferences/ }).click();
  await shot('preferences-i-am');
  await page.keyboard.press('Escape');
  await goTo(page, `#/briefings/${b.id}`);
  const section = page.getByRole('region', { name: 'Background', exact: true });
  await section.getByRole('button', { name: 'Commission “Background” from a colleague' }).click();
  const dialog = page.getByRole('dialog', { name: 'Commission “Background”' });
  await dialog.getByRole('combobox', { name: /^Colleague/ }).selectOption({ label: 'Dr Małgorzata Kowalska — Adviser, Social Protection' });
  await dialog.getByLabel('Deadline').fill('2099-12-01');
  await dialog.getByLabel('Word budget').fill('80');
  await dialog.getByLabel('Note to the colleague').fill('Two paragraphs on social protection floors, please.');
  await shot('commission-dialog');
  await dialog.getByRole('button', { name: 'Commission', exact: true }).click();
  await expect(section.getByText('Commissioned from Dr Małgorzata Kowalska')).toBeVisible();
  await expect(section.getByText('Requested')).toBeVisible();
  // The request can also go out by e-mail: the mail as it will go, and a mailto: link built from it.
  await section.getByRole('button', { name: 'E-mail…' }).click();
  const mail = page.getByRole('dialog', { name: 'E-mail the request to Dr Małgorzata Kowalska' });
  await expect(mail.getByText('m.kowalska@example.bmas.de')).toBeVisible();
  const href = await mail.getByRole('link', { name: 'Open in mail program' }).getAttribute('href');
  expect(href).toMatch(/^mailto:m\.kowalska@example\.bmas\.de\?subject=Contribution%20requested%3A%20Background%20%E2%80%94%20Brief%20for%20the%20delegation&body=/);
  expect(decodeURIComponent(href!.split('body=')[1]!)).toContain('Two paragraphs on social protection floors, please.');
  await shot('commission-mail');
  await mail.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('tab', { name: 'Outline' }).click();
  await expect(page.getByRole('list', { name: 'Outline of the briefing' }).getByText('Requested')).toBeVisible();
  await shot('briefing-outline-commissioned');

  // The contributor finds it under My work and writes beside the section.
  await actAs(page, 'Kowalska');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /My work/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
  await shot('my-work');
  await page.getByRole('region', { name: 'To write' }).getByRole('link', { name: 'Background' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Contribution: Background' })).toBeVisible();
  const mine = page.getByRole('textbox', { name: 'Your contribution' });
  await mine.fill('Social protection floors are **nationally defined** sets of guarantees.\n\nThe G20 has endorsed them twice.');
  await expect(page.getByText('All changes saved')).toBeVisible();
  await shot('contribution-editor');
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText(/Submitted on .*: waiting for Mr\. Jonas Weiß/)).toBeVisible();
  // The section itself did not change.
  expect((await call('briefing.get', { id: b.id })).sections.find((s) => s.id === background.id)!.content).toBe('');

  // The owner compares side by side and accepts.
  await actAs(page, 'Weiß');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /My work/ }).click();
  await page.getByRole('region', { name: 'Contributions to review' }).getByRole('link', { name: /Kowalska: Background/ }).click();
  const review = page.getByRole('region', { name: 'Submitted contribution' });
  await expect(review.getByText('nationally defined')).toBeVisible();
  await review.scrollIntoViewIfNeeded();
  await shot('contribution-review');
  await review.getByRole('button', { name: 'Accept' }).click();
  await expect(page.getByRole('textbox', { name: 'Background', exact: true })).toHaveValue(/nationally defined/);
  await expect(section.getByText('Contribution by Dr Małgorzata Kowalska, accepted')).toBeVisible();
  await section.getByRole('button', { name: 'History of “Background”' }).click();
  const history = page.getByRole('dialog', { name: 'History of “Background”' });
  await expect(history.getByText('Dr Małgorzata Kowalska')).toBeVisible();
  await expect(history.getByText('wrote it (contribution)')).toBeVisible();
  await history.getByRole('button', { name: 'Show' }).click();
  await shot('section-history');
  await history.getByRole('button', { name: 'Close' }).click();

  // A clearance chain, saved as the dossier's default: head of unit, then director.
  const clearance = page.getByRole('region', { name: 'Clearance' });
  await clearance.getByRole('button', { name: 'Set a chain…' }).click();
  const chain = page.getByRole('dialog', { name: 'Clearance chain' });
  await chain.getByLabel('Clearer 1', { exact: true }).selectOption({ label: 'Ms. Ayşe Özdemir — Head of Division, Bilateral and Multilateral Relations' });
  await chain.getByLabel('Role of clearer 1').fill('Head of unit');
  await chain.getByRole('button', { name: 'Add a clearer' }).click();
  await chain.getByLabel('Clearer 2', { exact: true }).selectOption({ label: 'Dr Henrike Albers — Director, International Employment Policy' });
  await chain.getByLabel('Role of clearer 2').fill('Director');
  await shot('clearance-chain');
  await chain.getByRole('button', { name: 'Save as the dossier’s default' }).click();
  await clearance.getByRole('button', { name: 'Send for clearance' }).click();
  await expect(clearance.getByText('In clearance')).toBeVisible();
  await expect(page.getByRole('button', { name: 'In review', pressed: true })).toBeVisible();

  // The head of unit returns it with a comment at the background's second paragraph.
  await actAs(page, 'Özdemir');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /My work/ }).click();
  await page.getByRole('region', { name: 'Briefings to clear' }).getByRole('link', { name: 'Brief for the delegation' }).click();
  await clearance.getByRole('button', { name: 'Return…' }).click();
  await clearance.getByLabel('Overall remark').fill('Nearly there.');
  await clearance.getByRole('combobox', { name: /^Section/ }).selectOption({ label: 'Background' });
  await clearance.getByRole('combobox', { name: /^On/ }).selectOption({ label: 'Paragraph 2: The G20 has endorsed them twice.' });
  await clearance.getByLabel('Comment 1').fill('Name the two G20 declarations.');
  await shot('clearance-return');
  await clearance.getByRole('button', { name: 'Return to owner' }).click();
  await expect(clearance.getByText('Returned by Ms. Ayşe Özdemir')).toBeVisible();
  const comment = section.getByRole('group', { name: 'Comments on “Background”' });
  await expect(comment.getByText('Name the two G20 declarations.')).toBeVisible();
  await expect(comment.getByText('On paragraph 2:')).toBeVisible();
  await comment.scrollIntoViewIfNeeded();
  await shot('comment-at-section');

  // The owner fixes it, replies, resolves and sends again; both clearers approve in turn.
  await actAs(page, 'Weiß');
  await page.getByRole('textbox', { name: 'Background', exact: true }).fill('Social protection floors are **nationally defined** sets of guarantees.\n\nThe G20 endorsed them in 2012 (Los Cabos) and 2014 (Melbourne).');
  await comment.getByRole('button', { name: 'Reply' }).click();
  await comment.getByRole('textbox').fill('Added both.');
  await comment.getByRole('button', { name: 'Send reply' }).click();
  await comment.getByRole('button', { name: 'Resolve' }).click();
  await expect(section.getByRole('button', { name: '1 resolved comment' })).toBeVisible();
  await clearance.getByRole('button', { name: 'Send for clearance' }).click();
  await expect(clearance.getByText('Waiting for Ms. Ayşe Özdemir.')).toBeVisible();

  await actAs(page, 'Özdemir');
  await clearance.getByRole('button', { name: 'Approve…' }).click();
  await clearance.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(clearance.getByText('Waiting for Dr Henrike Albers.')).toBeVisible();
  await shot('clearance-panel');
  await actAs(page, 'Albers');
  await clearance.getByRole('button', { name: 'Approve…' }).click();
  await clearance.getByRole('button', { name: 'Approve', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Final', pressed: true })).toBeVisible();
  await expect(clearance.getByText('Cleared', { exact: true })).toBeVisible();

  const cleared = await call('clearance.get', { briefingId: b.id });
  expect(cleared.steps.map((s) => [s.label, s.decision?.by.name, s.decision?.by.post])).toEqual([
    ['Head of unit', 'Ms. Ayşe Özdemir', 'Head of Division, Bilateral and Multilateral Relations'],
    ['Director', 'Dr Henrike Albers', 'Director, International Employment Policy'],
  ]);

  // The pack's cover names both clearers, with post and day; the preview's release report lists the clearance.
  const day = new Date(cleared.steps[1]!.decision!.at).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const pack = await call('pack.build', { briefingId: b.id });
  const cover = pageText(tempPdf(Buffer.from(pack.bytesBase64!, 'base64')), 1).replace(/\s+/g, ' ');
  expect(cover).toContain(`CLEARED BY Ms. Ayşe Özdemir, Head of Division, Bilateral and Multilateral Relations — ${day} Dr Henrike Albers, Director, International Employment Policy — ${day}`);
  await goTo(page, `#/briefings/${b.id}/pack`);
  const report = page.getByRole('region', { name: 'Release report' });
  await expect(report.getByText('Cleared: every approval holds, as the cover says.')).toBeVisible();
  await expect(report.getByRole('list', { name: 'Clearance' }).getByRole('listitem')).toHaveText([/Head of unit\s*Ms\. Ayşe Özdemir, Head of Division/, /Director\s*Dr Henrike Albers, Director, International Employment Policy/]);
  await expect(page.getByRole('img', { name: /^Page 1 of \d+$/ }).locator('canvas')).toBeVisible();
  await page.waitForTimeout(500);
  await shot('pack-preview-cleared');
});
