/**
 * Bundles the CLI (main/cli/dossier.ts) with esbuild into .build/cli.mjs, so `dossier` and `npm run dossier` start
 * from one JavaScript file instead of compiling TypeScript at every start (issue 16). Run by `npm run prepare`
 * (so by `npm install` / `npm ci`) and by `npm run build:cli`.
 *
 * What stays out of the bundle:
 * - better-sqlite3 (a native module) and pdfjs-dist (already imported on demand, by pack import only): external.
 * - pdfkit, google-libphonenumber and pg: external AND loaded on first use. Their CommonJS entry points cost far more
 *   to load than a whole `dossier list` takes (pg alone, through Node's fetch it touches, was 57 ms of a `serve`
 *   start), and most commands never touch them (`pack`, `import`, a team dossier's sync do). Each becomes a
 *   stand-in whose first property access or `new` requires the real module (synchronously, as the code expects).
 *
 * Beside the bundle, .build/cli.inputs.json lists the source files it was built from: bin/dossier.js runs the
 * TypeScript through tsx instead of a bundle older than any of them, so an edited checkout never runs stale code.
 */
import { build, type Plugin } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, '.build', 'cli.mjs');
const LAZY = ['pdfkit', 'google-libphonenumber', 'pg'];

/** A module whose default export is a stand-in for `name`, required on first use (see the header). */
const lazyModule = (name: string) => `
import { createRequire } from 'node:module';
const load = () => (real ??= createRequire(import.meta.url)(${JSON.stringify(name)}));
let real;
export default new Proxy(function lazy() {}, {
  get: (_, key) => (key === 'prototype' ? load().prototype : Reflect.get(load(), key)),
  has: (_, key) => Reflect.has(load(), key),
  construct: (_, args) => Reflect.construct(load(), args),
  apply: (_, self, args) => Reflect.apply(load(), self, args),
});
`;

const lazyPlugin: Plugin = {
  name: 'lazy-externals',
  setup(b) {
    const filter = new RegExp(`^(${LAZY.map((n) => n.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|')})$`);
    b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'lazy' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({ contents: lazyModule(args.path), loader: 'js', resolveDir: root }));
  },
};

/** One ES module bundle of `entry` with the CLI's externals (see the header), returned with the sources it holds. */
async function bundle(entry: string, out: string): Promise<{ js: Uint8Array; inputs: string[] }> {
  const result = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    write: false,
    outfile: out,
    metafile: true,
    logLevel: 'warning',
    external: ['better-sqlite3', 'pdfjs-dist', 'pdfjs-dist/*'],
    plugins: [lazyPlugin],
    // CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
    banner: { js: "import { createRequire as __dossierRequire } from 'node:module';\nconst require = __dossierRequire(import.meta.url);" },
    legalComments: 'none',
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.mjs'))!.contents;
  const inputs = Object.keys(result.metafile.inputs)
    .filter((p) => !p.includes(':') && !p.startsWith('node_modules/') && !p.includes('/node_modules/'))
    .map((p) => relative(root, resolve(root, p)));
  return { js, inputs };
}

/** Written beside and renamed into place: a CLI starting meanwhile sees the old file or the new one, never half. */
function writeAtomic(file: string, contents: Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, file);
}

/**
 * `out` is for tests: any .mjs one folder below the project root (the bundle finds node_modules and the app from there).
 * Beside it goes ops-lane.mjs, the worker thread an import runs on (main/ops/engine.ts looks for it there).
 */
export async function buildCli(out = OUT): Promise<void> {
  const lane = join(dirname(out), 'ops-lane.mjs');
  const [cli, worker] = await Promise.all([bundle('main/cli/dossier.ts', out), bundle('main/ops/lane.ts', lane)]);
  mkdirSync(dirname(out), { recursive: true });
  writeAtomic(lane, worker.js);
  writeFileSync(join(dirname(out), 'cli.inputs.json'), JSON.stringify([...new Set([...cli.inputs, ...worker.inputs])].sort()) + '\n');
  writeAtomic(out, cli.js);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli();
