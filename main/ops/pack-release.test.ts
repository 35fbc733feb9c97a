/**
 * A pack's data is read once: building a pack with findings flagged "to check" runs pre-flight on the same assembled
 * source the pack is made of, instead of reading the dossier (and building the document) a second time.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { pageTexts, tempPdf } from '../test-support/pdf';
import * as meetings from '../store/meetings';
import * as source from '../assemble/source';
import { dispatch } from './index';
import { testContext } from './test-context';

vi.mock('../assemble/source', async (original) => {
  const m = await original<typeof import('../assemble/source')>();
  return { ...m, readPackSource: vi.fn(m.readPackSource) };
});
vi.mock('../store/meetings', async (original) => {
  const m = await original<typeof import('../store/meetings')>();
  return { ...m, getMeetingDetail: vi.fn(m.getMeetingDetail) };
});

const DATE = '2026-11-23';

async function flaggedBriefing() {
  const ctx = testContext();
  await dispatch(ctx, 'system.loadDemo', {});
  const meeting = (await dispatch(ctx, 'meeting.list', { when: 'upcoming' }))[0]!;
  const b = await dispatch(ctx, 'briefing.create', { meetingId: meeting.id, title: 'Brief' });
  const objectives = b.sections.find((s) => s.kind === 'markdown')!;
  await dispatch(ctx, 'section.update', { id: objectives.id, content: 'Secure support. TODO confirm the figures' });
  const marker = (await dispatch(ctx, 'pack.preflight', { briefingId: b.id, date: DATE })).findings.find((f) => f.kind === 'todo_marker')!;
  await dispatch(ctx, 'pack.preflightDecide', { briefingId: b.id, key: marker.key, decision: 'flag' });
  return { ctx, briefingId: b.id, meetingId: meeting.id };
}

describe('a pack reads its data once', () => {
  beforeEach(() => vi.clearAllMocks());

  it('pre-flight + build: one read of the pack source, the meeting read once, and the flagged finding printed', async () => {
    const { ctx, briefingId, meetingId } = await flaggedBriefing();
    vi.clearAllMocks();
    const built = await dispatch(ctx, 'pack.build', { briefingId, date: DATE });
    expect(source.readPackSource).toHaveBeenCalledTimes(1);
    expect(vi.mocked(meetings.getMeetingDetail).mock.calls.filter(([, id]) => id === meetingId)).toHaveLength(1);
    // The findings were checked on that one source: the flagged one is in the pack's text.
    const text = pageTexts(tempPdf(Buffer.from(built.bytesBase64!, 'base64'))).join(' ');
    expect(text.replace(/\s+/g, ' ')).toContain('To check: “Objectives” still has an unresolved marker: TODO confirm the figures');
  }, 60_000);

  it('pre-flight alone, and an issue, each read the source once', async () => {
    const { ctx, briefingId } = await flaggedBriefing();
    vi.clearAllMocks();
    await dispatch(ctx, 'pack.preflight', { briefingId, date: DATE });
    expect(source.readPackSource).toHaveBeenCalledTimes(1);
    vi.clearAllMocks();
    await dispatch(ctx, 'pack.issue', { briefingId, date: DATE });
    expect(source.readPackSource).toHaveBeenCalledTimes(1);
  }, 60_000);
});
