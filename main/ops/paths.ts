/** Where Dossier keeps its file: the same place for the app, the CLI and the host, so they share one dossier. */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Dossier');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Dossier');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'dossier');
}

/** `--db` beats `DOSSIER_DB` beats the per-user data directory. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return resolve(flag);
  if (env.DOSSIER_DB) return resolve(env.DOSSIER_DB);
  return join(defaultDataDir(env), 'dossier.db');
}

/**
 * The project root (where package.json, data/ and renderer/dist live): the nearest folder up from this module that
 * holds package.json. Found, not counted, because this module also runs from the CLI bundle in .build/.
 */
export function appRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
