import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkPdfStreams } from './pdf-streams';
import { deflatedRepeat, pdfWithAttachments } from './testing-pdf';

describe('checkPdfStreams: compressed parts are unpacked with a cap', () => {
  it('refuses a 700 KB PDF whose attachment unpacks to 600 MB, early and with bounded memory', async () => {
    const bomb = pdfWithAttachments([{ name: 'whos-who.vcf', stream: await deflatedRepeat(600 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    let err: unknown;
    try {
      checkPdfStreams(bomb, 'evil.pdf');
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'invalid_input', message: 'evil.pdf was refused: one of its compressed parts unpacks to more than 64 MB. Nothing was imported.', details: { limit: 'streamBytes' } });
    // The cap, not the bomb, sets the memory: far below the 600 MB the attachment claims.
    expect(process.memoryUsage().rss - before).toBeLessThan(300 * 1024 * 1024);
  }, 120_000);

  it('counts all parts together, refuses LZW and run-length, and finds streams whose length is an indirect object', () => {
    const part = deflateSync(Buffer.alloc(40 * 1024 * 1024, 0x41));
    const many = pdfWithAttachments(Array.from({ length: 7 }, (_, i) => ({ name: `f${i}.vcf`, stream: part, length: i % 2 ? ('indirect' as const) : ('direct' as const) })));
    expect(() => checkPdfStreams(many, 'many.pdf')).toThrow(/unpack to more than 256 MB together/);
    expect(() => checkPdfStreams(pdfWithAttachments([{ name: 'a.vcf', stream: Buffer.from('abc'), filter: 'LZWDecode' }]), 'lzw.pdf')).toThrow(/LZWDecode compression/);
    expect(checkPdfStreams(pdfWithAttachments([{ name: 'a.vcf', stream: deflateSync('BEGIN:VCARD'), length: 'indirect' }]), 'ok.pdf')).toBe(11);
  });

  it('lets an ordinary pack through', async () => {
    const { dispatch } = await import('../ops/index');
    const { testContext } = await import('../ops/test-context');
    const ctx = testContext();
    await dispatch(ctx, 'system.loadDemo', {});
    const m = (await dispatch(ctx, 'meeting.list', { when: 'upcoming' }))[0]!;
    await dispatch(ctx, 'briefing.create', { meetingId: m.id, title: 'Brief' });
    const pack = await dispatch(ctx, 'pack.build', { meetingId: m.id, date: '2026-11-23' });
    expect(checkPdfStreams(Buffer.from(pack.bytesBase64!, 'base64'), 'pack.pdf')).toBeGreaterThan(0);
  }, 60_000);
});
