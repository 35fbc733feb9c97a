/** Operations of the team dossier: joining a team through its PostgreSQL, syncing, and resolving what merges leave. */
import { z } from 'zod';
import { Id } from '../model/common';
import { Restorable, SectionConflict, TeamStatus, TeamUrl } from '../model/team';
import { op } from './op';

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
} as const;
