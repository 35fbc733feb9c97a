/** Briefings and their sections. Every write refuses a final briefing (see assertEditable). */
import type { GeneratedSection } from '../../contract/model';
import type { HandlerMap } from './context';
import { today, write } from './context';
import { variantDocument } from './pack-variant';
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
      const before = getBriefing(ctx.db, id).status;
      // A status change is a milestone: keep the state it applies to as a version.
      if (setBriefingStatus(ctx.db, id, status)) saveVersion(ctx.db, id, '', `status: ${STATUS_WORDS[before]} → ${STATUS_WORDS[status]}`);
      return getBriefingDetail(ctx.db, id);
    }),
  'briefing.preview': ({ id }, ctx) => {
    // One mapping from store to what the pack shows: the full pack's own (marked parts labelled), so the editor never
    // disagrees with the PDF.
    const sections = getBriefingDetail(ctx.db, id).sections;
    const { doc } = variantDocument(ctx, { briefingId: id }, { day: today(ctx), variant: 'full' }, false);
    return doc.sections.flatMap((data, i) => (GENERATED_KINDS.has(data.kind) ? [{ sectionId: sections[i]!.id, data: data as GeneratedSection }] : []));
  },
  'section.add': ({ briefingId, kind, title, afterId }, ctx) =>
    write(ctx, () => {
      assertEditable(ctx.db, briefingId);
      addSection(ctx.db, briefingId, kind, title || KIND_TITLES[kind] || 'Section', undefined, afterId);
      reindexBriefing(ctx.db, briefingId);
      return getBriefingDetail(ctx.db, briefingId);
    }),
  'section.update': ({ id, ...patch }, ctx) => write(ctx, () => updateSection(ctx.db, id, patch)),
  'section.remove': ({ id }, ctx) => write(ctx, () => getBriefingDetail(ctx.db, removeSection(ctx.db, id))),
  'section.reorder': ({ briefingId, ids }, ctx) =>
    write(ctx, () => {
      assertEditable(ctx.db, briefingId);
      reorderSections(ctx.db, briefingId, ids);
      return getBriefingDetail(ctx.db, briefingId);
    }),
};
