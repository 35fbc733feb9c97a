/**
 * What a push does to the team's state, decided once, by the member who pushes, under the team's push lock: each
 * change is merged into the shared records (field by field, the later clock wins), and a section text written
 * over a state its writer never saw is resolved so nothing is lost:
 *  - key messages and Q&A merge as lists; agenda briefs merge per agenda item;
 *  - otherwise the later text stays current and the other becomes a briefing version "conflict: <author>, <time>"
 *    with a section_conflicts record that puts the marker in the editor. A member who keeps typing on a text that
 *    already lost (still offline from the other's change) updates that same conflict version, not a new one each save.
 * Every resolution is itself a change in the log, so every replica applies the same outcome.
 */
import type { WireChange } from '../store/sync/apply';
import type { Row } from '../store/sync/codec';
import { type Clocks, type HlcClock, clockOf, hlcTime, maxClock, setClocks } from '../store/sync/hlc';
import { TRACKED, newChangeId } from '../store/sync/stamp';
import { mergeStructured } from './lists';

/** A team record as PostgreSQL keeps it: the merged fields, their clocks and the text-conflict bookkeeping. */
export interface TeamRecord {
  tbl: string;
  gid: string;
  data: Row;
  clocks: Clocks;
  /** Per tracked field: the current text's author and replica, and each replica whose text lost (`l`). */
  meta: Record<string, { a?: string; r?: string; l?: Record<string, { h: string; v?: string; k?: string }> }>;
  deleted: boolean;
  dirty?: boolean;
}

export const recordKey = (tbl: string, gid: string) => `${tbl}\u0000${gid}`;

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** The conflict versions and records a section's merge may update (kept per writer whose text lost): to load first. */
export function keptConflicts(rec: TeamRecord): { tbl: string; gid: string }[] {
  return Object.values(rec.meta).flatMap((m) =>
    Object.values(m.l ?? {}).flatMap((l) => [...(l.v ? [{ tbl: 'briefing_versions', gid: l.v }] : []), ...(l.k ? [{ tbl: 'section_conflicts', gid: l.k }] : [])]),
  );
}

/** Field-by-field last-writer-wins of one change into a record. */
export function mergeInto(rec: TeamRecord, c: WireChange): void {
  const win = Object.keys(c.f).filter((f) => c.h > clockOf(rec.clocks, f));
  if (win.length === 0) return;
  for (const f of win) {
    if (f === '_deleted') rec.deleted = c.f[f] === true;
    else rec.data[f] = c.f[f];
  }
  rec.clocks = setClocks(rec.clocks, win, c.h);
  rec.dirty = true;
}

export interface MergeContext {
  records: Map<string, TeamRecord>;
  /** The pushing member's PostgreSQL login. */
  author: string;
  replica: string;
  clock: HlcClock;
}

/** Sections of a briefing, current, as the conflict version's snapshot needs them. */
function briefingSnapshot(ctx: MergeContext, section: TeamRecord, text: unknown): Row | null {
  const bgid = section.data.briefing_id as string | undefined;
  const briefing = bgid ? ctx.records.get(recordKey('briefings', bgid)) : undefined;
  // A deleted briefing still gets the version: it waits, restorable, with the briefing (nothing written is lost).
  if (!briefing) return null;
  const meeting = ctx.records.get(recordKey('meetings', briefing.data.meeting_id as string));
  const sections = [...ctx.records.values()]
    // The section whose text is kept is in it even while deleted (a change bringing it back is merged after this).
    .filter((r) => r.tbl === 'briefing_sections' && (!r.deleted || r.gid === section.gid) && r.data.briefing_id === bgid)
    .sort((a, b) => Number(a.data.position) - Number(b.data.position) || (a.gid < b.gid ? -1 : 1));
  const b = briefing.data;
  return {
    id: bgid,
    meetingId: b.meeting_id,
    meetingTitle: meeting?.data.title ?? '',
    title: b.title,
    classification: b.classification,
    language: b.language,
    owner: b.owner,
    deadline: b.deadline ?? null,
    status: b.status,
    updatedAt: b.updated_at,
    sections: sections.map((s) => ({
      id: s.gid,
      briefingId: bgid,
      position: s.data.position,
      kind: s.data.kind,
      title: s.data.title,
      content: s.gid === section.gid ? text : s.data.content,
      handling: s.data.handling,
      updatedAt: s.data.updated_at,
      budgetWords: s.data.budget_words ?? null,
      budgetPages: s.data.budget_pages ?? null,
    })),
  };
}

const label = (author: string, h: string) => `conflict: ${author || 'unknown'}, ${hlcTime(h).slice(0, 16).replace('T', ' ')} UTC`;

/**
 * Merges one pushed change into the records; returns what goes into the log: the change itself, then any change
 * the resolution makes (merged text, conflict version, conflict record).
 */
