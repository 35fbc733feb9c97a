/**
 * Pre-flight: what to check before a pack goes out. Contacts in the pack whose details are stale or undated, agenda
 * items without lines to take, sections over their length budget (words or pages) and a written brief over the
 * "four sides" rule, lines to take unchanged since the last meeting of the series, characters the pack font cannot
 * draw, and unresolved "TODO" / "[[...]]" markers. Each finding says where it is and which route fixes it; the
 * user's decision (accept, or print flagged "to check") is remembered per briefing. It checks the assembled full
 * pack (main/assemble): the same data the pack is built from, read once.
 */
import { createHash } from 'node:crypto';
import type { PreflightFinding } from '../../contract/model';
import { bodyText, countWords } from '../../contract/section-text';
import { type Assembly, assemble } from '../assemble/document';
import { sinceLastTime } from '../assemble/since-last-time';
import { readPackSource } from '../assemble/source';
import { buildPack } from '../pack/build';
import type { PackSection } from '../pack/document';
import { codePointName, missingGlyphs } from '../pack/glyph-check';
import { getBriefingDetail, getSection } from '../store/briefings';
import { setPreflightDecision, setSectionBudget } from '../store/preflight';
import { type HandlerMap, today } from './context';
import { workflowFindings } from './workflow-findings';

type Kind = PreflightFinding['kind'];
type Where = PreflightFinding['where'];
/** Sections the "four sides" rule counts: the written brief, not the annexes drawn from the store. */
const WRITTEN = new Set(['markdown', 'key_messages', 'qa', 'agenda_briefs']);
/** Words of 9.5 pt body text on one A4 side of the pack, headings and spacing allowed for. */
const WORDS_PER_SIDE = 550;
const MARKER_RE = /\bTODO\b[^\n]{0,40}|\[\[[^\]\n]{0,80}\]\]/g;

export interface PreflightResult {
  briefingId: number | null;
  findings: PreflightFinding[];
  sides: { written: number; limit: number } | null;
}

const words = countWords;
const short = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 10);

/** Every string a pack section prints, for the glyph check. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** Collects findings with the user's decision on each. */
class Findings {
  readonly list: PreflightFinding[] = [];
  constructor(
    private readonly a: Assembly,
    private readonly decisions: Record<string, 'accept' | 'flag'>,
  ) {}
  /** Where a finding is fixed: the briefing (at a section) or, for a meeting without one, the meeting. */
  route(sectionId: number | null): string {
    const b = this.a.source.briefing;
    return b === null ? `#/meetings/${this.a.source.meeting.id}` : `#/briefings/${b.id}${sectionId ? `?section=${sectionId}` : ''}`;
  }
  add(kind: Kind, detail: string, message: string, where: Partial<Where>, route: string): void {
    const key = `${kind}:${where.sectionId ?? ''}:${where.contactId ?? ''}:${where.agendaItemId ?? ''}:${detail}`;
    this.list.push({ key, kind, message, where: { sectionId: null, contactId: null, agendaItemId: null, ...where }, route, decision: this.decisions[key] ?? null });
  }
}

/**
 * The findings for an assembled full pack that need no layout. With `all` false (a pack being built), nothing is
 * checked unless a finding was flagged to print: most packs have none, and the checks cost a third of a build.
 */
