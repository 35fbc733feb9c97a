/**
 * "Since last time": the previous meeting of the series (or with the same host) against this one. Our lines then
 * (key messages and lines to take of that meeting's briefing as it stood when the meeting ended) word-diffed with
 * today's; outcomes with who committed; follow-ups still open; who is new or has left; and line drift, today's key
 * messages against the snippet library's standard line on the same topic. From the PackSource; reads nothing.
 */
import type { BriefingDetail, MeetingDetail, Snippet } from '../../contract/model';
import type { ActionItem, SinceLastTimeSection } from '../pack/document';
import { type Label, markdownDiff } from './markdown-diff';
import { labelsFor } from '../pack/labels';
import { fold } from '../store/search';
import type { PackSource } from './source';

/** What the section needs besides the source: today's briefing as shown, dates in the briefing's language. */
export interface SinceInput {
  briefing: BriefingDetail | null;
  language: string;
  /** 'YYYY-MM-DD' → "4 March 2026". */
  day: (iso: string) => string;
  /** A meeting's start in its zone → "4 March 2026". */
  dayIn: (ms: number, timeZone: string) => string;
  /** Open follow-ups carried to this meeting, already mapped for the pack. */
  actions: ActionItem[];
  /** A releasable pack's filter, applied to the earlier briefing too, so its marked lines are not quoted. */
  filterThen?: ((b: BriefingDetail) => BriefingDetail) | undefined;
}

const words = (s: string) => new Set(fold(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2));
/** Dice similarity of two texts' word sets (0–1). */
export function similarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return (2 * common) / (x.size + y.size);
}


/** Key messages and per-item lines of a briefing, keyed for matching: 'km' and the agenda item's folded title. */
function linesOf(b: BriefingDetail | null, agenda: { id: number; title: string }[]): { key: string; heading: string; text: string }[] {
  if (!b) return [];
  const out: { key: string; heading: string; text: string }[] = [];
  const byId = new Map(agenda.map((a, i) => [a.id, { title: a.title, n: i + 1 }]));
  const km = b.sections.flatMap((s) => (s.body.kind === 'key_messages' ? s.body.items : []));
  // As a Markdown list, so each message keeps its bullet (and its emphasis) when rendered.
  const items = km.map((m) => m.trim()).filter(Boolean);
  if (items.length) out.push({ key: 'km', heading: '', text: items.map((m) => `- ${m}`).join('\n') });
  for (const s of b.sections) {
    if (s.body.kind !== 'agenda_briefs') continue;
    for (const brief of s.body.briefs) {
      if (!brief.text.trim()) continue;
      const title = byId.get(brief.agendaItemId)?.title ?? brief.title ?? '';
      out.push({ key: fold(title).replace(/[^\p{L}\p{N}]+/gu, ' ').trim(), heading: title, text: brief.text.trim() });
    }
  }
  return out;
}

/** Then against now: the same key first, else the most similar agenda title (agendas are reworded between sessions). */
function compareLines(then: ReturnType<typeof linesOf>, now: ReturnType<typeof linesOf>, kmHeading: string, label: Label): SinceLastTimeSection['lines'] {
  const used = new Set<number>();
  const out: SinceLastTimeSection['lines'] = [];
  for (const t of then) {
    let j = now.findIndex((n, k) => !used.has(k) && n.key === t.key);
    if (j < 0 && t.key !== 'km') {
      const scored = now.map((n, k) => ({ k, s: n.key === 'km' || used.has(k) ? 0 : similarity(n.heading, t.heading) })).sort((a, b) => b.s - a.s)[0];
      if (scored && scored.s >= 0.5) j = scored.k;
    }
    const heading = t.key === 'km' ? kmHeading : t.heading;
    if (j < 0) {
      out.push({ heading, change: 'removed', parts: markdownDiff(t.text, '', label) });
      continue;
    }
    used.add(j);
    const n = now[j]!;
    out.push({ heading: n.key === 'km' ? kmHeading : n.heading, change: n.text === t.text ? 'unchanged' : 'changed', parts: markdownDiff(t.text, n.text, label) });
  }
  now.forEach((n, k) => {
    if (!used.has(k)) out.push({ heading: n.key === 'km' ? kmHeading : n.heading, change: 'added', parts: markdownDiff('', n.text, label) });
  });
  return out;
}

/** Today's key messages against the standard lines: by topic named in the message, else the most similar snippet. */
function lineDrift(library: Snippet[], briefing: BriefingDetail | null, label: Label): SinceLastTimeSection['drift'] {
  if (!briefing) return [];
  const snippets = library.filter((s) => s.text.trim());
  if (snippets.length === 0) return [];
  const messages = briefing.sections.flatMap((s) => (s.body.kind === 'key_messages' ? s.body.items : [])).filter((m) => m.trim());
  return messages.flatMap((message) => {
    const folded = fold(message);
    const scored = snippets
      .map((s) => ({ s, score: similarity(message, s.text) + (s.topic && folded.includes(fold(s.topic)) ? 1 : 0) + (s.title && folded.includes(fold(s.title)) ? 0.5 : 0) }))
      .sort((a, b) => b.score - a.score)[0];
    if (!scored || scored.score < 0.3) return [];
    const standard = scored.s.text.trim();
    if (fold(standard).replace(/\s+/g, ' ') === fold(message.trim()).replace(/\s+/g, ' ')) return [];
    return [{ message: message.trim(), topic: scored.s.topic || scored.s.title, snippet: scored.s.title || scored.s.topic, parts: markdownDiff(standard, message.trim(), label) }];
  });
}

export function sinceLastTime(source: PackSource, input: SinceInput, title: string): SinceLastTimeSection {
  const L = labelsFor(input.language).since;
  const { meeting, previous } = source;
  const handling = labelsFor(input.language).release.handling;
  const label: Label = (m) => handling[m];
  const drift = lineDrift(source.snippets, input.briefing, label);
  if (previous === null) return { kind: 'since_last_time', title, previous: null, lines: [], outcomes: [], actions: input.actions, joined: [], left: [], drift };
  const prev = previous.meeting;
  // The briefing used then: the latest version saved before that meeting ended, else its current text.
  const saved = previous.savedVersion;
  const basis = previous.then === null ? '' : saved ? L.basisVersion(saved.number, input.day(saved.createdAt.slice(0, 10))) : L.basisCurrent;
  const then = previous.then && input.filterThen ? input.filterThen(previous.then) : previous.then;
  const lines = compareLines(linesOf(then, prev.agenda), linesOf(input.briefing, meeting.agenda), L.keyMessages, label);
  const person = (p: MeetingDetail['delegation'][number]) => ({ name: p.displayName, position: p.position, institution: p.institutionName ?? '' });
  const everyone = (m: MeetingDetail) => [...m.delegation, ...m.counterparts];
  const before = new Set(everyone(prev).map((p) => p.contactId));
  const now = new Set(everyone(meeting).map((p) => p.contactId));
  return {
    kind: 'since_last_time',
    title,
    previous: { title: prev.title, date: input.dayIn(Date.parse(prev.startIso), prev.timeZone), venue: prev.venue, basis },
    lines,
    outcomes: previous.outcomes.map((o) => {
      const by = o.committedBy.trim();
      const counterpart = by !== '' && fold(by) !== 'us';
      return { text: o.text, committedBy: fold(by) === 'us' ? L.us : fold(by) === 'counterpart' ? L.them : by, counterpart };
    }),
    actions: input.actions,
    joined: everyone(meeting).filter((p) => !before.has(p.contactId)).map(person),
    left: everyone(prev).filter((p) => !now.has(p.contactId)).map(person),
    drift,
  };
}
