/**
 * Loads the demo dossier (data/demo.ts, data/demo-briefings.ts) through `dispatch`, the operations the app itself
 * calls: the briefings are written, marked, budgeted, made final, issued and amended exactly as a user would, so the
 * issued pack and its addendum are the app's own. Each step runs with the clock at its day (relative to the load
 * day), and the saved versions and briefing times are dated to that day too, so the history reads as it happened and
 * the same load day always gives the same packs.
 *
 * All or nothing: the whole load is one transaction (the operations' own transactions nest in it as savepoints),
 * held across the pack builds, which are asynchronous.
 */
import type { HandlingMark, Section } from '../../contract/model';
import type { In, OpName, Out } from '../../contract/ops';
import { type DemoBriefing, type DemoContent, type DemoSection, type DemoStep, demoBriefings } from '../../data/demo-briefings';
import { type DemoContact, demoContacts, demoInstitutions, demoMeetings, demoSnippets } from '../../data/demo';
import { utcToZoned } from '../../contract/time';
import { get, run } from '../store/sql';
import type { OpsContext } from './context';
import { dispatch } from './index';

const DAY = 86_400_000;

export interface DemoCounts {
  institutions: number;
  contacts: number;
  meetings: number;
  briefings: number;
}

/** The load day at 09:00 UTC plus `days` (and `minutes`, to keep the steps of one day in order). */
const dayAt = (loadDay: Date, days: number, minutes = 0) =>
  new Date(Date.UTC(loadDay.getUTCFullYear(), loadDay.getUTCMonth(), loadDay.getUTCDate() + days, 9, minutes));
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function informationDated(c: DemoContact, now: Date): string {
  const d = c.informationDated;
  if (typeof d === 'string') return d;
  if ('daysAgo' in d) return isoDay(new Date(now.getTime() - d.daysAgo * DAY));
  const m = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - d.monthsAgo, 1));
  return m.toISOString().slice(0, 7);
}

/** The JSON (or Markdown) a section of this kind stores for the demo's content. */
function sectionContent(kind: Section['kind'], c: DemoContent, agendaIds: Map<string, number>, agendaTitles: Map<number, string>): string {
  if ('markdown' in c) return c.markdown;
  if ('keyMessages' in c) {
    const handling = c.keyMessages.map((m) => m.handling ?? null);
    return JSON.stringify({ items: c.keyMessages.map((m) => m.text), ...(handling.some(Boolean) ? { handling } : {}) });
  }
  if ('qa' in c) return JSON.stringify({ pairs: c.qa.map((p) => ({ question: p.question, answer: p.answer, ...(p.handling ? { handling: p.handling } : {}) })) });
  if (kind !== 'agenda_briefs') throw new Error(`Demo: lines to take given for a ${kind} section.`);
  const briefs = Object.entries(c.briefs).map(([key, text]) => {
    const id = agendaIds.get(key);
    if (id === undefined) throw new Error(`Demo: no agenda item "${key}".`);
    return { agendaItemId: id, text, title: agendaTitles.get(id) };
  });
  return JSON.stringify({ briefs });
}

