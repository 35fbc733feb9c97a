/**
 * TZID → time zone, for calendars as Exchange, Outlook, Google and Apple write them (issue 17): IANA names (also
 * as Mozilla-style paths, "/mozilla.org/20050126_1/Europe/Berlin"), Windows names ("W. Europe Standard Time", via
 * windows-iana), a VTIMEZONE's X-LIC-LOCATION, the user's own choice for a name nobody knows, and last a VTIMEZONE
 * definition read by ical.js. A VTIMEZONE is only handed to ical.js when its rules are yearly or fixed: a rule that
 * repeats every second or minute would make ical.js expand it for ever (hostile input, issue 15).
 */
import ICAL from 'ical.js';
import { findIana } from 'windows-iana';
import { zoneOffsetMinutes } from '../../contract/time';

type Component = InstanceType<typeof ICAL.Component>;
type Timezone = InstanceType<typeof ICAL.Timezone>;

export const isIanaZone = (tz: string): boolean => {
  if (!tz || (!tz.includes('/') && tz !== 'UTC')) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** How a TZID resolved: an IANA zone (and how it was found), a VTIMEZONE only ical.js can read, or nothing. */
export type ZoneResolution =
  | { kind: 'iana'; zone: string; via: 'name' | 'windows' | 'location' | 'choice' | 'offsets' }
  | { kind: 'definition'; tz: Timezone; zone: string | null }
  | { kind: 'unknown' };

// Observances may repeat yearly (the usual) or not at all; more frequent rules are refused.
const SAFE_RULE = /^FREQ=YEARLY(;|$)/i;
const MAX_OBSERVANCES = 400;

/**
 * The first observance rule of a VTIMEZONE that repeats more often than yearly ("FREQ=SECONDLY"), or null. A zone
 * changes its offset a few times a year at most: such a rule is no time zone but a trap that never ends expanding,
 * and the file is refused (issue 15), where a zone merely unknown is a choice (issue 17).
 */
export function hostileZoneRule(vtz: Component): string | null {
  for (const o of [...vtz.getAllSubcomponents('standard'), ...vtz.getAllSubcomponents('daylight')]) {
    for (const r of o.getAllProperties('rrule')) {
      const rule = String(r.getFirstValue()?.toString() ?? '');
      if (!SAFE_RULE.test(rule)) return rule;
    }
  }
  return null;
}

/** Whether ical.js may use this VTIMEZONE: yearly rules only and a bounded number of observances and RDATEs. */
export function isSafeDefinition(vtz: Component): boolean {
  const obs = [...vtz.getAllSubcomponents('standard'), ...vtz.getAllSubcomponents('daylight')];
  if (obs.length === 0 || obs.length > MAX_OBSERVANCES) return false;
  let rdates = 0;
  for (const o of obs) {
    for (const r of o.getAllProperties('rrule')) if (!SAFE_RULE.test(String(r.getFirstValue()?.toString() ?? ''))) return false;
    for (const r of o.getAllProperties('rdate')) rdates += r.getValues().length;
  }
  return rdates <= 2000;
}

/** An IANA zone with the same offsets as the definition at the given instants (winter and summer of the event's year). */
function sameOffsets(tz: Timezone, at: number, prefer: readonly string[]): string | null {
  const probes = [at, at + 182 * 86_400_000];
  const offsets = probes.map((ms) => {
    const t = ICAL.Time.fromJSDate(new Date(ms), true);
    return Math.round(tz.utcOffset(t) / 60);
  });
  const candidates = (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  // Prefer the zones desk officers meet: Europe first, then the rest in the platform's order.
  const ordered = [...prefer.filter(isIanaZone), ...candidates.filter((z) => z.startsWith('Europe/')), ...candidates.filter((z) => !z.startsWith('Europe/'))];
  return ordered.find((z) => probes.every((ms, i) => zoneOffsetMinutes(ms, z) === offsets[i])) ?? null;
}

/**
 * Resolves one TZID. `choice` is the user's answer for names Dossier cannot place; `at` (UTC ms) is an instant of
 * the event, used to match a definition's offsets to an IANA zone.
 */
export function resolveZone(tzid: string, vtz: Component | undefined, choice: string | undefined, at: number | null, prefer: readonly string[] = []): ZoneResolution {
  if (choice && isIanaZone(choice)) return { kind: 'iana', zone: choice, via: 'choice' };
  const clean = tzid.replace(/^"|"$/g, '');
  const tail = clean.split('/').slice(-2).join('/');
  for (const c of [clean, tail]) if (isIanaZone(c)) return { kind: 'iana', zone: c, via: 'name' };
  const windows = findIana(clean)[0];
  if (windows && isIanaZone(windows)) return { kind: 'iana', zone: windows, via: 'windows' };
  const location = String(vtz?.getFirstPropertyValue('x-lic-location') ?? '');
  if (isIanaZone(location)) return { kind: 'iana', zone: location, via: 'location' };
  if (vtz && isSafeDefinition(vtz)) {
    const tz = new ICAL.Timezone(vtz);
    return { kind: 'definition', tz, zone: at === null ? null : sameOffsets(tz, at, prefer) };
  }
  return { kind: 'unknown' };
}
