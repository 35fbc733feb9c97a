import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Opens a briefing by its route in the already authorised page. */
async function openBriefing(page: Page, id: number) {
  await page.evaluate((h) => (location.hash = h), `#/briefings/${id}`);
  await expect(page.getByRole('status').filter({ hasText: /All changes saved|Unsaved|Saving/ })).toBeVisible();
}

async function demoBriefing(call: (name: string, input: unknown) => Promise<unknown>) {
  const [meeting] = (await call('meeting.list', { when: 'upcoming' })) as { id: number }[];
  return (await call('briefing.create', { meetingId: meeting!.id, title: 'Brief for the delegation' })) as { id: number; sections: { id: number; title: string; content: string }[] };
}

test('write a briefing from the template: Markdown, Q&A, who’s who, versions, compare, restore', async ({ app: page, dossier, shot }) => {
  page.on('dialog', (d) => void d.accept());
  // A meeting without a briefing yet: the demo's next session, its draft taken away.
  const [meeting] = (await dossier.call('meeting.list', { when: 'upcoming' })) as { id: number }[];
  for (const b of (await dossier.call('briefing.list', { meetingId: meeting!.id })) as { id: number }[]) await dossier.call('briefing.delete', { id: b.id });
  await page.reload(); // that change came from outside the window
  await page.getByRole('link', { name: /Meetings/ }).click();
  await page.getByRole('list', { name: 'Meetings' }).getByRole('link').first().click();
  const briefingsCount = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Briefings/ }).locator('.count');
  // The demo's earlier session keeps its issued briefing.
  const shown = ((await dossier.call('system.info', {})) as { counts: { briefings: number } }).counts.briefings;
  await expect(briefingsCount).toHaveText(String(shown));
  await page.getByRole('button', { name: 'Start briefing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Briefing: WPSDG/ })).toBeVisible();
  // The sidebar's counts follow every write (issue 16 saw "Briefings 0" beside an open briefing).
  await expect(briefingsCount).toHaveText(String(shown + 1));
  // The standard delegation brief: every section of the template, in order.
  const sections = page.locator('section.sec');
  await expect(sections).toHaveCount(11);
  await expect(sections.first()).toContainText('Objectives');
  await expect(sections.last()).toContainText('Contact sheet');
  await page.getByLabel('Classification').fill('RESTRICTED');
  await page.getByLabel('Owner').fill('Desk officer, multilateral unit');
  await page.getByLabel('Owner').press('Tab');
  await expect(page.getByText('RESTRICTED', { exact: true }).first()).toBeVisible();
  await shot('briefing-editor');

  // Markdown with the toolbar; the preview renders it.
  const objectives = page.getByRole('textbox', { name: 'Objectives', exact: true });
  await objectives.fill('Secure support for the integrated strategy.\n\nWelcome the progress report');
  await objectives.press('Home');
  await objectives.press('Shift+End');
  await page.getByRole('button', { name: 'Bold' }).first().click();
  await expect(objectives).toHaveValue('Secure support for the integrated strategy.\n\n**Welcome the progress report**');
  await page.getByRole('button', { name: 'Bulleted list' }).first().click();
  const preview = page.getByRole('region', { name: 'Preview: Objectives' });
  await expect(preview.locator('li strong')).toHaveText('Welcome the progress report');
  await expect(page.getByText('All changes saved')).toBeVisible();
  await objectives.scrollIntoViewIfNeeded();
  await shot('briefing-markdown');

  // Undo takes back the list marker, redo puts it back.
  await objectives.press('Control+z');
  await expect(objectives).toHaveValue('Secure support for the integrated strategy.\n\n**Welcome the progress report**');
  await objectives.press('Control+Shift+z');
  await expect(objectives).toHaveValue('Secure support for the integrated strategy.\n\n- **Welcome the progress report**');

  // Q&A.
  const qa = page.getByRole('region', { name: 'Defensive Q&A' });
  await qa.getByRole('button', { name: 'Add question' }).click();
  await qa.getByLabel('Question 1', { exact: true }).fill('Why does the Office need more resources for this?');
  await qa.getByLabel('Answer 1', { exact: true }).fill('We do not support an increase; efficiency gains come first.');
  await qa.getByRole('button', { name: 'Add question' }).click();
  await qa.getByLabel('Question 2', { exact: true }).fill('Will you co-sponsor the resolution?');
  await qa.scrollIntoViewIfNeeded();
  await expect(page.getByText('All changes saved')).toBeVisible();
  await shot('briefing-qa');

  // Who's who is drawn from the meeting's people, with stale details flagged.
  const whos = page.getByRole('region', { name: 'Who’s who' });
  await expect(whos).toContainText('Ms. Ayşe Özdemir');
  await expect(whos).toContainText('Mr. Thoralf Stenvold');
  await expect(whos.getByText(/to check/).first()).toBeVisible();
  await whos.scrollIntoViewIfNeeded();
  await shot('briefing-whos-who');

  // Save a version, change the text, compare, restore.
  await page.getByRole('tab', { name: 'Versions' }).click();
  await page.getByLabel('Version name').fill('First draft');
  await page.getByRole('button', { name: 'Save version' }).click();
  await expect(page.getByRole('list', { name: 'Versions' })).toContainText('First draft');
  await objectives.fill('Secure broad support for the revised integrated strategy.');
  await expect(page.getByText('All changes saved')).toBeVisible();
  await page.getByRole('button', { name: 'Compare version 1 with the current text' }).click();
  const cmp = page.getByRole('region', { name: 'Comparison' });
  await expect(cmp.getByRole('heading', { name: 'Version 1 “First draft” → Current text' })).toBeVisible();
  await expect(cmp.locator('ins').filter({ hasText: 'revised' }).first()).toBeVisible();
  await expect(cmp.locator('del').filter({ hasText: 'Welcome' }).first()).toBeVisible();
  await shot('briefing-compare');
  await cmp.getByRole('button', { name: 'Back to editing' }).click();
  await page.getByRole('button', { name: 'Restore version 1' }).click();
  await expect(objectives).toHaveValue('Secure support for the integrated strategy.\n\n- **Welcome the progress report**');
  await expect(page.getByRole('list', { name: 'Versions' })).toContainText('before restoring version 1');
  // Nothing overwritten: the text before the restore is a version of its own.
  const versions = (await dossier.call('version.list', { briefingId: Number(page.url().match(/briefings\/(\d+)/)![1]) })) as { id: number; number: number }[];
  const before = (await dossier.call('version.get', { id: versions[0]!.id })) as { snapshot: { sections: { title: string; content: string }[] } };
  expect(before.snapshot.sections.find((s) => s.title === 'Objectives')?.content).toBe('Secure broad support for the revised integrated strategy.');
});

