/**
 * Values a user, a file or the API may hand Dossier that once broke a pack or leaked into a link: languages that are
 * not tags, e-mail addresses carrying mailto: queries, websites with other protocols. Answered, never obeyed.
 */
import { describe, expect, it } from 'vitest';
import { pageTexts, tempPdf } from '../test-support/pdf';
import { run } from '../store/sql';
import { dispatch } from './index';
import { testContext } from './test-context';

const DATE = '2026-11-23';

async function demoMeeting() {
  const ctx = testContext();
  await dispatch(ctx, 'system.loadDemo', {});
  const meeting = (await dispatch(ctx, 'meeting.list', { when: 'upcoming' }))[0]!;
  return { ctx, meetingId: meeting.id };
}

describe('language values never break a pack', () => {
  it('a contact whose language is "Deutsch (Muttersprache)" attends the demo meeting, and the pack builds and prints it', async () => {
    const { ctx, meetingId } = await demoMeeting();
    const c = await dispatch(ctx, 'contact.create', { givenName: 'Greta', familyName: 'Hansen', languages: ['Deutsch (Muttersprache)', 'English C1', 'Schwiizerdütsch'] });
    expect(c.languages).toEqual(['de (Muttersprache)', 'en (C1)', 'Schwiizerdütsch']);
    await dispatch(ctx, 'meeting.setParticipant', { meetingId, contactId: c.id, side: 'delegation', role: 'adviser' });
    // A value stored before normalisation existed (an older Dossier, another tool writing the file) must print too.
    const old = await dispatch(ctx, 'contact.create', { givenName: 'Piet', familyName: 'Jansen' });
    run(ctx.db, 'UPDATE contacts SET languages = ? WHERE id = ?', JSON.stringify(['Nederlands (moedertaal)', '%%invalid%%', '']), old.id);
    await dispatch(ctx, 'meeting.setParticipant', { meetingId, contactId: old.id, side: 'counterpart' });
    await dispatch(ctx, 'briefing.create', { meetingId, title: 'Brief' });
    const built = await dispatch(ctx, 'pack.build', { meetingId, date: DATE });
    const text = pageTexts(tempPdf(Buffer.from(built.bytesBase64!, 'base64'))).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('German (Muttersprache), English (C1), Schwiizerdütsch');
    expect(text).toContain('Nederlands (moedertaal), %%invalid%%');
  }, 60_000);

  it('every path in normalises: the API, a vCard LANG, a CSV column, pasted text', async () => {
    const { ctx } = await demoMeeting();
    const vcf = ['BEGIN:VCARD', 'VERSION:4.0', 'FN:Anna Weiß', 'N:Weiß;Anna;;;', 'LANG;PREF=1:Deutsch (Muttersprache)', 'LANG;PREF=2:EN-gb', 'END:VCARD', ''].join('\r\n');
    const v = await dispatch(ctx, 'contact.importCommit', { format: 'vcard', content: vcf, fileName: 'a.vcf' });
    expect((await dispatch(ctx, 'contact.get', { id: v.created[0]! })).languages).toEqual(['de (Muttersprache)', 'en-GB']);
    const csv = 'Given Name,Family Name,Languages\r\nJan,Smit,"Nederlands (moedertaal), Engels"\r\n';
    const c = await dispatch(ctx, 'contact.importCommit', { format: 'csv', content: csv, fileName: 'a.csv' });
    expect((await dispatch(ctx, 'contact.get', { id: c.created[0]! })).languages).toEqual(['nl (moedertaal)', 'en']);
    const pasted = await dispatch(ctx, 'contact.parseText', { text: 'Dr. Marie Dubois\nChef de service\nmarie.dubois@travail.gouv.fr\nLangues : français (langue maternelle), anglais' });
    expect(pasted.proposal.languages).toEqual(['fr (langue maternelle)', 'en']);
    const filtered = await dispatch(ctx, 'contact.list', { language: 'de' });
    expect(filtered.items.map((i) => i.displayName)).toContain('Anna Weiß');
  });
});

describe('e-mail addresses and links', () => {
  const count = (ctx: ReturnType<typeof testContext>) => dispatch(ctx, 'contact.list', {}).then((p) => p.total);

  it('an address carrying a mailto: query is refused on every path in, naming where; nothing is written', async () => {
    const { ctx } = await demoMeeting();
    const before = await count(ctx);
    const bad = 'perrin@ilo.org?attach=/etc/passwd';
    await expect(dispatch(ctx, 'contact.create', { familyName: 'Perrin', emails: [{ value: bad }] })).rejects.toMatchObject({ name: 'ZodError' });
    const vcf = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:A B', 'N:B;A;;;', 'END:VCARD', 'BEGIN:VCARD', 'VERSION:3.0', 'FN:Jean Perrin', 'N:Perrin;Jean;;;', `EMAIL;TYPE=work:${bad}`, 'END:VCARD', ''].join('\r\n');
    await expect(dispatch(ctx, 'contact.importCommit', { format: 'vcard', content: vcf, fileName: 'evil.vcf' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^evil\.vcf, line 6: emails\.0\.value: .*is not an e-mail address/),
      details: { file: 'evil.vcf', line: 6 },
    });
    const csv = `Given Name,Family Name,E-mail Address\r\nJean,Perrin,"${bad}"\r\n`;
    await expect(dispatch(ctx, 'contact.importCommit', { format: 'csv', content: csv, fileName: 'evil.csv' })).rejects.toMatchObject({ details: { file: 'evil.csv', line: 2 } });
    expect(await count(ctx)).toBe(before);
    // A clean address written as a link is stored bare, with its domain in lower case.
    const ok = await dispatch(ctx, 'contact.create', { familyName: 'Perrin', emails: [{ value: 'mailto:Perrin@ILO.org' }] });
    expect(ok.emails[0]!.value).toBe('Perrin@ilo.org');
  });

  it('the pack links only parsed addresses and web sites: no query, no javascript:, nothing from a stored bad value', async () => {
    const { ctx, meetingId } = await demoMeeting();
    const c = await dispatch(ctx, 'contact.create', { givenName: 'Eve', familyName: 'Example', emails: [{ value: 'eve@example.org' }] });
    // As an older Dossier might have stored it.
    run(ctx.db, "UPDATE contact_emails SET value = 'eve@example.org?attach=/etc/passwd' WHERE contact_id = ?", c.id);
    await dispatch(ctx, 'meeting.setParticipant', { meetingId, contactId: c.id, side: 'counterpart' });
    run(ctx.db, "UPDATE institutions SET website = 'javascript:alert(1)' WHERE acronym = 'ILO'");
    const b = await dispatch(ctx, 'briefing.create', { meetingId, title: 'Brief' });
    const md = b.sections.find((s) => s.kind === 'markdown')!;
    await dispatch(ctx, 'section.update', { id: md.id, content: '[write](mailto:eve@example.org?attach=/etc/passwd) [run](javascript:alert(1)) [site](https://www.ilo.org)' });
    const built = await dispatch(ctx, 'pack.build', { meetingId, date: DATE });
    const pdf = Buffer.from(built.bytesBase64!, 'base64').toString('latin1');
    const uris = [...pdf.matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]!);
    expect(uris).toContain('mailto:eve@example.org');
    expect(uris).toContain('https://www.ilo.org/');
    expect(uris.filter((u) => /attach|javascript|\?/i.test(u))).toEqual([]);
  }, 60_000);
});