export function preflightFindings(a: Assembly, all = true): PreflightResult {
  const { source } = a;
  const { briefing, meeting } = source;
  const out: PreflightResult = { briefingId: briefing?.id ?? null, findings: [], sides: null };
  if (!all && !Object.values(source.decisions).includes('flag')) return out;
  const f = new Findings(a, source.decisions);
  const sections = briefing?.sections ?? [];
  const has = (kind: string) => briefing === null || sections.some((s) => s.kind === kind);

  // Contacts the pack prints (who's who, contact sheet) whose details are old or undated, as of the pack's date.
  if (has('whos_who') || has('contact_sheet')) {
    const ids = new Set([...meeting.delegation, ...meeting.counterparts].map((p) => p.contactId));
    for (const id of ids) {
      const c = source.people.get(id);
      if (!c?.stale) continue;
      const message = c.informationDated ? `${c.displayName}: contact details dated ${c.informationDated} — confirm or update them.` : `${c.displayName}: contact details are undated — confirm or update them.`;
      f.add('stale_contact', c.informationDated ?? 'undated', message, { contactId: c.id }, `#/contacts/${c.id}`);
    }
  }

  // Agenda items without lines to take.
  for (const s of sections) {
    if (s.body.kind !== 'agenda_briefs') continue;
    const text = new Map(s.body.briefs.map((b) => [b.agendaItemId, b.text]));
    meeting.agenda.forEach((item, i) => {
      if ((text.get(item.id) ?? '').trim()) return;
      f.add('empty_brief', '', `Agenda item ${i + 1} “${item.title}” has no lines to take.`, { sectionId: s.id, agendaItemId: item.id }, f.route(s.id));
    });
  }

  // Unresolved markers.
  for (const s of sections) {
    for (const m of new Set(bodyText(s.body).match(MARKER_RE) ?? [])) {
      f.add('todo_marker', short(m), `“${s.title}” still has an unresolved marker: ${m.trim()}`, { sectionId: s.id }, f.route(s.id));
    }
  }

  // Word budgets.
  for (const s of sections) {
    const b = source.budgets.get(s.id);
    const n = words(bodyText(s.body));
    if (b?.words && n > b.words) f.add('over_budget', `words:${b.words}`, `“${s.title}” has ${n} words; its budget is ${b.words}.`, { sectionId: s.id }, f.route(s.id));
  }

  // Lines to take unchanged since before the last meeting of the series.
  if (briefing) {
    const since = sinceLastTime(source, { briefing, language: 'en', day: (d) => d, dayIn: (ms) => new Date(ms).toISOString().slice(0, 10), actions: [] }, '');
    for (const line of since.lines.filter((l) => l.change === 'unchanged')) {
      const item = meeting.agenda.find((x) => x.title === line.heading);
      const sec = sections.find((s) => s.kind === (item ? 'agenda_briefs' : 'key_messages'));
      const what = item ? `Lines to take on “${line.heading}”` : 'The key messages';
      f.add(
        'unchanged_line',
        short(line.heading),
        `${what} are unchanged since ${since.previous?.title ?? 'the last meeting'} (${since.previous?.date ?? ''}) — still right?`,
        { sectionId: sec?.id ?? null, agendaItemId: item?.id ?? null },
        f.route(sec?.id ?? null),
      );
    }
  }

  // Commissions still out or waiting for a decision, and clearance not (or no longer) complete (issue 20).
  if (briefing && source.workflow) for (const w of workflowFindings(briefing.id, source.workflow)) f.add(w.kind, w.detail, w.message, w.where, w.route);

  // Characters the embedded font cannot draw, per section of the full pack as it would print.
  const { doc } = a.document({ attachments: false });
  const checkGlyphs = (label: string, texts: string[], sectionId: number | null) => {
    const missing = missingGlyphs(texts.join('\n'));
    if (missing.length) f.add('missing_glyph', missing.join(''), `${label}: the pack font cannot draw ${missing.map(codePointName).join(', ')}.`, { sectionId }, f.route(sectionId));
  };
  checkGlyphs('Cover', [doc.title, doc.subtitle, doc.series, doc.venue, doc.delegationHead, doc.classification, doc.preparedBy, ...(doc.clearance ?? []).flatMap((r) => r.lines)], null);
  doc.sections.forEach((s: PackSection, i) => checkGlyphs(`“${s.title}”`, strings(s), a.sectionIds[i] ?? null));
  return { ...out, findings: f.list };
}

/** Every finding, the full pack laid out once to measure page budgets and the "four sides" rule. */
export async function runPreflight(a: Assembly): Promise<PreflightResult> {
  const result = preflightFindings(a);
  const { source } = a;
  const f = new Findings(a, source.decisions);
  const { doc } = a.document({ attachments: false });
  const built = await buildPack(doc, { date: source.day });
  const starts = built.toc.map((t) => t.page);
  const span = (i: number) => (starts[i + 1] ?? built.pages + 1) - starts[i]!;
  doc.sections.forEach((s, i) => {
    const pages = span(i);
    const id = a.sectionIds[i] ?? null;
    const b = id === null ? undefined : source.budgets.get(id);
    if (b?.pages && pages > b.pages) f.add('over_budget', `pages:${b.pages}`, `“${s.title}” runs to ${pages} pages; its budget is ${b.pages}.`, { sectionId: id }, f.route(id));
  });
  // Each section starts on a page of its own, so counting pages would fail every brief of five short sections:
  // the rule is about length, so the written words are measured in sides of body text.
  const sections = source.briefing?.sections ?? [];
  const count = sections.filter((s) => WRITTEN.has(s.kind)).reduce((n, s) => n + words(bodyText(s.body)), 0);
  const written = Math.ceil(count / WORDS_PER_SIDE);
  const limit = source.maxSides;
  if (written > limit) f.add('over_budget', `sides:${limit}`, `The written brief is about ${written} sides (${count} words); the limit is ${limit} (annexes not counted).`, {}, f.route(null));
  return { ...result, findings: [...result.findings, ...f.list], sides: { written, limit } };
}

export const preflightHandlers: HandlerMap<'pack.preflight' | 'pack.preflightDecide' | 'section.setBudget'> = {
  'pack.preflight': ({ briefingId, meetingId, date }, ctx) => runPreflight(assemble(readPackSource(ctx.db, { briefingId, meetingId }, date ?? today(ctx)), { variant: 'full' })),
  'pack.preflightDecide': ({ briefingId, key, decision }, ctx) => {
    getBriefingDetail(ctx.db, briefingId); // not_found for an unknown briefing
    setPreflightDecision(ctx.db, briefingId, key, decision);
    return { ok: true as const };
  },
  'section.setBudget': ({ id, words, pages }, ctx) => {
    getSection(ctx.db, id);
    setSectionBudget(ctx.db, id, words, pages);
    return { ok: true as const };
  },
};
