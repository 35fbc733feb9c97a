/**
 * Pre-flight: what to check before a pack goes out. Contacts in the pack whose details are stale or undated, agenda
 * items without lines to take, sections over their length budget (words or pages) and a written brief over the
 * "four sides" rule, lines to take unchanged since the last meeting of the series, characters the pack font cannot
 * draw, and unresolved "TODO" / "[[...]]" markers. Each finding says where it is and which route fixes it; the
 * user's decision (accept, or print flagged "to check") is remembered per briefing. Reads only.
 */
import { createHash } from 'node:crypto';
import { AgendaBriefsContent, type BriefingDetail, type PreflightFinding } from '../../contract/model';
import { buildPack } from '../pack/build';
import type { PackSection } from '../pack/document';
import { codePointName, missingGlyphs } from '../pack/glyph-check';
import { getBriefingDetail, getSection } from '../store/briefings';
import { getContacts } from '../store/contacts';
import { getMeetingDetail } from '../store/meetings';
import { preflightDecisions, sectionBudgets, setPreflightDecision, setSectionBudget } from '../store/preflight';
import { getSetting } from '../store/settings';
import { type HandlerMap, type OpsContext, today, write } from './context';
import { sinceLastTime } from './since-last-time';
import { countWords, sectionText } from '../../contract/section-text';
import { type PackTarget, resolveBriefingId, variantDocument } from './pack-variant';
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

/**
 * The findings for a briefing's pack (or a meeting's, when it has no briefing). With `layout`, the full pack is laid
 * out once to measure page budgets and the four-sides rule; without it (when a pack is being built) those are skipped.
 */
