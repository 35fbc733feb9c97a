/**
 * Clearance chains, rounds and decisions. The chain is the briefing's own (clearance_chains rows of the briefing,
 * briefings.clearance_own = 1) or the dossier's default (rows with no briefing). A round (clearance_requests) keeps
 * the chain as it was sent (clearance_request_steps); each decision keeps the clearer's name and post at the time,
 * and an approval keeps a fingerprint of every section it covered (clearance_coverage). The state of a round is worked out from those on every read, so an edit made by any path (the
 * editor, a restored version, an accepted contribution, a team member's sync) reopens the approvals it affects.
 */
import { createHash } from 'node:crypto';
import { DossierError, notFound } from '../../contract/errors';
import { AgendaBriefsContent, type Chain, type ChainStep, type Clearance, type ClearanceDecision, type Person, type Section } from '../../contract/model';
import type { ReadDb, WriteDb } from './db';
import { getBriefing, listSections } from './briefings';
import { personFrom, staffPerson } from './people';
import { all, get, run } from './sql';

/** A clearer as a chain keeps them: who, in which role; the name and post stay readable if the contact goes. */
interface StepRow {
  position: number;
  clearer_id: number | null;
  clearer_name: string;
  clearer_post: string;
  label: string;
}

/** The chain as defined now, with each clearer's current name and post (the kept ones if the contact is gone). */
function liveSteps(db: ReadDb, rows: readonly StepRow[]): ChainStep[] {
  return rows.map((s, i) => {
    let clearer: Person = personFrom(s.clearer_id, s.clearer_name, s.clearer_post);
    if (s.clearer_id !== null) {
      try {
        const { email: _email, ...p } = staffPerson(db, s.clearer_id, 'steps');
        clearer = p;
      } catch {
        clearer = personFrom(null, s.clearer_name, s.clearer_post); // no longer one of our staff: the name as it was
      }
    }
    return { position: i + 1, clearer, label: s.label };
  });
}

const chainRows = (db: ReadDb, briefingId: number | null) =>
  briefingId === null
    ? all<StepRow>(db, 'SELECT position, clearer_id, clearer_name, clearer_post, label FROM clearance_chains WHERE briefing_id IS NULL ORDER BY position, id')
    : all<StepRow>(db, 'SELECT position, clearer_id, clearer_name, clearer_post, label FROM clearance_chains WHERE briefing_id = ? ORDER BY position, id', briefingId);

export function defaultChain(db: ReadDb): Chain {
  const rows = chainRows(db, null);
  return rows.length ? { source: 'default', steps: liveSteps(db, rows) } : { source: 'none', steps: [] };
}

export function briefingChain(db: ReadDb, briefingId: number): Chain {
  const r = get<{ clearance_own: number }>(db, 'SELECT clearance_own FROM briefings WHERE id = ?', briefingId);
  if (!r) throw notFound('Briefing', briefingId);
  if (r.clearance_own === 0) return defaultChain(db);
  const rows = chainRows(db, briefingId);
  return rows.length ? { source: 'briefing', steps: liveSteps(db, rows) } : { source: 'none', steps: [] };
}

/** Replaces a chain (the default when briefingId is null), checking every clearer is one of our staff, once. */
function writeChain(db: WriteDb, briefingId: number | null, steps: readonly { contactId: number; label: string }[]): void {
  const seen = new Set<number>();
  const people = steps.map((s, i) => {
    const p = staffPerson(db, s.contactId, `steps.${i}.contactId`);
    if (seen.has(s.contactId)) throw new DossierError('invalid_input', `${p.name} is in the chain twice; each clearer approves once.`, { field: `steps.${i}.contactId` });
    seen.add(s.contactId);
    return p;
  });
  if (briefingId === null) run(db, 'DELETE FROM clearance_chains WHERE briefing_id IS NULL');
  else run(db, 'DELETE FROM clearance_chains WHERE briefing_id = ?', briefingId);
  steps.forEach((s, i) =>
    run(db, 'INSERT INTO clearance_chains (briefing_id, position, clearer_id, clearer_name, clearer_post, label) VALUES (?, ?, ?, ?, ?, ?)', briefingId, i + 1, s.contactId, people[i]!.name, people[i]!.post, s.label),
  );
}

