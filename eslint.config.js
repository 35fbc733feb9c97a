// Layers enforced by lint, not review (STYLE.md): each folder may import only the layers below it.
import tseslint from 'typescript-eslint';

const layer = (files, patterns, message) => ({
  files,
  ignores: ['**/*.test.ts'],
  rules: { 'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message })) }] },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'renderer/dist/**', '.build/**', 'dist/**', 'test-results/**', 'artifacts/**', '**/*.svelte', '**/*.js'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
  },
  layer(['contract/**/*.ts'], ['**/main/**', '**/renderer/**', 'better-sqlite3', 'pdfkit', 'electron', 'node:*'], 'contract/ is zod and types only.'),
  layer(['main/store/**/*.ts'], ['**/ops/**', '**/team/**', 'pg', '**/pack/**', '**/host/**', '**/electron/**', '**/cli/**', '**/renderer/**', 'pdfkit', 'electron'], 'main/store depends on contract/ only.'),
  layer(['main/pack/**/*.ts'], ['**/store/**', '**/ops/**', '**/host/**', '**/electron/**', '**/cli/**', '**/renderer/**', 'better-sqlite3', 'electron'], 'main/pack is data in, bytes out: no database, no Electron.'),
  layer(['main/formats/**/*.ts'], ['**/store/**', '**/ops/**', '**/pack/**', '**/host/**', '**/electron/**', '**/cli/**', '**/renderer/**', 'better-sqlite3', 'pdfkit', 'electron'], 'main/formats are pure parsers: text in, data out.'),
  layer(['main/ops/**/*.ts'], ['**/host/**', '**/electron/**', '**/cli/**', '**/renderer/**', 'better-sqlite3', 'pdfkit', 'electron', 'pg'], 'main/ops uses store, pack, formats and team; transports call ops, not the reverse.'),
  layer(['main/team/**/*.ts'], ['**/ops/**', '**/pack/**', '**/host/**', '**/electron/**', '**/cli/**', '**/renderer/**', 'better-sqlite3', 'pdfkit', 'electron'], 'main/team is the sync client: PostgreSQL (pg) and the store, nothing above them.'),
  layer(['main/host/**/*.ts', 'main/cli/**/*.ts'], ['**/renderer/**', '**/team/**', 'pg', 'better-sqlite3', 'pdfkit', 'electron'], 'Transports call ops through dispatch.'),
  layer(['main/electron/**/*.ts'], ['**/renderer/**', '**/team/**', 'pg', 'better-sqlite3', 'pdfkit', 'node:http'], 'The Electron shell is thin: it calls ops.'),
  layer(['renderer/**/*.ts'], ['**/main/**', 'node:*', 'electron', 'better-sqlite3', 'pdfkit'], 'The renderer talks to main only through the contract.'),
);
