// Layers enforced by lint, not review (STYLE.md): each folder may import only the layers it is allowed to, the
// Svelte components included. scripts/layers.test.ts runs these rules over the tree and names every crossing.
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

// Our folders as import strings see them ('../store/db', '../../../../contract/model').
const FOLDER = {
  contract: '**/contract/**',
  store: '**/store/**',
  assemble: '**/assemble/**',
  pack: '**/pack/**',
  formats: '**/formats/**',
  ops: '**/ops/**',
  host: '**/host/**',
  cli: '**/cli/**',
  electron: '**/electron/**',
  renderer: '**/renderer/**',
  data: '**/data/**',
  tooling: ['**/scripts/**', '**/bench/**', '**/e2e/**'],
  testSupport: '**/test-support/**',
  team: '**/team/**',
};
// Packages that belong to one layer only.
const ONLY = { 'better-sqlite3': 'main/store', pdfkit: 'main/pack', electron: 'main/electron', 'node:http': 'main/host', pg: 'main/team' };

/**
 * One no-restricted-imports block per folder: `deny` names the folders it may not reach, `packages` the libraries it
 * may not load, `groups` path globs with `!glob` exceptions. Tests may reach across (they set up what they test); the
 * rules hold for everything else.
 */
const layer = (files, { deny = [], packages = [], regex = [], groups = [] }, message) => ({
  files,
  ignores: ['**/*.test.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...deny.flatMap((f) => [FOLDER[f]].flat()).map((group) => ({ group: [group], message })),
          ...packages.map((p) => ({ group: [p, `${p}/**`], message: `${p} belongs to ${ONLY[p] ?? 'another layer'} only. ${message}` })),
          ...regex.map((r) => ({ regex: r, message })),
          ...groups.map((group) => ({ group, message })),
        ],
      },
    ],
  },
});

const APP_LAYERS = ['store', 'assemble', 'pack', 'formats', 'team', 'ops', 'host', 'cli', 'electron', 'renderer', 'data', 'tooling', 'testSupport'];
const except = (...allowed) => APP_LAYERS.filter((l) => !allowed.includes(l));
const code = (dir) => [`${dir}/**/*.ts`, `${dir}/**/*.svelte`];

export default tseslint.config(
  { ignores: ['node_modules/**', 'renderer/dist/**', '.build/**', 'dist/**', 'test-results/**', 'artifacts/**', '**/*.js'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
  },
  // Components: the Svelte plugin's recommended rules, TypeScript in <script lang="ts">.
  ...svelte.configs.recommended,
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
    rules: {
      // A warning silenced in a component says why, in brackets after the code: <!-- svelte-ignore a11y_autofocus (why) -->.
      'no-restricted-syntax': [
        'error',
        { selector: 'SvelteHTMLComment[value=/^\\s*svelte-ignore\\s[^(]*$/]', message: 'Give the reason for a svelte-ignore in brackets after the codes: <!-- svelte-ignore code (why) -->.' },
      ],
    },
  },

  // contract → nothing but zod: no other package, and no relative import that leaves contract/.
  layer(['contract/*.ts'], { regex: ['^(?!zod$|\\./)'] }, 'contract/ is zod and types only.'),
  layer(['contract/*/**/*.ts'], { regex: ['^(?!zod$|\\./|\\.\\./(?!\\.\\./))'] }, 'contract/ is zod and types only.'),
  // store, pack, formats → contract.
  layer(['main/store/**/*.ts'], { deny: except(), packages: ['pdfkit', 'electron', 'node:http', 'pg'] }, 'main/store depends on contract/ only.'),
  layer(['main/pack/**/*.ts'], { deny: except('data'), packages: ['better-sqlite3', 'electron', 'node:http', 'pg'] }, 'main/pack is data in, bytes out: no database, no Electron.'),
  layer(['main/formats/**/*.ts'], { deny: except(), packages: ['better-sqlite3', 'pdfkit', 'electron', 'node:http', 'pg'] }, 'main/formats are pure parsers: text in, data out.'),
  // assemble → contract, store, formats, and from the pack only its document types and labels (no layout, no pdfkit).
  layer(
    ['main/assemble/**/*.ts'],
    { deny: except('store', 'formats', 'pack'), groups: [['**/pack/**', '!**/pack/document', '!**/pack/markdown-flat', '!**/pack/labels', '!**/pack/labels/**']], packages: ['better-sqlite3', 'pdfkit', 'electron', 'node:http', 'pg'] },
    'main/assemble: store, formats and contract in, a PackSource and a PackDocument out; no layout (main/pack), no ops.',
  ),
  // team → contract, store and PostgreSQL (pg): the sync client, nothing above it.
  layer(['main/team/**/*.ts'], { deny: except('store'), packages: ['better-sqlite3', 'pdfkit', 'electron', 'node:http'] }, 'main/team is the sync client: PostgreSQL (pg) and the store, nothing above them.'),
  // ops → contract, store, assemble, pack, formats, team (and the demo data).
  layer(['main/ops/**/*.ts'], { deny: except('store', 'assemble', 'pack', 'formats', 'team', 'data'), packages: ['better-sqlite3', 'pdfkit', 'electron', 'node:http', 'pg'] }, 'main/ops uses store, assemble, pack, formats and team; transports call ops, not the reverse.'),
  // electron, host, cli → ops and contract: they reach the store only through ops. `serve` runs the host in-process.
  layer(['main/host/**/*.ts'], { deny: except('ops'), packages: ['better-sqlite3', 'pdfkit', 'electron', 'pg'] }, 'The host calls ops through dispatch; it reaches the store only through ops.'),
  layer(['main/cli/**/*.ts'], { deny: except('ops', 'host'), packages: ['better-sqlite3', 'pdfkit', 'electron', 'node:http', 'pg'] }, 'The CLI calls ops through dispatch; it reaches the store only through ops.'),
  layer(['main/electron/**/*.ts'], { deny: except('ops'), packages: ['better-sqlite3', 'pdfkit', 'node:http', 'pg'] }, 'The Electron shell is thin: it calls ops and reaches the store only through them.'),
  // renderer → contract only, components included.
  layer(code('renderer'), { deny: ['data', 'tooling'], packages: ['better-sqlite3', 'pdfkit', 'electron', 'pg'], regex: ['^node:', '(^|/)main/'] }, 'The renderer talks to main only through the contract.'),
);