export function setDefaultChain(db: WriteDb, steps: readonly { contactId: number; label: string }[]): void {
  writeChain(db, null, steps);
}

/** A briefing's own chain (an empty one: nobody clears it), or null to follow the dossier's default. */
export function setBriefingChain(db: WriteDb, briefingId: number, steps: readonly { contactId: number; label: string }[] | null): void {
  writeChain(db, briefingId, steps ?? []);
  run(db, 'UPDATE briefings SET clearance_own = ? WHERE id = ?', steps === null ? 0 : 1, briefingId);
}

/**
 * A section's fingerprint: what an approval covers (kind, title, text, handling). The lines to take are read by item
 * title and text rather than item ids, so every replica of a team dossier computes the same fingerprint.
 */
function fingerprint(s: Section): string {
  let content = s.content;
  if (s.kind === 'agenda_briefs') {
    try {
      content = JSON.stringify(AgendaBriefsContent.parse(JSON.parse(s.content || '{}')).briefs.map((b) => [b.title ?? '', b.text]));
    } catch {
      content = s.content;
    }
  }
  return createHash('sha256').update(JSON.stringify([s.kind, s.title, content, s.handling])).digest('hex').slice(0, 16);
}
export const sectionFingerprints = (sections: readonly Section[]): Map<number, string> => new Map(sections.map((s) => [s.id, fingerprint(s)]));

interface RequestRow {
  id: number;
  briefing_id: number;
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
  section_count: number;
  decided_at: string;
}
const decisionOf = (d: DecisionRow): ClearanceDecision => ({ decision: d.decision, by: personFrom(d.by_id, d.by_name, d.by_post), at: d.decided_at, comment: d.comment });

export function latestRequest(db: ReadDb, briefingId: number): RequestRow | undefined {
  return get<RequestRow>(db, 'SELECT * FROM clearance_requests WHERE briefing_id = ? ORDER BY id DESC LIMIT 1', briefingId);
}

/** The clearance of a briefing as it stands: worked out from its chain, its latest round and the sections now. */
/** The sections an approval covered, with their fingerprints then. */
const coverage = (db: ReadDb, decisionId: number) =>
  new Map(all<{ section_id: number; fingerprint: string }>(db, 'SELECT section_id, fingerprint FROM clearance_coverage WHERE decision_id = ?', decisionId).map((r) => [r.section_id, r.fingerprint]));

