/**
 * Long work (issue 15) as a desk officer meets it: a big import runs in the main process's lane, shows its progress,
 * the app keeps answering meanwhile, and Cancel stops it there with nothing imported.
 */
import { writeVCards } from '../main/formats/vcard-write';
import { emptyContact } from '../main/formats/contact-data';
import { dispatch } from '../main/ops/index';
import { expect, test } from './fixtures';

test.use({ lanes: true, demo: false });

const big = (n: number) =>
  writeVCards(
    Array.from({ length: n }, (_, i) => ({
      ...emptyContact(),
      givenName: `Anna ${i}`,
      familyName: 'Schmidt',
      institutionNames: ['Bundesministerium für Arbeit und Soziales'],
      emails: [{ label: 'work', value: `anna.${i}@bmas.bund.de` }],
    })),
  );

test('a large import shows its progress, the app keeps answering, and Cancel imports nothing', async ({ app: page, dossier, shot }) => {
  test.setTimeout(240_000);
  await page.getByRole('link', { name: /Contacts/ }).click();
  await page.getByRole('link', { name: 'Import…' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles({ name: 'bmas.vcf', mimeType: 'text/vcard', buffer: Buffer.from(big(6000)) });
  const dialog = page.getByRole('dialog', { name: 'Reading bmas.vcf' });
  await expect(dialog).toBeVisible();
  await expect(page.getByText(/6,000 contacts in the file: 6,000 new/)).toBeVisible({ timeout: 120_000 });

  await page.getByRole('button', { name: /Import 6,000 contacts/ }).click();
  const importing = page.getByRole('dialog', { name: 'Importing bmas.vcf' });
  await expect(importing).toBeVisible();
  // The bar moves: "N of 6,000 contacts".
  await expect(importing.getByText(/ of 6,000 contacts/)).toBeVisible({ timeout: 120_000 });
  await shot('long-work-import-progress');
  // Meanwhile the dossier answers other requests at once (they run apart from the import).
  const info = await page.evaluate(async () => {
    const r = await fetch('./api/system.info', { method: 'POST', headers: { 'content-type': 'application/json', 'x-dossier-token': sessionStorage.getItem('dossier-token') ?? '' }, body: '{}' });
    return (await r.json()) as { ok: boolean };
  });
  expect(info.ok).toBe(true);
  await importing.getByRole('button', { name: 'Cancel' }).click();
  await expect(importing).toBeHidden();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect((await dispatch(dossier.ctx, 'contact.list', {})).total).toBe(0);
});
