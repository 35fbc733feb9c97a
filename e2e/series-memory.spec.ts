import type { Page } from '@playwright/test';
import type { In, OpName, Out } from '../contract/ops';
import { test, expect } from './fixtures';

/** The fixture's dispatch, typed per operation. */
const typed = (call: unknown) => call as <K extends OpName>(name: K, input: In<K>) => Promise<Out<K>>;

const NEXT = /^WPSDG — Working Party on the Social Dimension of Globalization$/;

async function openNextWpsdg(page: Page) {
  await page.getByRole('tab', { name: 'Upcoming' }).click();
  await page.getByRole('list', { name: 'Meetings' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: NEXT })).toBeVisible();
}

const go = (page: Page, path: string) => page.evaluate((p) => (location.hash = `#/${p}`), path);

test('paste a French participants list: the diff names new, changed and unchanged people, and recording adds them as counterparts', async ({ app: page, shot }) => {
  await openNextWpsdg(page);
  await page.getByRole('button', { name: 'Paste participants list…' }).click();
  const list = [
    'Liste des participants',
    'Mme Claire DUBOIS, Cheffe d’unité, BIT — dubois (at) example.ilo.org',
    'M. Thoralf STENVOLD, Senior Specialist – Global Governance, ILO, perrin [at] ilo [point] org',
    'Mme Ayse OZDEMIR, Head of Division, Bilateral and Multilateral Relations, BMAS',
    'M. Étienne LEFÈVRE, Conseiller, Mission permanente de la France, etienne.lefevre{at}diplomatie.gouv.fr',
  ].join('\n');
  await page.getByLabel('Participants list', { exact: true }).fill(list);
  await page.getByRole('button', { name: 'Compare with the dossier' }).click();
  const table = page.getByRole('table', { name: 'People on the list compared with the dossier' });
  await expect(table.getByRole('row')).toHaveCount(5);
  const rowOf = (name: RegExp) => table.getByRole('row').filter({ hasText: name });
  await expect(rowOf(/Claire Dubois/)).toContainText('Changed');
  await expect(rowOf(/Claire Dubois/)).toContainText('Chief, Policy Coherence Unit → Cheffe d’unité');
  await expect(rowOf(/Thoralf Stenvold/)).toContainText('Unchanged');
  await expect(rowOf(/Ayse Ozdemir/)).toContainText('In the dossier as Ms. Ayşe Özdemir');
  await expect(rowOf(/Étienne Lefèvre/)).toContainText('New');
  await table.scrollIntoViewIfNeeded();
  await shot('participants-paste-diff');

  await page.getByRole('checkbox', { name: 'Record M. Étienne Lefèvre' }).uncheck();
  await page.getByRole('button', { name: /^Record \d people$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Recorded:' })).toContainText('Recorded: 0 new, 1 updated, 1 added as counterparts.');
  const counterparts = page.getByRole('region', { name: 'Counterparts' });
  await expect(counterparts).toContainText('Mme Claire Dubois');
  await expect(counterparts).toContainText('Cheffe d’unité');
  await expect(counterparts).not.toContainText('Lefèvre');
});

test('changing a contact’s post keeps the former one in the post history', async ({ app: page, dossier, shot }) => {
  const call = typed(dossier.call);
  const pieter = (await call('contact.list', { query: 'van der Berg' })).items[0]!;
  await go(page, `contacts/${pieter.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Mr. Pieter van der Berg' })).toBeVisible();
  await page.getByRole('link', { name: 'Edit' }).click();
  const post = page.getByLabel('Position');
  await expect(post).toHaveValue('Senior Economist, Employment, Labour and Social Affairs');
  await expect(page.getByText('A new post or institution keeps the former one in the post history.')).toBeVisible();
  await post.fill('Head of Division, Skills and Employability');
  await page.getByRole('button', { name: /Save/ }).click();
  const history = page.getByRole('region', { name: 'Post history' });
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').first()).toContainText('Head of Division, Skills and Employability');
  await expect(history.getByRole('listitem').first()).toContainText('current');
  await expect(history.getByRole('listitem').nth(1)).toContainText('Senior Economist, Employment, Labour and Social Affairs');
  await expect(history.getByRole('listitem').nth(1)).toContainText('since an unknown date');
  await history.scrollIntoViewIfNeeded();
  await shot('post-history');
});

test('the briefing shows what changed since the previous WPSDG session, and who is new in post', async ({ app: page, dossier, shot }) => {
  const call = typed(dossier.call);
  const [next] = await call('meeting.list', { when: 'upcoming' });
  const [prev] = await call('meeting.list', { when: 'past' });
  // Last session's briefing, with its key messages.
  const old = await call('briefing.create', { meetingId: prev!.id, title: 'Brief, previous session' });
  await call('section.update', { id: old.sections.find((s) => s.kind === 'key_messages')!.id, content: JSON.stringify({ items: ['We support a joint ILO–WTO study in principle.', 'Supply chains need due diligence.'] }) });
  await call('snippet.save', { topic: 'trade and decent work', title: 'ILO–WTO study', text: 'We support a joint ILO–WTO study with the social partners consulted.' });
  const pieter = (await call('contact.list', { query: 'van der Berg' })).items[0]!;
  const { id: _i, displayName: _d, institutionName: _n, stale: _s, updatedAt: _u, ...fields } = pieter;
  await call('contact.update', { id: pieter.id, patch: { ...fields, position: 'Head of Division, Skills' } });
  const b = await call('briefing.create', { meetingId: next!.id, title: 'Brief for the delegation' });
  await call('section.update', { id: b.sections.find((s) => s.kind === 'key_messages')!.id, content: JSON.stringify({ items: ['We support a joint ILO–WTO study, with a clear timeline.'] }) });

  await go(page, `briefings/${b.id}`);
  const since = page.locator('section.sec').filter({ hasText: 'What we said last time, and what we say now' });
  await since.scrollIntoViewIfNeeded();
  await expect(since).toContainText('What we said last time, and what we say now');
  await expect(since.locator('del', { hasText: 'principle' })).toHaveCount(1);
  await expect(since.locator('table.diff').first().locator('ins', { hasText: 'timeline' })).toHaveCount(1);
  await expect(since).toContainText('Send comments on the draft ILO–WTO study outline');
  await expect(since).toContainText('No longer attending');
  await expect(since).toContainText('Mme Claire Dubois');
  await expect(since).toContainText('Line drift');
  await since.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shot('since-last-time');

  const whos = page.locator('section.sec').filter({ has: page.locator('article.person') });
  await expect(whos.locator('article.person').filter({ hasText: 'Pieter van der Berg' })).toContainText(/New in post since \d{1,2} \w+ \d{4}/);
});
