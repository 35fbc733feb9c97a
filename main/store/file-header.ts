/**
 * An SQLite file's 100-byte header (and page 1's b-tree header), read as bytes. Deciding whether a file is ours this
 * way creates nothing beside it: opening a WAL-mode file through SQLite, even read-only, leaves `-wal` and `-shm`
 * files next to it, and a refused file must be left exactly as it was found (https://sqlite.org/fileformat2.html).
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

export const SQLITE_MAGIC = 'SQLite format 3\u0000';

export interface FileHeader {
  /** False when the first 16 bytes are not SQLite's magic string. */
  sqlite: boolean;
  pageSize: number;
  /** The header's own fields are impossible (damaged, though it starts like SQLite). */
  malformed: boolean;
  /** Write version 2: the file is in WAL mode, so committed pages may still sit in `<file>-wal`. */
  wal: boolean;
  /** Bumped on every schema change: 0 for a database in which no table was ever created. */
  schemaCookie: number;
  userVersion: number;
  applicationId: number;
  /** Page 1 (the schema table) is a leaf with no rows: the database has no tables, views or indexes. */
  emptySchema: boolean;
}

/** The header of `path`, or null for a missing or empty file (a new dossier). */
export function readHeader(path: string): FileHeader | null {
  if (!existsSync(path) || statSync(path).size === 0) return null;
  const b = Buffer.alloc(112);
  const fd = openSync(path, 'r');
  let n: number;
  try {
    n = readSync(fd, b, 0, b.length, 0);
  } finally {
    closeSync(fd);
  }
  const sqlite = n >= 16 && b.toString('latin1', 0, 16) === SQLITE_MAGIC;
  const raw = b.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const malformed =
    !sqlite ||
    n < 108 ||
    pageSize < 512 ||
    (pageSize & (pageSize - 1)) !== 0 ||
    ![1, 2].includes(b[18]!) ||
    ![1, 2].includes(b[19]!) ||
    b[21] !== 64 ||
    b[22] !== 32 ||
    b[23] !== 32 ||
    ![0x05, 0x0d].includes(b[100]!);
  return {
    sqlite,
    pageSize,
    malformed,
    wal: b[18] === 2 || b[19] === 2,
    schemaCookie: b.readUInt32BE(40),
    userVersion: b.readUInt32BE(60),
    applicationId: b.readUInt32BE(68),
    emptySchema: b[100] === 0x0d && b.readUInt16BE(103) === 0,
  };
}

/** Is there a write-ahead log beside `path` with pages not yet in the file itself (a live or crashed writer)? */
export const hasLiveWal = (path: string): boolean => existsSync(`${path}-wal`) && statSync(`${path}-wal`).size > 0;
