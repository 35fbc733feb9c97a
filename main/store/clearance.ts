/**
 * Clearance chains, rounds and decisions. The chain is the briefing's own (briefings.clearance_chain) or the
 * dossier's default (shared_settings 'clearance.defaultChain'). A round (clearance_requests) freezes the chain as it
 * was sent; each decision keeps the clearer's name and post at the time, and an approval keeps a fingerprint of every
 * section it covered. The state of a round is worked out from those on every read, so an edit made by any path (the
 * editor, a restored version, an accepted contribution, a team member's sync) reopens the approvals it affects.
 */
import { createHash } from 'node:crypto';
import { DossierError, notFound } from '../../contract/errors';
import type { Chain, ChainStep, Clearance, ClearanceDecision } from '../../contract/model';
import type { Person } from '../../contract/model';
import type { Section } from '../../contract/model';
import type { ReadDb, WriteDb } from './db';
import { getBriefing, listSections } from './briefings';
import { personFrom, staffPerson } from './people';
import { getShared, setShared } from './shared-settings';
import { all, get, run } from './sql';

const DEFAULT_KEY = 'clearance.defaultChain';

/** A chain as stored: who, and in which role. Names are kept so a deleted contact still reads in an old round. */
interface StoredStep {
  contactId: number | null;
  name: string;
  post: string;
  label: string;
}

/** The chain as defined now, with each clearer's current name and post. */
function liveSteps(db: ReadDb, stored: readonly StoredStep[]): ChainStep[] {
  return stored.map((s, i) => {
    let clearer: Person = personFrom(s.contactId, s.name, s.post);
    if (s.contactId !== null) {
      try {
        const { email: _email, ...p } = staffPerson(db, s.contactId, 'steps');
        clearer = p;
      } catch {
        clearer = personFrom(null, s.name, s.post); // deleted, or no longer staff: the name as it was
      }
    }
    return { position: i + 1, clearer, label: s.label };
  });
}

export function defaultChain(db: ReadDb): Chain {
  const stored = getShared<StoredStep[]>(db, DEFAULT_KEY, []);
  return stored.length ? { source: 'default', steps: liveSteps(db, stored) } : { source: 'none', steps: [] };
}

export function briefingChain(db: ReadDb, briefingId: number): Chain {
  const r = get<{ clearance_chain: string | null }>(db, 'SELECT clearance_chain FROM briefings WHERE id = ?', briefingId);
  if (!r) throw notFound('Briefing', briefingId);
  if (r.clearance_chain === null) return defaultChain(db);
  const stored = JSON.parse(r.clearance_chain) as StoredStep[];
  return stored.length ? { source: 'briefing', steps: liveSteps(db, stored) } : { source: 'none', steps: [] };
}

/** Checks every clearer is one of our staff and appears once; returns the chain as stored. */
function toStored(db: ReadDb, steps: readonly { contactId: number; label: string }[]): StoredStep[] {
  const seen = new Set<number>();
  return steps.map((s, i) => {
    const p = staffPerson(db, s.contactId, `steps.${i}.contactId`);
    if (seen.has(s.contactId)) throw new DossierError('invalid_input', `${p.name} is in the chain twice; each clearer approves once.`, { field: `steps.${i}.contactId` });
    seen.add(s.contactId);
    return { contactId: s.contactId, name: p.name, post: p.post, label: s.label };
  });
}

export function setDefaultChain(db: WriteDb, steps: readonly { contactId: number; label: string }[]): void {
  setShared(db, DEFAULT_KEY, toStored(db, steps));
}

/** A briefing's own chain (an empty one: nobody clears it), or null to follow the dossier's default. */
export function setBriefingChain(db: WriteDb, briefingId: number, steps: readonly { contactId: number; label: string }[] | null): void {
  run(db, 'UPDATE briefings SET clearance_chain = ? WHERE id = ?', steps === null ? null : JSON.stringify(toStored(db, steps)), briefingId);
}

/** A section's fingerprint: what an approval covers (title, text, handling). Order does not matter to clearance. */
const fingerprint = (s: Section) => createHash('sha256').update(JSON.stringify([s.kind, s.title, s.content, s.handling])).digest('hex').slice(0, 16);
export const sectionFingerprints = (sections: readonly Section[]): Record<string, string> => Object.fromEntries(sections.map((s) => [String(s.id), fingerprint(s)]));

interface RequestRow {
  id: number;
  briefing_id: number;
  chain: string;
  requested_by_id: number | null;
  requested_by_name: string;
  requested_by_post: string;
  requested_at: string;
  outcome: NonNullable<Clearance['request']>['outcome'];
  closed_at: string | null;
}
interface DecisionRow {
  id: number;
  request_id: number;
  step: number;
  decision: ClearanceDecision['decision'];
  by_id: number | null;
  by_name: string;
  by_post: string;
  comment: string;
  sections: string;
  decided_at: string;
}
const decisionOf = (d: DecisionRow): ClearanceDecision => ({ decision: d.decision, by: personFrom(d.by_id, d.by_name, d.by_post), at: d.decided_at, comment: d.comment });

export function latestRequest(db: ReadDb, briefingId: number): RequestRow | undefined {
  return get<RequestRow>(db, 'SELECT * FROM clearance_requests WHERE briefing_id = ? ORDER BY id DESC LIMIT 1', briefingId);
}

