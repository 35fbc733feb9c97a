/** Reading and writing the JSON of structured sections with the contract's schemas; unreadable JSON reads as empty. */
import { AgendaBriefsContent, KeyMessagesContent, QaContent, type AgendaItem } from '../../../../contract/model';
import { t } from '../../lib/i18n';

function parse<T>(schema: { safeParse: (v: unknown) => { success: boolean; data?: T } }, content: string, empty: T): T {
  try {
    const r = schema.safeParse(JSON.parse(content || '{}'));
    return r.success ? (r.data as T) : empty;
  } catch {
    return empty;
  }
}
export const readKeyMessages = (c: string) => parse(KeyMessagesContent, c, { items: [] });
export const readQa = (c: string) => parse(QaContent, c, { pairs: [] });
export const readBriefs = (c: string) => parse(AgendaBriefsContent, c, { briefs: [] });

/** A copy of `list` with item `i` moved by `delta` (no-op at the ends). */
export function moved<T>(list: readonly T[], i: number, delta: number): T[] {
  const j = i + delta;
  if (j < 0 || j >= list.length) return [...list];
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

export interface BriefRow {
  agendaItemId: number;
  /** "1", "2" in agenda order; null for an orphaned brief. */
  number: string | null;
  title: string;
  detail: string;
  text: string;
}

/**
 * The briefs kept in step with the agenda: one row per agenda item in agenda order (empty if none was written),
 * then the orphans, briefs whose item was removed from the agenda, with their text and last known title.
 */
export function alignBriefs(content: string, agenda: readonly AgendaItem[]): { rows: BriefRow[]; orphans: BriefRow[] } {
  const briefs = readBriefs(content).briefs;
  const byId = new Map(briefs.map((b) => [b.agendaItemId, b]));
  const ids = new Set(agenda.map((a) => a.id));
  const rows = agenda.map((a, i) => ({
    agendaItemId: a.id,
    number: String(i + 1),
    title: a.title,
    detail: [a.time, a.lead].filter(Boolean).join(' · '),
    text: byId.get(a.id)?.text ?? '',
  }));
  const orphans = briefs
    .filter((b) => !ids.has(b.agendaItemId))
    .map((b) => ({ agendaItemId: b.agendaItemId, number: null, title: b.title ?? t('briefs.untitledItem', { id: b.agendaItemId }), detail: '', text: b.text }));
  return { rows, orphans };
}

/** The JSON for rows and orphans; every brief carries its item's title so an orphan still says what it was about. */
export const writeBriefs = (rows: readonly BriefRow[]) => JSON.stringify({ briefs: rows.map((r) => ({ agendaItemId: r.agendaItemId, title: r.title, text: r.text })) });
