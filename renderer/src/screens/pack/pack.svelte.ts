/**
 * The pack in the app: what to build (a briefing or a meeting), with which options, the one function that builds
 * it, and the hand-over from the export dialog to the preview screen (#/briefings/12/pack?date=…&pdfa=1).
 *
 * Issue 10 (variants, pre-flight) adds its options to `PackOptions`, to `optionsFromParams`/`packPath` and to
 * the dialog's options area; `buildPack` stays the only caller of pack.build.
 */
import { CalendarDay, type PackVariant, type ReleaseReport } from '../../../../contract/model';
import type { In, Out } from '../../../../contract/ops';
import { type LongCallOptions, call, callLong } from '../../lib/client';
import { todayIso } from '../../lib/format';
import { t } from '../../lib/i18n';
import { go, type Route } from '../../lib/router.svelte';

/** A contents entry of the pack: title and the page it starts on. */
export type TocEntry = Out<'pack.build'>['toc'][number];

export type PackTarget = { briefingId: number } | { meetingId: number };

export interface PackOptions {
  /** Date printed on the pack (YYYY-MM-DD); the same date gives the same bytes. */
  date: string;
  /** PDF/A-2b for archiving. */
  pdfa: boolean;
  /** Full (for the principal), releasable (not-for-disclosure parts removed) or run book. */
  variant: PackVariant;
  /** "Copy 2 of 5 — for J. Smith" on every page; null: no copy line. */
  copy: PackCopy | null;
  /** Postal addresses on the who's who cards (off: addresses are personal data). */
  addresses?: boolean;
}

export interface PackCopy {
  number?: number;
  of?: number;
  recipient: string;
}

export const defaultOptions = (): PackOptions => ({ date: todayIso(), pdfa: false, variant: 'full', copy: null });

/** The part of pack.build's / pack.open's input the options give. */
export function packInput(target: PackTarget, o: PackOptions): In<'pack.build'> {
  return { ...target, date: o.date, pdfa: o.pdfa, variant: o.variant, ...(o.copy ? { copy: o.copy } : {}), ...(o.addresses ? { addresses: true } : {}) };
}

export interface BuiltPack {
  target: PackTarget;
  options: PackOptions;
  bytes: Uint8Array;
  pages: number;
  toc: TocEntry[];
  size: number;
  sha256: string;
  /** Time main took to build it. */
  ms: number;
  /** What the variant left out. */
  report: ReleaseReport;
}

const fromBase64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

/** Builds the pack in main (pack.build) as long work and returns its bytes; nothing is written anywhere: `opts` follows its steps and cancels it (nothing is kept). */
export async function buildPack(target: PackTarget, options: PackOptions, opts: LongCallOptions = {}): Promise<BuiltPack> {
  const r = await callLong('pack.build', packInput(target, options), opts);
  return { target, options, bytes: fromBase64(r.bytesBase64 ?? ''), pages: r.pages, toc: r.toc, size: r.size, sha256: r.sha256, ms: r.ms, report: r.report };
}

/** The pack of the meeting or briefing a route shows (#/meetings/3, #/briefings/12/…), else null. */
export function packTargetOf(route: Route): PackTarget | null {
  if (typeof route.id !== 'number' || route.rest[0] === 'edit') return null;
  if (route.section === 'briefings') return { briefingId: route.id };
  if (route.section === 'meetings') return { meetingId: route.id };
  return null;
}

export const isPackRoute = (route: Route) => packTargetOf(route) !== null && route.rest[0] === 'pack';

export function packPath(target: PackTarget, o: PackOptions): string {
  const base = 'briefingId' in target ? `briefings/${target.briefingId}` : `meetings/${target.meetingId}`;
  const q = new URLSearchParams({ date: o.date });
  if (o.pdfa) q.set('pdfa', '1');
  if (o.addresses) q.set('addresses', '1');
  if (o.variant !== 'full') q.set('variant', o.variant);
  if (o.copy?.number !== undefined) q.set('copy', String(o.copy.number));
  if (o.copy?.of !== undefined) q.set('of', String(o.copy.of));
  if (o.copy?.recipient) q.set('for', o.copy.recipient);
  return `${base}/pack?${q}`;
}

