/**
 * Nobody in: the strict CSP holds on every screen with no violations, and hostile text planted in every field (and
 * in an imported vCard) shows as text on every screen and in the PDF pack, and never runs.
 */
import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type In, type OpName, type Out, isOpName } from '../contract/ops';
import { CONTENT_SECURITY_POLICY } from '../contract/security';
import { expect, holdCalls, test } from './fixtures';

declare global {
  interface Window {
    __csp: string[];
    __pwned?: unknown;
  }
}

/** Collects CSP violations from the first script on, and records dialogs and javascript: navigations. */
async function watch(page: Page) {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`));
  });
  const dialogs: string[] = [];
  const navigations: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('framenavigated', (f) => navigations.push(f.url()));
  return { dialogs, navigations };
}

async function visit(page: Page, hash: string, ready: () => Promise<void>) {
  await page.evaluate((h) => (location.hash = h), hash);
  await ready();
}

const violations = (page: Page) => page.evaluate(() => window.__csp);

/** The fixture's `call`, typed per operation. */
const typed =
  (call: (name: string, input: unknown) => Promise<unknown>) =>
  <K extends OpName>(name: K, input: In<K>) =>
    call(name, input) as Promise<Out<K>>;

test.describe('Content-Security-Policy', () => {
  test('every screen runs under the strict CSP with no violation', async ({ page, dossier, shot }) => {
    const seen = await watch(page);
    const call = typed(dossier.call as never);
    await call('system.loadDemo', {});
    const res = await page.goto(dossier.host.launchUrl);
    expect(res?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);

    const meeting = (await call('meeting.list', {}))[0]!;
    const inst = (await call('institution.list', {}))[0]!;
    const contact = (await call('contact.list', {})).items[0]!;
    const briefing = await call('briefing.create', { meetingId: meeting.id, title: 'CSP brief' });
    const main = page.locator('main');
    const screens: [string, () => Promise<void>][] = [
      ['#/welcome', () => expect(page.getByRole('heading', { name: 'Welcome to Dossier' })).toBeVisible()],
      ['#/meetings', () => expect(page.getByRole('list', { name: 'Meetings' })).toBeVisible()],
      [`#/meetings/${meeting.id}`, () => expect(main.getByRole('heading', { name: meeting.title })).toBeVisible()],
      [`#/meetings/${meeting.id}/edit`, () => expect(page.getByLabel('Title')).toHaveValue(meeting.title)],
      ['#/meetings/new', () => expect(page.getByLabel('Title')).toBeVisible()],
      ['#/institutions', () => expect(main).toContainText(inst.name)],
      [`#/institutions/${inst.id}`, () => expect(main.getByRole('heading', { name: inst.name }).first()).toBeVisible()],
      [`#/institutions/${inst.id}/edit`, () => expect(page.getByLabel('Name')).toHaveValue(inst.name)],
      ['#/contacts', () => expect(main).toContainText(contact.familyName)],
      [`#/contacts/${contact.id}`, () => expect(main.getByRole('heading', { name: contact.familyName }).first()).toBeVisible()],
      ['#/contacts/new', () => expect(page.getByLabel('Given name')).toBeVisible()],
      [`#/contacts/${contact.id}/edit`, () => expect(page.getByLabel('Family name')).toHaveValue(contact.familyName)],
      ['#/briefings', () => expect(main).toContainText('CSP brief')],
      [`#/briefings/${briefing.id}`, () => expect(main).toContainText('CSP brief')],
      // The pack preview: pdf.js with its worker, fonts from the PDF, pages drawn on canvases (issue 7).
      [`#/briefings/${briefing.id}/pack?date=2027-01-07`, () => expect(main.getByRole('img', { name: /^Page 1 of \d+$/ }).locator('canvas')).toBeVisible()],
      ['#/search?q=ilo', () => expect(page.getByRole('list', { name: 'Search results' })).toBeVisible()],
    ];
    for (const [hash, ready] of screens) {
      await visit(page, hash, ready);
      expect(await violations(page), hash).toEqual([]);
    }
    await page.getByRole('button', { name: /Backups/ }).click();
    await expect(page.getByRole('dialog', { name: 'Backups' })).toBeVisible();
    expect(await violations(page)).toEqual([]);
    expect(seen.dialogs).toEqual([]);

    // The listener is live: an inline handler smuggled into the page is blocked and reported.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="x" onerror="window.__pwned=1">'));
    await expect.poll(() => violations(page)).toContainEqual(expect.stringMatching(/^script-src/));
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    await shot('security-backups-dialog');
  });
});