export async function loadDemo(ctx: OpsContext): Promise<DemoCounts> {
  const { db } = ctx;
  const now = ctx.now();
  // Every operation below runs at the moment its step happened.
  let clock = now;
  const at: OpsContext = { ...ctx, now: () => clock };
  const call = <K extends OpName>(name: K, input: In<K>): Promise<Out<K>> => dispatch(at, name, input);

  const inst = new Map<string, number>();
  for (const { key, parent, ...rest } of demoInstitutions) {
    inst.set(key, (await call('institution.create', { ...rest, parentId: parent ? inst.get(parent)! : null })).id);
  }
  const people = new Map<string, number>();
  for (const { key, institution, ...rest } of demoContacts) {
    const c = await call('contact.create', { ...rest, informationDated: informationDated({ key, ...rest }, now), institutionId: institution ? inst.get(institution)! : null });
    people.set(key, c.id);
  }
  const meetings = new Map<string, { id: number; agenda: Map<string, number>; titles: Map<number, string> }>();
  for (const m of demoMeetings) {
    const day = (offset: number) => utcToZoned(now.getTime() + offset * DAY, m.timeZone).local.slice(0, 10);
    const { id } = await call('meeting.create', {
      title: m.title,
      series: m.series,
      kind: m.kind,
      start: `${day(m.inDays)}T${m.startTime}`,
      end: `${day(m.inDays + m.durationDays)}T${m.endTime}`,
      timeZone: m.timeZone,
      venue: m.venue,
      format: m.format,
      hostInstitutionId: inst.get(m.host)!,
      institutionIds: m.institutions.map((k) => inst.get(k)!),
      status: m.status,
    });
    // Its creation time names it in calendars (the .ics UID the pack carries): four weeks before, on the load's clock.
    run(db, 'UPDATE meetings SET created_at = ?, updated_at = ? WHERE id = ?', dayAt(now, Math.min(m.inDays, 0) - 28).toISOString(), dayAt(now, Math.min(m.inDays, 0) - 28).toISOString(), id);
    const agenda = new Map<string, number>();
    const titles = new Map<number, string>();
    for (const { key, ...item } of m.agenda) {
      const detail = await call('agenda.save', { meetingId: id, ...item });
      const added = detail.agenda[detail.agenda.length - 1]!;
      agenda.set(key, added.id);
      titles.set(added.id, added.title);
    }
    for (const d of m.delegation) await call('meeting.setParticipant', { meetingId: id, contactId: people.get(d.contact)!, side: 'delegation', role: d.role });
    for (const c of m.counterparts) await call('meeting.setParticipant', { meetingId: id, contactId: people.get(c)!, side: 'counterpart' });
    for (const o of m.outcomes) await call('outcome.save', { meetingId: id, text: o.text, committedBy: o.committedBy });
    for (const a of m.actions) await call('action.save', { meetingId: id, text: a.text, owner: a.owner, dueDate: isoDay(new Date(now.getTime() + a.dueInDays * DAY)), status: a.status });
    meetings.set(m.key, { id, agenda, titles });
  }
  for (const s of demoSnippets) await call('snippet.save', s);

  for (const b of demoBriefings) {
    clock = dayAt(now, b.writtenInDays);
    await writeBriefing(ctx, b, meetings.get(b.meeting)!, people, call, (d) => (clock = d), now);
  }
  clock = now;
  // The demo's user is the desk officer who owns both briefings: My work shows what waits for him.
  await call('identity.set', { contactId: people.get('weiss')! });
  return { institutions: inst.size, contacts: people.size, meetings: meetings.size, briefings: demoBriefings.length };
}

type Call = <K extends OpName>(name: K, input: In<K>) => Promise<Out<K>>;

type DemoMeetingIds = { id: number; agenda: Map<string, number>; titles: Map<number, string> };

async function writeBriefing(ctx: OpsContext, b: DemoBriefing, meeting: DemoMeetingIds, people: Map<string, number>, call: Call, setClock: (d: Date) => void, now: Date) {
  const { db } = ctx;
  const lastVersion = () => get<{ n: number }>(db, 'SELECT coalesce(max(id), 0) AS n FROM briefing_versions')!.n;
  /** Dates what a step changed to the step's time: the versions it saved, the sections it wrote, the briefing. */
  const stamp = (id: number, when: Date, sinceVersion: number, sectionIds: number[]) => {
    const t = when.toISOString();
    run(db, 'UPDATE briefing_versions SET created_at = ? WHERE briefing_id = ? AND id > ?', t, id, sinceVersion);
    for (const s of sectionIds) run(db, 'UPDATE briefing_sections SET updated_at = ? WHERE id = ?', t, s);
    run(db, 'UPDATE briefings SET updated_at = ? WHERE id = ?', t, id);
  };

  const written = dayAt(now, b.writtenInDays);
  const created = await call('briefing.create', {
    meetingId: meeting.id,
    title: b.title,
    classification: b.classification,
    language: b.language,
    owner: b.owner,
    deadline: isoDay(dayAt(now, b.deadlineInDays)),
  });
  run(db, 'UPDATE briefings SET created_at = ? WHERE id = ?', written.toISOString(), created.id);
  const byTitle = new Map(created.sections.map((s) => [s.title, s]));
  const write = async (s: DemoSection): Promise<number> => {
    const section = byTitle.get(s.title);
    if (!section) throw new Error(`Demo: "${b.title}" has no section "${s.title}".`);
    const patch: { content?: string; handling?: HandlingMark } = {};
    if (s.content) patch.content = sectionContent(section.kind, s.content, meeting.agenda, meeting.titles);
    if (s.handling) patch.handling = s.handling;
    await call('section.update', { id: section.id, ...patch });
    if (s.budgetWords) await call('section.setBudget', { id: section.id, words: s.budgetWords, pages: null });
    return section.id;
  };
  const first = lastVersion();
  const sections: number[] = [];
  for (const s of b.sections) sections.push(await write(s));
  stamp(created.id, written, first, [...byTitle.values()].map((s) => s.id));

  const steps: StepContext = { briefingId: created.id, meeting, byTitle, people, commissions: new Map(), call, write, now };
  for (const [i, step] of b.history.entries()) {
    const when = dayAt(now, step.inDays, i + 1);
    setClock(when);
    const before = lastVersion();
    const touched = await runStep(steps, step, when);
    stamp(created.id, when, before, touched);
  }
}

