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

describe('institution.tree', () => {
  const names = (rows: { node: { acronym: string; name: string; path: string[] } }[]) => rows.map((r) => r.node.path.join(' > '));

  it('shows the top level and the units of expanded nodes, in the order of the full list', async () => {
    const all = await dispatch(ctx, 'institution.list', {});
    const top = all.filter((i) => i.parentId === null);
    const closed = await dispatch(ctx, 'institution.tree', {});
    expect(closed.total).toBe(top.length);
    expect(names(closed.rows)).toEqual(top.map((i) => i.path.join(' > ')));
    expect(closed.rows[0]).toMatchObject({ posInSet: 1, setSize: top.length });

    const open = await dispatch(ctx, 'institution.tree', { expanded: [inst.get('ILO')!, inst.get('GB')!] });
    const ilo = names(open.rows).indexOf('ILO');
    expect(names(open.rows).slice(ilo, ilo + 3)).toEqual(['ILO', 'ILO > GB', 'ILO > GB > WPSDG']);
    // Everything open: the same rows, in the same order, as the whole list.
    const every = await dispatch(ctx, 'institution.tree', { expanded: all.map((i) => i.id), limit: 500 });
    expect(names(every.rows)).toEqual(all.map((i) => i.path.join(' > ')));
    expect(every.rows.map((r) => r.node)).toEqual(all);
  });

  it('pages through the rows and opens the way to a node asked for', async () => {
    const wpsdg = inst.get('WPSDG')!;
    const page = await dispatch(ctx, 'institution.tree', { reveal: wpsdg, offset: 0, limit: 500 });
    expect(page.expanded).toEqual(expect.arrayContaining([inst.get('ILO')!, inst.get('GB')!]));
    expect(page.revealIndex).not.toBeNull();
    expect(page.rows[page.revealIndex!]!.node.id).toBe(wpsdg);
    const second = await dispatch(ctx, 'institution.tree', { expanded: page.expanded, offset: 2, limit: 2 });
    expect(second.rows.map((r) => r.node.id)).toEqual(page.rows.slice(2, 4).map((r) => r.node.id));
    // A deleted node drops out of the expanded set the screen keeps.
    await dispatch(ctx, 'institution.delete', { id: inst.get('GB')! });
    expect((await dispatch(ctx, 'institution.tree', { expanded: page.expanded })).expanded).not.toContain(inst.get('GB')!);
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