const IMG = '<img src=x onerror=window.__pwned=1>';
const SCRIPT = '<script>window.__pwned=1</script>';
const SVG = '"><svg onload=window.__pwned=1>';
const JS = 'javascript:window.__pwned=1';
const LINE = `${IMG} ${SCRIPT} ${SVG}`;
const MD = [
  `# Heading ${IMG}`,
  `[click me](${JS}) and <a href="${JS}">click me</a> and <a href="#" onclick="window.__pwned=1">click me</a>`,
  SCRIPT,
  `<iframe src="${JS}"></iframe><object data="${JS}"></object><svg><script>window.__pwned=1</script></svg>`,
  `<form action="${JS}"><button>click me</button></form> ${SVG}`,
  `![x](${JS}) <details open ontoggle="window.__pwned=1">x</details> <style>body{display:none}</style>`,
  `[mail me](mailto:eve@example.org?attach=/etc/passwd&body=x) [mail me too](mailto:eve@example.org%3Fattach=/etc/passwd)`,
].join('\n\n');

test.describe('untrusted text', () => {
  test.use({ demo: false });

  test('payloads in every text field and in an imported vCard show as text everywhere and never run', async ({ page, dossier, shot }) => {
    const seen = await watch(page);
    const call = typed(dossier.call as never);
    const inst = await call('institution.create', { name: `Inst ${LINE}`, acronym: '<b>X</b>', seat: SVG, website: JS, profile: MD, topics: [IMG] } as never);
    const contact = await call('contact.create', {
      honorific: SVG,
      givenName: `Eve ${IMG}`,
      familyName: `Mallory ${SCRIPT}`,
      position: SVG,
      institutionId: inst.id,
      website: JS,
      notes: MD,
      emails: [{ label: IMG, value: 'eve@example.org' }],
      phones: [{ label: SCRIPT, value: '+41 22 799 61 11' }],
      source: IMG,
    });
    const meeting = await call('meeting.create', {
      title: `Meeting ${LINE}`,
      series: SVG,
      kind: IMG,
      start: '2031-02-10T09:30',
      end: '2031-02-10T12:00',
      timeZone: 'Europe/Zurich',
      venue: `Venue ${IMG}`,
      hostInstitutionId: inst.id,
      notes: MD,
    });
    await call('meeting.setParticipant', { meetingId: meeting.id, contactId: contact.id, side: 'counterpart' });
    const withAgenda = await call('agenda.save', { meetingId: meeting.id, title: `Agenda ${LINE}`, lead: SVG, documents: JS });
    await call('outcome.save', { meetingId: meeting.id, text: `Outcome ${LINE}`, committedBy: IMG });
    await call('action.save', { meetingId: meeting.id, text: `Action ${LINE}`, owner: SVG });
    const briefing = await call('briefing.create', { meetingId: meeting.id, title: `Brief ${LINE}`, classification: SVG, owner: IMG });
    for (const s of briefing.sections) {
      const content =
        s.kind === 'markdown'
          ? MD
          : s.kind === 'key_messages'
            ? JSON.stringify({ items: [LINE, MD] })
            : s.kind === 'qa'
              ? JSON.stringify({ pairs: [{ question: LINE, answer: MD }] })
              : s.kind === 'agenda_briefs'
                ? JSON.stringify({ briefs: [{ agendaItemId: withAgenda.agenda[0]!.id, text: MD }] })
                : undefined;
      await call('section.update', { id: s.id, title: `Section ${IMG}`, ...(content !== undefined ? { content } : {}) });
    }
    await call('snippet.save', { topic: SVG, title: IMG, text: MD });
    // An imported vCard carrying the same payloads.
    const vcard = ['BEGIN:VCARD', 'VERSION:3.0', `FN:Imported ${IMG}`, `N:Imported ${SCRIPT};Ivan;;;`, `TITLE:${SVG}`, `ORG:Org ${IMG}`, `URL:${JS}`, `NOTE:${MD.replace(/\n/g, '\\n')}`, 'EMAIL;TYPE=work:ivan@example.org', 'END:VCARD', ''].join('\r\n');
    const imported = isOpName('contact.importCommit') ? await call('contact.importCommit', { format: 'vcard', content: vcard, fileName: 'evil.vcf' } as never) : null;
    const importedId = (imported as { created: number[] } | null)?.created[0];

    await page.addInitScript(() => sessionStorage.setItem('dossier-welcomed', '1'));
    await page.goto(dossier.host.launchUrl);
    const main = page.locator('main');
    const screens: [string, string][] = [
      ['#/meetings', 'Meeting <img'],
      [`#/meetings/${meeting.id}`, `Agenda ${IMG}`],
      [`#/meetings/${meeting.id}/edit`, ''],
      ['#/institutions', `Inst ${IMG}`],
      [`#/institutions/${inst.id}`, 'Heading <img'],
      [`#/institutions/${inst.id}/edit`, ''],
      ['#/contacts', 'Mallory <script>'],
      [`#/contacts/${contact.id}`, 'Heading <img'],
      [`#/contacts/${contact.id}/edit`, ''],
      ...(importedId ? ([[`#/contacts/${importedId}`, 'Imported']] as [string, string][]) : []),
      ['#/briefings', 'Brief <img'],
      [`#/briefings/${briefing.id}`, 'Brief <img'],
      [`#/search?q=${encodeURIComponent('mallory')}`, 'Mallory'],
    ];
    for (const [hash, text] of screens) {
      await visit(page, hash, async () => {
        await expect(page.locator('.content')).not.toBeEmpty();
        if (text) await expect(main).toContainText(text);
      });
      // Click every link the payloads tried to arm; none may run anything or navigate.
      for (const link of await main.getByRole('link', { name: 'click me' }).all()) await link.click({ force: true });
      for (const b of await main.getByRole('button', { name: 'click me' }).all()) await b.click({ force: true });
      await page.waitForTimeout(150); // onerror/onload fire asynchronously after the image or svg loads
      expect(await page.evaluate(() => window.__pwned), hash).toBeUndefined();
      expect(await page.evaluate(() => document.querySelectorAll('main script, main iframe, main object, main [onerror], main [onload], main [onclick], main [ontoggle]').length), hash).toBe(0);
      expect(await page.evaluate(() => [...document.querySelectorAll('main a[href]')].map((a) => a.getAttribute('href')!).filter((h) => /^\s*javascript:/i.test(h))), hash).toEqual([]);
      // A mailto: link is rebuilt from its one address: no ?attach= (or encoded one) survives into it.
      expect(await page.evaluate(() => [...document.querySelectorAll('main a[href^="mailto:" i]')].map((a) => a.getAttribute('href')!).filter((h) => /attach|[?&]|%3f/i.test(h))), hash).toEqual([]);
      expect(await violations(page), hash).toEqual([]);
      if (hash === `#/contacts/${contact.id}`) await shot('security-xss-contact');
    }
    expect(seen.dialogs).toEqual([]);
    expect(seen.navigations.filter((u) => !u.startsWith(dossier.host.url))).toEqual([]);

    // The pack prints the payloads as text.
    if (isOpName('pack.build')) {
      const pack = (await call('pack.build', { briefingId: briefing.id } as never)) as { bytesBase64?: string };
      const pdf = join(mkdtempSync(join(tmpdir(), 'dossier-xss-')), 'pack.pdf');
      writeFileSync(pdf, Buffer.from(pack.bytesBase64!, 'base64'));
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('onerror=window.__pwned=1');
      expect(text).toContain('Brief <img');
    }
  });
});

