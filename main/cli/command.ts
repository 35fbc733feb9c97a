/** The shape of a CLI command and the tools each one gets. Commands call ops through `dispatch` only. */
import type { ParseArgsConfig } from 'node:util';
import type { ErrorCode } from '../../contract/errors';
import type { In, OpName, Out } from '../../contract/ops';
import type { OpsContext } from '../ops/context';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** All of stdin as text (`call <op> -`); process.stdin unless a test gives its own. */
  readIn?: () => Promise<string>;
}

export interface CommandEnv {
  /** Opens (and creates) the dossier on first use; commands that need no database never open it. */
  ctx: () => OpsContext;
  call: <K extends OpName>(name: K, input: In<K>) => Promise<Out<K>>;
  dbPath: string;
  json: boolean;
  io: Io;
  /** Prints `value` as JSON with --json, else the human text. */
  print: (value: unknown, human: () => string) => void;
}

export interface Command {
  name: string;
  /** One line for `dossier help`. */
  summary: string;
  /** e.g. 'list <institutions|contacts|meetings|briefings>' */
  usage: string;
  options?: ParseArgsConfig['options'];
  /** Returns the exit status (0 unless it prints its own error). */
  run: (positionals: string[], values: Record<string, string | boolean | undefined>, env: CommandEnv) => Promise<number | void>;
}

/** A mistake in how the command was called: exit status 2. */
export class UsageError extends Error {}

/**
 * Exit status for each error code: the only place this mapping lives (`call` uses it too). Every refusal of the
 * dossier is 1, as README promises scripts; the code itself is in the message (and in `call`'s JSON error). Usage 2.
 */
export const EXIT_STATUS: Record<ErrorCode, number> = {
  invalid_input: 1,
  not_found: 1,
  conflict: 1,
  schema_too_new: 1,
  not_dossier: 1,
  busy: 1,
  damaged: 1,
  cancelled: 1,
  internal: 1,
};
