import { existsSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DossierError } from '../../contract/errors';
import { dispatch } from './index';
import { packFileName, packTempDir } from './pack-open';
import { testContext } from './test-context';

const DATE = '2026-11-23';

async function demo() {
  const ctx = testContext();
  await dispatch(ctx, 'system.loadDemo', {});
  const meeting = (await dispatch(ctx, 'meeting.list', { when: 'upcoming' }))[0]!;
  return { ctx, meetingId: meeting.id };
}

describe('pack.open', () => {
  it('writes the same bytes as pack.build to a temp file and hands that file to the shell', async () => {
    const { ctx, meetingId } = await demo();
    const opened: string[] = [];
    ctx.openPath = async (p) => void opened.push(p);
    const r = await dispatch(ctx, 'pack.open', { meetingId, date: DATE });
    expect(opened).toEqual([r.file]);
    expect(dirname(r.file)).toBe(packTempDir());
    expect(r.file.endsWith(`${DATE} WPSDG briefing pack.pdf`)).toBe(true);
    const built = await dispatch(ctx, 'pack.build', { meetingId, date: DATE });
    const bytes = readFileSync(r.file);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.equals(Buffer.from(built.bytesBase64!, 'base64'))).toBe(true);
    expect(r.size).toBe(built.size);
    // Only its owner may read it, in a folder only its owner may enter (never a shared path in /tmp).
    if (process.platform !== 'win32') {
      expect(statSync(r.file).mode & 0o777).toBe(0o600);
      expect(statSync(dirname(r.file)).mode & 0o777).toBe(0o700);
      expect(dirname(r.file)).not.toBe(join(tmpdir(), 'dossier-packs'));
    }
  });

  it('refuses at once with a typed error where no shell hook exists (browser host), writing nothing', async () => {
    const { ctx, meetingId } = await demo();
    const err = await dispatch(ctx, 'pack.open', { meetingId, date: '2026-11-24' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DossierError);
    expect((err as DossierError).code).toBe('not_found');
    expect((err as DossierError).details).toEqual({ unsupported: 'openPath' });
    expect(existsSync(`${packTempDir()}/${packFileName('2026-11-24', 'WPSDG')}`)).toBe(false);
  });

  it('names files safely and refuses a missing target', async () => {
    expect(packFileName('2027-01-07', 'G20 / EWG: "Labour"')).toBe('2027-01-07 G20 EWG Labour briefing pack.pdf');
    const { ctx } = await demo();
    ctx.openPath = async () => {};
    await expect(dispatch(ctx, 'pack.open', { meetingId: 9999 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(dispatch(ctx, 'pack.open', {})).rejects.toMatchObject({ name: 'ZodError' });
  });
});
