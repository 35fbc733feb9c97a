/**
 * Issue 17 in the browser: the import previews say what happens to every field, list what cannot be imported and
 * import the rest only on request; the contact shows its addresses, photo and other details; a calendar import asks
 * for the zones it cannot know, offers the invitation's people as delegation or counterparts, and brings a series.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dispatch } from '../main/ops/index';
import { test, expect } from './fixtures';

const fixture = (name: string) => readFileSync(resolve('main/formats/fixtures/fidelity', name));

async function openImport(page: import('@playwright/test').Page, name: string, type: string, content: Buffer) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Contacts/ }).click();
  await page.getByRole('link', { name: 'Import…' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles({ name, mimeType: type, buffer: content });
}

test('vCard preview: per-field counts, a property left out by choice, a card that cannot be imported; the contact shows address, photo and other details', async ({ app: page, dossier, shot }) => {
  const broken = Buffer.concat([fixture('outlook-2016-anna-weiss.vcf'), Buffer.from('BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE:no name at all\r\nEND:VCARD\r\n')]);
  await openImport(page, 'anna.vcf', 'text/vcard', broken);
  const fields = page.getByRole('region', { name: 'What happens to each field' });
  await expect(fields.getByRole('row', { name: /^TEL/ })).toContainText('5');
  await expect(fields.getByRole('status')).toContainText('kept as other details, 0 dropped by your choice');
  const rejected = page.getByRole('region', { name: '1 record cannot be imported' });
  await expect(rejected).toContainText('Line 47 — the card has no name, e-mail address or organisation to name it by.');
  await expect(page.getByRole('button', { name: 'Import 1 contact' })).toBeDisabled();
  await expect(page.getByText('Some records cannot be imported: choose to import the rest, or nothing is imported.')).toBeVisible();

  // Leave Outlook's business-card layout out; it is then counted as dropped.
  await fields.getByRole('checkbox', { name: 'keep X-MS-OL-DESIGN' }).uncheck();
  await expect(fields.getByRole('row', { name: /^X-MS-OL-DESIGN/ })).toContainText('1');
  await expect(fields.getByRole('status')).toContainText('1 dropped by your choice');
  await rejected.getByLabel('Leave these out and import the rest (1)').check();
  await expect(page.getByText('Numbers without country code read as DE (from the address)')).toBeVisible();
  await shot('import-fields');
  await page.getByRole('button', { name: 'Import 1 contact' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported: 1 new' })).toBeVisible();

  const [anna] = (await dispatch(dossier.ctx, 'contact.list', { query: 'Weiß Anna' })).items;
  expect(anna!.otherDetails.map((d) => d.property)).not.toContain('X-MS-OL-DESIGN');
  await page.evaluate((id) => (location.hash = `#/contacts/${id}`), anna!.id);
  await expect(page.getByRole('img', { name: 'Photo of Dr. Anna Lena Weiß' })).toBeVisible();
  await expect(page.getByText('Wilhelmstraße 49')).toBeVisible();
  const details = page.getByRole('region', { name: 'Other details' });
  await expect(details).toContainText('Birthday');
  await expect(details).toContainText('Delegierte G20 EWG');
  await shot('contact-details');

  // The form edits them: another address, a detail; the photo stays.
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByRole('button', { name: 'Add address' }).click();
  const second = page.getByRole('group', { name: 'Address 2' });
  await second.getByLabel('Label').fill('home');
  await second.getByLabel('Street').fill('Chausseestraße 12');
  await second.getByLabel('City').fill('Berlin');
  await page.getByRole('button', { name: 'Add detail' }).click();
  await page.getByLabel('Name of detail 5').fill('Spouse');
  await page.getByLabel('Value of detail 5').fill('Martin Weiß');
  await shot('contact-form-details');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Chausseestraße 12')).toBeVisible();
  const saved = await dispatch(dossier.ctx, 'contact.get', { id: anna!.id });
  expect(saved).toMatchObject({ hasPhoto: true, addresses: [{ street: 'Wilhelmstraße 49' }, { label: 'home', street: 'Chausseestraße 12', locality: 'Berlin' }] });
  expect(saved.otherDetails.at(-1)).toEqual({ name: 'Spouse', value: 'Martin Weiß', property: '' });
  // Other details are searchable.
  await page.keyboard.press('Control+f');
  await page.getByRole('searchbox', { name: 'Search the dossier' }).fill('Martin');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Search results' })).toContainText('Dr. Anna Lena Weiß');
});

test('CSV preview: an Outlook export in German maps itself; columns without a field of their own are highlighted and editable', async ({ app: page, dossier, shot }) => {
  await openImport(page, 'outlook-de.csv', 'text/csv', fixture('outlook-365-de.csv'));
  const columns = page.getByRole('region', { name: 'Columns' });
  await expect(columns.getByLabel('Straße geschäftlich', { exact: true })).toHaveValue('address.work.street');
  await expect(columns.getByLabel('Geburtstag', { exact: true })).toHaveValue('birthday');
  await expect(columns.getByText(/2 columns with values go to no field of their own/)).toBeVisible();
  // "Büro" is kept as an other detail unless mapped; map it to the work address's building.
  await columns.getByLabel('Büro', { exact: true }).selectOption('address.work.extended');
  await expect(columns.getByText(/1 column with values goes to no field of its own/)).toBeVisible();
  await shot('import-csv-columns');
  await page.getByRole('button', { name: 'Import 2 contacts' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported: 2 new' })).toBeVisible();
  const [jonas] = (await dispatch(dossier.ctx, 'contact.list', { query: 'Weiss Jonas' })).items.filter((c) => c.phones.some((p) => p.value.includes('4413')));
  expect(jonas!.addresses).toEqual([{ label: 'work', poBox: '', extended: 'Raum 2.117', street: 'Wilhelmstraße 49', locality: 'Berlin', region: '', postalCode: '10117', country: 'Deutschland' }]);
});

test('calendar preview: floating times and an unknown zone are choices, a broken event is listed, the rest imports', async ({ app: page, dossier, shot }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Meetings/ }).click();
  await page.getByRole('button', { name: 'Import .ics…' }).click();
  await page.getByLabel('Calendar file', { exact: true }).setInputFiles({ name: 'programme.ics', mimeType: 'text/calendar', buffer: fixture('conference-programme.ics') });
  const zones = page.getByRole('region', { name: 'Time zones' });
  await expect(zones.getByLabel('Times without a time zone are read in')).toBeVisible();
  await zones.getByLabel('Times without a time zone are read in').selectOption('Africa/Johannesburg');
  await zones.getByLabel(/Time zone “Mitteleuropäische Zeit” \(line 29\)/).selectOption('Europe/Vienna');
  await expect(page.getByText('“Mitteleuropäische Zeit” is read as Europe/Vienna.')).toBeVisible();
  await expect(page.getByRole('region', { name: '1 record cannot be imported' })).toContainText('Line 36 — DTSTART cannot be read');
  await expect(page.getByRole('button', { name: 'Import 4 meetings' })).toBeDisabled();
  await page.getByLabel('Leave these out and import the rest (4)').check();
  await shot('ics-import-zones');
  await page.getByRole('button', { name: 'Import 4 meetings' }).click();
  await expect(page.getByRole('heading', { name: /G20 EWG: first session/ })).toBeVisible();
  const all = await dispatch(dossier.ctx, 'meeting.list', {});
  expect(all.find((m) => m.title.startsWith('G20 EWG'))).toMatchObject({ start: '2026-11-05T09:00', timeZone: 'Africa/Johannesburg' });
  expect(all.find((m) => m.title === 'Prep call ECOSOC')).toMatchObject({ timeZone: 'Europe/Vienna' });
});

test('calendar preview: a series with its occurrences and the invitation’s people offered as delegation or counterparts', async ({ app: page, dossier, shot }) => {
  const me = await dispatch(dossier.ctx, 'contact.create', { givenName: 'Anna', familyName: 'Weiß', internal: true, emails: [{ label: 'work', value: 'anna.weiss@example.bmas.bund.de' }] });
  await page.getByRole('link', { name: /Meetings/ }).click();
  await page.getByRole('button', { name: 'Import .ics…' }).click();
  await page.getByLabel('Occurrences from').fill('2026-08-01');
  await page.getByLabel('Calendar file', { exact: true }).setInputFiles({ name: 'series.ics', mimeType: 'text/calendar', buffer: fixture('outlook-recurring-series.ics') });
  await expect(page.getByRole('status').filter({ hasText: '15 new meetings, 0 to update, 1 repeating event.' })).toBeVisible();
  await expect(page.getByText('G20 EWG Delegationsrunde (verschoben)')).toBeVisible();
  await shot('ics-import-series');
  await page.getByRole('button', { name: 'Import 15 meetings' }).click();
  await expect(page.getByRole('heading', { name: 'G20 EWG Delegationsrunde' })).toBeVisible();

  // The same file again: everything updates, nothing is duplicated.
  await page.getByRole('link', { name: /Meetings/ }).click();
  await page.getByRole('button', { name: 'Import .ics…' }).click();
  await page.getByLabel('Occurrences from').fill('2026-08-01');
  await page.getByLabel('Calendar file', { exact: true }).setInputFiles({ name: 'series.ics', mimeType: 'text/calendar', buffer: fixture('outlook-recurring-series.ics') });
  await expect(page.getByRole('status').filter({ hasText: '0 new meetings, 15 to update, 1 repeating event.' })).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Import .ics…' }).click();
  await page.getByLabel('Calendar file', { exact: true }).setInputFiles({ name: 'invite.ics', mimeType: 'text/calendar', buffer: fixture('exchange-invitation.ics') });
  const people = page.getByRole('region', { name: 'People in the invitation' });
  await expect(people.getByLabel('Add Anna Weiß as')).toHaveValue('delegation');
  await expect(people.getByLabel('Add Thoralf Stenvold as')).toHaveValue('counterpart');
  await expect(people.getByRole('row', { name: /Secretariat WPSDG/ })).toContainText('not in your contacts');
  await people.getByLabel('Add Claire Dubois as').selectOption('ignore');
  await shot('ics-import-attendees');
  await page.getByRole('button', { name: 'Import 1 meeting' }).click();
  await expect(page.getByRole('heading', { name: 'WPSDG informal consultation on just transition' })).toBeVisible();
  const [m] = (await dispatch(dossier.ctx, 'meeting.list', {})).filter((x) => x.title.startsWith('WPSDG informal'));
  const detail = await dispatch(dossier.ctx, 'meeting.get', { id: m!.id });
  expect(detail.delegation.map((d) => d.contactId)).toEqual([me.id]);
  expect(detail.counterparts.map((c) => c.displayName)).toEqual(['Mr. Thoralf Stenvold']);
  expect(detail.format).toBe('hybrid');
});

test('axe: the import previews, the contact with its details and its form have no serious or critical violation', async ({ app: page, dossier }) => {
  test.setTimeout(180_000);
  const scan = async (where: string) => {
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(r.passes.length, `axe ran on ${where}`).toBeGreaterThan(10);
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${where}: ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  };
  const problems: string[] = [];
  const broken = Buffer.concat([fixture('apple-contacts-macos14.vcf'), Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:x\r\nEND:VCARD\r\n')]);
  await openImport(page, 'apple.vcf', 'text/vcard', broken);
  await expect(page.getByRole('region', { name: 'What happens to each field' })).toBeVisible();
  problems.push(...(await scan('vCard import preview')));
  await openImport(page, 'outlook.csv', 'text/csv', fixture('outlook-365-en.csv'));
  await expect(page.getByRole('region', { name: 'Columns' })).toBeVisible();
  problems.push(...(await scan('CSV column map')));
  await page.getByRole('button', { name: 'Import 2 contacts' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported: 2 new' })).toBeVisible();
  const [anna] = (await dispatch(dossier.ctx, 'contact.list', { query: 'Weiß Anna' })).items;
  await page.evaluate((id) => (location.hash = `#/contacts/${id}`), anna!.id);
  await expect(page.getByRole('region', { name: 'Other details' })).toBeVisible();
  problems.push(...(await scan('contact with addresses and other details')));
  await page.getByRole('link', { name: 'Edit' }).click();
  await expect(page.getByRole('button', { name: 'Add address' })).toBeVisible();
  problems.push(...(await scan('contact form')));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Meetings/ }).click();
  await page.getByRole('button', { name: 'Import .ics…' }).click();
  await page.getByLabel('Calendar file', { exact: true }).setInputFiles({ name: 'programme.ics', mimeType: 'text/calendar', buffer: fixture('conference-programme.ics') });
  await expect(page.getByRole('region', { name: 'Time zones' })).toBeVisible();
  problems.push(...(await scan('calendar import preview')));
  expect(problems).toEqual([]);
});
