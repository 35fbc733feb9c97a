/**
 * `npm test`: builds the renderer, runs the unit tests (vitest) and the end-to-end tests (Playwright in
 * Debian's Chromium against main/host, plus the Electron shell where its binary exists), then prints one
 * total line `N passed, N failed, N skipped` that CI reads. Exits non-zero if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { relative } from 'node:path';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status ?? 1;
}

function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return null;
  }
}

interface Suite {
  title: string;
  suites?: Suite[];
  specs?: { title: string; tests: { annotations: { type: string; description?: string }[]; status?: string }[] }[];
}

/** Says why each skipped e2e test was skipped (e.g. no Electron binary here), so a skip is never silent. */
function skipReasons(suites: Suite[], path: string[] = []): string[] {
  return suites.flatMap((s) => [
    ...(s.specs ?? []).flatMap((spec) =>
      spec.tests
        .filter((t) => t.status === 'skipped')
        .map((t) => `skipped: ${[...path, s.title, spec.title].filter(Boolean).join(' › ')} — ${t.annotations.find((a) => a.type === 'skip')?.description ?? 'no reason given'}`),
    ),
    ...skipReasons(s.suites ?? [], [...path, s.title]),
  ]);
}

mkdirSync('test-results', { recursive: true });
for (const f of ['test-results/unit.json', 'test-results/e2e.json']) rmSync(f, { force: true });

const onlyUnit = process.argv.includes('--unit');
const onlyE2e = process.argv.includes('--e2e');

let buildFailed = false;
if (!onlyUnit) buildFailed = run('npx', ['vite', 'build', '--logLevel', 'warn']) !== 0;

const unit: Tally = { passed: 0, failed: 0, skipped: 0 };
if (!onlyE2e) {
  const code = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']);
  const j = readJson<{
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults?: { name: string; assertionResults: { fullName: string; status: string }[] }[];
  }>('test-results/unit.json');
  if (j) Object.assign(unit, { passed: j.numPassedTests, failed: j.numFailedTests, skipped: j.numPendingTests + j.numTodoTests });
  // A skipped unit test names itself too (its title says how to run it).
  for (const f of j?.testResults ?? []) for (const t of f.assertionResults) if (t.status === 'skipped' || t.status === 'pending') console.log(`skipped: ${relative(process.cwd(), f.name)} › ${t.fullName}`);
  // A crash before any report counts as a failure, never as silence.
  if (code !== 0 && unit.failed === 0) unit.failed = 1;
}

const e2e: Tally = { passed: 0, failed: 0, skipped: 0 };
if (!onlyUnit) {
  if (buildFailed) e2e.failed = 1;
  else if (!existsSync(process.env.DOSSIER_CHROMIUM ?? '/usr/bin/chromium')) {
    console.error('e2e: no Chromium at /usr/bin/chromium (apt-get install chromium); counted as a failure.');
    e2e.failed = 1;
  } else {
    const code = run('npx', ['playwright', 'test'], { PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' });
    const j = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number }; suites: Suite[] }>('test-results/e2e.json');
    if (j) {
      Object.assign(e2e, { passed: j.stats.expected + j.stats.flaky, failed: j.stats.unexpected, skipped: j.stats.skipped });
      for (const line of skipReasons(j.suites)) console.log(line);
    }
    if (code !== 0 && e2e.failed === 0) e2e.failed = 1;
  }
}

const total = { passed: unit.passed + e2e.passed, failed: unit.failed + e2e.failed, skipped: unit.skipped + e2e.skipped };
console.log('');
if (!onlyE2e) console.log(`unit: ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped`);
if (!onlyUnit) console.log(`e2e: ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
