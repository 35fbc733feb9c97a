// Layers enforced by lint, not review (STYLE.md): each folder may import only the layers below it.
import tseslint from 'typescript-eslint';

// A pattern is a path glob, or a list of globs where `!glob` makes an exception (main/assemble may use two pack files).
const layer = (files, patterns, message) => ({
  files,
  ignores: ['**/*.test.ts'],
  rules: { 'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: Array.isArray(group) ? group : [group], message })) }] },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'renderer/dist/**', '.build/**', 'dist/**', 'test-results/**', 'artifacts/**', '**/*.svelte', '**/*.js'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
  },
  layer(['contract/**/*.ts'], ['**/main/**', '**/renderer/**', 'better-sqlite3', 'pdfkit', 'electron', 'node:*'], 'contract/ is zod and types only.'),
  layer(['main/store/**/*.ts'], ['**/ops/**', '**/assemble/**', '**/pack/**', '**/host/**', '**/electron/**', '**/cli/**', '**/renderer/**', 'pdfkit', 'electron'], 'main/store depends on contract/ only.'),
  layer(['main/pack/**/*.ts'], ['**/store/**', '**/assemble/**', '**/ops/**', '**/host/**', '**/electron/**', '**/cli/**', '**/renderer/**', 'better-sqlite3', 'electron'], 'main/pack is data in, bytes out: no database, no Electron.'),
  layer(['main/formats/**/*.ts'], ['**/store/**', '**/assemble/**', '**/ops/**', '**/pack/**', '**/host/**', '**/electron/**', '**/cli/**', '**/renderer/**', 'better-sqlite3', 'pdfkit', 'electron'], 'main/formats are pure parsers: text in, data out.'),
  // main/assemble reads a pack's data (the store) and makes its document: from the pack it takes only the document's
  // types and the labels, never pdfkit or the layout; ops call it, never the reverse.
  layer(
    ['main/assemble/**/*.ts'],
    [['**/pack/**', '!**/pack/document', '!**/pack/labels', '!**/pack/labels/**'], '**/ops/**', '**/host/**', '**/electron/**', '**/cli/**', '**/renderer/**', 'better-sqlite3', 'pdfkit', 'electron'],
    'main/assemble: store, formats and contract in, a PackSource and a PackDocument out; no layout (main/pack), no ops.',
  ),
  layer(['main/ops/**/*.ts'], ['**/host/**', '**/electron/**', '**/cli/**', '**/renderer/**', 'better-sqlite3', 'pdfkit', 'electron'], 'main/ops uses store, assemble, pack and formats; transports call ops, not the reverse.'),
  layer(['main/host/**/*.ts', 'main/cli/**/*.ts'], ['**/renderer/**', 'better-sqlite3', 'pdfkit', 'electron'], 'Transports call ops through dispatch.'),
  layer(['main/electron/**/*.ts'], ['**/renderer/**', 'better-sqlite3', 'pdfkit', 'node:http'], 'The Electron shell is thin: it calls ops.'),
  layer(['renderer/**/*.ts'], ['**/main/**', 'node:*', 'electron', 'better-sqlite3', 'pdfkit'], 'The renderer talks to main only through the contract.'),
);
