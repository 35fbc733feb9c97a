/**
 * Writes a file so a reader never meets half of it (a pack, an export the command line writes): the bytes go to a
 * temp file beside the target, are flushed to disk, and the temp file is renamed over the target. On any failure the
 * temp file is removed and an existing file at the target is left as it was.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Writes `content` (text as UTF-8) to `path` atomically: temp file in the same directory + fsync + rename. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const dir = dirname(path);
  // Same directory, so the rename never crosses file systems; the random part avoids clashes between exports.
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', 0o644);
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

/** Makes the rename itself durable. Not every platform can open a directory (Windows cannot): best effort. */
function syncDirectory(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // The file is complete and renamed; only the directory entry's durability is left to the OS.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
