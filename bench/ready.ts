/**
 * App-ready benchmark (issue 18): from the start of the `dossier serve` process (browser mode) to the first
 * meaningful paint of the Meetings screen, in Debian's Chromium, on a dossier of 100,000 meetings and institutions.
 * The browser is already open (launched beforehand, not counted), as a desk officer's is; the clock starts just
 * before the process is spawned and stops at the first frame after the first meeting row is in the DOM (both on
 * the wall clock). The first start of a day also makes the daily backup; it is reported apart from later starts.
 * The CLI bundle is rebuilt first, as the installed command runs it. Target: ≤ 1 s. Run alone: `npx tsx bench/ready.ts` (BENCH_LIST_ROWS=20000 for a quicker run).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import type { OpsContext } from '../main/ops/context';
import { openDb } from '../main/store/db';
import { fill } from './lists-more';
import { buildCli } from '../scripts/build-cli';

const CHROMIUM = process.env.DOSSIER_CHROMIUM ?? '/usr/bin/chromium';
const TARGET_MS = 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** Spawns `dossier --json serve` and resolves with the launch URL it prints. */
/** CPU time a process has used so far (Linux /proc; null elsewhere): steadier than wall time on a busy machine. */
function cpuMs(pid: number): number | null {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return null;
  }
}

function serve(dbPath: string): Promise<{ child: ChildProcess; url: string; cpu: number | null }> {
  const child = spawn(process.execPath, [resolve('bin/dossier.js'), '--db', dbPath, '--json', 'serve'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((done, fail) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"url":\s*"([^"]+)"/.exec(out);
      if (m) done({ child, url: m[1]!, cpu: cpuMs(child.pid!) });
    });
    child.stderr!.on('data', () => {});
    child.once('exit', (code) => fail(new Error(`dossier serve exited (${code}) before printing its address: ${out}`)));
  });
}

const stop = (child: ChildProcess) => new Promise<void>((done) => (child.exitCode !== null ? done() : (child.once('exit', () => done()), child.kill('SIGTERM'))));

export async function benchReady(n = Number(process.env.BENCH_LIST_ROWS ?? 100_000)): Promise<string[]> {
  if (!existsSync(CHROMIUM)) return [`ready: skipped, no Chromium at ${CHROMIUM}`];
  if (!existsSync(resolve('renderer/dist/index.html'))) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  // The installed command runs the CLI bundle; a stale one would make bin/dossier.js fall back to tsx.
  await buildCli();
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-ready-'));
  const dbPath = join(dir, 'dossier.db');
  const ctx: OpsContext = { db: openDb(dbPath), dbPath, dataDir: dir, now: () => new Date() };
  fill(ctx, n);
  ctx.db.close();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  try {
    const runs: number[] = [];
    const served: number[] = [];
    const cpuTimes: (number | null)[] = [];
    for (let i = 0; i < 4; i++) {
      const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
      await page.addInitScript(() => {
        sessionStorage.setItem('dossier-welcomed', '1');
        new MutationObserver((_m, obs) => {
          if (document.querySelector('a.row[data-index="0"]')) {
            obs.disconnect();
            requestAnimationFrame(() => ((window as unknown as { readyAt: number }).readyAt = performance.timeOrigin + performance.now()));
          }
        }).observe(document, { childList: true, subtree: true });
      });
      const t0 = Date.now();
      const { child, url, cpu } = await serve(dbPath);
      served.push(Date.now() - t0);
      cpuTimes.push(cpu);
      try {
        await page.goto(url);
        await page.waitForFunction(() => (window as unknown as { readyAt?: number }).readyAt !== undefined, null, { timeout: 60_000 });
        runs.push((await page.evaluate(() => (window as unknown as { readyAt: number }).readyAt)) - t0);
      } finally {
        await page.close();
        await stop(child);
      }
    }
    const [first, ...later] = runs;
    const typical = median(later);
    const worst = Math.max(...runs);
    const busy = loadavg()[0]! > cpus().length ? ` (machine busy: load ${loadavg()[0]!.toFixed(1)} on ${cpus().length} CPUs)` : '';
    return [
      `ready: dossier serve → first paint of Meetings (${n.toLocaleString('en')} meetings), browser already open`,
      `ready: first start of the day (makes the daily backup): ${first!.toFixed(0)} ms; later starts: median ${typical.toFixed(0)} ms (runs: ${later.map((x) => x.toFixed(0)).join(', ')} ms)`,
      `ready: of which the process until it serves (address printed): median ${median(served).toFixed(0)} ms (runs: ${served.map((x) => x.toFixed(0)).join(', ')} ms; its CPU time by then: ${cpuTimes.map((x) => (x === null ? '?' : x.toFixed(0))).join(', ')} ms)`,
      `ready: target app ready ≤ ${TARGET_MS} ms (every start): ${worst.toFixed(0)} ms ${worst <= TARGET_MS ? 'met' : 'MISSED'}${busy}`,
    ];
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const l of await benchReady()) console.log(l);
}
