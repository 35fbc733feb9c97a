/**
 * Issue 9: every screen scanned with axe-core (WCAG 2.1 A/AA rules), in light and in dark: no serious or
 * critical violation. Failures list the rule, the impact and the first offending elements.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { In, OpName, Out } from '../contract/ops';
import { test, expect } from './fixtures';
import { showMonthOf } from './calendar';

/** The fixture's dispatch, typed per operation. */
const typed = (call: unknown) => call as <K extends OpName>(name: K, input: In<K>) => Promise<Out<K>>;

async function scan(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(result.passes.length, `axe ran on ${where}`).toBeGreaterThan(10);
  if (process.env.AXE_VERBOSE) for (const v of result.violations) console.log(where, v.id, v.impact, v.nodes.length);
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe: every screen in ${theme}, no serious or critical violations`, async ({ app: page, dossier }) => {
    // 19 axe scans: about 1.5 minutes alone on a busy two-core machine, more beside another worker.
    test.setTimeout(300_000);
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const origin = new URL(page.url()).origin;
    const meeting = (await typed(dossier.call)('meeting.list', {}))[0]!;
    const contact = (await typed(dossier.call)('contact.list', { query: 'Stenvold' })).items[0]!;
    const institution = (await typed(dossier.call)('institution.list', { query: 'ILO' }))[0]!;
    const screens: [string, string][] = [
      ['welcome', 'welcome'],
      ['meetings', 'meetings'],
      ['meeting', `meetings/${meeting.id}`],
      ['meeting form', 'meetings/new'],
      ['institutions', `institutions/${institution.id}`],
      ['institution form', 'institutions/new'],
      ['contacts', `contacts/${contact.id}`],
      ['contact form', 'contacts/new'],
      ['briefings', 'briefings'],
      ['search', 'search?q=ilo'],
    ];
    const problems: string[] = [];
    for (const [name, route] of screens) {
      await page.goto(`${origin}/#/${route}`);
      await expect(page.locator('main h1').first()).toBeVisible();
      await page.waitForTimeout(200);
      problems.push(...(await scan(page, name)));
    }
    // The month calendar, on the month of the first meeting (chips in the accent colour).
    await page.goto(`${origin}/#/meetings/${meeting.id}`);
    await page.getByRole('tab', { name: 'Calendar' }).click();
    await showMonthOf(page, meeting.start);
    await expect(page.locator('.calendar .chip').first()).toBeVisible();
    problems.push(...(await scan(page, 'month calendar')));
    await page.getByRole('tab', { name: 'Upcoming' }).click();
    // The briefing editor (template sections: text, key messages, Q&A, generated previews) and the compare view.
    const briefing = await typed(dossier.call)('briefing.create', { meetingId: meeting.id, title: 'Brief for the delegation' });
    await typed(dossier.call)('version.save', { briefingId: briefing.id, name: 'First draft' });
    await page.goto(`${origin}/#/briefings/${briefing.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Brief for the delegation' })).toBeVisible();
    await expect(page.getByText('All changes saved')).toBeVisible();
    await page.waitForTimeout(200);
    problems.push(...(await scan(page, 'briefing editor')));
    await page.getByRole('tab', { name: 'Versions' }).click();
    problems.push(...(await scan(page, 'briefing versions panel')));
    await page.getByRole('button', { name: 'Compare version 1 with the current text' }).click();
    await expect(page.getByRole('region', { name: 'Comparison' }).getByRole('heading', { level: 2 })).toBeVisible();
    await page.getByLabel('Show unchanged sections').check();
    problems.push(...(await scan(page, 'compare view')));
    // The overlays: the palette with results, the help, the preferences panel.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('ilo');
    await expect(page.getByRole('option', { name: /ILO/ }).first()).toBeVisible();
    problems.push(...(await scan(page, 'command palette')));
    await page.keyboard.press('Escape');
    await page.locator('main h1').first().click();
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    problems.push(...(await scan(page, 'help overlay')));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /Preferences/ }).click();
    problems.push(...(await scan(page, 'preferences')));
    expect(problems).toEqual([]);
  });
}

test('every control is reachable by Tab and visibly focused', async ({ app: page }) => {
  await page.goto(`${new URL(page.url()).origin}/#/contacts/new`);
  await expect(page.getByRole('heading', { name: 'New contact' })).toBeVisible();
  const unfocused: string[] = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
      return { what: `${el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? ''}`, visible };
    });
    if (info && !info.visible) unfocused.push(info.what);
  }
  expect(unfocused).toEqual([]);
});