test('text typed just before the page closes is saved', async ({ app: page, dossier, context }) => {
  const b = await demoBriefing(dossier.call as never);
  const background = b.sections.find((s) => s.title === 'Background')!;
  await openBriefing(page, b.id);
  await page.getByRole('textbox', { name: 'Background', exact: true }).pressSequentially('Typed right before closing', { delay: 5 });
  await page.close({ runBeforeUnload: true }); // well inside the 500 ms autosave delay
  await expect
    .poll(async () => ((await dossier.call('briefing.get', { id: b.id })) as typeof b).sections.find((s) => s.id === background.id)?.content, { timeout: 5000 })
    .toBe('Typed right before closing');
  const again = await context.newPage();
  await again.goto(dossier.host.launchUrl);
  await openBriefing(again, b.id);
  await expect(again.getByRole('textbox', { name: 'Background', exact: true })).toHaveValue('Typed right before closing');
});

test('text typed just before a reload, or before the tab is closed without unload handlers, is there afterwards', async ({ app: page, dossier, context }) => {
  const b = await demoBriefing(dossier.call as never);
  await openBriefing(page, b.id);
  const box = page.getByRole('textbox', { name: 'Background', exact: true });
  await box.pressSequentially('Before the reload', { delay: 5 });
  await page.reload();
  await expect(box).toHaveValue('Before the reload');

  // Closed as abruptly as Playwright can (no beforeunload): the localStorage journal covers what the exit flush may miss.
  await box.pressSequentially('. Before closing', { delay: 5 });
  await page.close({ runBeforeUnload: false });
  const again = await context.newPage();
  await again.goto(dossier.host.launchUrl);
  await openBriefing(again, b.id);
  await expect(again.getByRole('textbox', { name: 'Background', exact: true })).toHaveValue('Before the reload. Before closing');
});

