/**
 * A row as it travels between replicas: foreign keys as global ids, blobs as base64, and the local ids hidden in
 * JSON columns (a version's snapshot, an issued pack's page map, the agenda briefs' item ids) as global ids too.
 */
import type { IdMap } from './ids';
import type { TableInfo } from './schema';

export type Row = Record<string, unknown>;

type IdPath = (json: unknown, map: (tbl: string, v: unknown) => unknown) => unknown;

/** A BriefingDetail snapshot: the briefing, its meeting and its sections by id, and the agenda items its agenda briefs name. */
const briefingSnapshot: IdPath = (json, map) => {
  const s = json as { id?: unknown; meetingId?: unknown; sections?: { id?: unknown; briefingId?: unknown; kind?: unknown; content?: unknown }[] };
  if (!s || typeof s !== 'object') return json;
  return {
    ...s,
    id: map('briefings', s.id),
    meetingId: map('meetings', s.meetingId),
    sections: (s.sections ?? []).map((x) => ({
      ...x,
      id: map('briefing_sections', x.id),
      briefingId: map('briefings', x.briefingId),
      // A restored version or a conflict's text writes this content back: its agenda items must name this replica's.
      ...(x.kind === 'agenda_briefs' && 'content' in x ? { content: mapJson(x.content, agendaBriefs, map) } : {}),
    })),
  };
};

const pageMap: IdPath = (json, map) => (Array.isArray(json) ? json.map((p: { sectionId?: unknown }) => ({ ...p, sectionId: map('briefing_sections', p.sectionId) })) : json);

const agendaBriefs: IdPath = (json, map) => {
  const c = json as { briefs?: { agendaItemId?: unknown }[] };
  if (!c || !Array.isArray(c.briefs)) return json;
  return { ...c, briefs: c.briefs.map((b) => ({ ...b, agendaItemId: map('agenda_items', b.agendaItemId) })) };
};

/** JSON columns holding local ids, and when (a section's content only for agenda briefs). */
const JSON_IDS: Record<string, Record<string, { path: IdPath; when?: (row: Row) => boolean }>> = {
  briefing_versions: { snapshot: { path: briefingSnapshot } },
  packs: { snapshot: { path: briefingSnapshot }, page_map: { path: pageMap } },
  briefing_sections: { content: { path: agendaBriefs, when: (r) => r.kind === 'agenda_briefs' } },
};

function mapJson(text: unknown, path: IdPath, map: (tbl: string, v: unknown) => unknown): unknown {
  if (typeof text !== 'string' || text === '') return text;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return text;
  }
  return JSON.stringify(path(json, map));
}

/**
 * The JSON columns of `tbl` with local ids of `refTbl` inside, rewritten so that id `from` reads `to` (a row of this
 * replica; see ids.ts rehomeReusedId). Returns only the columns that changed.
 */
export function remapJsonIds(tbl: string, row: Row, refTbl: string, from: number, to: number): Row {
  const out: Row = {};
  for (const [c, spec] of Object.entries(JSON_IDS[tbl] ?? {})) {
    if (spec.when && !spec.when(row)) continue;
    const v = mapJson(row[c], spec.path, (t, id) => (t === refTbl && id === from ? to : id));
    if (v !== row[c]) out[c] = v;
  }
  return out;
}

/** Tables with local ids inside JSON columns, and those columns. */
export const jsonIdColumns = (): [string, string[]][] => Object.entries(JSON_IDS).map(([t, cols]) => [t, Object.keys(cols)]);

/** Converts blob values read back from a trigger image (hex) or a table (Buffer) to base64. */
function blobToWire(v: unknown, fromHex: boolean): unknown {
  if (v === null || v === undefined) return v;
  if (Buffer.isBuffer(v)) return v.toString('base64');
  return fromHex ? Buffer.from(String(v), 'hex').toString('base64') : v;
}

/**
 * A local row image (trigger JSON or a table row) in wire form: shared columns only. `kindOf` supplies the section
 * kind when the image lacks it (updates of content carry the whole row, so it is normally there).
 */
export function toWire(t: TableInfo, image: Row, ids: IdMap, fromHex = true): Row {
  const out: Row = {};
  const json = JSON_IDS[t.name];
  const toGid = (tbl: string, v: unknown) => (typeof v === 'number' ? ids.gidOf(tbl, v) : v);
  for (const c of t.shared) {
    if (!(c in image)) continue;
    let v = image[c];
    const fk = t.fks.get(c);
    if (fk) v = typeof v === 'number' ? ids.gidOf(fk.table, v) : null;
    else if (t.blobs.has(c)) v = blobToWire(v, fromHex);
    else if (json?.[c] && (!json[c]!.when || json[c]!.when!(image))) v = mapJson(v, json[c]!.path, toGid);
    out[c] = v;
  }
  return out;
}

/**
 * Wire fields as local column values. `context` is the full row (for the section kind); a foreign key whose record
 * this replica lacks comes back as `undefined` in `missing` so the caller decides (null it, or park the row).
 */
export function toLocal(t: TableInfo, fields: Row, ids: IdMap, context: Row = fields): { values: Row; missing: string[] } {
  const values: Row = {};
  const missing: string[] = [];
  const json = JSON_IDS[t.name];
  const toId = (tbl: string, v: unknown) => (typeof v === 'string' ? ids.refId(tbl, v) : v);
  for (const [c, v0] of Object.entries(fields)) {
    if (c.startsWith('_') || !t.shared.includes(c)) continue;
    let v = v0;
    const fk = t.fks.get(c);
    if (fk) {
      if (typeof v === 'string') {
        const id = ids.liveId(fk.table, v);
        if (id === null) missing.push(c);
        v = id;
      } else v = null;
    } else if (t.blobs.has(c)) v = typeof v === 'string' ? Buffer.from(v, 'base64') : v;
    else if (json?.[c] && (!json[c]!.when || json[c]!.when!(context))) v = mapJson(v, json[c]!.path, toId);
    values[c] = v;
  }
  return { values, missing };
}
