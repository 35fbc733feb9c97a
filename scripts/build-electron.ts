/**
 * Bundles the Electron main process and preload with esbuild into .build/electron/ (CommonJS, as the
 * sandboxed preload requires). better-sqlite3 and electron stay external.
 */
import { build } from 'esbuild';

export async function buildElectron(): Promise<void> {
  const common = { bundle: true, platform: 'node' as const, target: 'node20', format: 'cjs' as const, sourcemap: true, logLevel: 'warning' as const, external: ['electron', 'better-sqlite3'] };
  await build({ ...common, entryPoints: ['main/electron/main.ts'], outfile: '.build/electron/main.cjs' });
  await build({ ...common, entryPoints: ['main/electron/preload.ts'], outfile: '.build/electron/preload.cjs' });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildElectron();
