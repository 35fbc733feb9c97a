/**
 * Hybrid logical clocks: wall-clock milliseconds plus a counter plus the replica, as one string that sorts in clock
 * order ("0193a5c3f2a1.000004.3f9c2e1a"). A replica's clock never goes backwards and moves past every clock it
 * receives, so an edit made after seeing another always carries the later clock.
 */
export interface Hlc {
  ms: number;
  counter: number;
  node: string;
}

const MAX_COUNTER = 0xffffff;
/** A received clock this far ahead of our wall clock is not followed (a member's laptop set to next year). */
const MAX_DRIFT_MS = 24 * 3600 * 1000;

export const formatHlc = (h: Hlc) => `${h.ms.toString(16).padStart(12, '0')}.${h.counter.toString(16).padStart(6, '0')}.${h.node}`;

export function parseHlc(s: string): Hlc {
  const [ms, counter, node] = s.split('.');
  return { ms: parseInt(ms ?? '0', 16) || 0, counter: parseInt(counter ?? '0', 16) || 0, node: node ?? '' };
}

/** The wall-clock instant of a clock, for people ("conflict: anna, 23 Nov 2026 10:04"). */
export const hlcTime = (s: string) => new Date(parseHlc(s).ms).toISOString();

const walls = new WeakMap<object, () => number>();

/**
 * The physical time (ms) the clocks of one dossier connection read: the system's, unless a test gives this connection
 * a clock of its own (a deterministic one, equal instants on two replicas, a laptop whose clock is behind).
 */
export const hlcWall = (db: object): (() => number) => walls.get(db) ?? Date.now;
export function setHlcWall(db: object, wall: (() => number) | null): void {
  if (wall) walls.set(db, wall);
  else walls.delete(db);
}

/** A clock source for one replica: `tick()` for each local change, `receive()` for each clock seen from others. */
export class HlcClock {
  private last: Hlc;
  constructor(
    readonly node: string,
    last = '',
    private readonly wall: () => number = Date.now,
  ) {
    this.last = last ? { ...parseHlc(last), node } : { ms: 0, counter: 0, node };
  }

  tick(): string {
    const now = this.wall();
    if (now > this.last.ms) this.last = { ms: now, counter: 0, node: this.node };
    else if (this.last.counter >= MAX_COUNTER) this.last = { ms: this.last.ms + 1, counter: 0, node: this.node };
    else this.last = { ms: this.last.ms, counter: this.last.counter + 1, node: this.node };
    return formatHlc(this.last);
  }

  receive(remote: string): void {
    const r = parseHlc(remote);
    if (r.ms > this.wall() + MAX_DRIFT_MS) return;
    if (r.ms > this.last.ms || (r.ms === this.last.ms && r.counter > this.last.counter)) this.last = { ms: r.ms, counter: r.counter, node: this.node };
  }

  /**
   * Moves past `remote` however far ahead it is: a change written over a value must carry a later clock than that
   * value's, or it would lose to what its writer replaced (and the writer's dossier would keep a text nobody else has).
   */
  follow(remote: string): void {
    const r = parseHlc(remote);
    if (r.ms > this.last.ms || (r.ms === this.last.ms && r.counter >= this.last.counter)) this.last = { ms: r.ms, counter: r.counter, node: this.node };
  }

  get current(): string {
    return formatHlc(this.last);
  }
}

/** Per-field clocks of one record: `''` is the clock of every field not listed. */
export type Clocks = Record<string, string>;

export const clockOf = (c: Clocks, field: string): string => c[field] ?? c[''] ?? '';

export function setClocks(c: Clocks, fields: Iterable<string>, h: string): Clocks {
  const out: Clocks = Object.keys(c).length === 0 ? { '': h } : { ...c };
  for (const f of fields) if (out[''] !== h) out[f] = h;
  return out;
}

/** The latest clock of any field. */
export const maxClock = (c: Clocks): string => Object.values(c).reduce((a, b) => (b > a ? b : a), '');
