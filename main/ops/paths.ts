/** Where Dossier keeps its file: the same place for the app, the CLI and the host, so they share one dossier. */
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

/** The project root (where package.json, data/ and renderer/dist live), from this file's location. */
export const appRoot = (): string => resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
