/**
 * Bundles the Electron main process, the preload, the operations process (a utilityProcess that owns the dossier) and
 * its long-work lane (a worker thread) with esbuild into .build/electron/ (CommonJS, as the sandboxed preload
 * requires). better-sqlite3 and electron stay external. The lane and the contact reader are found beside the operations
 * process (main/ops/threads.ts).
 */
import { build } from 'esbuild';

export async function buildElectron(out = '.build/electron'): Promise<void> {
  const common = { bundle: true, platform: 'node' as const, target: 'node20', format: 'cjs' as const, sourcemap: true, logLevel: 'warning' as const, external: ['electron', 'better-sqlite3'] };
  await build({ ...common, entryPoints: ['main/electron/main.ts'], outfile: `${out}/main.cjs` });
  await build({ ...common, entryPoints: ['main/electron/preload.ts'], outfile: `${out}/preload.cjs` });
  // In a CommonJS bundle import.meta.url is empty: it becomes the bundle's own file URL, so createRequire and
  // relative URLs keep working. pdfkit stays outside the bundle: it reads its data files beside its own sources.
  const ops = {
    ...common,
    external: [...common.external, 'pdfkit'],
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  };
  await build({ ...ops, entryPoints: ['main/electron/ops-process.ts'], outfile: `${out}/ops-process.cjs` });
  // The worker threads (main/ops/threads.ts): the long-work lane, and the reader of a large contact import.
  for (const name of ['lane', 'contact-reader']) await build({ ...ops, entryPoints: [`main/ops/${name}.ts`], outfile: `${out}/ops-${name}.cjs` });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildElectron();
