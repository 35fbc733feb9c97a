/**
 * Issue 11 in the app: `import <pack.pdf>` from the Meetings list — the preview shows what the pack holds
 * (meeting, agenda, who's who with duplicates, briefing), then one all-or-nothing import opens the meeting.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { In, OpName, Out } from '../contract/ops';
import { expect, test } from './fixtures';

const typed =
  (call: (name: string, input: unknown) => Promise<unknown>) =>
  <K extends OpName>(name: K, input: In<K>) =>
    call(name, input) as Promise<Out<K>>;

test('imports a Dossier pack PDF: preview with duplicates, then the meeting with its agenda', async ({ app: page, dossier, shot }) => {
  const call = typed(dossier.call as never);
  const meeting = (await call('meeting.list', { when: 'upcoming' }))[0]!;
  const detail = await call('meeting.get', { id: meeting.id });
  expect(detail.agenda.length).toBeGreaterThan(0);
  const built = await call('pack.build', { meetingId: meeting.id, date: '2027-01-07' });
  const file = join(mkdtempSync(join(tmpdir(), 'dossier-pack-')), 'pack.pdf');
  writeFileSync(file, Buffer.from(built.bytesBase64!, 'base64'));
  // The meeting goes; its people stay, so the pack's who's who comes back as duplicates.
  await call('meeting.delete', { id: meeting.id });

  await page.evaluate(() => (location.hash = '#/meetings'));
  await page.getByRole('button', { name: 'Import pack…' }).click();
  await expect(page.getByRole('heading', { name: 'Import a Dossier pack' })).toBeVisible();

  // Not a pack: refused with a message naming the file, nothing shown to import.
  const notPack = join(file, '..', 'notes.pdf');
  writeFileSync(notPack, '%PDF-1.4\n%%EOF\n');
  await page.getByLabel('Pack PDF').setInputFiles(notPack);
  await expect(page.getByRole('alert')).toContainText('notes.pdf');
  await expect(page.getByRole('button', { name: 'Import pack', exact: true })).toHaveCount(0);

  await page.getByLabel('Pack PDF').setInputFiles(file);
  const contents = page.getByRole('region', { name: 'What the pack holds' });
  await expect(contents).toContainText(meeting.title);
  await expect(contents).toContainText(`${detail.agenda.length} item`);
  const people = detail.delegation.length + detail.counterparts.length;
  expect(people).toBeGreaterThan(0);
  await expect(contents).toContainText(`${people} contacts, ${people} already in the dossier`);
  await expect(contents.getByRole('radio', { name: /skip/i })).toBeChecked();
  await shot('pack-import');

  await page.getByRole('button', { name: 'Import pack', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: meeting.title })).toBeVisible();
  const id = Number(/meetings\/(\d+)/.exec(await page.evaluate(() => location.hash))![1]);
  const imported = await call('meeting.get', { id });
  expect(imported.agenda.map((a) => a.title)).toEqual(detail.agenda.map((a) => a.title));
  for (const a of detail.agenda.slice(0, 2)) await expect(page.getByText(a.title, { exact: true }).first()).toBeVisible();
});
