/**
 * How Dossier starts a worker thread of its own (the long-work lane, an import's reader): the bundled entry beside
 * the running file (`ops-<name>.cjs` in the Electron build, `ops-<name>.mjs` beside the CLI bundle), else the source
 * `main/ops/<name>.ts` through tsx, registered inside the worker first (Node 20 does not hand --import hooks to a
 * worker's entry). The builds (scripts/build-cli.ts, scripts/build-electron.ts) put every such entry beside the bundle.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The worker threads main/ops starts, by the name of their entry (main/ops/<name>.ts, bundled as ops-<name>.*). */
export type ThreadEntry = 'lane' | 'contact-reader';

export function startThread(name: ThreadEntry, options: WorkerOptions): Worker {
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  const dir = bundledIn ?? (here.endsWith('.ts') ? null : dirname(here));
  if (dir !== null) {
    for (const bundledName of [`ops-${name}.cjs`, `ops-${name}.mjs`]) {
      const bundled = join(dir, bundledName);
      if (existsSync(bundled)) return new Worker(bundled, options);
    }
  }
  return sourceWorker(here.endsWith('.ts') ? join(dirname(here), `${name}.ts`) : join(dirname(here), '..', '..', 'main', 'ops', `${name}.ts`), options);
}

let bundledIn: string | null = null;
/**
 * Runs the sources with the threads' bundled entries from `dir` (null: as above). The contacts bench times an import
 * with the reader as the app ships it: started from the sources, the thread spends most of a second compiling TypeScript.
 */
export function startBundledThreadsFrom(dir: string | null): void {
  bundledIn = dir;
}

/**
 * A worker thread running a TypeScript module from the sources: tsx is registered in the worker first (Node 20 does
 * not hand --import hooks to a worker's entry).
 */
export function sourceWorker(source: string, options: WorkerOptions): Worker {
  const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
  const tsx = pathToFileURL(join(dirname(createRequire(import.meta.url ?? pathToFileURL(here).href).resolve('tsx/esm/api')), 'index.mjs')).href;
  const boot = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(pathToFileURL(source).href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`), options);
}
