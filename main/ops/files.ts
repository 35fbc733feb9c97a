/**
 * Files Dossier writes outside its dossier: packs and the exports the command line writes, and packs opened in the
 * system viewer. Each is written so a reader never meets half of it, and so only its owner can read it (0600; see
 * store/private-files.ts); opened packs go to a folder of the user's own, never a shared, predictable path in /tmp.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, mkdirSync, mkdtempSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { PRIVATE_DIR, PRIVATE_FILE, myUid, posix, syncDirectory } from '../store/private-files';

/**
 * Writes `content` (text as UTF-8) to `path` atomically: a private temp file beside the target, flushed to disk,
 * renamed over it, the folder entry flushed. On any failure the temp file is removed and the target left as it was.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const dir = dirname(path);
  // Same directory, so the rename never crosses file systems; the random part avoids clashes between exports.
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
