/**
 * Saved versions of a briefing: numbered JSON snapshots of the briefing and its sections. Versions are only
 * ever added; restoring one saves the current state first and then applies the old content as a new state.
 */
import { notFound } from '../../contract/errors';
import type { BriefingDetail, BriefingRecord, BriefingVersion } from '../../contract/model';
import { briefingOf, briefingRecord } from '../../contract/section-content';
import { type ReadDb, type WriteDb, nowIso } from './db';
import { assertEditable, getBriefingDetail, listSections, reindexBriefing, touchBriefing } from './briefings';
import { all, get, run } from './sql';

interface Row {
  id: number;
  briefing_id: number;
  number: number;
  name: string;
  reason: string;
  created_at: string;
}
const COLUMNS = 'id, briefing_id, number, name, reason, created_at';
const toVersion = (r: Row): BriefingVersion => ({ id: r.id, briefingId: r.briefing_id, number: r.number, name: r.name, reason: r.reason, createdAt: r.created_at });

/** Saves the briefing as it is now; returns the new version. */
export function saveVersion(db: WriteDb, briefingId: number, name: string, reason: string): BriefingVersion {
  const snapshot = getBriefingDetail(db, briefingId);
  const next = (get<{ n: number }>(db, 'SELECT coalesce(max(number), 0) + 1 AS n FROM briefing_versions WHERE briefing_id = ?', briefingId)?.n ?? 1);
  const id = Number(
    run(
      db,
      'INSERT INTO briefing_versions (briefing_id, number, name, reason, snapshot, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      briefingId,
      next,
      name,
      reason,
      JSON.stringify(briefingRecord(snapshot)),
      nowIso(),
    ).lastInsertRowid,
  );
  return getVersion(db, id);
}

export function listVersions(db: ReadDb, briefingId: number): BriefingVersion[] {
  return all<Row>(db, `SELECT ${COLUMNS} FROM briefing_versions WHERE briefing_id = ? ORDER BY number DESC`, briefingId).map(toVersion);
}

export function getVersion(db: ReadDb, id: number): BriefingVersion {
  const r = get<Row>(db, `SELECT ${COLUMNS} FROM briefing_versions WHERE id = ?`, id);
  if (!r) throw notFound('Version', id);
  return toVersion(r);
}

export function versionSnapshot(db: ReadDb, id: number): BriefingDetail {
  const r = get<{ snapshot: string }>(db, 'SELECT snapshot FROM briefing_versions WHERE id = ?', id);
  if (!r) throw notFound('Version', id);
  return briefingOf(JSON.parse(r.snapshot) as BriefingRecord);
}

/** A short label for people: 'Version 3 “Sent to the head of delegation”'. */
export const versionLabel = (v: BriefingVersion) => `Version ${v.number}${v.name ? ` “${v.name}”` : ''}`;

/**
 * Applies a version's content (fields and sections) as the current state, after saving the current state as a
 * version. Section ids are kept where the section still exists, so later comparisons match sections by id.
 * The status is not restored: a restore is a new working state of the briefing as it stands.
 */
export function restoreVersion(db: WriteDb, versionId: number): void {
  const v = getVersion(db, versionId);
  assertEditable(db, v.briefingId);
  const snap = versionSnapshot(db, versionId);
  saveVersion(db, v.briefingId, '', `before restoring version ${v.number}`);
  const now = nowIso();
  run(
    db,
    'UPDATE briefings SET title = ?, classification = ?, language = ?, owner = ?, deadline = ? WHERE id = ?',
    snap.title,
    snap.classification,
    snap.language,
    snap.owner,
    snap.deadline,
    v.briefingId,
  );
  const keep = new Set(snap.sections.map((s) => s.id));
  for (const s of listSections(db, v.briefingId)) if (!keep.has(s.id)) run(db, 'DELETE FROM briefing_sections WHERE id = ?', s.id);
  snap.sections.forEach((s, i) => {
    const owner = get<{ briefing_id: number }>(db, 'SELECT briefing_id FROM briefing_sections WHERE id = ?', s.id);
    if (owner?.briefing_id === v.briefingId) {
      run(db, 'UPDATE briefing_sections SET position = ?, kind = ?, title = ?, content = ?, handling = ?, updated_at = ? WHERE id = ?', i + 1, s.kind, s.title, s.content, s.handling, now, s.id);
    } else {
      // The section was removed since (or its id is taken elsewhere): bring it back under a fresh id if need be.
      run(
        db,
        'INSERT INTO briefing_sections (id, briefing_id, position, kind, title, content, handling, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        owner || s.id < 0 ? null : s.id, // a negative id: a section a team member removed, known here only by name
        v.briefingId,
        i + 1,
        s.kind,
        s.title,
        s.content,
        s.handling,
        now,
      );
    }
  });
  touchBriefing(db, v.briefingId);
  reindexBriefing(db, v.briefingId);
}
