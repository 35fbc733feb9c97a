/**
 * `call <op> [json|-]` runs any operation of the contract with its input as JSON (an argument, or stdin with `-`)
 * and prints the result as JSON; `ops [name] [--json]` lists the operations with their doc line, kind and input
 * (and output) as JSON Schema, drawn from the contract itself, so scripts never need a list kept by hand.
 */
import { z } from 'zod';
import { DossierError } from '../../../contract/errors';
import { type OpName, isOpName, opNames, ops } from '../../../contract/ops';
import { dispatch, toErrorData } from '../../ops/index';
import { EXIT_STATUS, UsageError, type Command } from '../command';

/** JSON Schema (draft 2020-12) of what a caller sends (`input`) or gets back (`output`). */
export function opSchema(name: OpName, io: 'input' | 'output'): unknown {
  return z.toJSONSchema(ops[name][io], { io, unrepresentable: 'any' });
}

export function describeOp(name: OpName) {
  const o = ops[name];
  return { name, kind: o.kind, doc: o.doc, input: opSchema(name, 'input'), output: opSchema(name, 'output') };
}

function parseInput(raw: string, from: string): unknown {
  if (raw.trim() === '') return {};
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw new DossierError('invalid_input', `The input (${from}) is not valid JSON: ${(err as Error).message}`, { field: 'input' });
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const unknownOp = (name: string) => new UsageError(`There is no operation called "${name}". Run "dossier ops" for the list.`);

export const callCommand: Command = {
  name: 'call',
  summary: 'Run any operation with its input as JSON (argument, or - for stdin); prints the result as JSON.',
  usage: 'call <op> [json|-]',
  run: async ([name, arg, ...rest], _v, env) => {
    if (!name) throw new UsageError('call which operation? Run "dossier ops" for the list.');
    if (!isOpName(name)) throw unknownOp(name);
    if (rest.length) throw new UsageError('Give the input as one JSON argument (quote it), or - to read it from stdin.');
    try {
      const input = arg === '-' ? parseInput(await (env.io.readIn ?? readStdin)(), 'stdin') : parseInput(arg ?? '', 'argument');
      env.io.out(JSON.stringify(await dispatch(env.ctx(), name, input), null, 2));
      return 0;
    } catch (err) {
      // Scripts read the typed error from stderr as one JSON line; the exit status comes from the CLI's one table.
      const data = toErrorData(err, (m, e) => env.io.err(`${m} ${e instanceof Error ? e.stack : String(e)}`));
      env.io.err(JSON.stringify({ error: data }));
      return EXIT_STATUS[data.code];
    }
  },
};

export const opsCommand: Command = {
  name: 'ops',
  summary: 'List every operation (name, kind, doc); with a name, its input and output as JSON Schema.',
  usage: 'ops [<op>] [--json]',
  run: async ([name], _v, env) => {
    if (name !== undefined) {
      if (!isOpName(name)) throw unknownOp(name);
      const d = describeOp(name);
      env.print(d, () => [`${d.name} (${d.kind})`, d.doc, '', 'Input (JSON Schema):', JSON.stringify(d.input, null, 2)].join('\n'));
      return;
    }
    const all = opNames.map(describeOp);
    const w = Math.max(...all.map((d) => d.name.length));
    env.print(all, () =>
      [
        ...all.map((d) => `${d.name.padEnd(w)}  ${d.kind.padEnd(5)}  ${d.doc}`),
        '',
        `${all.length} operations. "dossier ops <op>" shows one with its input schema; "dossier call <op> '<json>'" runs it.`,
      ].join('\n'),
    );
  },
};
