import { expect, it } from 'vitest';
import type { Institution } from '../../../../contract/model';
import { descendantsOf } from './tree';

const node = (id: number, parentId: number | null, path: string[]): Institution => ({
  id, name: path[path.length - 1]!, acronym: '', kind: 'other', parentId, seat: '', website: '', profile: '', topics: [], path, childCount: 0, contactCount: 0, updatedAt: '',
});
// Tree order: parents before children.
const items = [node(1, null, ['ILO']), node(2, 1, ['ILO', 'GB']), node(3, 2, ['ILO', 'GB', 'WPSDG']), node(4, 1, ['ILO', 'MULTILATERALS']), node(5, null, ['OECD'])];

it('finds every unit below an institution, at any depth, and nothing beside it', () => {
  expect([...descendantsOf(items, 1)]).toEqual([2, 3, 4]);
  expect([...descendantsOf(items, 2)]).toEqual([3]);
  expect([...descendantsOf(items, 5)]).toEqual([]);
});
