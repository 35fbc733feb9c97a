import { expect, it } from 'vitest';
import { PageCache } from './page-cache';

const rows = (offset: number, limit: number) => Promise.resolve({ total: 10_000, items: Array.from({ length: limit }, (_, i) => offset + i) });
const settle = () => new Promise((r) => setTimeout(r, 0));

it('fetches a page once, serves its rows, and keeps only the pages nearest the latest', async () => {
  const cache = new PageCache<number>(100, 3);
  let asked = 0;
  const load = (o: number, l: number) => (asked++, rows(o, l));
  const totals: number[] = [];
  cache.fetch(0, load, (t) => totals.push(t));
  cache.fetch(0, load, (t) => totals.push(t)); // already on its way
  await settle();
  expect(asked).toBe(1);
  expect(totals).toEqual([10_000]);
  expect(cache.item(42)).toBe(42);
  expect(cache.item(142)).toBeNull();
  for (const p of [1, 2, 9]) cache.fetch(p, load, () => {});
  await settle();
  expect(cache.size).toBe(3);
  expect(cache.item(42)).toBeNull(); // page 0 was the furthest from page 9
  expect(cache.item(942)).toBe(942);
});

it('ignores answers to requests made before a reset', async () => {
  const cache = new PageCache<number>(100, 40);
  let arrived = 0;
  cache.fetch(0, rows, () => arrived++);
  cache.reset();
  await settle();
  expect(arrived).toBe(0);
  expect(cache.item(1)).toBeNull();
});