/** The clearance of a briefing as it stands: worked out from its chain, its latest round and the sections now. */
export function getClearance(db: ReadDb, briefingId: number): Clearance {
  const b = getBriefing(db, briefingId);
  const chain = briefingChain(db, briefingId);
  const sections = listSections(db, briefingId);
  const now = sectionFingerprints(sections);
  const titles = new Map(sections.map((s) => [s.id, s.title]));
  const req = latestRequest(db, briefingId);
  const decisions = req ? all<DecisionRow>(db, 'SELECT * FROM clearance_decisions WHERE request_id = ? ORDER BY id', req.id) : [];

  /** What changed since an approval: sections edited, added or removed. */
  const changesSince = (d: DecisionRow) => {
    const covered = coverage(db, d.id);
    const out: Clearance['steps'][number]['reopenedBy'] = [];
    for (const [id, fp] of now) {
      if (!covered.has(id)) out.push({ sectionId: id, title: titles.get(id)!, change: 'added' });
      else if (covered.get(id) !== fp) out.push({ sectionId: id, title: titles.get(id)!, change: 'changed' });
    }
    // A removed section takes its coverage row with it: the count tells it was there.
    const gone = d.section_count - [...covered.keys()].filter((id) => now.has(id)).length;
    for (let i = 0; i < gone; i++) out.push({ sectionId: null, title: '', change: 'removed' });
    return out;
  };

  let turn: number | null = null;
  const stepRows = req ? all<StepRow>(db, 'SELECT position, clearer_id, clearer_name, clearer_post, label FROM clearance_request_steps WHERE request_id = ? ORDER BY position', req.id) : [];
  const steps: Clearance['steps'] = stepRows.map((s) => {
    const position = s.position;
    const last = [...decisions].reverse().find((d) => d.step === position);
    let state: Clearance['steps'][number]['state'] = 'waiting';
    let reopenedBy: Clearance['steps'][number]['reopenedBy'] = [];
    if (last?.decision === 'approved') {
      reopenedBy = changesSince(last);
      state = reopenedBy.length ? 'reopened' : 'approved';
    } else if (last?.decision === 'returned') state = 'returned';
    if (req!.outcome === 'open' && state !== 'approved' && turn === null) {
      turn = position;
      if (state === 'waiting') state = 'due';
    }
    return { position, clearer: personFrom(s.clearer_id, s.clearer_name, s.clearer_post), label: s.label, state, decision: last ? decisionOf(last) : null, reopenedBy };
  });
  const cleared = steps.length > 0 && steps.every((s) => s.state === 'approved') && req?.outcome !== 'returned' && req?.outcome !== 'withdrawn';
  const override = decisions.find((d) => d.decision === 'overridden');

  // A section is cleared when the latest approval of the round covered it as it reads now.
  const lastApproval = [...decisions].reverse().find((d) => d.decision === 'approved');
  const covered = lastApproval ? coverage(db, lastApproval.id) : null;
  const sectionStates = sections.map((s) => ({
    sectionId: s.id,
    state: covered === null ? ('not_cleared' as const) : covered.get(s.id) === now.get(s.id) ? ('cleared' as const) : ('changed' as const),
  }));

  const log = all<DecisionRow & { label: string | null }>(
    db,
    `SELECT d.*, (SELECT label FROM clearance_request_steps s WHERE s.request_id = d.request_id AND s.position = d.step) AS label
       FROM clearance_decisions d JOIN clearance_requests r ON r.id = d.request_id WHERE r.briefing_id = ? ORDER BY d.decided_at, d.id`,
    briefingId,
  ).map((d) => ({ ...decisionOf(d), requestId: d.request_id, step: d.step, label: d.label ?? '' }));

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

/** Opens a round with the briefing's chain as it is now (names and posts as they are today); returns its id. */
export function openRequest(db: WriteDb, briefingId: number, by: Person | null, now: string): number {
  const chain = briefingChain(db, briefingId);
  const id = Number(
    run(
      db,
      `INSERT INTO clearance_requests (briefing_id, requested_by_id, requested_by_name, requested_by_post, requested_at) VALUES (?, ?, ?, ?, ?)`,
      briefingId,
      by?.contactId ?? null,
      by?.name ?? '',
      by?.post ?? '',
      now,
    ).lastInsertRowid,
  );
  for (const s of chain.steps) {
    run(db, 'INSERT INTO clearance_request_steps (request_id, position, clearer_id, clearer_name, clearer_post, label) VALUES (?, ?, ?, ?, ?, ?)', id, s.position, s.clearer.contactId, s.clearer.name, s.clearer.post, s.label);
  }
  return id;
}

export function closeRequest(db: WriteDb, requestId: number, outcome: NonNullable<Clearance['request']>['outcome'], now: string): void {
  run(db, 'UPDATE clearance_requests SET outcome = ?, closed_at = ? WHERE id = ?', outcome, outcome === 'open' ? null : now, requestId);
}

/** Records a decision; an approval or override also records what it covered (every section's fingerprint). */
export function recordDecision(
  db: WriteDb,
  d: { requestId: number; step: number; decision: ClearanceDecision['decision']; by: Person; comment: string; sections: ReadonlyMap<number, string>; now: string },
): void {
  const id = Number(
    run(
      db,
      `INSERT INTO clearance_decisions (request_id, step, decision, by_id, by_name, by_post, comment, section_count, decided_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      d.requestId,
      d.step,
      d.decision,
      d.by.contactId,
      d.by.name,
      d.by.post,
      d.comment,
      d.sections.size,
      d.now,
    ).lastInsertRowid,
  );
  for (const [sectionId, fp] of d.sections) run(db, 'INSERT INTO clearance_coverage (decision_id, section_id, fingerprint) VALUES (?, ?, ?)', id, sectionId, fp);
}

/** Who cleared the briefing in its latest round, in chain order, with post and date: what the pack prints. */
export function clearedBy(db: ReadDb, briefingId: number): { name: string; post: string; label: string; at: string }[] {
  const c = getClearance(db, briefingId);
  return c.steps.filter((s) => s.state === 'approved' && s.decision).map((s) => ({ name: s.decision!.by.name, post: s.decision!.by.post, label: s.label, at: s.decision!.at }));
}
