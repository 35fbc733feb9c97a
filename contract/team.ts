/**
 * The team dossier's operations (issue 19): joining a team through its PostgreSQL, syncing, its status, and what
 * merges leave for a person to look at — section conflicts and records deleted while someone else edited them.
 */
import { z } from 'zod';
import { Id } from './model';

interface OpSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  kind: 'read' | 'write';
  doc: string;
}
const op = <I extends z.ZodType, O extends z.ZodType>(spec: OpSpec<I, O>) => spec;

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

const Membership = z.object({ teamId: z.string(), login: z.string(), records: z.number().int(), position: z.number().int() });
const SyncResult = z.object({
  pushed: z.number().int(),
  pulled: z.number().int(),
  applied: z.number().int(),
  conflicts: z.number().int(),
  position: z.number().int(),
  pending: z.number().int(),
});
const Connect = z.object({
  url: TeamUrl,
  /** Used for this connection; kept only in the system keychain (desktop app) when `remember` is set. */
  password: z.string().max(1000).optional(),
  remember: z.boolean().default(false),
});

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

export const teamOps = {
  'team.status': op({ input: z.object({}), output: TeamStatus, kind: 'read', doc: 'Whether this dossier belongs to a team, how its sync stands, and what is waiting to go out.' }),
  'team.create': op({
    input: Connect.extend({ role: z.string().trim().max(63).optional() }),
    output: Membership,
    kind: 'write',
    doc: 'Make this dossier the team’s: create Dossier’s schema in the (empty) PostgreSQL database and upload every record.',
  }),
  'team.join': op({ input: Connect, output: Membership, kind: 'write', doc: 'Give this new or empty dossier the team’s full copy and keep it in step from now on.' }),
  'team.leave': op({
    input: z.object({ force: z.boolean().default(false) }),
    output: z.object({ ok: z.literal(true) }),
    kind: 'write',
    doc: 'Stop being a replica of the team; the data stays here as an ordinary dossier. Refused while changes have not gone out, unless forced.',
  }),
  'team.pause': op({ input: z.object({ paused: z.boolean() }), output: TeamStatus, kind: 'write', doc: 'Disconnect from the team (work apart; changes wait here) or connect again.' }),
  'sync.run': op({
    input: z.object({ upgradeTeam: z.boolean().default(false) }),
    output: SyncResult,
    kind: 'write',
    doc: 'Push this dossier’s changes to the team and pull the others’; with upgradeTeam, first raise the team’s schema to this Dossier’s.',
  }),
  'conflict.list': op({
    input: z.object({ briefingId: Id }),
    output: z.array(SectionConflict),
    kind: 'read',
    doc: 'Open conflicts of a briefing’s sections: texts written apart whose other text is kept as a version.',
  }),
  'conflict.resolve': op({
    input: z.object({ id: Id, take: z.boolean() }),
    output: z.object({ ok: z.literal(true) }),
    kind: 'write',
    doc: 'Close a section conflict, keeping the current text, or (take) putting the conflict version’s text back as current.',
  }),
  'team.restorable': op({ input: z.object({}), output: z.array(Restorable), kind: 'read', doc: 'Records deleted while someone else edited them, restorable with their edits.' }),
  'team.restore': op({
    input: z.object({ table: z.string().max(100), gid: z.string().max(200) }),
    output: z.object({ ok: z.literal(true), restored: z.number().int() }),
    kind: 'write',
    doc: 'Bring back a deleted record with its edits (and what was deleted with it, and the records it belongs to).',
  }),
};

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
