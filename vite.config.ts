import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The renderer: built to renderer/dist, served by main/host (browser mode) or the app:// protocol (Electron).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [svelte()],
  // zod, jitless before any schema is made (renderer/src/lib/csp.ts).
  resolve: { alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('renderer/src/lib/csp.ts', import.meta.url)) }] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1' },
});
