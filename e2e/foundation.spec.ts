import { test, expect } from './fixtures';

test.describe('first start', () => {
  test.use({ demo: false });

  test('an empty dossier offers the demo, and the demo fills every screen', async ({ page, dossier, shot }) => {
    await page.goto(dossier.host.launchUrl);
    await expect(page.getByRole('heading', { name: 'Welcome to Dossier' })).toBeVisible();
    await shot('welcome');
    // Writing the briefings and issuing last session's pack takes a moment, shown as it runs. The host shares this
    // process, so the test cannot look while it works: the page notes every dialog it opens.
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { seenDialogs: string[] }).seenDialogs = []);
      new MutationObserver(() => {
        for (const d of document.querySelectorAll('dialog[open]')) seen.push(d.querySelector('h2')?.textContent ?? '');
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['open'] });
    });
    await page.getByRole('button', { name: /Explore the demo dossier/ }).click();
    await expect(page.getByRole('list', { name: 'Meetings' })).toContainText('WPSDG', { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { seenDialogs: string[] }).seenDialogs)).toContain('Loading the demo dossier');
    // The sidebar counts what was just written: both briefings, without a reload.
    await expect(page.getByRole('link', { name: 'Briefings 2' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Meetings 2' })).toBeVisible();
    // The token left the address bar once it was read.
    expect(page.url()).not.toContain('token=');
  });
});

test('create an institution, a contact and a meeting through the UI; search finds them', async ({ app: page, shot }) => {
  // Institution, as a unit of the ILO.
  await page.getByRole('link', { name: /Institutions/ }).click();
  await page.getByRole('link', { name: 'New', exact: true }).click();
  await page.getByLabel('Name').fill('Social Protection Department');
  await page.getByLabel('Acronym').fill('SOCPRO');
  await page.getByLabel('Part of (parent)').selectOption({ label: 'ILO' });
  await page.getByLabel('Topics').fill('social protection floors');
  await shot('institution-form');
  await page.getByRole('button', { name: 'Create institution' }).click();
  await expect(page.getByRole('heading', { name: 'Social Protection Department (SOCPRO)' })).toBeVisible();
  await expect(page.getByText('ILO', { exact: true }).first()).toBeVisible();
  await shot('institutions');

  // Contact in that unit, with details dated long ago: flagged "to check".
  await page.getByRole('link', { name: /Contacts/ }).click();
  await page.getByRole('link', { name: 'New', exact: true }).click();
  await page.getByLabel('Honorific').fill('Ms.');
  await page.getByLabel('Given name').fill('Zeynep');
  await page.getByLabel('Family name').fill('Çelik');
  await page.getByLabel('Position', { exact: true }).fill('Social Protection Officer');
  await page.getByLabel('Institution / unit').selectOption({ label: 'ILO › SOCPRO' });
  await page.getByLabel('Information dated').fill('2019-05');
  await page.getByRole('button', { name: 'Add e-mail' }).click();
  await page.getByLabel('E-mail 1', { exact: true }).fill('celik@example.ilo.org');
  await page.getByRole('button', { name: 'Create contact' }).click();
  await expect(page.getByRole('heading', { name: 'Ms. Zeynep Çelik' })).toBeVisible();
  await expect(page.getByText(/to check/).first()).toBeVisible();
  await shot('contacts');

  // Meeting in Geneva's zone.
  await page.getByRole('link', { name: /Meetings/ }).click();
  await page.getByRole('link', { name: 'New meeting' }).first().click();
  await page.getByLabel('Title').fill('Bilateral consultations on social protection');
  await page.getByLabel('Series').fill('Bilateral ILO consultations');
  await page.getByLabel('Starts (local time)').fill('2031-02-10T09:30');
  await page.getByLabel('Ends (local time)').fill('2031-02-10T12:00');
  await page.getByLabel('Time zone').fill('Europe/Zurich');
  await page.getByLabel('Venue').fill('ILO, Geneva');
  await page.getByRole('button', { name: 'Create meeting' }).click();
  await expect(page.getByRole('heading', { name: 'Bilateral consultations on social protection' })).toBeVisible();
  await page.getByLabel('Agenda item title').fill('Social protection floors: country programmes');
  await page.getByRole('button', { name: 'Add item' }).click();
  await expect(page.getByRole('cell', { name: 'Social protection floors: country programmes', exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: 'Add counterpart…' }).fill('celik');
  await page.getByRole('listbox', { name: 'Add counterpart…' }).getByRole('option').first().click();
  await expect(page.getByRole('region', { name: 'Counterparts' })).toContainText('Zeynep Çelik');
  await shot('meeting-detail');

  // Global search, without the accent.
  for (const [q, expected] of [
    ['celik', 'Ms. Zeynep Çelik'],
    ['socpro', 'Social Protection Department (SOCPRO)'],
    ['bilateral social', 'Bilateral consultations on social protection'],
  ] as const) {
    await page.getByRole('searchbox', { name: 'Search the dossier' }).fill(q);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('list', { name: 'Search results' })).toContainText(expected);
  }
  await shot('search');
});

test('the meeting list shows the demo WPSDG session with its delegation; briefings list is reachable', async ({ app: page, shot }) => {
  await page.getByRole('list', { name: 'Meetings' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: /WPSDG/ })).toBeVisible();
  await expect(page.getByText('Ms. Ayşe Özdemir')).toBeVisible();
  await expect(page.getByText('Mr. Thoralf Stenvold')).toBeVisible();
  await expect(page.getByText(/dated 2017 · to check/)).toBeVisible();
  await shot('meetings');
  await page.getByRole('link', { name: 'Open briefing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Delegation brief: WPSDG, GB.357' })).toBeVisible();
  await expect(page.getByText('VS-NUR FÜR DEN DIENSTGEBRAUCH').first()).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Objectives', exact: true })).toHaveValue(/terms of reference/);
  await shot('briefings');
});