export function mergeChange(ctx: MergeContext, c: WireChange): WireChange[] {
  const key = recordKey(c.tbl, c.gid);
  let rec = ctx.records.get(key);
  const fresh = !rec;
  if (!rec) ctx.records.set(key, (rec = { tbl: c.tbl, gid: c.gid, data: {}, clocks: {}, meta: {}, deleted: false }));
  ctx.clock.receive(c.h);
  const field = TRACKED[c.tbl];
  const derived: WireChange[] = [];
  if (field && field in c.f && !fresh) derived.push(...resolveText(ctx, rec, c, field));
  mergeInto(rec, c);
  for (const d of derived) {
    const k = recordKey(d.tbl, d.gid);
    let r = ctx.records.get(k);
    if (!r) ctx.records.set(k, (r = { tbl: d.tbl, gid: d.gid, data: {}, clocks: {}, meta: {}, deleted: false }));
    mergeInto(r, d);
  }
  return [c, ...derived];
}

function resolveText(ctx: MergeContext, rec: TeamRecord, c: WireChange, field: string): WireChange[] {
  const m = (rec.meta[field] ??= {});
  const losers = (m.l ??= {});
  const replica = c.replica ?? '';
  const author = c.author ?? ctx.author;
  const curH = clockOf(rec.clocks, field);
  const curV = rec.data[field];
  const prev = { a: m.a ?? '', r: m.r ?? '' };
  const base = c.b?.[field];
  const settle = () => {
    m.a = author;
    m.r = replica;
    delete losers[replica];
    rec.dirty = true;
  };
  // Written over the current text (or with nothing to compare): an ordinary edit.
  if (!base || base.h === curH || curH === '' || same(curV, c.f[field])) {
    if (c.h > curH) settle();
    return [];
  }
  const chain = losers[replica];
  const continuing = !!chain && chain.h === base.h;
  const incomingWins = c.h > curH;
  // Later than both texts, however far ahead a member's clock was: the resolution must win on every replica.
  const tick = () => {
    ctx.clock.follow(curH > c.h ? curH : c.h);
    return ctx.clock.tick();
  };
  const out: WireChange[] = [];
  const kind = String(rec.data.kind ?? '');
  const merged = mergeStructured(kind, base.v, curV, c.f[field], incomingWins);
  if (merged) {
    // Lists merge: the merged content becomes current on every replica, later than both.
    out.push({ id: newChangeId(), tbl: c.tbl, gid: c.gid, f: { [field]: merged.content }, h: tick(), author: ctx.author, replica: ctx.replica });
    if (prev.r && prev.r !== replica) losers[prev.r] = { h: curH };
    losers[replica] = { h: c.h };
    m.r = '';
    m.a = ctx.author;
    rec.dirty = true;
    if (!merged.clash) return out;
  }
  const loser = incomingWins ? { v: curV, h: curH, ...prev } : { v: c.f[field], h: c.h, a: author, r: replica };
  const snapshot = briefingSnapshot(ctx, rec, loser.v);
  if (!snapshot) return out;
  const reuse = !incomingWins && continuing && chain?.v && chain.k ? chain : null;
  // Updating the conflict version and record kept for this writer: later than whatever they hold (created by another
  // member's merge, whose clock may be ahead of this one's, or resolved since), or the update would lose to them.
  if (reuse) for (const [tbl, gid] of [['briefing_versions', reuse.v], ['section_conflicts', reuse.k]] as const) ctx.clock.follow(maxClock(ctx.records.get(recordKey(tbl, gid!))?.clocks ?? {}));
  const h = tick();
  const versionGid = reuse?.v ?? newChangeId();
  const conflictGid = reuse?.k ?? newChangeId();
  out.push({
    id: newChangeId(),
    tbl: 'briefing_versions',
    gid: versionGid,
    f: reuse
      ? { name: label(loser.a, loser.h), snapshot: JSON.stringify(snapshot) }
      : { briefing_id: snapshot.id, name: label(loser.a, loser.h), reason: 'conflict', snapshot: JSON.stringify(snapshot), created_at: hlcTime(h), _deleted: false },
    h,
    author: ctx.author,
    replica: ctx.replica,
  });
  out.push({
    id: newChangeId(),
    tbl: 'section_conflicts',
    gid: conflictGid,
    f: reuse ? { at: hlcTime(loser.h), resolved_at: null } : { section_id: rec.gid, version_id: versionGid, author: loser.a, at: hlcTime(loser.h), resolved_at: null, _deleted: false },
    h: ctx.clock.tick(),
    author: ctx.author,
    replica: ctx.replica,
  });
  if (loser.r) losers[loser.r] = { h: loser.h, v: versionGid, k: conflictGid };
  if (incomingWins && !merged) {
    m.a = author;
    m.r = replica;
    if (loser.r !== replica) delete losers[replica];
  }
  rec.dirty = true;
  return out;
}
