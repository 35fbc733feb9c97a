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
