#!/usr/bin/env node
/** Entry point of `dossier` / `npm run --silent dossier -- ...`. */
import { runCli } from './run';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`dossier: ${(err as Error).message}\n`);
    process.exitCode = 1;
  },
);
