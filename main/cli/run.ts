/**
 * The CLI: `dossier [--db FILE] [--json] <command> ...`. Parses global flags, opens the dossier lazily,
 * runs one command, maps errors to exit statuses (1 bad input, 2 usage). Testable: `runCli(argv, io)`.
 */
import { parseArgs } from 'node:util';
import { DossierError } from '../../contract/errors';
import { type OpKind, ops } from '../../contract/ops';
import type { OpsContext } from '../ops/context';
import { type Engine, IMPORTS, startEngine } from '../ops/engine';
import { dispatch, toErrorData } from '../ops/index';
import { openDossier } from '../ops/open';
import { resolveDbPath } from '../ops/paths';
import { type Command, type CommandEnv, EXIT_STATUS, type Io, UsageError } from './command';
import { commands } from './commands/index';

const GLOBAL = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

export function helpText(): string {
  // Short usages share a line with their summary; long ones get the summary on the next line.
  const width = 48;
  const line = (c: Command) => (c.usage.length <= width ? `  ${c.usage.padEnd(width)}  ${c.summary}` : `  ${c.usage}\n  ${' '.repeat(width)}  ${c.summary}`);
  return [
    'Dossier — institutions, contact officers, meetings, briefings and briefing packs.',
    '',
    'Usage: dossier [--db FILE] [--json] <command> [options]',
    '',
    'Commands:',
    ...commands.map(line),
    '',
    'Options:',
    '  --db FILE   the dossier to use (default: $DOSSIER_DB, else the per-user data directory)',
    '  --json      machine-readable JSON on stdout',
  ].join('\n');
}

export async function runCli(argv: string[], io: Io = { out: (t) => process.stdout.write(t + '\n'), err: (t) => process.stderr.write(t + '\n') }, now: () => Date = () => new Date()): Promise<number> {
  const name = argv.find((a, i) => !a.startsWith('-') && argv[i - 1] !== '--db');
  const command: Command | undefined = commands.find((c) => c.name === name);
  let ctx: OpsContext | undefined;
  let engine: Engine | undefined;
  // For the error message: which file, and whether the op that failed was a read (which never loses a change).
  let dbPath: string | undefined;
  let kind: OpKind = 'read';
  try {
    if (!name) {
      io.out(helpText());
      return argv.includes('--help') || argv.includes('-h') || argv.length === 0 ? 0 : 2;
    }
    if (name === 'help') {
      io.out(helpText());
      return 0;
    }
    if (!command) throw new UsageError(`Unknown command "${name}". Run "dossier help" for the list.`);
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: { ...GLOBAL, ...(command.options ?? {}) }, allowPositionals: true, strict: true });
    } catch (err) {
      throw new UsageError(`${(err as Error).message}\nUsage: dossier ${command.usage}`);
    }
    const values = parsed.values as Record<string, string | boolean | undefined>;
    if (values.help) {
      io.out(`Usage: dossier ${command.usage}\n${command.summary}`);
      return 0;
    }
    const positionals = parsed.positionals.slice(parsed.positionals.indexOf(name) + 1);
    dbPath = resolveDbPath(values.db as string | undefined);
    const file = dbPath;
    const json = values.json === true;
    const open = (): OpsContext => {
      ctx ??= openDossier({ path: file, now, writesFiles: true });
      return ctx;
    };
    const env: CommandEnv = {
      ctx: open,
      call: async (op, input) => {
        kind = ops[op].kind;
        if (!IMPORTS.has(op)) return dispatch(open(), op, input);
        // A file from elsewhere is read on a lane held to the import budget (time and memory), as in the app.
        engine ??= await startEngine(open());
        const reply = await engine.call(op, input);
        if (!reply.ok) throw DossierError.from(reply.error);
        return reply.value as never;
      },
      dbPath: file,
      json,
      io,
      print: (value, human) => {
        io.out(json ? JSON.stringify(value, null, 2) : human());
      },
    };
    const code = await command.run(positionals, values, env);
    return typeof code === 'number' ? code : 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`dossier: ${err.message}`);
      return 2;
    }
    const data = toErrorData(err, (m, e) => io.err(`${m} ${e instanceof Error ? e.stack : String(e)}`), kind, dbPath);
    // Name the file and line unless the message already does.
    const line = data.details && typeof data.details.line === 'number' ? data.details.line : null;
    const where = line !== null && !data.message.includes(`line ${line}`) ? ` (${data.details?.file ?? 'input'}, line ${line})` : '';
    io.err(`dossier: ${data.message}${where}`);
    return EXIT_STATUS[data.code];
  } finally {
    await engine?.close();
    (engine?.ctx ?? ctx)?.db.close();
  }
}
