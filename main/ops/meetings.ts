import type { HandlerMap } from './context';
import {
  createMeeting,
  deleteMeeting,
  getMeeting,
  getMeetingDetail,
  listMeetings,
  countMeetings,
  removeAgendaItem,
  removeParticipant,
  reorderAgenda,
  saveAgendaItem,
  setParticipant,
  updateMeeting,
  createFromPrevious,
  listSeries,
} from '../store/meetings';
import { carryActionForward, removeAction, removeOutcome, saveAction, saveOutcome, setActionStatus } from '../store/actions';

export const meetingHandlers: HandlerMap<
  | 'meeting.list'
  | 'meeting.count'
  | 'meeting.get'
  | 'meeting.create'
  | 'meeting.update'
  | 'meeting.delete'
  | 'meeting.setParticipant'
  | 'meeting.removeParticipant'
  | 'agenda.save'
  | 'agenda.remove'
  | 'agenda.reorder'
  | 'meeting.series'
  | 'meeting.createFromPrevious'
  | 'outcome.save'
  | 'outcome.remove'
  | 'action.save'
  | 'action.setStatus'
  | 'action.carryForward'
  | 'action.remove'
> = {
  'meeting.list': (q, { db, now }) => listMeetings(db, q, now()),
  'meeting.count': (q, { db, now }) => ({ total: countMeetings(db, q, now()) }),
  'meeting.get': ({ id }, { db }) => getMeetingDetail(db, id),
  'meeting.create': (f, ctx) => getMeeting(ctx.db, createMeeting(ctx.db, f)),
  'meeting.update': ({ id, patch }, ctx) => {
    updateMeeting(ctx.db, id, patch);
    return getMeeting(ctx.db, id);
  },
  'meeting.delete': ({ id }, ctx) => {
    deleteMeeting(ctx.db, id);
    return { ok: true as const };
  },
  'meeting.setParticipant': ({ meetingId, contactId, side, role }, ctx) => {
    setParticipant(ctx.db, meetingId, contactId, side, role);
    return getMeetingDetail(ctx.db, meetingId);
  },
  'meeting.removeParticipant': ({ meetingId, contactId, side }, ctx) => {
    removeParticipant(ctx.db, meetingId, contactId, side);
    return getMeetingDetail(ctx.db, meetingId);
  },
  'agenda.save': ({ meetingId, ...item }, ctx) => {
    saveAgendaItem(ctx.db, meetingId, item);
    return getMeetingDetail(ctx.db, meetingId);
  },
  'agenda.remove': ({ meetingId, id }, ctx) => {
    removeAgendaItem(ctx.db, meetingId, id);
    return getMeetingDetail(ctx.db, meetingId);
  },
  'agenda.reorder': ({ meetingId, ids }, ctx) => {
    reorderAgenda(ctx.db, meetingId, ids);
    return getMeetingDetail(ctx.db, meetingId);
  },
  'meeting.series': (_i, { db }) => listSeries(db),
  'meeting.createFromPrevious': ({ seriesId, meetingId, start, end, timeZone }, ctx) =>
    getMeeting(ctx.db, createFromPrevious(ctx.db, { seriesId, meetingId }, { start, end, timeZone })),
  'outcome.save': ({ meetingId, ...o }, ctx) => (saveOutcome(ctx.db, meetingId, o), getMeetingDetail(ctx.db, meetingId)),
  'outcome.remove': ({ meetingId, id }, ctx) => (removeOutcome(ctx.db, meetingId, id), getMeetingDetail(ctx.db, meetingId)),
  'action.save': ({ meetingId, ...a }, ctx) => (saveAction(ctx.db, meetingId, a), getMeetingDetail(ctx.db, meetingId)),
  'action.setStatus': ({ id, status, meetingId }, ctx) => (setActionStatus(ctx.db, id, status), getMeetingDetail(ctx.db, meetingId)),
  'action.carryForward': ({ id, toMeetingId }, ctx) => (carryActionForward(ctx.db, id, toMeetingId), getMeetingDetail(ctx.db, toMeetingId)),
  'action.remove': ({ meetingId, id }, ctx) => (removeAction(ctx.db, meetingId, id), getMeetingDetail(ctx.db, meetingId)),
};
