import { describe, expect, it } from 'vitest';
import { createDb } from './db';
import { institutionTree } from './institution-tree';
import { createInstitution } from './institutions';
import { rng } from '../test-support/rng';

describe('institutionTree', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`pages, counts and reveals as the fully flattened tree does (random tree ${seed})`, () => {
      const r = rng(seed);
      const db = createDb();
      const nodes: { id: number; parent: number | null; key: string }[] = [];
      for (let i = 0; i < 80; i++) {
        const parent = nodes.length && r() < 0.7 ? nodes[Math.floor(r() * nodes.length)]!.id : null;
        // Few distinct names, so siblings share sort keys and the id decides; acronyms win over names.
        const name = ['Alpha', 'beta', 'Gamma', 'delta', 'Epsilon'][Math.floor(r() * 5)]!;
        const acronym = r() < 0.3 ? ['AB', 'zz', 'Mm'][Math.floor(r() * 3)]! : '';
        const id = createInstitution(db, { name, acronym, kind: 'other', parentId: parent, seat: '', website: '', profile: '', topics: [] });
        nodes.push({ id, parent, key: (acronym || name).toLowerCase() });
      }
      const expanded = nodes.filter(() => r() < 0.4).map((n) => n.id);
      // The naive flattening: every level sorted, open nodes' children after them.
      const kids = (p: number | null) => nodes.filter((n) => n.parent === p).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id));
      const flat: { id: number; pos: number; size: number }[] = [];
      const walk = (p: number | null) =>
        kids(p).forEach((n, i, all) => {
          flat.push({ id: n.id, pos: i + 1, size: all.length });
          if (expanded.includes(n.id)) walk(n.id);
        });
      walk(null);

      for (const [offset, limit] of [[0, 500], [0, 7], [5, 9], [flat.length - 3, 10], [flat.length + 2, 5]] as const) {
        const page = institutionTree(db, { expanded, reveal: null, offset, limit });
        expect(page.total).toBe(flat.length);
        expect(page.rows.map((row) => ({ id: row.node.id, pos: row.posInSet, size: row.setSize }))).toEqual(flat.slice(offset, offset + limit));
      }
      const target = nodes[nodes.length - 1]!.id;
      const revealed = institutionTree(db, { expanded, reveal: target, offset: 0, limit: 500 });
      expect(revealed.rows[revealed.revealIndex!]!.node.id).toBe(target);
    });
  }
});
