/**
 * The writer of the durability harness (scripts/durability.ts). Writes through the real ops into the file named
 * on the command line, forever, and prints one line per write on stdout:
 *   INTENT <id|new> <sha>   before a write (its outcome is unknown until the ACK)
 *   ACK <id> <sha>          after the write committed (dispatch returned)
 * stdout to a pipe is synchronous on Linux and macOS, so an ACK printed is an ACK the parent reads even after SIGKILL.
 * With --prefix P the contacts are named P…, so two writers on one file can tell their rows apart.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { type In, type Out, type Parsed, ops } from '../contract/ops';
import { contactHandlers } from '../main/ops/contacts';
import { openDossier } from '../main/ops/open';
import { runHandler } from '../main/ops/run';
import { contentSha } from './durability';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { prefix: { type: 'string', default: 'W' }, count: { type: 'string' } } });
const dbPath = positionals[0]!;
const limit = values.count ? Number(values.count) : Infinity;
const ctx = openDossier({ path: dbPath });


// What dispatch does (parse with the contract, run the handler in the write transaction), without loading every
// area's handlers: main/ops/index pulls in the PDF and calendar libraries, seconds of start-up per kill on a busy machine.
const dispatch = <K extends 'contact.create' | 'contact.update'>(name: K, raw: In<K>): Promise<Out<K>> =>
  runHandler(ctx, name, contactHandlers[name], ops[name].input.parse(raw) as Parsed<K>);

const say = (line: string) => process.stdout.write(line + '\n');
const acked: number[] = [];
say('READY');
for (let n = 0; n < limit; n++) {
  // Mostly new contacts, some updates of earlier ones; notes of varying size so pages split and the WAL grows.
  const notes = randomBytes(1 + Math.floor(Math.random() * 3000)).toString('base64');
  const given = `${values.prefix}${n}`;
  const family = randomBytes(6).toString('hex');
  const sha = contentSha(given, family, notes);
  const target = acked.length > 5 && Math.random() < 0.25 ? acked[Math.floor(Math.random() * acked.length)]! : null;
  say(`INTENT ${target ?? 'new'} ${sha}`);
  const c = target
    ? await dispatch('contact.update', { id: target, patch: { givenName: given, familyName: family, notes } })
    : await dispatch('contact.create', { givenName: given, familyName: family, notes });
  if (!target) acked.push(c.id);
  say(`ACK ${c.id} ${sha}`);
}
ctx.db.close();
