/** meeting.list pages with limit/offset in the same order as the whole list; meeting.count gives the total. */
import { describe, expect, it } from 'vitest';
import { dispatch } from './index';
import { testContext } from './test-context';

describe('meeting.list paging', () => {
  it('pages match slices of the whole list, for upcoming, past and all; no limit keeps the old behaviour', async () => {
    const ctx = testContext(); // now = 2026-11-23
    for (let i = 0; i < 25; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const month = i % 2 ? '2026-10' : '2027-01';
      await dispatch(ctx, 'meeting.create', { title: `Meeting ${i}`, start: `${month}-${day}T10:00`, end: `${month}-${day}T12:00`, timeZone: 'Europe/Zurich' });
    }
    for (const when of ['upcoming', 'past', 'all'] as const) {
      const whole = await dispatch(ctx, 'meeting.list', { when });
      const { total } = await dispatch(ctx, 'meeting.count', { when });
      expect(total).toBe(whole.length);
      const paged = [];
      for (let offset = 0; offset < total; offset += 4) paged.push(...(await dispatch(ctx, 'meeting.list', { when, limit: 4, offset })));
      expect(paged.map((m) => m.id)).toEqual(whole.map((m) => m.id));
    }
    expect((await dispatch(ctx, 'meeting.count', { when: 'upcoming' })).total).toBe(13);
    expect(await dispatch(ctx, 'meeting.list', { when: 'all', limit: 5, offset: 100 })).toEqual([]);
  });
});

describe('meeting.list by date range', () => {
  it('returns the meetings overlapping [from, to), multi-day ones included', async () => {
    const ctx = testContext();
    const mk = (title: string, start: string, end: string) => dispatch(ctx, 'meeting.create', { title, start, end, timeZone: 'UTC' });
    await mk('before', '2027-02-20T10:00', '2027-02-20T12:00');
    await mk('spanning', '2027-02-27T10:00', '2027-03-02T12:00');
    await mk('inside', '2027-03-15T10:00', '2027-03-15T12:00');
    await mk('after', '2027-04-01T10:00', '2027-04-01T12:00');
    const got = await dispatch(ctx, 'meeting.list', { when: 'all', from: '2027-03-01', to: '2027-04-01' });
    expect(got.map((m) => m.title)).toEqual(['spanning', 'inside']);
  });
});