export function optionsFromParams(params: URLSearchParams): PackOptions {
  const date = params.get('date') ?? '';
  const variant = params.get('variant');
  const int = (k: string) => (/^\d{1,4}$/.test(params.get(k) ?? '') ? Number(params.get(k)) : undefined);
  const copy: PackCopy = { recipient: (params.get('for') ?? '').slice(0, 200) };
  const number = int('copy');
  const of = int('of');
  if (number !== undefined) copy.number = number;
  if (of !== undefined) copy.of = of;
  return {
    date: CalendarDay.safeParse(date).success ? date : todayIso(),
    pdfa: params.get('pdfa') === '1',
    addresses: params.get('addresses') === '1',
    variant: variant === 'releasable' || variant === 'runbook' ? variant : 'full',
    copy: number !== undefined || of !== undefined || copy.recipient ? copy : null,
  };
}

// Compared through the route, which is what the preview is given back: key order and defaults don't matter.
const sameJob = (a: BuiltPack, target: PackTarget, o: PackOptions) => packPath(a.target, a.options) === packPath(target, o);

/** The pack the dialog just built, waiting for the preview; one at a time (a few MB at most). */
let handed: BuiltPack | null = null;
export const handOver = (pack: BuiltPack) => void (handed = pack);
/** The handed-over pack if it is this job's, else null (a reload or a bookmark: the preview builds it). */
export function takeBuilt(target: PackTarget, o: PackOptions): BuiltPack | null {
  const p = handed && sameJob(handed, target, o) ? handed : null;
  handed = null;
  return p;
}

/** Asks the export dialog (mounted once in App.svelte) to open: from a button, the palette, Ctrl+E or the menu. */
export const exportRequest = $state<{ target: PackTarget | null; options: PackOptions | null }>({ target: null, options: null });
/** `options`: start from these (the preview's "Change options…"); else the defaults. */
export function requestExport(target: PackTarget, options: PackOptions | null = null): void {
  exportRequest.options = options;
  exportRequest.target = target;
}

/** Ctrl+E, File → Export Pack…: the pack of the meeting or briefing on screen; with none open, the meetings to choose from. */
export function exportPackHere(route: Route): void {
  const target = packTargetOf(route);
  if (target) requestExport(target, isPackRoute(route) ? optionsFromParams(route.params) : null);
  else go('meetings');
}

/** Who the pack is about, for the dialog, the preview's title and the file name. */
export interface PackSubject {
  meetingId: number;
  meetingTitle: string;
  /** Series, or the meeting's title when it has none: names the file. */
  shortName: string;
  /** The briefing's title; null for a meeting's pack (its latest briefing, or the generated sections). */
  briefingTitle: string | null;
  /** Does the meeting have a briefing at all? */
  hasBriefing: boolean;
}

export async function subjectOf(target: PackTarget): Promise<PackSubject> {
  const briefing = 'briefingId' in target ? await call('briefing.get', { id: target.briefingId }) : null;
  const meeting = await call('meeting.get', { id: briefing?.meetingId ?? (target as { meetingId: number }).meetingId });
  return {
    meetingId: meeting.id,
    meetingTitle: meeting.title,
    shortName: meeting.series || meeting.title,
    briefingTitle: briefing?.title ?? null,
    hasBriefing: meeting.briefingIds.length > 0,
  };
}

/** "2027-01-07 WPSDG briefing pack.pdf" (translated), without characters file systems refuse. */
export function packFileName(date: string, shortName: string): string {
  const name = shortName.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80).trim();
  return t('pack.fileName', { date, name: name || 'Dossier' });
}
