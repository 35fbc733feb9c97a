/**
 * Files only their owner may read. Briefings, contact details and packs are the user's working papers: the dossier,
 * its WAL, backups and every file Dossier writes are created 0600 in folders created 0700, written atomically, and
 * packs opened in the system viewer go to a per-user private folder, never a shared, predictable path in /tmp.
 * (On Windows the modes mean little; the per-user profile folders already keep other users out.)
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, copyFileSync, fsyncSync, lstatSync, mkdirSync, mkdtempSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;
const posix = process.platform !== 'win32';
const myUid = () => (posix && process.getuid ? process.getuid() : -1);

/** Creates `dir` (and missing parents) 0700. With `ours`, an existing folder that is Dossier's own is tightened too. */
export function makePrivateDir(dir: string, ours = false): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
  if (ours) tighten(dir, PRIVATE_DIR);
}

/** Takes group and other permissions off a file or folder we own (an older Dossier created them 0644/0755). */
export function tighten(path: string, mode: number = PRIVATE_FILE): void {
  if (!posix) return;
  try {
    const st = statSync(path);
    if (st.uid === myUid() && (st.mode & 0o077) !== 0) chmodSync(path, mode);
  } catch {
    // Gone, or not ours to change: nothing to tighten.
  }
}

/** Creates an empty file 0600 if none exists, so a program that then opens it (SQLite) keeps those permissions. */
export function createPrivateFile(path: string): void {
  try {
    closeSync(openSync(path, 'wx', PRIVATE_FILE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}

/** A byte-for-byte copy that is private from its first byte (copyFile would take the source's mode). */
export function copyPrivately(from: string, to: string): void {
  createPrivateFile(to);
  copyFileSync(from, to);
  tighten(to);
}

/**
 * Writes `content` to `path` so a reader never meets half a file: a private temp file beside the target, flushed to
 * disk, renamed over it, the folder entry flushed. On any failure the temp file is removed and the target left as it was.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const dir = dirname(path);
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  // Same folder, so the rename never crosses file systems; the random part keeps concurrent writers apart.
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', PRIVATE_FILE);
    try {
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  syncDirectory(dir);
}

/** Makes a rename durable. Not every platform can open a folder (Windows cannot): best effort. */
export function syncDirectory(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // The file is complete and renamed; only the folder entry's durability is left to the OS.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Is `dir` a real folder (not a link) that belongs to us and that nobody else may enter? */
function isOwnPrivateDir(dir: string): boolean {
  try {
    const st = lstatSync(dir);
    return st.isDirectory() && !st.isSymbolicLink() && (!posix || (st.uid === myUid() && (st.mode & 0o077) === 0));
  } catch {
    return false;
  }
}

const fallbacks = new Map<string, string>();

/**
 * A folder for `name` that only this user can enter: under $XDG_RUNTIME_DIR where the session has one (per user,
 * 0700, emptied at logout), else `<tmp>/<name>-<uid>`, created 0700 and used only if it is a real folder of ours
 * with no access for others. Anyone can create that path first in a shared /tmp: then a fresh random folder is made
 * for this process instead, so a planted folder or link is never written into.
 */
export function privateTempDir(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const runtime = env.XDG_RUNTIME_DIR;
  const base = runtime && isOwnPrivateDir(runtime) ? runtime : tmpdir();
  const dir = join(base, posix && base !== runtime ? `${name}-${myUid()}` : name);
  try {
    mkdirSync(dir, { mode: PRIVATE_DIR });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  if (isOwnPrivateDir(dir)) return dir;
  let fallback = fallbacks.get(name);
  if (!fallback || !isOwnPrivateDir(fallback)) fallbacks.set(name, (fallback = mkdtempSync(join(tmpdir(), `${name}-`))));
  return fallback;
}
