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
  listBriefings,
  removeSection,
  reindexBriefing,
  reorderSections,
  setBriefingStatus,
  updateBriefing,
  updateSection,
} from '../store/briefings';
import { saveVersion } from '../store/versions';

const GENERATED_KINDS = new Set(['programme', 'whos_who', 'institution_profiles', 'history', 'since_last_time', 'open_actions', 'contact_sheet']);
const STATUS_WORDS = { draft: 'draft', in_review: 'in review', final: 'final' } as const;

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
    const before = getBriefing(ctx.db, id).status;
    // A status change is a milestone: keep the state it applies to as a version.
    if (setBriefingStatus(ctx.db, id, status)) saveVersion(ctx.db, id, '', `status: ${STATUS_WORDS[before]} → ${STATUS_WORDS[status]}`);
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
    addSection(ctx.db, briefingId, kind, title || labelsFor(getBriefing(ctx.db, briefingId).language).sections[kind], undefined, afterId);
    reindexBriefing(ctx.db, briefingId);
    return getBriefingDetail(ctx.db, briefingId);
  },
  'section.update': ({ id, ...patch }, ctx) => updateSection(ctx.db, id, patch),
  'section.remove': ({ id }, ctx) => getBriefingDetail(ctx.db, removeSection(ctx.db, id)),
  'section.reorder': ({ briefingId, ids }, ctx) => {
    assertEditable(ctx.db, briefingId);
    reorderSections(ctx.db, briefingId, ids);
    return getBriefingDetail(ctx.db, briefingId);
  },
};
