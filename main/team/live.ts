/**
 * Sync that runs by itself wherever the operations run (the app's main process, `dossier serve`, later a worker):
 * after each local change that produced something to share, on every NOTIFY from another member's push, and every
 * half minute as a safety net. Offline it waits and retries with growing pauses; nothing the member does ever
 * waits for it. It holds one connection, which also LISTENs.
 */
import type pg from 'pg';
import { DossierError } from '../../contract/errors';
import type { SYNC_STATES } from '../../contract/model/team';
import type { WriteDb } from '../store/db';
import { noteSync } from '../store/sync/outbox';
import { onTeamCommit } from '../store/sync/stamp';
import { getTeamState } from '../store/sync/state';
import { type Credentials, connect } from './connect';
import { CHANNEL } from './server';
import { type SyncOptions, type SyncResult, syncOnce } from './sync';
import { parseTeamUrl } from './url';

export type SyncState = (typeof SYNC_STATES)[number];

const RETRY_MS = [2_000, 5_000, 15_000, 30_000, 60_000];
const POLL_MS = 30_000;

export interface LiveSyncOptions {
  /** The dossier as it is now (a restore from backup swaps the handle). */
  db: () => WriteDb;
  credentials: () => Credentials;
  log?: (msg: string) => void;
  /** ms to wait after a local change before pushing, so a burst of edits goes out together. */
  debounceMs?: number;
}

/** The state of the sync, in words for the status line, and its errors classified. */
export function classify(err: unknown): { state: SyncState; message: string; retry: boolean } {
  const e = err instanceof DossierError ? err : null;
  const message = (err as Error)?.message ?? String(err);
  if (e?.details?.offline) return { state: 'offline', message, retry: true };
  if (e?.code === 'schema_too_new') return { state: 'needs_update', message, retry: false };
  if (e?.details?.upgradeTeam) return { state: 'needs_upgrade', message, retry: false };
  if (e?.details?.auth || e?.details?.tls || e?.details?.otherTeam) return { state: 'error', message, retry: false };
  return { state: 'error', message, retry: true };
}

export class LiveSync {
  state: SyncState = 'off';
  lastError: string | null = null;
  /** Count of others' changes applied here since start (screens refresh when it grows). */
  received = 0;
  private client: pg.Client | null = null;
  private running: Promise<SyncResult | null> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private poll: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = false;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly opts: LiveSyncOptions) {}

  start(): void {
    this.stopped = false;
    this.unsubscribe = onTeamCommit((db) => {
      if (db === this.opts.db()) this.kick(this.opts.debounceMs ?? 150);
    });
    this.poll = setInterval(() => this.kick(0), POLL_MS);
    this.poll.unref?.();
    this.kick(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    if (this.timer) clearTimeout(this.timer);
    if (this.poll) clearInterval(this.poll);
    await this.running?.catch(() => null);
    await this.drop();
  }

  /** Asks for a sync soon (coalescing requests). */
  kick(delayMs = 0): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run().catch(() => null);
    }, delayMs);
    this.timer.unref?.();
  }

  /** One sync now (waits for a running one first); throws what the sync threw. */
  async syncNow(opts: SyncOptions = {}): Promise<SyncResult | null> {
    if (this.running) await this.running.catch(() => null);
    return this.run(opts, true);
  }

  private async drop(): Promise<void> {
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => {});
  }

  private async ensureClient(url: string): Promise<pg.Client> {
    if (this.client) return this.client;
    const c = await connect(parseTeamUrl(url), this.opts.credentials());
    c.on('notification', (n) => {
      if (n.channel === CHANNEL) this.kick(20);
    });
    c.on('end', () => {
      if (this.client === c) {
        this.client = null;
        this.kick(RETRY_MS[0]);
      }
    });
    await c.query(`LISTEN ${CHANNEL}`);
    this.client = c;
    return c;
  }

  private async run(opts: SyncOptions = {}, rethrow = false): Promise<SyncResult | null> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const db = this.opts.db();
    const team = getTeamState(db);
    if (!team) {
      this.state = 'off';
      await this.drop();
      return null;
    }
    if (team.paused && !rethrow) {
      this.state = 'paused';
      await this.drop();
      return null;
    }
    this.state = 'syncing';
    const work = (async () => {
      try {
        const client = await this.ensureClient(team.url);
        const r = await syncOnce(client, db, opts);
        this.received += r.applied;
        this.failures = 0;
        this.state = 'idle';
        this.lastError = null;
        noteSync(db, new Date().toISOString(), null);
        return r;
      } catch (err) {
        const c = classify(err);
        this.state = c.state;
        this.lastError = c.message;
        this.opts.log?.(`Dossier team sync: ${c.message}`);
        try {
          noteSync(db, null, c.message);
        } catch {
          /* the dossier may be closing */
        }
        await this.drop();
        if (c.retry) this.kick(RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)]);
        if (rethrow) throw err;
        return null;
      }
    })();
    this.running = work;
    try {
      return await work;
    } finally {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick(0);
      }
    }
  }
}
