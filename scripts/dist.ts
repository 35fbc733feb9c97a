/**
 * `npm run dist [-- --linux | --mac | --win]`: builds the installers with electron-builder (AppImage and deb,
 * dmg, nsis; see electron-builder.yml). Packaging needs Electron itself; where its binary is not installed
 * (it is fetched from the internet, which this machine may not have) this stops with a clear message before
 * anything else runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const electronDir = join(root, 'node_modules', 'electron');

/** The path of the installed Electron binary, or null (the package is there, its download is not). */
export function electronBinary(dir = electronDir): string | null {
  try {
    const bin = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!electronBinary()) {
  console.error(
    [
      'npm run dist: cannot build the installers here: the Electron binary is not installed',
      `(${join('node_modules', 'electron', 'dist')} is missing; npm does not fetch it during install).`,
      'Building installers needs Electron and, for each target, electron-builder downloads its packaging tools,',
      'so it needs the internet. On a machine that has it, run `npm start` once (it fetches Electron),',
      'or `node node_modules/electron/install.js`, then `npm run dist` again.',
    ].join('\n'),
  );
  process.exit(1);
}

run('npm', ['run', '--silent', 'build']);
// electron-builder rebuilds better-sqlite3 for Electron's ABI (npmRebuild, buildDependenciesFromSource) in
// node_modules itself; rebuild it for Node afterwards so tests and the CLI keep working.
const r = spawnSync('npx', ['electron-builder', '--config', 'electron-builder.yml', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
run('npm', ['rebuild', 'better-sqlite3']);
process.exit(r.status ?? 1);
