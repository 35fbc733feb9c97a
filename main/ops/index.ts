/**
 * The implementation of the contract: one typed map from op name to handler, checked for completeness,
 * and `dispatch`, the only entry point used by IPC, HTTP and the CLI.
 */
import { ZodError } from 'zod';
import { DossierError, type ErrorData, type Reply } from '../../contract/errors';
import { type OpKind, type OpName, type Out, isOpName, ops } from '../../contract/ops';
import { sqliteFailure } from '../store/sqlite-errors';
import type { Handler, OpsContext } from './context';
import { runHandler } from './run';
import { briefingHandlers } from './briefings';
import { contactHandlers } from './contacts';
import { contactIoHandlers } from './contact-io';
import { institutionHandlers } from './institutions';
import { meetingHandlers } from './meetings';
import { meetingIoHandlers } from './meeting-io';
import { systemHandlers } from './system';
import { snippetHandlers } from './snippets';
import { versionHandlers } from './versions';
import { packHandlers } from './packs';
import { packOpenHandlers } from './pack-open';
import { backupHandlers } from './backup';
import { settingsHandlers } from './settings';
import { positionHandlers } from './positions';
import { participantHandlers } from './participants';
import { packImportHandlers } from './pack-import';
import { preflightHandlers } from './preflight';
import { issueHandlers } from './issue';
import { teamHandlers } from './team';
import { identityHandlers } from './identity';
import { commissionHandlers } from './commissions';
import { clearanceHandlers } from './clearance';
import { commentHandlers } from './comments';

export const handlers = {
  ...systemHandlers,
  ...institutionHandlers,
  ...contactHandlers,
  ...contactIoHandlers,
  ...meetingHandlers,
  ...meetingIoHandlers,
  ...briefingHandlers,
  ...versionHandlers,
  ...snippetHandlers,
  ...packHandlers,
  ...packOpenHandlers,
  ...backupHandlers,
  ...settingsHandlers,
  ...positionHandlers,
  ...participantHandlers,
  ...packImportHandlers,
  ...preflightHandlers,
  ...issueHandlers,
  ...teamHandlers,
  ...identityHandlers,
  ...commissionHandlers,
  ...clearanceHandlers,
  ...commentHandlers,
} satisfies { [K in OpName]: Handler<K> };

/**
 * Turns any thrown value into the error data that crosses transports; unknown errors are logged here and sent without
 * a stack. `kind` is the failed op's kind: only a write can have failed to save something, so only a write says so.
 */
export function toErrorData(err: unknown, log: (msg: string, err: unknown) => void = (m, e) => console.error(m, e), kind?: OpKind, file?: string): ErrorData {
  if (err instanceof DossierError) return err.toData();
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    const field = issue?.path.map(String).join('.') ?? '';
    const message = issue ? `${field ? field + ': ' : ''}${issue.message}` : 'Invalid input.';
    return { code: 'invalid_input', message, ...(field ? { field } : {}), details: { issues: err.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) } };
  }
  const typed = sqliteFailure(err, file);
  if (typed) return typed.toData();
  log('Unexpected error in an operation:', err);
  return { code: 'internal', message: INTERNAL_MESSAGE[kind ?? 'write'] };
}

/** What an unexpected failure tells the user: a read changed nothing, a write was rolled back. */
export const INTERNAL_MESSAGE: Record<OpKind, string> = {
  read: 'Something went wrong inside Dossier while reading; nothing was changed. Details are in the log.',
  write: 'Something went wrong inside Dossier. The change was not saved; details are in the log.',
};

/**
 * Validates the raw input against the op's schema and runs its handler by the op's kind: a write op in the write
 * transaction with the after-write hooks (main/ops/run.ts). Throws DossierError.
 */
export async function dispatch<K extends OpName>(ctx: OpsContext, name: K | string, raw: unknown): Promise<Out<K>> {
  if (!isOpName(name)) throw new DossierError('not_found', `There is no operation called "${name}".`, { field: 'op' });
  // The one place where the name is only known at run time; the handler map's type ties each handler to its op.
  const run = runHandler as (ctx: OpsContext, name: OpName, handler: unknown, input: unknown) => Promise<unknown>;
  return (await run(ctx, name, handlers[name], ops[name].input.parse(raw ?? {}))) as Out<K>;
}

/** `dispatch` with the reply envelope every transport sends: never throws. */
export async function call(ctx: OpsContext, name: string, raw: unknown, log?: (msg: string, err: unknown) => void): Promise<Reply<unknown>> {
  try {
    return { ok: true, value: await dispatch(ctx, name, raw) };
  } catch (err) {
    return { ok: false, error: toErrorData(err, log, isOpName(name) ? ops[name].kind : 'read', ctx.dbPath) };
  }
}
