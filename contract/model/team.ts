/** The team dossier (issue 19): its address, the sync's status, and what merges leave for a person to look at. */
import { z } from 'zod';
import { Id } from './common';

/** postgres://login@host:port/database?sslmode=... (a password in it is used once, never stored). */
export const TeamUrl = z
  .string()
  .trim()
  .min(1, 'Give the team’s PostgreSQL address.')
  .max(2000)
  .regex(/^postgres(ql)?:\/\//i, 'The team’s address starts with postgres://, for example postgres://anna@db.ministry.example/dossier?sslmode=verify-full.');

/** Connected and idle, exchanging, unreachable, stopped by the member, refused for a version mismatch, or failing. */
export const SYNC_STATES = ['off', 'idle', 'syncing', 'offline', 'paused', 'needs_update', 'needs_upgrade', 'error'] as const;
export const SyncState = z.enum(SYNC_STATES);

export const TeamStatus = z.object({
  member: z.boolean(),
  url: z.string().nullable(),
  login: z.string().nullable(),
  state: SyncState,
  /** Sync runs by itself here (the app or `serve`), live on others' changes. */
  live: z.boolean(),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** Changes made here not yet acknowledged by the team. */
  pending: z.number().int(),
  position: z.number().int(),
  /** Grows each time others' changes are applied here, so open screens know to refresh. */
  received: z.number().int(),
  /** Records deleted here or elsewhere while someone else edited them; they can be restored. */
  restorable: z.number().int(),
  /** Whether a password for this login is kept in the system keychain. */
  passwordKept: z.boolean(),
});
export type TeamStatus = z.infer<typeof TeamStatus>;


export const SectionConflict = z.object({
  id: Id,
  sectionId: Id,
  versionId: Id.nullable(),
  author: z.string(),
  at: z.string(),
});
export const Restorable = z.object({
  table: z.string(),
  gid: z.string(),
  /** What it was: the table as a word and its name or title. */
  kind: z.string(),
  label: z.string(),
  deletedBy: z.string(),
});


/** The URL with any password replaced, for messages and logs. */
export function redactUrl(raw: string): string {
  try {
    const u = new URL(raw);
    if (u.password) u.password = '***';
    const p = new URLSearchParams(u.search);
    if (p.has('password')) p.set('password', '***');
    u.search = p.toString() ? `?${p.toString()}` : '';
    return u.toString();
  } catch {
    return raw.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');
  }
}
