import type { HandlerMap } from './context';
import { write } from './context';
import {
  createMeeting,
  deleteMeeting,
  getMeeting,
  getMeetingDetail,
  listMeetings,
  removeAgendaItem,
  removeParticipant,
  reorderAgenda,
  saveAgendaItem,
  setParticipant,
  updateMeeting,
} from '../store/meetings';

export const meetingHandlers: HandlerMap<
  | 'meeting.list'
  | 'meeting.get'
  | 'meeting.create'
  | 'meeting.update'
  | 'meeting.delete'
  | 'meeting.setParticipant'
  | 'meeting.removeParticipant'
  | 'agenda.save'
  | 'agenda.remove'
  | 'agenda.reorder'
> = {
  'meeting.list': (q, { db, now }) => listMeetings(db, q, now()),
  'meeting.get': ({ id }, { db }) => getMeetingDetail(db, id),
  'meeting.create': (f, ctx) => write(ctx, () => getMeeting(ctx.db, createMeeting(ctx.db, f))),
  'meeting.update': ({ id, patch }, ctx) =>
    write(ctx, () => {
      updateMeeting(ctx.db, id, patch);
      return getMeeting(ctx.db, id);
    }),
  'meeting.delete': ({ id }, ctx) =>
    write(ctx, () => {
      deleteMeeting(ctx.db, id);
      return { ok: true as const };
    }),
  'meeting.setParticipant': ({ meetingId, contactId, side, role }, ctx) =>
    write(ctx, () => {
      setParticipant(ctx.db, meetingId, contactId, side, role);
      return getMeetingDetail(ctx.db, meetingId);
    }),
  'meeting.removeParticipant': ({ meetingId, contactId, side }, ctx) =>
    write(ctx, () => {
      removeParticipant(ctx.db, meetingId, contactId, side);
      return getMeetingDetail(ctx.db, meetingId);
    }),
  'agenda.save': ({ meetingId, ...item }, ctx) =>
    write(ctx, () => {
      saveAgendaItem(ctx.db, meetingId, item);
      return getMeetingDetail(ctx.db, meetingId);
    }),
  'agenda.remove': ({ meetingId, id }, ctx) =>
    write(ctx, () => {
      removeAgendaItem(ctx.db, meetingId, id);
      return getMeetingDetail(ctx.db, meetingId);
    }),
  'agenda.reorder': ({ meetingId, ids }, ctx) =>
    write(ctx, () => {
      reorderAgenda(ctx.db, meetingId, ids);
      return getMeetingDetail(ctx.db, meetingId);
    }),
};