test('a removed agenda item keeps its brief, marked as orphaned; a final briefing is read-only', async ({ app: page, dossier }) => {
  page.on('dialog', (d) => void d.accept());
  const b = await demoBriefing(dossier.call as never);
  const [meeting] = (await dossier.call('meeting.list', { when: 'upcoming' })) as { id: number }[];
  const agenda = ((await dossier.call('meeting.get', { id: meeting!.id })) as { agenda: { id: number; title: string }[] }).agenda;
  await openBriefing(page, b.id);
  const briefs = page.getByRole('region', { name: 'Lines to take per agenda item' });
  await briefs.getByLabel(`Lines to take: ${agenda[0]!.title}`).fill('Support the draft decision.');
  await expect(page.getByText('All changes saved')).toBeVisible();
  await dossier.call('agenda.remove', { meetingId: meeting!.id, id: agenda[0]!.id });
  await page.reload();
  await expect(briefs.getByLabel(`Lines to take (orphaned): ${agenda[0]!.title}`)).toHaveValue('Support the draft decision.');
  await expect(briefs.getByText('Agenda item removed · text kept')).toHaveCount(1);
  // A new agenda item gets an empty brief.
  await dossier.call('agenda.save', { meetingId: meeting!.id, title: 'Side event on youth employment' });
  await page.reload();
  await expect(briefs.getByLabel('Lines to take: Side event on youth employment')).toHaveValue('');

  await page.getByRole('group', { name: 'Status' }).getByRole('button', { name: 'Final' }).click();
  await expect(page.getByText('This briefing is final and read-only.')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Objectives', exact: true })).toHaveAttribute('readonly', '');
  await expect(page.getByRole('button', { name: 'Add section' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Reopen as draft' }).click();
  await expect(page.getByRole('textbox', { name: 'Objectives', exact: true })).not.toHaveAttribute('readonly', '');
});

test('save selected text as a snippet under a new topic and insert it at the cursor of another section', async ({ app: page, dossier, shot }) => {
  const b = await demoBriefing(dossier.call as never);
  await openBriefing(page, b.id);
  const background = page.getByRole('textbox', { name: 'Background', exact: true });
  await background.fill('We call for ratification of all fundamental conventions.');
  await background.press('Control+a');
  await page.getByRole('button', { name: 'Save selection as snippet' }).click();
  const form = page.getByRole('form', { name: 'New snippet' });
  await expect(form.getByLabel('Text')).toHaveValue('We call for ratification of all fundamental conventions.');
  await form.getByLabel('Topic').fill('core labour standards');
  await form.getByLabel('Snippet title').fill('Ratification');
  await form.getByRole('button', { name: 'Save snippet' }).click();
  await expect(page.getByRole('region', { name: 'core labour standards' })).toContainText('Ratification');

  const objectives = page.getByRole('textbox', { name: 'Objectives', exact: true });
  await objectives.fill('Our line: ');
  await objectives.press('End');
  await page.getByRole('button', { name: 'Insert Ratification' }).click();
  await expect(objectives).toHaveValue('Our line: We call for ratification of all fundamental conventions.');
  await expect(page.getByText('All changes saved')).toBeVisible();
  await shot('briefing-snippets');
  const stored = (await dossier.call('briefing.get', { id: b.id })) as typeof b;
  expect(stored.sections.find((s) => s.title === 'Objectives')?.content).toBe('Our line: We call for ratification of all fundamental conventions.');
});

test('the sidebar counts follow every write: a briefing deleted, one started, a contact added', async ({ app: page }) => {
  page.on('dialog', (d) => void d.accept());
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Briefings 2' })).toBeVisible();

  // The next session's draft deleted from its editor …
  await page.getByRole('list', { name: 'Meetings' }).getByRole('link').first().click();
  await page.getByRole('link', { name: 'Open briefing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Delegation brief: WPSDG, GB.357' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(nav.getByRole('link', { name: 'Briefings 1' })).toBeVisible();

  // … a new one started from the meeting …
  await nav.getByRole('link', { name: /Meetings/ }).click();
  await page.getByRole('list', { name: 'Meetings' }).getByRole('link').first().click();
  await page.getByRole('button', { name: 'Start briefing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Briefing: WPSDG/ })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Briefings 2' })).toBeVisible();

  // … and a contact saved from its form.
  await nav.getByRole('link', { name: /Contacts/ }).click();
  await page.getByRole('link', { name: 'New', exact: true }).click();
  await page.getByLabel('Given name').fill('Ingrid');
  await page.getByLabel('Family name').fill('Halvorsen');
  await page.getByRole('button', { name: 'Create contact' }).click();
  await expect(page.getByRole('heading', { name: 'Ingrid Halvorsen' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Contacts 10' })).toBeVisible();
});
