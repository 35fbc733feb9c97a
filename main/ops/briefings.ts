import type { HandlerMap } from './context';
import { write } from './context';
import { createBriefing, deleteBriefing, getBriefingDetail, listBriefings } from '../store/briefings';

export const briefingHandlers: HandlerMap<'briefing.list' | 'briefing.get' | 'briefing.create' | 'briefing.delete'> = {
  'briefing.list': ({ meetingId }, { db }) => listBriefings(db, meetingId),
  'briefing.get': ({ id }, { db }) => getBriefingDetail(db, id),
  'briefing.create': ({ template, ...f }, ctx) => write(ctx, () => getBriefingDetail(ctx.db, createBriefing(ctx.db, f, template))),
  'briefing.delete': ({ id }, ctx) =>
    write(ctx, () => {
      deleteBriefing(ctx.db, id);
      return { ok: true as const };
    }),
};
