#!/usr/bin/env node
// The installed `dossier` command: runs the TypeScript CLI through tsx's loader (no separate build step).
import { register } from 'tsx/esm/api';

register();
await import('../main/cli/dossier.ts');
