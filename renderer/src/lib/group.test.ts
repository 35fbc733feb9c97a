import { expect, it } from 'vitest';
import { groupBy } from './group';

it('groups in first-seen order, an item under each of its keys', () => {
  const meetings = [
    { title: 'GB', days: ['2026-03-09', '2026-03-10'] },
    { title: 'WPSDG', days: ['2026-03-10'] },
  ];
  const byDay = groupBy(meetings, (m) => m.days, (m) => m.title);
  expect([...byDay]).toEqual([
    ['2026-03-09', ['GB']],
    ['2026-03-10', ['GB', 'WPSDG']],
  ]);
  expect(groupBy([], () => ['x']).size).toBe(0);
});
