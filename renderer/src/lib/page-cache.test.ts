import { describe, expect, it } from 'vitest';
import { PageCache, StableRows } from './page-cache';

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

describe('StableRows', () => {
  it('keeps the entry of a row that stays in view with the same item, and makes new ones for the rest', () => {
    const items = ['a', 'b', 'c', 'd'];
    const rows = new StableRows<string>();
    const first = rows.rows(0, 3, (i) => items[i] ?? null);
    const second = rows.rows(1, 4, (i) => items[i] ?? null);
    expect(second.map((r) => r.item)).toEqual(['b', 'c', 'd']);
    expect(second[0]).toBe(first[1]);
    expect(second[1]).toBe(first[2]);
    items[2] = 'C'; // the row's data changed (a page arrived): a new entry
    expect(rows.rows(1, 4, (i) => items[i] ?? null)[1]).not.toBe(second[1]);
  });
});
