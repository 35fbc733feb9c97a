/** `pack <meeting-or-briefing-id> --out FILE.pdf [--pdfa] [--date YYYY-MM-DD]`: the delegation pack as a PDF, written atomically. */
import { resolve } from 'node:path';
import { PACK_VARIANTS, type PackClearance, type PackVariant } from '../../../contract/model';
import { UsageError, type Command } from '../command';

/** "12" or "meeting:12" / "m12" name a meeting (its latest briefing); "briefing:3" / "b3" a briefing. */
export function packTarget(raw: string | undefined): { meetingId: number } | { briefingId: number } {
  const m = /^(?:(meeting:|m)|(briefing:|b))?(\d+)$/i.exec(raw ?? '');
  const id = m ? Number(m[3]) : NaN;
  if (!m || !Number.isSafeInteger(id) || id <= 0) {
    throw new UsageError(`"${raw ?? ''}" is not a meeting or briefing id: give 12 (a meeting), or b3 / briefing:3 (a briefing).`);
  }
  return m[2] ? { briefingId: id } : { meetingId: id };
}

export function variantOption(raw: unknown): PackVariant {
  if (raw === undefined) return 'full';
  if (typeof raw === 'string' && (PACK_VARIANTS as readonly string[]).includes(raw)) return raw as PackVariant;
  throw new UsageError(`--variant must be one of ${PACK_VARIANTS.join(', ')}.`);
}

export const pack: Command = {
  name: 'pack',
  summary: 'Build the delegation briefing pack (PDF) of a meeting (its latest briefing) or of a briefing (b<ID>).',
  usage: 'pack <meeting-id|b<briefing-id>> --out FILE.pdf [--variant full|releasable|runbook] [--copy N --of M --recipient NAME] [--pdfa] [--addresses] [--date YYYY-MM-DD]',
  options: {
    out: { type: 'string' },
    pdfa: { type: 'boolean', default: false },
    addresses: { type: 'boolean', default: false },
    date: { type: 'string' },
    variant: { type: 'string' },
    copy: { type: 'string' },
    of: { type: 'string' },
    recipient: { type: 'string' },
  },
  run: async ([target], values, env) => {
    if (typeof values.out !== 'string' || !/\.pdf$/i.test(values.out)) throw new UsageError('Say where to write the pack: --out FILE.pdf');
    const count = (name: 'copy' | 'of') => {
      const raw = values[name];
      if (raw === undefined) return undefined;
      if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(`--${name} needs a whole number from 1.`);
      return Number(raw);
    };
    const copy = { number: count('copy'), of: count('of'), recipient: typeof values.recipient === 'string' ? values.recipient : '' };
    const r = await env.call('pack.build', {
      ...packTarget(target),
      out: resolve(values.out),
      pdfa: values.pdfa === true,
      ...(values.addresses === true ? { addresses: true } : {}),
      variant: variantOption(values.variant),
      ...(copy.number !== undefined || copy.of !== undefined || copy.recipient ? { copy } : {}),
      ...(typeof values.date === 'string' ? { date: values.date } : {}),
    });
    const dropped = r.report.dropped.map((d) => `  dropped ${d.part.replace('_', ' ')} (${d.section}): ${d.text}`);
    const cleared = clearanceLines(r.report.clearance);
    // The release report joins the JSON when a variant was asked for, so scripts reading {file, pages, ms} keep working.
    env.print({ file: r.file, pages: r.pages, ms: r.ms, ...(values.variant !== undefined ? { report: r.report } : {}) }, () => [`Wrote ${r.file} (${r.pages} pages, ${r.ms} ms).`, ...(r.report.marking ? [`Marking: ${r.report.marking}`] : []), ...cleared, ...dropped].join('\n'));
  },
};

/** The release report's clearance as the cover states it: who cleared, with post and day; or what is missing. */
function clearanceLines(c: PackClearance): string[] {
  const who = (people: { name: string; label: string }[]) => people.map((p) => (p.label ? `${p.name} (${p.label})` : p.name)).join(', then ');
  const lines = c.approvals.map((a) => `Cleared by: ${[a.name, a.post || a.label].filter(Boolean).join(', ')} — ${a.day}`);
  if (c.state === 'pending') lines.push(`Clearance: awaiting ${who(c.awaiting)}`);
  if (c.state === 'not_sent') lines.push(`Clearance: not sent (${who(c.awaiting)})`);
  if (c.state === 'overridden' && c.override) lines.push(`Clearance: overridden by ${c.override.name} on ${c.override.day}: ${c.override.reason}`);
  return lines;
}
