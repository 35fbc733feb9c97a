/**
 * How dispatch runs one handler by its op's kind, kept apart from the handler map so a small script (the durability
 * writer) can run ops the same way without loading every area. A read op gets the read-only context. A write op's
 * synchronous step runs in the write transaction (BEGIN IMMEDIATE … COMMIT) followed, in the same transaction, by the
 * after-write hooks; async work (a PDF layout, reading a file) happens before it, so the lock is never held across an
 * `await` on the shared connection.
 */
import { type OpName, type Out, type Parsed, ops } from '../../contract/ops';
import { writeTx } from '../store/db';
import type { Handler, OpsContext, ReadHandler, WriteHandler, WriteStep } from './context';

/** Runs the write step and the after-write hooks as one transaction. */
export function commitWrite<T>(ctx: OpsContext, op: OpName, step: WriteStep<T>): T {
  return writeTx(ctx.db, () => {
    const out = step(ctx);
    for (const hook of ctx.afterWrite ?? []) hook({ op, db: ctx.db });
    return out;
  });
}

const isThenable = <T>(v: T | Promise<T>): v is Promise<T> => typeof (v as { then?: unknown } | null)?.then === 'function';

/** Runs `handler` (the handler of op `name`) on input already parsed by the op's schema. */
export async function runHandler<K extends OpName>(ctx: OpsContext, name: K, handler: Handler<K>, input: Parsed<K>): Promise<Out<K>> {
  if (ops[name].kind === 'read') return (handler as ReadHandler<K>)(input, ctx);
  const h = handler as WriteHandler<K>;
  if (typeof h === 'function') return commitWrite(ctx, name, (w) => h(input, w));
  if ('exclusive' in h) {
    const out = await h.exclusive(input, ctx);
    commitWrite(ctx, name, () => undefined);
    return out;
  }
  // A synchronous prepare is not awaited, so nothing can run between it and its write step.
  const pending = h.prepare(input, ctx);
  const step = isThenable(pending) ? await pending : pending;
  return commitWrite(ctx, name, step);
}