/** The clearance of a briefing as it stands: worked out from its chain, its latest round and the sections now. */
export function getClearance(db: ReadDb, briefingId: number): Clearance {
  const b = getBriefing(db, briefingId);
  const chain = briefingChain(db, briefingId);
  const sections = listSections(db, briefingId);
  const now = sectionFingerprints(sections);
  const titles = new Map(sections.map((s) => [String(s.id), s.title]));
  const req = latestRequest(db, briefingId);
  const decisions = req ? all<DecisionRow>(db, 'SELECT * FROM clearance_decisions WHERE request_id = ? ORDER BY id', req.id) : [];

  /** What changed since an approval: sections edited, added or removed. */
  const changesSince = (covered: Record<string, string>) => {
    const out: Clearance['steps'][number]['reopenedBy'] = [];
    for (const [id, fp] of Object.entries(now)) {
      if (!(id in covered)) out.push({ sectionId: Number(id), title: titles.get(id)!, change: 'added' });
      else if (covered[id] !== fp) out.push({ sectionId: Number(id), title: titles.get(id)!, change: 'changed' });
    }
    for (const id of Object.keys(covered)) if (!(id in now)) out.push({ sectionId: Number(id), title: `Section ${id}`, change: 'removed' });
    return out;
  };

  let turn: number | null = null;
  const steps: Clearance['steps'] = req
    ? (JSON.parse(req.chain) as StoredStep[]).map((s, i) => {
        const position = i + 1;
        const last = [...decisions].reverse().find((d) => d.step === position);
        let state: Clearance['steps'][number]['state'] = 'waiting';
        let reopenedBy: Clearance['steps'][number]['reopenedBy'] = [];
        if (last?.decision === 'approved') {
          reopenedBy = changesSince(JSON.parse(last.sections) as Record<string, string>);
          state = reopenedBy.length ? 'reopened' : 'approved';
        } else if (last?.decision === 'returned') state = 'returned';
        if (req.outcome === 'open' && state !== 'approved' && turn === null) {
          turn = position;
          if (state === 'waiting') state = 'due';
        }
        return { position, clearer: personFrom(s.contactId, s.name, s.post), label: s.label, state, decision: last ? decisionOf(last) : null, reopenedBy };
      })
    : [];
  const cleared = steps.length > 0 && steps.every((s) => s.state === 'approved') && req?.outcome !== 'returned' && req?.outcome !== 'withdrawn';
  const override = decisions.find((d) => d.decision === 'overridden');

  // A section is cleared when the latest approval of the round covered it as it reads now.
  const lastApproval = [...decisions].reverse().find((d) => d.decision === 'approved');
  const covered = lastApproval ? (JSON.parse(lastApproval.sections) as Record<string, string>) : null;
  const sectionStates = sections.map((s) => ({
    sectionId: s.id,
    state: covered === null ? ('not_cleared' as const) : covered[String(s.id)] === now[String(s.id)] ? ('cleared' as const) : ('changed' as const),
  }));

  const log = all<DecisionRow & { chain: string }>(
    db,
    'SELECT d.*, r.chain FROM clearance_decisions d JOIN clearance_requests r ON r.id = d.request_id WHERE r.briefing_id = ? ORDER BY d.decided_at, d.id',
    briefingId,
  ).map((d) => ({ ...decisionOf(d), requestId: d.request_id, step: d.step, label: (JSON.parse(d.chain) as StoredStep[])[d.step - 1]?.label ?? '' }));

  return {
    briefingId,
    briefingStatus: b.status,
    chain,
    request: req
      ? { id: req.id, requestedBy: personFrom(req.requested_by_id, req.requested_by_name, req.requested_by_post), requestedAt: req.requested_at, outcome: req.outcome, closedAt: req.closed_at }
      : null,
    steps,
    turn,
    cleared,
    override: override ? decisionOf(override) : null,
    sections: sectionStates,
    log,
  };
}

/** Opens a round with the briefing's chain as it is now; returns its id. */
export function openRequest(db: WriteDb, briefingId: number, by: Person | null, now: string): number {
  const chain = briefingChain(db, briefingId);
  const stored: StoredStep[] = chain.steps.map((s) => ({ contactId: s.clearer.contactId, name: s.clearer.name, post: s.clearer.post, label: s.label }));
  return Number(
    run(
      db,
      `INSERT INTO clearance_requests (briefing_id, chain, requested_by_id, requested_by_name, requested_by_post, requested_at) VALUES (?, ?, ?, ?, ?, ?)`,
      briefingId,
      JSON.stringify(stored),
      by?.contactId ?? null,
      by?.name ?? '',
      by?.post ?? '',
      now,
    ).lastInsertRowid,
  );
}

export function closeRequest(db: WriteDb, requestId: number, outcome: NonNullable<Clearance['request']>['outcome'], now: string): void {
  run(db, 'UPDATE clearance_requests SET outcome = ?, closed_at = ? WHERE id = ?', outcome, outcome === 'open' ? null : now, requestId);
}

export function recordDecision(
  db: WriteDb,
  d: { requestId: number; step: number; decision: ClearanceDecision['decision']; by: Person; comment: string; sections: Record<string, string>; now: string },
): void {
  run(
    db,
    `INSERT INTO clearance_decisions (request_id, step, decision, by_id, by_name, by_post, comment, sections, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    d.requestId,
    d.step,
    d.decision,
    d.by.contactId,
    d.by.name,
    d.by.post,
    d.comment,
    JSON.stringify(d.sections),
    d.now,
  );
}

/** Who cleared the briefing in its latest round, in chain order, with post and date: what the pack prints. */
export function clearedBy(db: ReadDb, briefingId: number): { name: string; post: string; label: string; at: string }[] {
  const c = getClearance(db, briefingId);
  return c.steps.filter((s) => s.state === 'approved' && s.decision).map((s) => ({ name: s.decision!.by.name, post: s.decision!.by.post, label: s.label, at: s.decision!.at }));
}
