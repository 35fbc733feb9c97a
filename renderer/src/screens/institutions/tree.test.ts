import { expect, it } from 'vitest';
import type { Institution } from '../../../../contract/model';
import { visibleRows } from './tree';

const node = (id: number, parentId: number | null, path: string[]): Institution => ({
  id, name: path[path.length - 1]!, acronym: '', kind: 'other', parentId, seat: '', website: '', profile: '', topics: [], path, childCount: 0, contactCount: 0, updatedAt: '',
});
// Tree order: parents before children.
const items = [node(1, null, ['ILO']), node(2, 1, ['ILO', 'GB']), node(3, 2, ['ILO', 'GB', 'WPSDG']), node(4, 1, ['ILO', 'MULTILATERALS']), node(5, null, ['OECD'])];

it('shows the top level and the units of expanded nodes, with their level and place among siblings', () => {
  expect(visibleRows(items, new Set()).map((r) => r.node.id)).toEqual([1, 5]);
  const open = visibleRows(items, new Set([1]));
  expect(open.map((r) => [r.node.id, r.level, r.pos, r.size])).toEqual([[1, 1, 1, 2], [2, 2, 1, 2], [4, 2, 2, 2], [5, 1, 2, 2]]);
  // An expanded unit under a collapsed parent stays hidden.
  expect(visibleRows(items, new Set([2])).map((r) => r.node.id)).toEqual([1, 5]);
});
