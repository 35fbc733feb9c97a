/** Briefings and their sections. Every write refuses a final briefing (see assertEditable). */
import type { GeneratedSection } from '../../contract/model';
import type { HandlerMap } from './context';
import { today, write } from './context';
import { packDocumentFor } from './pack-document';
import {
  addSection,
  assertEditable,
  createBriefing,
  deleteBriefing,
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

/** Default title of a new section of each kind, as the standard template names them. */
const KIND_TITLES: Record<string, string> = {
  markdown: 'Notes',
  key_messages: 'Key messages',
  qa: 'Defensive Q&A',
  agenda_briefs: 'Lines to take per agenda item',
  programme: 'Programme',
  whos_who: 'Who’s who',
  institution_profiles: 'Institution profiles',
  history: 'History and outcomes',
  since_last_time: 'Since last time',
  open_actions: 'Open follow-up actions',
  contact_sheet: 'Contact sheet',
};

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
  'briefing.create': ({ template, ...f }, ctx) => write(ctx, () => getBriefingDetail(ctx.db, createBriefing(ctx.db, f, template))),
  'briefing.delete': ({ id }, ctx) =>
    write(ctx, () => {
      deleteBriefing(ctx.db, id);
      return { ok: true as const };
    }),
  'briefing.update': ({ id, patch }, ctx) =>
    write(ctx, () => {
      updateBriefing(ctx.db, id, patch);
      return getBriefingDetail(ctx.db, id);
    }),
  'briefing.setStatus': ({ id, status }, ctx) =>
    write(ctx, () => {
      // A status change is a milestone (a version is saved) and, with a clearance chain, goes through clearance.
      applyStatus(ctx, id, status);
      return getBriefingDetail(ctx.db, id);
    }),
  'briefing.preview': ({ id }, ctx) => {
    // One mapping from store to what the pack shows: the pack's own, so the editor never disagrees with the PDF.
    const sections = getBriefingDetail(ctx.db, id).sections;
    const doc = packDocumentFor(ctx.db, { briefingId: id }, today(ctx));
    return doc.sections.flatMap((data, i) => (GENERATED_KINDS.has(data.kind) ? [{ sectionId: sections[i]!.id, data: data as GeneratedSection }] : []));
  },
  'section.add': ({ briefingId, kind, title, afterId }, ctx) =>
    write(ctx, () => {
      assertEditable(ctx.db, briefingId);
      const sid = addSection(ctx.db, briefingId, kind, title || KIND_TITLES[kind] || 'Section', undefined, afterId);
      reindexBriefing(ctx.db, briefingId);
      const s = getSection(ctx.db, sid);
      recordSectionChange(ctx.db, { sectionId: sid, sectionTitle: s.title, briefingId, kind: 'added', by: me(ctx), before: '', after: historyText(s), now: nowOf(ctx) });
      return getBriefingDetail(ctx.db, briefingId);
    }),
  'section.update': ({ id, ...patch }, ctx) =>
    write(ctx, () => {
      const before = getSection(ctx.db, id);
      const after = updateSection(ctx.db, id, patch);
      recordSectionChange(ctx.db, { sectionId: id, sectionTitle: after.title, briefingId: after.briefingId, kind: 'edited', by: me(ctx), before: historyText(before), after: historyText(after), now: nowOf(ctx) });
      return after;
    }),
  'section.remove': ({ id }, ctx) =>
    write(ctx, () => {
      const s = getSection(ctx.db, id);
      // Recorded first: the entry keeps the section's title once the section (and its id) is gone.
      recordSectionChange(ctx.db, { sectionId: id, sectionTitle: s.title, briefingId: s.briefingId, kind: 'removed', by: me(ctx), before: historyText(s), after: '', now: nowOf(ctx) });
      removeSection(ctx.db, id);
      return getBriefingDetail(ctx.db, s.briefingId);
    }),
  'section.reorder': ({ briefingId, ids }, ctx) =>
    write(ctx, () => {
      assertEditable(ctx.db, briefingId);
      reorderSections(ctx.db, briefingId, ids);
      return getBriefingDetail(ctx.db, briefingId);
    }),
};
