import { test, expect, holdCalls } from './fixtures';
import type { Page } from '@playwright/test';
import { dispatch } from '../main/ops/index';

const NEXT = /^WPSDG — Working Party on the Social Dimension of Globalization$/;

async function openNextWpsdg(page: Page) {
  await page.getByRole('tab', { name: 'Upcoming' }).click();
  await page.getByRole('list', { name: 'Meetings' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: NEXT })).toBeVisible();
}
const agendaTitles = (page: Page) => page.getByRole('region', { name: 'Agenda' }).locator('tbody tr td.title .t').allInnerTexts();

test('meeting list as upcoming / past and as a month calendar, navigable by keyboard', async ({ app: page, shot }) => {
  await page.getByRole('tab', { name: 'Upcoming' }).click();
  await expect(page.getByRole('list', { name: 'Meetings' })).toContainText('WPSDG');
  await page.getByRole('tab', { name: 'Past' }).click();
  await expect(page.getByRole('list', { name: 'Meetings' })).toContainText('previous session');
  await page.getByRole('list', { name: 'Meetings' }).getByRole('link').first().click();
  await shot('meetings-list');

  await page.getByRole('tab', { name: 'Calendar' }).click();
  const grid = page.getByRole('grid');
  await expect(grid).toBeVisible();
  // From today's cell, PageDown until the month of the next session (45 days ahead in the demo) shows it.
  await grid.locator('[role=gridcell][tabindex="0"]').focus();
  // Each month's meetings load after it shows, so give every month a moment before moving on.
  for (let i = 0; i < 4; i++) {
    const shown = await expect(grid.getByRole('link', { name: 'WPSDG' }))
      .toHaveCount(1, { timeout: 2500 })
      .then(() => true, () => false);
    if (shown) break;
    await page.keyboard.press('PageDown');
  }
  const cell = grid.getByRole('gridcell', { name: /WPSDG/ });
  await expect(cell).toHaveCount(1);
  // Walk to the meeting's day with the arrow keys, then Enter opens it.
  const target = (await cell.getAttribute('data-day'))!;
  for (let i = 0; i < 40; i++) {
    const at = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.day ?? '');
    if (at === target) break;
    await page.keyboard.press(at < target ? (Number(target.slice(8)) - Number(at.slice(8)) >= 7 ? 'ArrowDown' : 'ArrowRight') : 'ArrowLeft');
  }
  await expect(page.getByRole('region', { name: /^Meetings on / })).toContainText('WPSDG');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: NEXT })).toBeVisible();
  await shot('meetings-calendar');
});

test('meeting detail: delegation with roles, counterparts picked as you type, stale details flagged', async ({ app: page, shot }) => {
  await openNextWpsdg(page);
  const delegation = page.getByRole('region', { name: 'Our delegation' });
  await expect(delegation).toContainText('Ms. Ayşe Özdemir');
  await delegation.getByLabel(/^Role of .*Kowalska/).selectOption('member');
  await expect(delegation.getByLabel(/^Role of .*Kowalska/)).toHaveValue('member');

  const counterparts = page.getByRole('region', { name: 'Counterparts' });
  await page.getByRole('combobox', { name: 'Add counterpart…' }).fill('dubo');
  await expect(page.getByRole('listbox', { name: 'Add counterpart…' }).getByRole('option').first()).toContainText('Claire Dubois');
  await page.keyboard.press('Enter');
  await expect(counterparts).toContainText('Claire Dubois');
  await expect(counterparts.getByText(/dated 2017 · to check/)).toBeVisible();
  await expect(page.locator('dl.facts')).toContainText('OECD');
  await shot('meeting-detail-delegation');
});

test('agenda: reorder by keyboard and edit in place; the order survives a reload', async ({ app: page, shot }) => {
  await openNextWpsdg(page);
  const before = await agendaTitles(page);
  expect(before[0]).toBe('Opening and adoption of the agenda');

  await page.getByRole('button', { name: /^Reorder “Opening and adoption of the agenda”/ }).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('status').filter({ hasText: 'Moved “Opening and adoption of the agenda” to position 2 of 5.' })).toBeAttached();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(page.getByRole('status').filter({ hasText: 'to position 3 of 5' })).toBeAttached();
  // Focus stays on the moved item's grip, so the user can keep moving it.
  await expect(page.getByRole('button', { name: /^Reorder “Opening and adoption of the agenda”, item 3 of 5/ })).toBeFocused();

  const region = page.getByRole('region', { name: 'Agenda' });
  await region.getByRole('button', { name: 'Edit agenda item Any other business' }).click();
  await region.getByRole('cell').getByLabel('Time').fill('12:50');
  await region.getByRole('cell').getByLabel('Time').press('Enter');
  await expect(region.getByRole('cell', { name: '12:50' })).toBeVisible();
  await shot('agenda-reorder');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: NEXT })).toBeVisible();
  expect(await agendaTitles(page)).toEqual([before[1], before[2], before[0], before[3], before[4]]);
  await expect(region.getByRole('cell', { name: '12:50' })).toBeVisible();
});

