import { describe, expect, it } from 'vitest';
import { opNames, ops } from '../../contract/ops';
import { createContact, getContact } from '../store/contacts';
import { get } from '../store/sql';
import { type AfterWrite, staged } from './context';
import { dispatch, handlers } from './index';
import { runHandler } from './run';
import { testContext } from './test-context';

const contacts = (ctx: ReturnType<typeof testContext>) => get<{ n: number }>(ctx.db, 'SELECT count(*) AS n FROM contacts')!.n;

describe('dispatch owns the write transaction', () => {
  it('runs the after-write hooks once per write op, inside its transaction, and never for a read', async () => {
    const ctx = testContext();
    const seen: { op: string; inTx: boolean; contacts: number }[] = [];
    ctx.afterWrite = [({ op, db }) => void seen.push({ op, inTx: db.inTransaction, contacts: get<{ n: number }>(db, 'SELECT count(*) AS n FROM contacts')!.n })];
    const c = await dispatch(ctx, 'contact.create', { givenName: 'Ana', familyName: 'Silva' });
    await dispatch(ctx, 'contact.list', {});
    await dispatch(ctx, 'contact.get', { id: c.id });
    await dispatch(ctx, 'contact.update', { id: c.id, patch: { givenName: 'Ana', familyName: 'Silva', position: 'Director' } });
    expect(seen).toEqual([
      { op: 'contact.create', inTx: true, contacts: 1 },
      { op: 'contact.update', inTx: true, contacts: 1 },
    ]);
    expect(ctx.db.inTransaction).toBe(false);
  });

  it('a hook that throws rolls the write back with it', async () => {
    const ctx = testContext();
    const refuse: AfterWrite = () => {
      throw new Error('the change log is full');
    };
    ctx.afterWrite = [refuse];
    await expect(dispatch(ctx, 'contact.create', { givenName: 'Ana', familyName: 'Silva' })).rejects.toThrow('the change log is full');
    expect(contacts(ctx)).toBe(0);
  });

  it('a staged write prepares outside the transaction and writes inside it; a write step may not await', async () => {
    const ctx = testContext();
    const where: string[] = [];
    const create = staged<'contact.create'>(async (input, r) => {
      where.push(`prepare in transaction: ${r.db.inTransaction}`);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return (w) => {
        where.push(`write in transaction: ${w.db.inTransaction}`);
        return getContact(w.db, createContact(w.db, input));
      };
    });
    await runHandler(ctx, 'contact.create', create, ops['contact.create'].input.parse({ givenName: 'Ana', familyName: 'Silva' }));
    expect(where).toEqual(['prepare in transaction: false', 'write in transaction: true']);

    const awaiting = staged<'contact.create'>(() => (async () => ({ ...(await Promise.resolve({})) })) as never);
    await expect(runHandler(ctx, 'contact.create', awaiting, ops['contact.create'].input.parse({ givenName: 'Bo', familyName: 'Li' }))).rejects.toThrow(/cannot await/);
    expect(contacts(ctx)).toBe(1);
  });

  it('two issues of one pack started together: one lands, the other is refused, not numbered twice', async () => {
    const ctx = testContext();
    await dispatch(ctx, 'system.loadDemo', {});
    const meeting = (await dispatch(ctx, 'meeting.list', { when: 'upcoming' }))[0]!;
    const b = await dispatch(ctx, 'briefing.create', { meetingId: meeting.id, title: 'Brief' });
    const both = await Promise.allSettled([dispatch(ctx, 'pack.issue', { briefingId: b.id, date: '2026-11-23' }), dispatch(ctx, 'pack.issue', { briefingId: b.id, date: '2026-11-23' })]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((both.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
    expect((await dispatch(ctx, 'pack.issued', { meetingId: meeting.id })).map((p) => p.edition)).toEqual([1]);
  }, 60_000);

  it('every write op of the contract has a write handler and every read op a read handler (the handler map checks it at compile time)', () => {
    for (const name of opNames) {
      const h = handlers[name] as unknown;
      if (ops[name].kind === 'read') expect(typeof h, name).toBe('function');
      else expect(typeof h === 'function' || (typeof h === 'object' && h !== null && ('prepare' in h || 'exclusive' in h)), name).toBe(true);
    }
  });
});
