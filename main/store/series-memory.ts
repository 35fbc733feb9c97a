/** Store reads for "since last time": the previous meeting of a series (or host), and a briefing as it stood then. */
import type { BriefingDetail, BriefingRecord } from '../../contract/model';
import { briefingOf } from '../../contract/section-content';
import type { ReadDb, WriteDb } from './db';
import { get, run } from './sql';

/** The latest meeting before `meetingId` of the same series, else with the same host institution; null if none. */
export function previousMeeting(db: ReadDb, meetingId: number): number | null {
  const m = get<{ starts_at: string; series_id: number | null; host_institution_id: number | null }>(db, 'SELECT starts_at, series_id, host_institution_id FROM meetings WHERE id = ?', meetingId);
  if (!m) return null;
  const bySeries =
    m.series_id === null ? undefined : get<{ id: number }>(db, 'SELECT id FROM meetings WHERE series_id = ? AND starts_at < ? AND id <> ? ORDER BY starts_at DESC, id DESC LIMIT 1', m.series_id, m.starts_at, meetingId);
  if (bySeries) return bySeries.id;
  if (m.host_institution_id === null) return null;
  return (
    get<{ id: number }>(db, "SELECT id FROM meetings WHERE host_institution_id = ? AND starts_at < ? AND id <> ? AND status <> 'cancelled' ORDER BY starts_at DESC, id DESC LIMIT 1", m.host_institution_id, m.starts_at, meetingId)?.id ??
    null
  );
}

/** The meeting's UTC end instant (ISO). */
export const meetingEnd = (db: ReadDb, meetingId: number): string | null => get<{ ends_at: string }>(db, 'SELECT ends_at FROM meetings WHERE id = ?', meetingId)?.ends_at ?? null;

/**
 * A briefing as it was used at a meeting: the latest version saved before `until` (the meeting's end), with its
 * number and date; null when no version was saved by then (the caller then takes the current text).
 */
export function briefingAsOf(db: ReadDb, briefingId: number, until: string): { snapshot: BriefingDetail; number: number; createdAt: string } | null {
  const r = get<{ snapshot: string; number: number; created_at: string }>(
    db,
    'SELECT snapshot, number, created_at FROM briefing_versions WHERE briefing_id = ? AND created_at <= ? ORDER BY created_at DESC, number DESC LIMIT 1',
    briefingId,
    until,
  );
  return r ? { snapshot: briefingOf(JSON.parse(r.snapshot) as BriefingRecord), number: r.number, createdAt: r.created_at } : null;
}

/** Adds a line to a meeting's notes (where it came from, when imported). */
export function appendMeetingNote(db: WriteDb, meetingId: number, line: string): void {
  run(db, "UPDATE meetings SET notes = CASE WHEN notes = '' THEN ? ELSE notes || char(10) || char(10) || ? END WHERE id = ?", line, line, meetingId);
}
