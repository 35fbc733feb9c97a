/**
 * The team dossier's operations. Sync itself lives in main/team (a client of PostgreSQL); here it is started for
 * a dossier (`startTeamSync`, by the app and `serve`), or run once where nothing runs it (the CLI).
 * A password given to create or join is used for that session only, or kept in the OS keychain when asked and
 * available; never in the dossier, its backups or a log.
 */
import { DossierError } from '../../contract/errors';
import type { TeamStatus } from '../../contract/model/team';
import { openConflicts, resolveConflict, restorableRecords, restoreRecord } from '../store/sync/review';
import { getTeamState, pendingChanges, updateTeamState } from '../store/sync/state';
import { type Credentials, connect, keychainAccount } from '../team/connect';
import { LiveSync } from '../team/live';
import { createTeam, joinTeam, leaveTeam } from '../team/membership';
import { syncOnce } from '../team/sync';
import { type TeamAddress, parseTeamUrl } from '../team/url';
import { type HandlerMap, type OpsContext, type ReadContext, exclusive } from './context';

/** Live sync per dossier file (one per process), and passwords given this session. */
const services = new Map<string, LiveSync>();
const sessionPasswords = new Map<string, string>();

function credentials(ctx: OpsContext): Credentials {
  const s = getTeamState(ctx.db);
  return { password: s ? (sessionPasswords.get(`${ctx.dbPath}|${s.url}`) ?? null) : null, keychain: ctx.keychain ?? null };
}

/** Starts sync that runs by itself for this dossier (idle until it belongs to a team). */
export function startTeamSync(ctx: OpsContext, log?: (msg: string) => void): LiveSync {
  const existing = services.get(ctx.dbPath);
  if (existing) return existing;
  const live = new LiveSync({ db: () => ctx.db, credentials: () => credentials(ctx), log });
  services.set(ctx.dbPath, live);
  live.start();
  return live;
}

export async function stopTeamSync(ctx: OpsContext): Promise<void> {
  const live = services.get(ctx.dbPath);
  services.delete(ctx.dbPath);
  await live?.stop();
}

async function withClient<T>(ctx: OpsContext, a: TeamAddress, password: string | undefined, fn: (c: Awaited<ReturnType<typeof connect>>) => Promise<T>): Promise<T> {
  const c = await connect(a, { password: password ?? a.password, keychain: ctx.keychain ?? null });
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => {});
  }
}

/** After a successful create or join: where the password (if one was given) is kept, and sync started. */
async function remember(ctx: OpsContext, a: TeamAddress, password: string | undefined, keep: boolean): Promise<void> {
  const secret = password ?? a.password;
  if (secret) {
    sessionPasswords.set(`${ctx.dbPath}|${a.url}`, secret);
    if (keep && ctx.keychain) await ctx.keychain.save(keychainAccount(a), secret);
  }
  services.get(ctx.dbPath)?.kick(0);
}

async function status(ctx: ReadContext): Promise<TeamStatus> {
  const s = getTeamState(ctx.db);
  const live = services.get(ctx.dbPath);
  let passwordKept = false;
  if (s && ctx.keychain) {
    try {
      passwordKept = !!(await ctx.keychain.load(keychainAccount(parseTeamUrl(s.url))));
    } catch {
      passwordKept = false;
    }
  }
  const state = !s ? 'off' : s.paused ? 'paused' : live ? (live.state === 'off' ? 'syncing' : live.state) : s.lastError ? 'error' : 'idle';
  return {
    member: !!s,
    url: s?.url ?? null,
    login: s?.login ?? null,
    state,
    live: !!live,
    lastSyncAt: s?.lastSyncAt ?? null,
    lastError: live ? live.lastError : (s?.lastError ?? null),
    pending: pendingChanges(ctx.db),
    position: s?.position ?? 0,
    received: live?.received ?? 0,
    restorable: restorableRecords(ctx.db).length,
    passwordKept,
  };
}

const member = (ctx: OpsContext) => {
  const s = getTeamState(ctx.db);
  if (!s) throw new DossierError('conflict', 'This dossier does not belong to a team. Join one with “dossier team join <url>” or in Preferences → Team.');
  return s;
};

export const teamHandlers: HandlerMap<
  'team.status' | 'team.create' | 'team.join' | 'team.leave' | 'team.pause' | 'sync.run' | 'conflict.list' | 'conflict.resolve' | 'team.restorable' | 'team.restore'
> = {
  'team.status': (_, ctx) => status(ctx),
  // Create, join, leave, pause and sync talk to PostgreSQL between their own short transactions: exclusive writes.
  'team.create': exclusive(async ({ url, password, remember: keep, role }, ctx) => {
    const a = parseTeamUrl(url);
    const r = await withClient(ctx, a, password, (c) => createTeam(c, ctx.db, a, { role, signal: ctx.signal, progress: ctx.progress }));
    await remember(ctx, a, password, keep);
    return r;
  }),
  'team.join': exclusive(async ({ url, password, remember: keep }, ctx) => {
    const a = parseTeamUrl(url);
    const r = await withClient(ctx, a, password, (c) => joinTeam(c, ctx.db, a, { signal: ctx.signal, progress: ctx.progress }));
    await remember(ctx, a, password, keep);
    return r;
  }),
  'team.leave': exclusive(async ({ force }, ctx) => {
    const s = member(ctx);
    leaveTeam(ctx.db, force, pendingChanges(ctx.db));
    sessionPasswords.delete(`${ctx.dbPath}|${s.url}`);
    if (ctx.keychain) await ctx.keychain.clear(keychainAccount(parseTeamUrl(s.url))).catch(() => {});
    services.get(ctx.dbPath)?.kick(0);
    return { ok: true as const };
  }),
  'team.pause': exclusive(async ({ paused }, ctx) => {
    member(ctx);
    ctx.db.transaction(() => updateTeamState(ctx.db, { paused })).immediate();
    services.get(ctx.dbPath)?.kick(0);
    return status(ctx);
  }),
  'sync.run': exclusive(async ({ upgradeTeam }, ctx) => {
    const s = member(ctx);
    const opts = { upgradeTeam, signal: ctx.signal, progress: ctx.progress };
    const live = services.get(ctx.dbPath);
    if (live) {
      const r = await live.syncNow(opts);
      if (r) return r;
    }
    const a = parseTeamUrl(s.url);
    return withClient(ctx, a, credentials(ctx).password ?? undefined, (c) => syncOnce(c, ctx.db, opts));
  }),
  'conflict.list': ({ briefingId }, { db }) => openConflicts(db, briefingId),
  'conflict.resolve': ({ id, take }, { db }) => {
    resolveConflict(db, id, take);
    return { ok: true as const };
  },
  'team.restorable': (_, { db }) => restorableRecords(db),
  'team.restore': ({ table, gid }, { db }) => ({ ok: true as const, restored: restoreRecord(db, table, gid) }),
};
