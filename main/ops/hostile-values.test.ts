/**
 * Values a user, a file or the API may hand Dossier that once broke a pack or leaked into a link: languages that are
 * not tags, e-mail addresses carrying mailto: queries, websites with other protocols. Answered, never obeyed.
 */
import { describe, expect, it } from 'vitest';
import { pageTexts, tempPdf } from '../pack/testing';
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