export async function runPreflight(ctx: OpsContext, target: PackTarget, day: string, layout: boolean): Promise<PreflightResult> {
  const db = ctx.db;
  const briefingId = resolveBriefingId(ctx, target);
  const briefing: BriefingDetail | null = briefingId === null ? null : getBriefingDetail(db, briefingId);
  const meeting = getMeetingDetail(db, briefing?.meetingId ?? target.meetingId!);
  const decisions = briefingId === null ? {} : preflightDecisions(db, briefingId);
  const findings: PreflightFinding[] = [];
  const sectionRoute = (sectionId: number | null) => (briefingId === null ? `#/meetings/${meeting.id}` : `#/briefings/${briefingId}${sectionId ? `?section=${sectionId}` : ''}`);
  const add = (kind: Kind, detail: string, message: string, where: Partial<Where>, route: string) => {
    const key = `${kind}:${where.sectionId ?? ''}:${where.contactId ?? ''}:${where.agendaItemId ?? ''}:${detail}`;
    findings.push({ key, kind, message, where: { sectionId: null, contactId: null, agendaItemId: null, ...where }, route, decision: decisions[key] ?? null });
  };
  const sections = briefing?.sections ?? [];
  const has = (kind: string) => briefing === null || sections.some((s) => s.kind === kind);

  // Contacts the pack prints (who's who, contact sheet) whose details are old or undated, as of the pack's date.
  if (has('whos_who') || has('contact_sheet')) {
    const ids = [...meeting.delegation, ...meeting.counterparts].map((p) => p.contactId);
    for (const c of getContacts(db, [...new Set(ids)], new Date(`${day}T12:00:00Z`))) {
      if (!c.stale) continue;
      const message = c.informationDated ? `${c.displayName}: contact details dated ${c.informationDated} — confirm or update them.` : `${c.displayName}: contact details are undated — confirm or update them.`;
      add('stale_contact', c.informationDated ?? 'undated', message, { contactId: c.id }, `#/contacts/${c.id}`);
    }
  }

  // Agenda items without lines to take.
  for (const s of sections.filter((x) => x.kind === 'agenda_briefs')) {
    let briefs: { agendaItemId: number; text: string }[] = [];
    try {
      briefs = AgendaBriefsContent.parse(JSON.parse(s.content || '{}')).briefs;
    } catch {
      briefs = [];
    }
    const text = new Map(briefs.map((b) => [b.agendaItemId, b.text]));
    meeting.agenda.forEach((a, i) => {
      if ((text.get(a.id) ?? '').trim()) return;
      add('empty_brief', '', `Agenda item ${i + 1} “${a.title}” has no lines to take.`, { sectionId: s.id, agendaItemId: a.id }, sectionRoute(s.id));
    });
  }

  // Unresolved markers.
  for (const s of sections) {
    const text = sectionText(s);
    for (const m of new Set(text.match(MARKER_RE) ?? [])) {
      add('todo_marker', short(m), `“${s.title}” still has an unresolved marker: ${m.trim()}`, { sectionId: s.id }, sectionRoute(s.id));
    }
  }

  // Word budgets.
  const budgets = briefingId === null ? new Map() : sectionBudgets(db, briefingId);
  for (const s of sections) {
    const b = budgets.get(s.id);
    const n = words(sectionText(s));
    if (b?.words && n > b.words) add('over_budget', `words:${b.words}`, `“${s.title}” has ${n} words; its budget is ${b.words}.`, { sectionId: s.id }, sectionRoute(s.id));
  }

  // Lines to take unchanged since before the last meeting of the series.
  if (briefing) {
    const since = sinceLastTime(db, { meeting, briefing, language: 'en', day: (d) => d, dayIn: (ms) => new Date(ms).toISOString().slice(0, 10), actions: [] }, '');
    for (const line of since.lines.filter((l) => l.change === 'unchanged')) {
      const item = meeting.agenda.find((a) => a.title === line.heading);
      const sec = sections.find((s) => s.kind === (item ? 'agenda_briefs' : 'key_messages'));
      const what = item ? `Lines to take on “${line.heading}”` : 'The key messages';
      add(
        'unchanged_line',
        short(line.heading),
        `${what} are unchanged since ${since.previous?.title ?? 'the last meeting'} (${since.previous?.date ?? ''}) — still right?`,
        { sectionId: sec?.id ?? null, agendaItemId: item?.id ?? null },
        sectionRoute(sec?.id ?? null),
      );
    }
  }

  // Commissions still out or waiting for a decision, and clearance not (or no longer) complete (issue 20).
  if (briefingId !== null) for (const f of workflowFindings(db, briefingId, day)) add(f.kind, f.detail, f.message, f.where, f.route);

  // Characters the embedded font cannot draw, per section of the full pack as it would print.
  const v = variantDocument(ctx, target, { day, variant: 'full' }, false);
  const sectionIdAt = (i: number) => v.sectionIds[i] ?? null;
  const checkGlyphs = (label: string, texts: string[], sectionId: number | null) => {
    const missing = missingGlyphs(texts.join('\n'));
    if (missing.length) add('missing_glyph', missing.join(''), `${label}: the pack font cannot draw ${missing.map(codePointName).join(', ')}.`, { sectionId }, sectionRoute(sectionId));
  };
  checkGlyphs('Cover', [v.doc.title, v.doc.subtitle, v.doc.series, v.doc.venue, v.doc.delegationHead, v.doc.classification, v.doc.preparedBy], null);
  v.doc.sections.forEach((s: PackSection, i) => checkGlyphs(`“${s.title}”`, strings(s), sectionIdAt(i)));

  let sides: PreflightResult['sides'] = null;
  if (layout) {
    const built = await buildPack(v.doc, { date: day });
    const limit = getSetting(db, 'packMaxSides');
    const starts = built.toc.map((t) => t.page);
    const span = (i: number) => (starts[i + 1] ?? built.pages + 1) - starts[i]!;
    v.doc.sections.forEach((s, i) => {
      const pages = span(i);
      const id = sectionIdAt(i);
      const b = id === null ? undefined : budgets.get(id);
      if (b?.pages && pages > b.pages) add('over_budget', `pages:${b.pages}`, `“${s.title}” runs to ${pages} pages; its budget is ${b.pages}.`, { sectionId: id }, sectionRoute(id));
    });
    // Each section starts on a page of its own, so counting pages would fail every brief of five short sections:
    // the rule is about length, so the written words are measured in sides of body text.
    const count = sections.filter((s) => WRITTEN.has(s.kind)).reduce((n, s) => n + words(sectionText(s)), 0);
    const written = Math.ceil(count / WORDS_PER_SIDE);
    sides = { written, limit };
    if (written > limit) add('over_budget', `sides:${limit}`, `The written brief is about ${written} sides (${count} words); the limit is ${limit} (annexes not counted).`, {}, sectionRoute(null));
  }
  return { briefingId, findings, sides };
}

export const preflightHandlers: HandlerMap<'pack.preflight' | 'pack.preflightDecide' | 'section.setBudget'> = {
  'pack.preflight': ({ briefingId, meetingId, date }, ctx) => runPreflight(ctx, { briefingId, meetingId }, date ?? today(ctx), true),
  'pack.preflightDecide': ({ briefingId, key, decision }, ctx) =>
    write(ctx, () => {
      getBriefingDetail(ctx.db, briefingId); // not_found for an unknown briefing
      setPreflightDecision(ctx.db, briefingId, key, decision);
      return { ok: true as const };
    }),
  'section.setBudget': ({ id, words, pages }, ctx) =>
    write(ctx, () => {
      getSection(ctx.db, id);
      setSectionBudget(ctx.db, id, words, pages);
      return { ok: true as const };
    }),
};
