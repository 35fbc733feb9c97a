/**
 * Files only their owner may read. Briefings, contact details and packs are the user's working papers: the dossier,
 * its WAL, backups and every file Dossier writes are created 0600 in folders created 0700 (ops/files.ts writes the
 * rest the same way). On Windows the modes mean little; the per-user profile folders already keep other users out.
 */
import { chmodSync, closeSync, copyFileSync, fsyncSync, mkdirSync, openSync, statSync } from 'node:fs';

export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;
export const posix = process.platform !== 'win32';
export const myUid = () => (posix && process.getuid ? process.getuid() : -1);

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
