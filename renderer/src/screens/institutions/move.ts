/** Moving a unit to another parent, shared by the tree's drag and drop and the "Move to…" dialog. */
import { DossierError } from '../../../../contract/errors';
import type { Institution } from '../../../../contract/model';
import { call } from '../../lib/client';
import { t } from '../../lib/i18n';
import { shortName } from './tree';

/**
 * Moves `id` under `parentId` (null: top level) and returns the sentence to announce. A refusal is rethrown with a
 * message that names both institutions: the store's cycle check says why, this says which.
 */
export async function moveInstitution(items: readonly Institution[], id: number, parentId: number | null): Promise<string> {
  const name = (x: number | null) => {
    const i = items.find((i) => i.id === x);
    return i ? shortName(i) : String(x);
  };
  try {
    await call('institution.move', { id, parentId });
  } catch (e) {
    if (e instanceof DossierError && e.code === 'conflict' && e.field === 'parentId') {
      throw new Error(t(id === parentId ? 'tree.cycleSelf' : 'tree.cycle', { name: name(id), target: name(parentId) }));
    }
    throw e;
  }
  return parentId === null ? t('tree.movedTop', { name: name(id) }) : t('tree.moved', { name: name(id), target: name(parentId) });
}
