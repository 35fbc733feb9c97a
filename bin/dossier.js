#!/usr/bin/env node
// The installed `dossier` command (and `npm run dossier`). It runs the bundle `npm install` builds (.build/cli.mjs,
// scripts/build-cli.ts): plain JavaScript, so it starts at once. Without the bundle, or when a source file it was
// built from is newer (an edited checkout), it runs the TypeScript through tsx instead: slower to start, never stale.
import { readFileSync, statSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const bundle = new URL('.build/cli.mjs', root);

function bundleIsCurrent() {
  try {
    const built = statSync(bundle).mtimeMs;
    const inputs = JSON.parse(readFileSync(new URL('.build/cli.inputs.json', root), 'utf8'));
    return inputs.every((path) => {
      try {
        return statSync(new URL(path, root)).mtimeMs <= built;
      } catch {
        return true; // a source that is not shipped cannot be newer
      }
    });
  } catch {
    return false;
  }
}

if (bundleIsCurrent()) {
  await import(bundle.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('main/cli/dossier.ts', root).href);
}
