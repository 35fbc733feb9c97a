import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isOpName, ops } from '../contract/ops';
import { dispatch } from '../main/ops/index';
import { test, expect } from './fixtures';

test('institution tree: expand by keyboard, move a unit by drag and drop and by "Move to…", a cycle is refused', async ({ app: page, shot }) => {
  await page.getByRole('link', { name: /Institutions/ }).click();
  const tree = page.getByRole('tree', { name: 'Institutions' });
  const item = (name: RegExp) => tree.getByRole('treeitem', { name });
  await expect(item(/^ILO/)).toHaveAttribute('aria-expanded', 'false');
  await expect(item(/^GB/)).toHaveCount(0);

  // Keyboard: focus the tree, go to ILO, → expands, → enters its first unit, Enter opens it.
  await item(/^BMAS/).focus();
  await page.keyboard.press('End');
  await expect(item(/^WB/)).toBeFocused();
  await item(/^ILO/).focus();
  await page.keyboard.press('ArrowRight');
  await expect(item(/^ILO/)).toHaveAttribute('aria-expanded', 'true');
  await expect(item(/^GB/)).toHaveAttribute('aria-level', '2');
  await page.keyboard.press('ArrowRight');
  await expect(item(/^GB/)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Governing Body (GB)' })).toBeVisible();
  await expect(item(/^WPSDG/)).toHaveAttribute('aria-level', '3');
  await expect(item(/^ILO/)).toContainText('2 units');
  await shot('institution-tree');

  // Drag the WPSDG onto the OECD: it becomes an OECD unit.
  await item(/^WPSDG/).dragTo(item(/^OECD/));
  await expect(page.getByRole('status').filter({ hasText: 'Moved WPSDG under OECD.' })).toBeVisible();
  await expect(item(/^OECD/)).toHaveAttribute('aria-expanded', 'true');
  await expect(item(/^GB/)).not.toHaveAttribute('aria-expanded');

  // A cycle: the ILO dragged onto its own Governing Body is refused, and nothing moves.
  await item(/^ILO/).dragTo(item(/^GB/));
  await expect(page.getByRole('alert')).toHaveText('ILO cannot be moved under GB: GB is one of its own units.');
  await expect(item(/^GB/)).toHaveAttribute('aria-level', '2');
  await shot('institution-tree-cycle');

  // "Move to…" back under the Governing Body; the picker does not offer the unit's own units.
  await item(/^WPSDG/).click();
  await page.getByRole('button', { name: 'Move to…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Move WPSDG to…' });
  await dialog.getByLabel('New parent').selectOption({ label: 'ILO › GB' });
  await dialog.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Moved WPSDG under GB.').first()).toBeVisible();
  await expect(page.locator('.crumbs')).toHaveText('ILO › GB');
  await page.getByRole('link', { name: /Institutions/ }).click();
  await item(/^ILO/).click();
  await page.getByRole('button', { name: 'Move to…' }).click();
  const options = await page.getByRole('dialog').getByLabel('New parent').locator('option').allTextContents();
  expect(options).not.toContain('ILO › GB');
  expect(options).toContain('OECD');
});

// The seed page's contact block, kept in the repo (CI has no ../shared beside every checkout).
const ILO_BLOCK = readFileSync(resolve('main/formats/fixtures/pages/en-ilo-global-advocacy.txt'), 'utf8');

test('paste the ILO contact block: review every field, correct one, save; the contact is flagged "to check"', async ({ app: page, dossier, shot }) => {
  // Start without the demo's copy of this contact, so the paste creates him.
  const demo = await dispatch(dossier.ctx, 'contact.list', { query: 'Stenvold' });
  for (const c of demo.items) await dispatch(dossier.ctx, 'contact.delete', { id: c.id });

  await page.getByRole('link', { name: /Contacts/ }).click();
  await page.getByRole('link', { name: 'Paste…' }).click();
  await page.getByLabel('Contact block or web page').fill(ILO_BLOCK);
  await page.getByRole('button', { name: 'Read contact' }).click();

  const review = page.getByRole('form', { name: 'Check the proposed contact' });
  await expect(review.getByLabel('Honorific')).toHaveValue('Mr.');
  await expect(review.getByLabel('Given name')).toHaveValue('Thoralf');
  await expect(review.getByLabel('Family name')).toHaveValue('Stenvold');
  await expect(review.getByLabel('Position')).toHaveValue('Senior Specialist – Global Governance');
  await expect(review.getByLabel('Institution in the dossier', { exact: true }).first()).toBeChecked();
  await expect(review.getByRole('combobox', { name: 'Institution in the dossier' })).toHaveValue(
    String((await dispatch(dossier.ctx, 'institution.list', { query: 'Multilateral Cooperation' }))[0]!.id),
  );
  await expect(review.getByLabel('E-mail 1', { exact: true })).toHaveValue(/^perrin@ilo\.org$/i);
  await expect(review.getByLabel('Phone 1 in international form (E.164)')).toHaveValue('+41227996111');
  await expect(review.getByLabel(/^Information dated/)).toHaveValue('2017');
  // Where each field was read: the date from line 5, shown beside the field and marked in the pasted text.
  await expect(review.getByText('line 5', { exact: true })).toBeVisible();
  await review.getByLabel(/^Information dated/).focus();
  await expect(page.locator('li.active[data-line="5"]')).toContainText('Information dated: 2017');

  // Correct one field: the position gains its department's words.
  await review.getByLabel('Position').fill('Senior Specialist – Global Governance and Trade');
  await review.getByLabel('Languages').fill('en, fr');
  await review.getByLabel('Honorific').focus();
  await page.locator('.screen').evaluate((e) => e.scrollTo(0, 0));
  await shot('paste-contact-review');
  await review.getByRole('button', { name: 'Save contact' }).click();

  await expect(page.getByRole('heading', { name: 'Mr. Thoralf Stenvold' })).toBeVisible();
  const detail = page.getByRole('region', { name: 'Contacts: details' });
  await expect(detail).toContainText('Senior Specialist – Global Governance and Trade');
  await expect(detail).toContainText('Multilateral Cooperation Department');
  await expect(detail).toContainText(/perrin@ilo\.org/i);
  await expect(detail.getByText(/to check/)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Contacts' })).toContainText('Stenvold');
});

test('pasting a contact already in the dossier offers to update them instead of adding a second one', async ({ app: page, dossier }) => {
  await page.getByRole('link', { name: /Contacts/ }).click();
  await page.getByRole('link', { name: 'Paste…' }).click();
  await page.getByLabel('Contact block or web page').fill(ILO_BLOCK);
  await page.getByRole('button', { name: 'Read contact' }).click();
  await expect(page.getByRole('group', { name: 'Already in the dossier' })).toContainText('Mr. Thoralf Stenvold has the same e-mail address.');
  await page.getByRole('button', { name: 'Update contact' }).click();
  await expect(page.getByRole('heading', { name: 'Mr. Thoralf Stenvold' })).toBeVisible();
  expect((await dispatch(dossier.ctx, 'contact.list', { query: 'Stenvold' })).total).toBe(1);
});

test('the paste review saves in one step: when the update fails part-way, its new unit is not left behind', async ({ app: page, dossier }) => {
  const writes: string[] = [];
  page.on('request', (r) => {
    const op = /\/api\/([\w.]+)$/.exec(r.url())?.[1];
    if (op && isOpName(op) && ops[op].kind === 'write') writes.push(op);
  });
  await page.getByRole('link', { name: /Contacts/ }).click();
  await page.getByRole('link', { name: 'Paste…' }).click();
  await page.getByLabel('Contact block or web page').fill(ILO_BLOCK);
  await page.getByRole('button', { name: 'Read contact' }).click();
  const review = page.getByRole('form', { name: 'Check the proposed contact' });
  await expect(review.getByRole('group', { name: 'Already in the dossier' })).toBeVisible();
  await review.getByLabel('Create a new institution').check();
  await review.getByLabel('Name of new institution 1').fill('Global Governance Unit');

  // Someone deletes the stored contact while this paste is reviewed: the update cannot land.
  for (const c of (await dispatch(dossier.ctx, 'contact.list', { query: 'Stenvold' })).items) await dispatch(dossier.ctx, 'contact.delete', { id: c.id });
  await review.getByRole('button', { name: 'Update contact' }).click();
  await expect(review.getByRole('alert')).toContainText(/does not exist/);
  expect(await dispatch(dossier.ctx, 'institution.list', { query: 'Global Governance Unit' })).toEqual([]);

  // Saved as a new contact instead: the unit is created once, with the contact, in the same operation.
  await review.getByLabel('Save as a separate new contact').check();
  await review.getByRole('button', { name: 'Save contact' }).click();
  await expect(page.getByRole('heading', { name: 'Mr. Thoralf Stenvold' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Contacts: details' })).toContainText('Global Governance Unit');
  const units = await dispatch(dossier.ctx, 'institution.list', { query: 'Global Governance Unit' });
  expect(units.map((i) => i.path.join(' › '))).toEqual(['ILO › MULTILATERALS › Global Governance Unit']);
  expect(writes).toEqual(['contact.saveProposal', 'contact.saveProposal']);
});

test('contact list: "to check" flags, filters by staleness, language and institution, sort, and the stale age', async ({ app: page, shot }) => {
  await page.getByRole('link', { name: /Contacts/ }).click();
  const list = page.getByRole('list', { name: 'Contacts' });
  await expect(page.getByText('9 contacts')).toBeVisible();

  await page.getByLabel('To check only').check();
  await expect(page.getByText('2 contacts')).toBeVisible();
  await expect(list).toContainText('Stenvold');
  await expect(list).toContainText('van der Berg');
  await expect(list.getByText(/to check/)).toHaveCount(2);
  await shot('contacts-to-check');

  await page.getByLabel('Language').selectOption('nl');
  await expect(page.getByText('1 contact', { exact: true })).toBeVisible();
  await expect(list).toContainText('van der Berg');
  await page.getByLabel('To check only').uncheck();
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByText('5 contacts')).toBeVisible();
  await page.getByLabel('Institution (with units)').selectOption({ label: 'BMAS' });
  await expect(page.getByText('1 contact', { exact: true })).toBeVisible();
  await expect(list).toContainText('Weiß');

  // The ILO with its units finds the MULTILATERALS people; sort by information date puts the oldest first.
  await page.getByLabel('Language').selectOption('');
  await page.getByLabel('Institution (with units)').selectOption({ label: 'ILO' });
  await expect(page.getByText('2 contacts')).toBeVisible();
  await page.getByLabel('Institution (with units)').selectOption('');
  await page.getByLabel('Sort by').selectOption('dated');
  await expect(list.getByRole('link').first()).toContainText('Stenvold');

  // Flag details older than 1 month: more contacts are to check.
  await page.getByLabel('Flag details older than').fill('1');
  await page.getByLabel('Flag details older than').press('Tab');
  await page.getByLabel('To check only').check();
  await expect(page.getByText(/^[3-7] contacts$/)).toBeVisible();
});

const vcard = (...cards: string[][]) => cards.map((c) => ['BEGIN:VCARD', 'VERSION:4.0', ...c, 'END:VCARD'].join('\r\n')).join('\r\n') + '\r\n';
const SMALL_VCF = vcard(
  ['FN:Mr. Thoralf Stenvold', 'N:Stenvold;Thoralf;;Mr.;', 'ORG:ILO;Multilateral Cooperation Department', 'EMAIL;TYPE=work:perrin@ilo.org'],
  ['FN:Ms. Ingrid Halvorsen', 'N:Halvorsen;Ingrid;;Ms.;', 'ORG:OECD', 'TITLE:Policy Analyst', 'EMAIL;TYPE=work:ingrid.halvorsen@example.oecd.org'],
  ['FN:Kenji Watanabe', 'N:Watanabe;Kenji;;;', 'ORG:ILO', 'TEL;VALUE=uri;TYPE=work:tel:+41-22-799-7000', 'EMAIL:k.watanabe@example.ilo.org'],
);

test('import a small vCard with one duplicate: preview counts, skip it, the counts are right; export as vCard', async ({ app: page, dossier, shot }) => {
  await page.getByRole('link', { name: /Contacts/ }).click();
  await page.getByRole('link', { name: 'Import…' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles({ name: 'colleagues.vcf', mimeType: 'text/vcard', buffer: Buffer.from(SMALL_VCF) });

  await expect(page.getByText('3 contacts in the file: 2 new, 1 duplicate.')).toBeVisible();
  const rows = page.getByRole('region', { name: 'Preview' }).getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText('Duplicate: same e-mail');
  await expect(rows.nth(2)).toContainText('new');
  await expect(page.getByRole('radio', { name: 'Skip' })).toBeChecked();
  await expect(page.getByRole('button', { name: 'Import 2 contacts' })).toBeVisible();
  await shot('import-preview');

  // Per row: "keep both" for the duplicate raises the count; back to skip.
  await page.getByLabel('Duplicate on line 1').selectOption('keep_both');
  await expect(page.getByRole('button', { name: 'Import 3 contacts' })).toBeVisible();
  await page.getByLabel('Duplicate on line 1').selectOption('skip');
  await page.getByRole('button', { name: 'Import 2 contacts' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported: 2 new, 0 updated, 1 skipped.' })).toBeVisible();
  expect((await dispatch(dossier.ctx, 'contact.list', {})).total).toBe(11);
  expect((await dispatch(dossier.ctx, 'contact.list', { query: 'Stenvold' })).total).toBe(1);
  await page.getByRole('link', { name: 'Show contacts' }).click();
  await expect(page.getByText('11 contacts')).toBeVisible();

  // Export: every contact as vCard 3.0, downloaded as a file Dossier reads back.
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export contacts' });
  await dialog.getByLabel('vCard 3.0').check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('contacts.vcf');
  const text = readFileSync((await file.path())!, 'utf8');
  expect(text.match(/^BEGIN:VCARD/gm)).toHaveLength(11);
  expect(text).toContain('VERSION:3.0');
  expect(text).toContain('Halvorsen');
});

test('a vCard with a broken card lists it with its line and reason; nothing is imported until the user takes the rest', async ({ app: page, dossier }) => {
  const broken = SMALL_VCF.replace('TITLE:Policy Analyst', 'TITLE;broken');
  await page.getByRole('link', { name: /Contacts/ }).click();
  await page.getByRole('link', { name: 'Import…' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles({ name: 'broken.vcf', mimeType: 'text/vcard', buffer: Buffer.from(broken) });
  const line = broken.split('\r\n').indexOf('TITLE;broken') + 1;
  const rejected = page.getByRole('region', { name: '1 record cannot be imported' });
  await expect(rejected).toContainText(`Line ${line} — "TITLE;broken" is not a property (NAME:value).`);
  await expect(rejected).toContainText('TITLE;broken');
  await expect(page.getByRole('button', { name: 'Import 1 contact' })).toBeDisabled();
  await page.screenshot({ path: 'artifacts/screenshots/import-broken.png' });
  expect((await dispatch(dossier.ctx, 'contact.list', {})).total).toBe(9);
  await rejected.getByLabel(/Leave these out and import the rest/).check();
  await page.getByRole('button', { name: 'Import 1 contact' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported: 1 new' })).toBeVisible();
  expect((await dispatch(dossier.ctx, 'contact.list', {})).total).toBe(10);
});

test('a CSV from Outlook maps its columns automatically; a column can be remapped before importing', async ({ app: page, dossier, shot }) => {
  const csv = 'First Name,Last Name,Company,Job Title,E-mail Address,Business Phone,Notes\r\nAnna,Berg,OECD,Economist,anna.berg@example.oecd.org,+33 1 45 24 82 00,Met at ELSAC\r\n';
  await page.getByRole('link', { name: /Contacts/ }).click();
  await page.getByRole('link', { name: 'Import…' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles({ name: 'outlook.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const columns = page.getByRole('region', { name: 'Columns' });
  await expect(columns.getByLabel('First Name')).toHaveValue('givenName');
  await expect(columns.getByLabel('Job Title')).toHaveValue('position');
  await expect(columns.getByLabel('E-mail Address')).toHaveValue(/^email/);
  await columns.getByLabel('Notes').selectOption('ignore');
  await expect(page.getByText('1 contact in the file: 1 new, 0 duplicates.')).toBeVisible();
  await shot('import-csv-mapping');
  await page.getByRole('button', { name: 'Import 1 contact' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported: 1 new' })).toBeVisible();
  const [anna] = (await dispatch(dossier.ctx, 'contact.list', { query: 'Berg Anna' })).items;
  expect(anna).toMatchObject({ position: 'Economist', notes: '', institutionName: 'Organisation for Economic Co-operation and Development' });
});
