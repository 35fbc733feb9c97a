/**
 * `npm start`: runs Dossier in Electron when its binary is present; if it is missing, tries once to fetch
 * it (electron's own install step); if that fails, serves the app in the browser from 127.0.0.1 and says why.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');
const electronDir = join(root, 'node_modules', 'electron');
const args = process.argv.slice(2);

function electronBinary(): string | null {
  try {
    const rel = readFileSync(join(electronDir, 'path.txt'), 'utf8').trim();
    const bin = join(electronDir, 'dist', rel);
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

function fetchElectron(): boolean {
  console.log('Electron is not installed yet; fetching it once (this needs the internet)…');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, env, stdio: 'pipe', timeout: 180_000 });
  if (r.status === 0 && electronBinary()) return true;
  const why = (r.stderr?.toString() || r.error?.message || '').split('\n').find((l) => l.trim()) ?? 'unknown reason';
  console.log(`Could not fetch Electron: ${why.trim()}`);
  return false;
}

function ensureRenderer(): void {
  if (!existsSync(join(root, 'renderer', 'dist', 'index.html'))) {
    spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  }
}

/** A copy of better-sqlite3 built for Electron's ABI, kept apart so Node keeps its own build. */
async function electronSqliteBinding(): Promise<string | null> {
  const electronVersion = (require(join(electronDir, 'package.json')) as { version: string }).version;
  const dir = join(root, '.build', 'electron-native', electronVersion);
  const moduleDir = join(dir, 'node_modules', 'better-sqlite3');
  const binding = join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), moduleDir, { recursive: true });
  try {
    const { rebuild } = (await import('@electron/rebuild')) as typeof import('@electron/rebuild');
    await rebuild({ buildPath: dir, electronVersion, onlyModules: ['better-sqlite3'], force: true });
    return existsSync(binding) ? binding : null;
  } catch (err) {
    console.log(`Could not build the database module for Electron: ${(err as Error).message}`);
    return null;
  }
}

async function runElectron(bin: string): Promise<boolean> {
  ensureRenderer();
  const { buildElectron } = await import('./build-electron');
  await buildElectron();
  const binding = await electronSqliteBinding();
  if (!binding) return false;
  const child = spawn(bin, [join(root, '.build', 'electron', 'main.cjs'), ...args], { stdio: 'inherit', env: { ...process.env, DOSSIER_SQLITE_BINDING: binding } });
  child.on('exit', (code) => process.exit(code ?? 0));
  return true;
}

function openBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const cmdArgs = process.platform === 'win32' ? ['/c', 'start', '', url] : [url];
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return;
  try {
    spawn(cmd, cmdArgs, { stdio: 'ignore', detached: true }).on('error', () => {}).unref();
  } catch {
    // No browser launcher: the address printed above is enough.
  }
}

async function runBrowserMode(reason: string): Promise<void> {
  console.log(`\nStarting Dossier in browser mode instead, because ${reason}.`);
  console.log('Everything works the same; the app runs on 127.0.0.1 only, protected by a one-time token.\n');
  ensureRenderer();
  const { runCli } = await import('../main/cli/run');
  const io = {
    out: (t: string) => {
      console.log(t);
      const url = /https?:\/\/\S+/.exec(t)?.[0];
      if (url) openBrowser(url);
    },
    err: (t: string) => console.error(t),
  };
  process.exitCode = await runCli([...args, 'serve'], io);
}

const bin = electronBinary() ?? (fetchElectron() ? electronBinary() : null);
if (bin && !process.env.DOSSIER_BROWSER) {
  if (!(await runElectron(bin))) await runBrowserMode('the database module could not be built for Electron');
} else {
  await runBrowserMode(process.env.DOSSIER_BROWSER ? 'DOSSIER_BROWSER is set' : 'the Electron binary is not installed and could not be downloaded here');
}
