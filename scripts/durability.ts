/**
 * `npm run test:durability`: the "nothing lost" promise, measured. A child process writes through the ops
 * (scripts/durability-child.ts) and reports every acknowledged write; this parent kills it with SIGKILL at random
 * moments, reopens the file with openDb, runs PRAGMA integrity_check and checks every acknowledged write is there
 * with the content it had. Prints kills, acknowledged writes, writes lost and integrity failures; exits 1 on any loss.
 * main/store/durability.test.ts runs a short version of the same harness in `npm test`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The checksum of a write, computed by the child from what it sends and by the parent from the row it finds. */
export const contentSha = (given: string, family: string, notes: string) => createHash('sha256').update(`${given}\u0000${family}\u0000${notes}`).digest('hex');

const here = dirname(fileURLToPath(import.meta.url));
const CHILD = join(here, 'durability-child.ts');

/** Starts a writer on `dbPath`; `onLine` gets each line it prints. */
export function startWriter(dbPath: string, onLine: (line: string) => void, args: string[] = []): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dbPath, ...args], { cwd: resolve(here, '..'), stdio: ['ignore', 'pipe', 'pipe'] });
  let buf = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buf += chunk;
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      onLine(buf.slice(0, i));
      buf = buf.slice(i + 1);
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (t: string) => (child as ChildProcess & { errText?: string }).errText = ((child as ChildProcess & { errText?: string }).errText ?? '') + t);
  return child;
}

export interface Figures {
  kills: number;
  acknowledged: number;
  lost: number;
  integrityFailures: number;
  /** Describes each lost or altered write, for the failure message. */
  problems: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `kills` rounds on one file: start a writer, let it write for a random while (after it is ready), SIGKILL it,
 * then verify the file. Later rounds keep writing to the same file, so every recovery is checked again.
 */
export async function runDurability(opts: {
  kills: number;
  dbPath?: string;
  minMs?: number;
  maxMs?: number;
  log?: (s: string) => void;
  /** Test hook: changes the file between the kill and the check, to prove the check catches a loss. */
  tamper?: (dbPath: string, acknowledgedIds: number[]) => void;
}): Promise<Figures> {
  // Imported lazily so a tsx child importing contentSha does not load the store twice for nothing.
  const { openDb, integrityCheck } = await import('../main/store/db');
  const dbPath = opts.dbPath ?? join(mkdtempSync(join(tmpdir(), 'dossier-durability-')), 'dossier.db');
  const [minMs, maxMs] = [opts.minMs ?? 50, opts.maxMs ?? 600];
  const expected = new Map<number, string>(); // id → sha of the last acknowledged content
  const fig: Figures = { kills: 0, acknowledged: 0, lost: 0, integrityFailures: 0, problems: [] };
  openDb(dbPath).close(); // create and migrate once, so the rounds measure writes, not set-up

  for (let round = 0; round < opts.kills; round++) {
    let pending: { target: string; sha: string } | null = null;
    const pendingById = new Map<number, string>(); // an update that may or may not have landed before the kill
    let ready!: () => void;
    const isReady = new Promise<void>((r) => (ready = r));
    const child = startWriter(dbPath, (line) => {
      const [kind, a, b] = line.split(' ');
      if (kind === 'READY') ready();
      else if (kind === 'INTENT') pending = { target: a!, sha: b! };
      else if (kind === 'ACK') {
        expected.set(Number(a), b!);
        fig.acknowledged++;
        pending = null;
      }
    });
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    await Promise.race([isReady, exited]);
    await sleep(minMs + Math.random() * (maxMs - minMs));
    child.kill('SIGKILL');
    const code = await exited;
    if (code !== null && code !== 0) throw new Error(`The writer failed by itself (exit ${code}): ${(child as ChildProcess & { errText?: string }).errText ?? ''}`);
    fig.kills++;
    const p = pending as { target: string; sha: string } | null;
    if (p && p.target !== 'new') pendingById.set(Number(p.target), p.sha);

    opts.tamper?.(dbPath, [...expected.keys()]);
    const db = openDb(dbPath);
    try {
      const integrity = integrityCheck(db);
      if (integrity.length !== 1 || integrity[0] !== 'ok') {
        fig.integrityFailures++;
        fig.problems.push(`round ${round}: integrity_check ${integrity.slice(0, 3).join('; ')}`);
      }
      const row = db.prepare('SELECT given_name AS g, family_name AS f, notes AS n FROM contacts WHERE id = ?');
      for (const [id, sha] of expected) {
        const r = row.get(id) as { g: string; f: string; n: string } | undefined;
        const found = r ? contentSha(r.g, r.f, r.n) : null;
        if (found === sha) continue;
        // The write that was in flight at the kill may have committed without its ACK: that content is fine too.
        if (found && pendingById.get(id) === found) {
          expected.set(id, found);
          continue;
        }
        fig.lost++;
        fig.problems.push(`round ${round}: contact ${id} ${r ? 'has other content than acknowledged' : 'is missing'}`);
      }
    } finally {
      db.close();
    }
    opts.log?.(`kill ${fig.kills}: ${fig.acknowledged} acknowledged so far, ${fig.lost} lost, ${fig.integrityFailures} integrity failures`);
  }
  return fig;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const kills = Number(process.argv.find((a) => a.startsWith('--kills='))?.slice(8) ?? 100);
  const verbose = process.argv.includes('--verbose');
  const t0 = Date.now();
  const fig = await runDurability({ kills, log: verbose ? console.log : undefined });
  console.log(`kills: ${fig.kills}`);
  console.log(`acknowledged writes: ${fig.acknowledged}`);
  console.log(`writes lost: ${fig.lost}`);
  console.log(`integrity failures: ${fig.integrityFailures}`);
  console.log(`(${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  for (const p of fig.problems.slice(0, 20)) console.log(`  ${p}`);
  process.exit(fig.lost === 0 && fig.integrityFailures === 0 && fig.kills === kills ? 0 : 1);
}
