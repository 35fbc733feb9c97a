/**
 * Tree arithmetic over `institution.list` (tree order: parents before children). The tree screen itself is flattened
 * by the store, a page at a time (institution.tree).
 */
import type { Institution } from '../../../../contract/model';

/** The institution's own units, their units, and so on (not the institution itself). */
export function descendantsOf(items: readonly Institution[], id: number): Set<number> {
  const out = new Set<number>();
  // Tree order puts every unit after its parent, so one pass finds the whole subtree.
  for (const i of items) if (i.parentId !== null && (i.parentId === id || out.has(i.parentId))) out.add(i.id);
  return out;
}

/** "ILO" or "Multilateral Cooperation Department": how a node is named in messages. */
export const shortName = (i: Pick<Institution, 'acronym' | 'name'>) => i.acronym || i.name;