// Issue 20: My work, a contribution being written, and the briefing editor with a contribution under review, a
// comment at a section, the clearance panel and the workflow's dialogs.
for (const theme of ['light', 'dark'] as const) {
  test(`axe: commission, clearance and comment screens in ${theme}`, async ({ app: page, dossier }) => {
    test.setTimeout(300_000);
    await page.emulateMedia({ colorScheme: theme });
    const origin = new URL(page.url()).origin;
    const call = typed(dossier.call);
    const [meeting] = await call('meeting.list', { when: 'upcoming' });
    const briefing = await call('briefing.create', { meetingId: meeting!.id, title: 'Brief for the delegation' });
    const { staff } = await call('identity.get', {});
    const who = (name: string) => staff.find((p) => p.name.includes(name))!.contactId;
    await call('identity.set', { contactId: who('Weiß') });
    const bg = briefing.sections.find((s) => s.title === 'Background')!;
    const objectives = briefing.sections.find((s) => s.title === 'Objectives')!;
    await call('section.update', { id: bg.id, content: 'First paragraph.\n\nSecond paragraph.' });
    const k = await call('commission.create', { sectionId: bg.id, assigneeId: who('Kowalska'), deadline: '2099-01-01', note: 'Two paragraphs.', budgetWords: 50 });
    const k2 = await call('commission.create', { sectionId: objectives.id, assigneeId: who('Kowalska'), note: 'Three objectives.' });
    await call('comment.add', { sectionId: bg.id, paragraph: 1, body: 'Shorter, please.' });
    await call('clearance.setChain', { steps: [{ contactId: who('Özdemir'), label: 'Head of unit' }] });
    await call('identity.set', { contactId: who('Kowalska') });
    await call('commission.submit', { id: k.id, text: 'A contribution.\n\nIn two paragraphs.' });
    const problems: string[] = [];

    await page.goto(`${origin}/#/work`);
    await expect(page.getByRole('heading', { level: 1, name: 'My work' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Objectives' })).toBeVisible();
    problems.push(...(await scan(page, 'my work')));
    await page.goto(`${origin}/#/work/${k2.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Contribution: Objectives' })).toBeVisible();
    problems.push(...(await scan(page, 'contribution editor')));

    await call('identity.set', { contactId: who('Weiß') });
    await page.goto(`${origin}/#/briefings/${briefing.id}?section=${bg.id}&review=${k.id}`);
    await expect(page.getByRole('region', { name: 'Submitted contribution' })).toBeVisible();
    await expect(page.getByText('Shorter, please.')).toBeVisible();
    problems.push(...(await scan(page, 'briefing editor with commission, comment and clearance')));
    await page.getByRole('tab', { name: 'Outline' }).click();
    problems.push(...(await scan(page, 'briefing outline')));
    await page.getByRole('button', { name: 'Commission “Key messages” from a colleague' }).click();
    problems.push(...(await scan(page, 'commission dialog')));
    await page.keyboard.press('Escape');
    await page.getByRole('region', { name: 'Objectives', exact: true }).getByRole('button', { name: 'E-mail…' }).click();
    await expect(page.getByRole('link', { name: 'Open in mail program' })).toBeVisible();
    problems.push(...(await scan(page, 'commission by e-mail')));
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'History of “Background”' }).click();
    await expect(page.getByRole('dialog', { name: 'History of “Background”' }).getByText('edited it')).toBeVisible();
    problems.push(...(await scan(page, 'section history')));
    await page.keyboard.press('Escape');
    await page.getByRole('region', { name: 'Clearance' }).getByRole('button', { name: 'Chain…' }).click();
    problems.push(...(await scan(page, 'clearance chain')));
    await page.keyboard.press('Escape');
    // The pack preview's release report with the clearance (the cover's "not yet sent" in words).
    await page.goto(`${origin}/#/briefings/${briefing.id}/pack`);
    await expect(page.getByRole('region', { name: 'Release report' }).getByText(/^Not sent for clearance/)).toBeVisible();
    problems.push(...(await scan(page, 'pack preview with the clearance')));
    expect(problems).toEqual([]);
  });
}
