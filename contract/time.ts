/**
 * Wall-clock time in an IANA zone ↔ UTC instants, with the platform's Intl data (no tz tables of our own).
 * Used by the store (meetings are kept as UTC plus their zone) and by the renderer for display.
 */

const partsCache = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

/** Offset of `timeZone` from UTC at instant `ms`, in minutes (Zurich in winter: +60). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60000);
}

/**
 * 'YYYY-MM-DDTHH:MM' in `timeZone` → UTC ms. In a DST gap the time is moved forward by the gap;
 * in the repeated hour the earlier instant is taken (as calendar programs do).
 */
export function zonedToUtcMs(local: string, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) throw new Error(`Not a local date-time: ${local}`);
  const wall = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  // Try the offsets in force a day either side; pick the earliest candidate that maps back to the wall time.
  const offsets = new Set([zoneOffsetMinutes(wall - 86400000, timeZone), zoneOffsetMinutes(wall + 86400000, timeZone)]);
  const candidates = [...offsets].map((o) => wall - o * 60000).sort((a, b) => a - b);
  for (const c of candidates) if (c + zoneOffsetMinutes(c, timeZone) * 60000 === wall) return c;
  // Wall time falls in a gap: use the offset before the change, which lands after the gap.
  const before = zoneOffsetMinutes(wall - 86400000, timeZone);
  return wall - before * 60000;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** UTC ms → wall clock in `timeZone` plus ISO 8601 with offset. */
export function utcToZoned(ms: number, timeZone: string): { local: string; iso: string; offset: string } {
  const off = zoneOffsetMinutes(ms, timeZone);
  const d = new Date(ms + off * 60000);
  const local = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  const offset = formatOffset(off);
  return { local, iso: `${local}:${pad(d.getUTCSeconds())}${offset}`, offset };
}
