import { beforeEach, describe, expect, it } from 'vitest';
import { DossierError } from '../../contract/errors';
import type { OpsContext } from './context';
import { dispatch } from './index';
import { testContext } from './test-context';

let ctx: OpsContext;
let inst: Map<string, number>;
const pathOf = async (id: number) => (await dispatch(ctx, 'institution.get', { id })).path.join(' > ');

beforeEach(async () => {
  ctx = testContext();
  await dispatch(ctx, 'system.loadDemo', {});
  inst = new Map((await dispatch(ctx, 'institution.list', {})).map((i) => [i.acronym || i.name, i.id]));
});

describe('institution.move', () => {
  it('moves a unit with its own units under another parent, and back to the top level', async () => {
    await dispatch(ctx, 'institution.move', { id: inst.get('GB')!, parentId: inst.get('OECD')! });
    expect(await pathOf(inst.get('WPSDG')!)).toBe('OECD > GB > WPSDG');
    expect((await dispatch(ctx, 'institution.get', { id: inst.get('ILO')! })).childCount).toBe(1);
    await dispatch(ctx, 'institution.move', { id: inst.get('GB')!, parentId: null });
    expect(await pathOf(inst.get('WPSDG')!)).toBe('GB > WPSDG');
  });

  it('refuses a move under the institution itself or one of its units, and changes nothing', async () => {
    for (const target of ['ILO', 'WPSDG']) {
      const err = await dispatch(ctx, 'institution.move', { id: inst.get('ILO')!, parentId: inst.get(target)! }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DossierError);
      expect(err).toMatchObject({ code: 'conflict', field: 'parentId' });
    }
    expect(await pathOf(inst.get('WPSDG')!)).toBe('ILO > GB > WPSDG');
  });
});

describe('settings', () => {
  it('keeps the stale age in the dossier and flags contacts by it', async () => {
    expect(await dispatch(ctx, 'settings.get', {})).toMatchObject({ staleAfterMonths: 24 });
    const staleAt = async () => (await dispatch(ctx, 'contact.list', { stale: true })).total;
    const before = await staleAt();
    expect(await dispatch(ctx, 'settings.update', { staleAfterMonths: 1 })).toMatchObject({ staleAfterMonths: 1 });
    expect(await staleAt()).toBeGreaterThan(before);
    await expect(dispatch(ctx, 'settings.update', { staleAfterMonths: 0 })).rejects.toThrow(/at least 1 month/);
  });
});
