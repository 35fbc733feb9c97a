/**
 * Issue 16: dates are typed and shown in the interface language's format (de: TT.MM.JJJJ), whatever the browser's
 * own locale (this Chromium runs in en-US, where a native date input would show MM/DD/YYYY).
 */
import type { Page } from '@playwright/test';
import type { In, OpName, Out } from '../contract/ops';
import { test, expect } from './fixtures';

const typed = (call: unknown) => call as <K extends OpName>(name: K, input: In<K>) => Promise<Out<K>>;

async function useLanguage(page: Page, lang: string) {
  await page.evaluate((l) => localStorage.setItem('dossier-language', l), lang);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

test('in German, every date field shows and takes TT.MM.JJJJ, and says how to write a date it cannot read', async ({ app: page, dossier, shot }) => {
  const call = typed(dossier.call);
  await useLanguage(page, 'de');
  const [meeting] = await call('meeting.list', { when: 'upcoming' });
  const [briefing] = await call('briefing.list', { meetingId: meeting!.id });
  const origin = new URL(page.url()).origin;

  // The briefing's deadline, stored as ISO, shown the German way; a typed one saved as ISO.
  await page.goto(`${origin}/#/briefings/${briefing!.id}`);
  // By role: each section's closed commission dialog has a Frist of its own.
  const deadline = page.getByRole('textbox', { name: 'Frist', exact: true });
  const stored = (await call('briefing.get', { id: briefing!.id })).deadline!;
  await expect(deadline).toHaveValue(`${stored.slice(8, 10)}.${stored.slice(5, 7)}.${stored.slice(0, 4)}`);
  await expect(deadline).toHaveAttribute('placeholder', 'TT.MM.JJJJ');
  await deadline.fill('3.2.27');
  await deadline.press('Enter');
  await expect(deadline).toHaveValue('03.02.2027');
  await expect.poll(async () => (await call('briefing.get', { id: briefing!.id })).deadline).toBe('2027-02-03');
  // ↑ moves a day.
  await deadline.press('ArrowUp');
  await expect(deadline).toHaveValue('04.02.2027');
  await expect.poll(async () => (await call('briefing.get', { id: briefing!.id })).deadline).toBe('2027-02-04');

  // A day that does not exist, and text that is no date: a message, nothing saved.
  await deadline.fill('30.02.2027');
  await deadline.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Diesen Tag gibt es nicht.' })).toBeVisible();
  await expect(deadline).toHaveAttribute('aria-invalid', 'true');
  await deadline.fill('nächste Woche');
  await deadline.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Datum als TT.MM.JJJJ eingeben.' })).toBeVisible();
  expect((await call('briefing.get', { id: briefing!.id })).deadline).toBe('2027-02-04');
  await deadline.scrollIntoViewIfNeeded();
  await shot('date-field-de');

  // The meeting form: date and time in one field, the German way.
  await page.goto(`${origin}/#/meetings/${meeting!.id}/edit`);
  const starts = page.getByLabel('Beginn (Ortszeit)');
  await expect(starts).toHaveValue(/^\d{2}\.\d{2}\.\d{4} 10:00$/);
  await starts.fill('15.01.2027 09:30');
  await page.getByLabel('Ende (Ortszeit)').fill('15.01.2027 12:30');
  await page.getByRole('button', { name: 'Änderungen speichern' }).click();
  await expect(page.getByRole('heading', { level: 1, name: meeting!.title })).toBeVisible();
  expect(await call('meeting.get', { id: meeting!.id })).toMatchObject({ start: '2027-01-15T09:30', end: '2027-01-15T12:30' });

  // A follow-up action's due date, and a contact's "information dated" (a month will do).
  await page.goto(`${origin}/#/meetings/${meeting!.id}`);
  const actions = page.getByRole('region', { name: 'Folgemaßnahmen' });
  await actions.getByLabel('Folgemaßnahme', { exact: true }).fill('Reisekosten abrechnen');
  await actions.getByLabel('Fällig am').fill('28.02.2027');
  await actions.getByRole('button', { name: 'Maßnahme hinzufügen' }).click();
  await expect(actions).toContainText('Reisekosten abrechnen');
  expect((await call('meeting.get', { id: meeting!.id })).actions.find((a) => a.text === 'Reisekosten abrechnen')?.dueDate).toBe('2027-02-28');

  const [contact] = (await call('contact.list', { query: 'Weiß' })).items;
  await page.goto(`${origin}/#/contacts/${contact!.id}/edit`);
  const dated = page.getByRole('textbox', { name: 'Stand der Angaben' });
  await expect(dated).toHaveValue(/\d/); // the form has its stored values, so none lands over what is typed
  await dated.fill('03.2026');
  await page.getByRole('button', { name: 'Änderungen speichern' }).click();
  await expect.poll(async () => (await call('contact.get', { id: contact!.id })).informationDated).toBe('2026-03');
});

test('in English the pack date reads DD/MM/YYYY; a wrong one keeps the dialog open and says why', async ({ app: page, dossier }) => {
  const [meeting] = await typed(dossier.call)('meeting.list', { when: 'upcoming' });
  await page.evaluate((id) => (location.hash = `#/meetings/${id}`), meeting!.id);
  await page.getByRole('button', { name: 'Export pack' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export briefing pack' });
  const date = dialog.getByLabel('Date on the pack');
  await expect(date).toHaveValue(/^\d{2}\/\d{2}\/\d{4}$/);
  await date.fill('31/04/2027');
  await dialog.getByRole('button', { name: /^Build (pack|anyway)$/ }).click();
  await expect(dialog.getByRole('alert').filter({ hasText: 'There is no such day.' })).toBeVisible();
  await expect(dialog).toBeVisible();
});
