/** Briefings and their sections. Every write refuses a final briefing (see assertEditable). */
import type { GeneratedSection } from '../../contract/model';
import type { HandlerMap } from './context';
import { today } from './context';
import { assemble } from '../assemble/document';
import { readPackSource } from '../assemble/source';
import { labelsFor } from '../pack/labels';
import {
  addSection,
  assertEditable,
  createBriefing,
  deleteBriefing,
  getBriefing,
  getBriefingDetail,
  getSection,
  listBriefings,
  removeSection,
  reindexBriefing,
  reorderSections,
  updateBriefing,
  updateSection,
} from '../store/briefings';
import { historyText, recordSectionChange } from '../store/section-history';
import { applyStatus } from './clearance';
import { me, nowOf } from './actor';

const GENERATED_KINDS = new Set(['programme', 'whos_who', 'institution_profiles', 'history', 'since_last_time', 'open_actions', 'contact_sheet']);

export const briefingHandlers: HandlerMap<
  | 'briefing.list'
  | 'briefing.get'
  | 'briefing.create'
  | 'briefing.delete'
  | 'briefing.update'
  | 'briefing.setStatus'
  | 'briefing.preview'
  | 'section.add'
  | 'section.update'
  | 'section.remove'
  | 'section.reorder'
> = {
  'briefing.list': ({ meetingId }, { db }) => listBriefings(db, meetingId),
  'briefing.get': ({ id }, { db }) => getBriefingDetail(db, id),
  'briefing.create': ({ template, ...f }, ctx) => getBriefingDetail(ctx.db, createBriefing(ctx.db, f, template)),
  'briefing.delete': ({ id }, ctx) => {
    deleteBriefing(ctx.db, id);
    return { ok: true as const };
  },
  'briefing.update': ({ id, patch }, ctx) => {
    updateBriefing(ctx.db, id, patch);
    return getBriefingDetail(ctx.db, id);
  },
  'briefing.setStatus': ({ id, status }, ctx) => {
    // A status change is a milestone (a version is saved) and, with a clearance chain, goes through clearance.
    applyStatus(ctx, id, status);
    return getBriefingDetail(ctx.db, id);
  },
  'briefing.preview': ({ id }, ctx) => {
    // One mapping from store to what the pack shows: the pack's own, so the editor never disagrees with the PDF.
    const a = assemble(readPackSource(ctx.db, { briefingId: id }, today(ctx)), { variant: 'full' });
    return a.sections.flatMap((data, i) => (GENERATED_KINDS.has(data.kind) ? [{ sectionId: a.sectionIds[i]!, data: data as GeneratedSection }] : []));
  },
  'section.add': ({ briefingId, kind, title, afterId }, ctx) => {
    assertEditable(ctx.db, briefingId);
    // Untitled, a new section takes its kind's name as the pack prints it, in the briefing's language.
    const sid = addSection(ctx.db, briefingId, kind, title || labelsFor(getBriefing(ctx.db, briefingId).language).sections[kind], undefined, afterId);
    reindexBriefing(ctx.db, briefingId);
    const s = getSection(ctx.db, sid);
    recordSectionChange(ctx.db, { sectionId: sid, sectionTitle: s.title, briefingId, kind: 'added', by: me(ctx), before: '', after: historyText(s), now: nowOf(ctx) });
    return getBriefingDetail(ctx.db, briefingId);
  },
  'section.update': ({ id, ...patch }, ctx) => {
    const before = getSection(ctx.db, id);
    const after = updateSection(ctx.db, id, patch);
    recordSectionChange(ctx.db, { sectionId: id, sectionTitle: after.title, briefingId: after.briefingId, kind: 'edited', by: me(ctx), before: historyText(before), after: historyText(after), now: nowOf(ctx) });
    return after;
  },
  'section.remove': ({ id }, ctx) => {
    const s = getSection(ctx.db, id);
    // Recorded first: the entry keeps the section's title once the section (and its id) is gone.
    recordSectionChange(ctx.db, { sectionId: id, sectionTitle: s.title, briefingId: s.briefingId, kind: 'removed', by: me(ctx), before: historyText(s), after: '', now: nowOf(ctx) });
    return getBriefingDetail(ctx.db, removeSection(ctx.db, id));
  },
  'section.reorder': ({ briefingId, ids }, ctx) => {
    assertEditable(ctx.db, briefingId);
    reorderSections(ctx.db, briefingId, ids);
    return getBriefingDetail(ctx.db, briefingId);
  },
};
