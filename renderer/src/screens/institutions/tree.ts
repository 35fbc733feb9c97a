/** Tree arithmetic over `institution.list` (tree order: parents before children). */
import type { Institution } from '../../../../contract/model';

/** The institution's own units, their units, and so on (not the institution itself). */
export function descendantsOf(items: readonly Institution[], id: number): Set<number> {
  const out = new Set<number>();
  // Tree order puts every unit after its parent, so one pass finds the whole subtree.
  for (const i of items) if (i.parentId !== null && (i.parentId === id || out.has(i.parentId))) out.add(i.id);
  return out;
}

/** Ids of the institution's ancestors, nearest first. */
export function ancestorsOf(items: readonly Institution[], id: number): number[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const out: number[] = [];
  for (let p = byId.get(id)?.parentId ?? null; p !== null && !out.includes(p); p = byId.get(p)?.parentId ?? null) out.push(p);
  return out;
}

/** A row of the tree as shown: the node, its depth, and its place among its siblings (for aria-level/posinset/setsize). */
export interface TreeRow {
  node: Institution;
  level: number;
  pos: number;
  size: number;
}

/**
 * The rows shown: top-level institutions and the units of every expanded node whose own row is shown. Linear in
 * the number of institutions (100,000 stay quick): sibling positions are counted in one pass.
 */
export function visibleRows(items: readonly Institution[], expanded: ReadonlySet<number>): TreeRow[] {
  const shown = new Set<number>();
  const out: TreeRow[] = [];
  const sizes = new Map<number | null, number>();
  const pos = new Map<number, number>();
  for (const i of items) {
    const n = (sizes.get(i.parentId) ?? 0) + 1;
    sizes.set(i.parentId, n);
    pos.set(i.id, n);
  }
  for (const i of items) {
    if (i.parentId !== null && !(shown.has(i.parentId) && expanded.has(i.parentId))) continue;
    shown.add(i.id);
    out.push({ node: i, level: i.path.length, pos: pos.get(i.id)!, size: sizes.get(i.parentId)! });
  }
  return out;
}

/** "ILO" or "Multilateral Cooperation Department": how a node is named in messages. */
export const shortName = (i: Pick<Institution, 'acronym' | 'name'>) => i.acronym || i.name;
