import { describe, expect, it } from 'vitest';
import { DossierError } from '../../contract/errors';
import { dispatch } from './index';
import { testContext } from './test-context';

const count = (ctx: ReturnType<typeof testContext>) => (ctx.db.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n;

describe('iCalendar export and re-import', () => {
  it('keeps title, times, zone, location, series and agenda', async () => {
    const a = testContext();
    const m = await dispatch(a, 'meeting.create', {
      title: 'G20 Employment Working Group, 2nd meeting',
      series: 'G20 EWG',
      start: '2026-10-25T01:30',
      end: '2026-10-25T03:30',
      timeZone: 'Europe/Zurich',
      venue: 'Palais des Nations, Room XVII, Geneva',
      notes: 'Bring the skills paper.\nSecond line.',
    });
    for (const title of ['Opening, adoption of the agenda', 'Skills for the green transition', 'Any other business'])
      await dispatch(a, 'agenda.save', { meetingId: m.id, title, time: title.startsWith('Opening') ? '01:30' : '', lead: 'Chair' });
    const { content, count: n } = await dispatch(a, 'meeting.exportIcs', { meetingId: m.id });
    expect(n).toBe(1);
    expect(content).toContain('BEGIN:VTIMEZONE');
    expect(content).toContain('X-WR-TIMEZONE:Europe/Zurich');

    const b = testContext();
    const r = await dispatch(b, 'meeting.importIcs', { content, fileName: 'ewg.ics' });
    expect(r.created).toHaveLength(1);
    const back = await dispatch(b, 'meeting.get', { id: r.created[0]! });
    const orig = await dispatch(a, 'meeting.get', { id: m.id });
    for (const k of ['title', 'series', 'start', 'end', 'startIso', 'endIso', 'timeZone', 'venue', 'notes'] as const) expect(back[k]).toBe(orig[k]);
    expect(back.agenda.map(({ time, title, lead }) => ({ time, title, lead }))).toEqual(orig.agenda.map(({ time, title, lead }) => ({ time, title, lead })));

    // Importing the same file again adds nothing: the UID is known, the meeting is brought up to date.
    expect(await dispatch(b, 'meeting.importIcs', { content, fileName: 'ewg.ics' })).toEqual({ created: [], updated: [back.id], skipped: 0, cancelled: [], participants: 0 });
    // And exporting a meeting imported from another calendar keeps that calendar's UID.
    expect((await dispatch(b, 'meeting.exportIcs', { all: true })).content).toContain(content.match(/UID:(.*)/)![1]!.trim());
  });

  it('a broken file names the line and writes nothing', async () => {
    const ctx = testContext();
    const good = 'BEGIN:VEVENT\nUID:a\nDTSTART:20261110T090000Z\nDTEND:20261110T100000Z\nSUMMARY:Fine\nEND:VEVENT';
    const bad = 'BEGIN:VEVENT\nUID:b\nDTSTART:20261111T090000Z\nDTEND:20261111T080000Z\nSUMMARY:Ends first\nEND:VEVENT';
    const content = `BEGIN:VCALENDAR\nVERSION:2.0\n${good}\n${bad}\nEND:VCALENDAR\n`;
    const err = await dispatch(ctx, 'meeting.importIcs', { content, fileName: 'broken.ics' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DossierError);
    expect((err as DossierError).details).toMatchObject({ file: 'broken.ics', line: 12 });
    expect((err as DossierError).message).toMatch(/^broken\.ics, line 12: .*ends before it starts/);
    expect(count(ctx)).toBe(0);
  });
});

describe('follow-up actions across a series', () => {
  it('an action left open appears on the next meeting, can be carried forward or closed there', async () => {
    const ctx = testContext();
    const s = { series: 'WPSDG', timeZone: 'Europe/Zurich' };
    const first = await dispatch(ctx, 'meeting.create', { ...s, title: 'WPSDG March', start: '2026-03-10T10:00', end: '2026-03-10T13:00' });
    const second = await dispatch(ctx, 'meeting.create', { ...s, title: 'WPSDG November', start: '2026-11-10T10:00', end: '2026-11-10T13:00' });
    const other = await dispatch(ctx, 'meeting.create', { title: 'Unrelated', start: '2026-12-01T10:00', end: '2026-12-01T11:00' });
    let d = await dispatch(ctx, 'action.save', { meetingId: first.id, text: 'Send comments on the study outline', owner: 'J. Weiß', dueDate: '2026-04-01' });
    await dispatch(ctx, 'action.save', { meetingId: first.id, text: 'Circulate the summary', status: 'done' });
    const open = d.actions[0]!;

    let next = await dispatch(ctx, 'meeting.get', { id: second.id });
    expect(next.carriedActions.map((a) => [a.text, a.overdue, a.meetingTitle])).toEqual([['Send comments on the study outline', true, 'WPSDG March']]);
    expect((await dispatch(ctx, 'meeting.get', { id: other.id })).carriedActions).toEqual([]);

    next = await dispatch(ctx, 'action.carryForward', { id: open.id, toMeetingId: second.id });
    expect(next.carriedActions[0]).toMatchObject({ id: open.id, status: 'open', carriedToMeetingId: second.id });
    await expect(dispatch(ctx, 'action.carryForward', { id: open.id, toMeetingId: first.id })).rejects.toThrow(/later meeting/);

    d = await dispatch(ctx, 'action.setStatus', { id: open.id, status: 'done', meetingId: second.id });
    expect(d.carriedActions).toEqual([]);
    expect((await dispatch(ctx, 'meeting.get', { id: first.id })).actions.every((a) => a.status === 'done')).toBe(true);
  });

  it('outcomes record who committed', async () => {
    const ctx = testContext();
    const m = await dispatch(ctx, 'meeting.create', { title: 'Bilateral', start: '2026-03-10T10:00', end: '2026-03-10T13:00' });
    let d = await dispatch(ctx, 'outcome.save', { meetingId: m.id, text: 'Joint study agreed', committedBy: 'counterpart' });
    d = await dispatch(ctx, 'outcome.save', { meetingId: m.id, id: d.outcomes[0]!.id, text: 'Joint study agreed in principle', committedBy: 'us' });
    expect(d.outcomes).toEqual([{ id: d.outcomes[0]!.id, text: 'Joint study agreed in principle', committedBy: 'us' }]);
    d = await dispatch(ctx, 'outcome.remove', { meetingId: m.id, id: d.outcomes[0]!.id });
    expect(d.outcomes).toEqual([]);
  });
});

describe('new meeting from previous', () => {
  it('copies series, venue, host, institutions, delegation and the agenda titles without times', async () => {
    const ctx = testContext();
    await dispatch(ctx, 'system.loadDemo', {});
    const series = (await dispatch(ctx, 'meeting.series', {})).find((s) => s.name === 'WPSDG')!;
    const last = await dispatch(ctx, 'meeting.get', { id: series.lastMeetingId! });
    const m = await dispatch(ctx, 'meeting.createFromPrevious', { seriesId: series.id, start: '2027-11-09T10:00', end: '2027-11-09T13:00' });
    const d = await dispatch(ctx, 'meeting.get', { id: m.id });
    expect([d.series, d.venue, d.format, d.hostInstitutionId, d.timeZone, d.status]).toEqual([last.series, last.venue, last.format, last.hostInstitutionId, last.timeZone, 'planned']);
    expect(d.institutionIds).toEqual(last.institutionIds);
    expect(d.delegation.map((p) => [p.contactId, p.role])).toEqual(last.delegation.map((p) => [p.contactId, p.role]));
    expect(d.agenda.map((a) => [a.title, a.time])).toEqual(last.agenda.map((a) => [a.title, '']));
    expect(d.counterparts).toEqual([]);
  });
});
