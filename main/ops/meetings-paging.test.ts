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