test('an open action of the last session shows on the next one, overdue, and is carried forward there', async ({ app: page, dossier, shot }) => {
  await openNextWpsdg(page);
  const actions = page.getByRole('region', { name: 'Follow-up actions' });
  const row = actions.getByRole('row', { name: /Carried action: Send comments on the draft ILO–WTO study outline/ });
  await expect(row).toContainText('overdue');
  await expect(row).toHaveClass(/overdue/);
  await row.getByRole('button', { name: /^Carry forward/ }).click();
  await expect(row).toContainText('carried forward');
  await expect(row.getByRole('button', { name: /^Carry forward/ })).toHaveCount(0);

  // A new action raised here, with an owner and a due date.
  await actions.getByLabel('Follow-up action', { exact: true }).fill('Share the G20 social protection note with the OECD');
  await actions.getByLabel('Owner').fill('M. Kowalska');
  await actions.getByLabel('Due date').fill('2020-01-31');
  await actions.getByRole('button', { name: 'Add action' }).click();
  await expect(actions.getByRole('row', { name: /Share the G20 social protection note/ })).toContainText('overdue');

  const outcomes = page.getByRole('region', { name: 'Outcomes' });
  await outcomes.getByLabel('Outcome', { exact: true }).fill('The Office will circulate the joint study outline by March');
  await outcomes.getByLabel('Committed by').selectOption('counterpart');
  await outcomes.getByRole('button', { name: 'Add outcome' }).click();
  await expect(outcomes).toContainText('Counterpart');
  await row.scrollIntoViewIfNeeded();
  await shot('action-carried');

  // The store agrees: still open, carried to this meeting.
  const list = await dispatch<'meeting.list'>(dossier.ctx, 'meeting.list', { when: 'upcoming' });
  const detail = await dispatch<'meeting.get'>(dossier.ctx, 'meeting.get', { id: list[0]!.id });
  expect(detail.carriedActions.find((a) => a.text.startsWith('Send comments'))).toMatchObject({ status: 'open', carriedToMeetingId: list[0]!.id });
});

test('next meeting of a series copies the last one', async ({ app: page }) => {
  await openNextWpsdg(page);
  await page.getByRole('link', { name: 'Next in series…' }).click();
  await expect(page.getByRole('heading', { name: 'Next meeting of the series' })).toBeVisible();
  await page.getByLabel('Starts (local time)').fill('2031-11-04T10:00');
  await page.getByLabel('Ends (local time)').fill('2031-11-04T13:00');
  await page.getByRole('button', { name: 'Create meeting' }).click();
  await expect(page.locator('p.when')).toContainText(/4 Nov 2031|Nov 4, 2031/);
  await expect(page.getByRole('region', { name: 'Our delegation' })).toContainText('Ms. Ayşe Özdemir');
  expect(await agendaTitles(page)).toContain('Any other business');
});

test('import an .ics file: preview, then all meetings with their agenda; a broken file names its line', async ({ app: page, dossier, shot }) => {
  const ics = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Secretariat//EN',
    'BEGIN:VTIMEZONE', 'TZID:Europe/Zurich',
    'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'DTSTART:19810329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
    'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'DTSTART:19961027T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
    'END:VTIMEZONE',
    'BEGIN:VEVENT', 'UID:g20-ewg-3@example.org', 'DTSTAMP:20260101T000000Z',
    'DTSTART;TZID=Europe/Zurich:20310325T093000', 'DTEND;TZID=Europe/Zurich:20310325T170000',
    'SUMMARY:G20 Employment Working Group\\, 3rd meeting', 'LOCATION:Palais des Nations\\, Geneva', 'CATEGORIES:G20 EWG',
    'DESCRIPTION:Hosted by the presidency.\\nItem 1: Opening\\nItem 2: Skills for the green transition\\nItem 3: AOB',
    'END:VEVENT', 'END:VCALENDAR', '',
  ].join('\r\n');
  await page.getByRole('button', { name: 'Import .ics…' }).click();
  await page.getByLabel('Calendar file', { exact: true }).setInputFiles({ name: 'broken.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics.replace('END:VEVENT', 'END:VEVENTS')) });
  await expect(page.getByRole('alert')).toContainText('broken.ics, line 28: END:VEVENTS closes BEGIN:VEVENT of line 19');
  await page.getByLabel('Calendar file', { exact: true }).setInputFiles({ name: 'ewg.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics) });
  await expect(page.getByRole('cell', { name: /G20 Employment Working Group, 3rd meeting/ })).toBeVisible();
  await expect(page.getByRole('cell', { name: '3 items' })).toBeVisible();
  // Importing is long work with Cancel (held here so the dialog stays up): cancelled, nothing is imported.
  const held = await holdCalls(page, 'meeting.importIcs');
  await page.getByRole('button', { name: 'Import 1 meeting' }).click();
  const importing = page.getByRole('dialog', { name: 'Importing ewg.ics' });
  await expect(importing).toContainText('Importing the meetings…');
  await shot('ics-import-progress');
  await importing.getByRole('button', { name: 'Cancel' }).click();
  held.drop();
  await expect(importing).toBeHidden();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect((await dispatch(dossier.ctx, 'meeting.list', {})).some((m) => m.title.startsWith('G20 Employment'))).toBe(false);
  await page.unroute('**/api/meeting.importIcs');
  await page.getByRole('button', { name: 'Import 1 meeting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'G20 Employment Working Group, 3rd meeting' })).toBeVisible();
  expect(await agendaTitles(page)).toEqual(['Opening', 'Skills for the green transition', 'AOB']);
  await expect(page.locator('dl.facts')).toContainText('Palais des Nations, Geneva');
  await shot('meeting-imported');
});