interface StepContext {
  briefingId: number;
  meeting: DemoMeetingIds;
  byTitle: Map<string, Section>;
  people: Map<string, number>;
  /** Commissions made so far, by their DemoCommission key. */
  commissions: Map<string, { id: number; kind: Section['kind'] }>;
  call: Call;
  write: (s: DemoSection) => Promise<number>;
  now: Date;
}

const person = (c: StepContext, key: string) => {
  const id = c.people.get(key);
  if (id === undefined) throw new Error(`Demo: no contact "${key}".`);
  return id;
};

async function runStep(c: StepContext, step: DemoStep, when: Date): Promise<number[]> {
  const { briefingId, call } = c;
  const date = isoDay(when);
  // A workflow step is done by a member of staff: the demo acts as them, as "I am" would.
  if ('by' in step) await call('identity.set', { contactId: person(c, step.by) });
  if ('status' in step) await call('briefing.setStatus', { id: briefingId, status: step.status });
  else if ('saveVersion' in step) await call('version.save', { briefingId, name: step.saveVersion });
  else if ('edit' in step) return [await c.write(step.edit)];
  else if ('issue' in step) await call('pack.issue', { briefingId, variant: step.issue, date });
  else if ('addendum' in step) await call('pack.addendum', { briefingId, variant: step.addendum, date });
  else if ('chain' in step) await call('clearance.setChain', { briefingId, steps: step.chain.map((s) => ({ contactId: person(c, s.clearer), label: s.label })) });
  else if ('sendForClearance' in step) await call('clearance.request', { briefingId });
  else if ('approve' in step) await call('clearance.approve', { briefingId, comment: step.comment ?? '' });
  else if ('commission' in step) {
    const k = step.commission;
    const section = c.byTitle.get(k.section);
    if (!section) throw new Error(`Demo: no section "${k.section}" to commission.`);
    const agendaItemId = k.agendaItem === undefined ? null : (c.meeting.agenda.get(k.agendaItem) ?? null);
    if (k.agendaItem !== undefined && agendaItemId === null) throw new Error(`Demo: no agenda item "${k.agendaItem}".`);
    const made = await call('commission.create', {
      sectionId: section.id,
      agendaItemId,
      assigneeId: person(c, k.from),
      deadline: isoDay(dayAt(c.now, k.deadlineInDays)),
      note: k.note,
      budgetWords: k.budgetWords ?? null,
    });
    c.commissions.set(k.key, { id: made.id, kind: section.kind });
  } else if ('submit' in step) {
    const k = c.commissions.get(step.submit);
    if (!k) throw new Error(`Demo: no commission "${step.submit}" to submit.`);
    await call('commission.submit', { id: k.id, text: sectionContent(k.kind, step.content, c.meeting.agenda, c.meeting.titles) });
  }
  return [];
}
