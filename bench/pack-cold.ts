/**
 * The first pack of a fresh process (issue 18): a new Node process loads the pack builder, then builds the
 * benchmark's pack once; the fonts are parsed, words shaped and the fonts subset from nothing. Module loading
 * is reported apart (the app has loaded it before a pack is asked for). Run by bench/pack.ts as a child.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface ColdRun {
  /** Loading the pack modules (and tsx's transpiling, which a built app does not pay). */
  loadMs: number;
  /** The first buildPack call: wall time and the process's CPU time during it. */
  ms: number;
  cpu: number;
  pages: number;
  sha256: string;
}

/** One fresh process building the pack of `opts` once. */
export function coldRun(opts: { scale: number; contacts: number; date: string }): Promise<ColdRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), JSON.stringify(opts)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((done, fail) =>
    child.once('exit', (code) => (code === 0 ? done(JSON.parse(out) as ColdRun) : fail(new Error(`the cold pack process exited with ${code}: ${out}`)))),
  );
}

async function child(opts: { scale: number; contacts: number; date: string }) {
  const t0 = performance.now();
  const { buildPack } = await import('../main/pack/build');
  const { samplePackDocument } = await import('../main/test-support/sample-pack');
  const { createHash } = await import('node:crypto');
  const doc = samplePackDocument({ scale: opts.scale, contacts: opts.contacts });
  const t1 = performance.now();
  const c = process.cpuUsage();
  const built = await buildPack(doc, { date: opts.date });
  const used = process.cpuUsage(c);
  const run: ColdRun = { loadMs: t1 - t0, ms: performance.now() - t1, cpu: (used.user + used.system) / 1000, pages: built.pages, sha256: createHash('sha256').update(built.bytes).digest('hex') };
  process.stdout.write(JSON.stringify(run));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await child(JSON.parse(process.argv[2]!));
