/**
 * CLI start-up (issue 16): `dossier list institutions` on the demo dossier, each run a fresh process through
 * bin/dossier.js exactly as the installed command starts, against a bare `node -e 0` on the same machine in the same
 * run. Runs are interleaved (one of each per round) so a busy machine slows both alike; the ratio is the median of
 * the paired ratios. Target: within 6× of `node -e 0`.
 * Run alone: `npx tsx bench/cli.ts` (BENCH_CLI_RUNS=5 for a quicker run). Rebuilds the bundle first, so it measures
 * the code as it is (a bundle older than its sources would make bin/dossier.js fall back to tsx).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCli } from '../scripts/build-cli';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(root, 'bin', 'dossier.js');
const TARGET = 6;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Wall time of one fresh process, in ms; throws if it fails. */
function timed(args: string[]): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr.toString()}`);
  return ms;
}

export async function benchCli(runs = Number(process.env.BENCH_CLI_RUNS ?? 15)): Promise<string[]> {
  await buildCli();
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-cli-'));
  try {
    const db = join(dir, 'dossier.db');
    execFileSync(process.execPath, [BIN, '--db', db, 'demo'], { stdio: 'ignore' });
    const cli = [BIN, '--db', db, 'list', 'institutions'];
    const bare = ['-e', '0'];
    // One warm-up of each (disk cache), then interleaved pairs.
    timed(cli);
    timed(bare);
    const ours: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < runs; i++) {
      ours.push(timed(cli));
      base.push(timed(bare));
    }
    const ratio = median(ours.map((o, i) => o / base[i]!));
    const ms = (x: number) => `${Math.round(x)} ms`;
    const busy = loadavg()[0]! > availableParallelism() ? ` (machine busy: load ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs)` : '';
    return [
      `CLI start-up: fresh processes, ${runs} interleaved pairs, load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} CPUs`,
      `  dossier list institutions (bin/dossier.js → .build/cli.mjs): ${ms(median(ours))} median (min ${ms(Math.min(...ours))})`,
      `  node -e 0:                                                   ${ms(median(base))} median (min ${ms(Math.min(...base))})`,
      `  ratio ${ratio.toFixed(1)}× (median of paired runs); target ≤ ${TARGET}× ${ratio <= TARGET ? 'met' : 'MISSED'}${busy}`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchCli().then((lines) => console.log(lines.join('\n')));
}