test('backups: back up now, then restore it from the Backups dialog; the later change is undone', async ({ app: page, dossier, shot }) => {
  await page.getByRole('button', { name: 'Backups' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  await expect(dialog).toContainText('No backups yet');
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await expect(dialog.getByRole('status')).toContainText(/Backed up as dossier-\d{4}-\d\d-\d\d-\d{6}\.db/);
  await expect(dialog.getByRole('table', { name: 'Backups' }).getByRole('row')).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await typed(dossier.call as never)('institution.create', { name: 'Made after the backup' });
  await page.getByRole('link', { name: /Institutions/ }).click();
  await expect(page.locator('main')).toContainText('Made after the backup');

  await page.getByRole('button', { name: 'Backups' }).click();
  await dialog.getByRole('button', { name: /Restore the backup of/ }).click();
  await expect(dialog.getByRole('note')).toContainText('kept as a dated copy');
  await shot('backups-confirm');
  await dialog.getByRole('button', { name: 'Replace my dossier' }).click();
  await expect(dialog.getByRole('status')).toContainText(/Restored\. Your previous dossier is kept as .*dossier-before-restore-/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.reload();
  await page.getByRole('link', { name: /Institutions/ }).click();
  await expect(page.locator('main')).toContainText('International Labour Organization');
  await expect(page.locator('main')).not.toContainText('Made after the backup');
});

test('Back up now and restore run under a progress dialog with Cancel; cancelled, nothing changes', async ({ app: page, dossier, shot }) => {
  const list = () => typed(dossier.call as never)('backup.list', {}) as Promise<Out<'backup.list'>>;
  await page.getByRole('button', { name: 'Backups' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  const backup = await holdCalls(page, 'backup.create');
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  const progress = page.getByRole('dialog', { name: 'Backing up the dossier' });
  await expect(progress).toBeVisible();
  await expect(progress).toContainText('Copying and checking the dossier…');
  await shot('backup-progress');
  await progress.getByRole('button', { name: 'Cancel' }).click();
  backup.drop();
  await expect(progress).toBeHidden();
  await expect(dialog.getByRole('status')).toContainText('Backup cancelled. Nothing was written.');
  await expect(dialog).toContainText('No backups yet');
  expect((await list()).backups).toEqual([]);

  // A real backup (let through), then a restore cancelled: the dossier keeps what was made after the backup.
  backup.release();
  await page.unroute('**/api/backup.create');
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  await expect(dialog.getByRole('table', { name: 'Backups' }).getByRole('row')).toHaveCount(2);
  await typed(dossier.call as never)('institution.create', { name: 'Made after the backup' });
  const restore = await holdCalls(page, 'backup.restore');
  await dialog.getByRole('button', { name: /Restore the backup of/ }).click();
  await dialog.getByRole('button', { name: 'Replace my dossier' }).click();
  const restoring = page.getByRole('dialog', { name: 'Restoring a backup' });
  await expect(restoring.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await shot('restore-progress');
  await restoring.getByRole('button', { name: 'Cancel' }).click();
  restore.drop();
  await expect(restoring).toBeHidden();
  await expect(dialog.getByRole('status')).toContainText('Restore cancelled. Your dossier is unchanged.');
  expect((await list()).backups).toHaveLength(1);
  const names = (await typed(dossier.call as never)('institution.list', {})) as { name: string }[];
  expect(names.map((i) => i.name)).toContain('Made after the backup');
});
