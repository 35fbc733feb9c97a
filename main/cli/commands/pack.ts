/** `pack <meeting-or-briefing-id> --out FILE.pdf [--pdfa] [--date YYYY-MM-DD]`: the delegation pack as a PDF, written atomically. */
import { resolve } from 'node:path';
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

export const pack: Command = {
  name: 'pack',
  summary: 'Build the delegation briefing pack (PDF) of a meeting (its latest briefing) or of a briefing (b<ID>).',
  usage: 'pack <meeting-id|b<briefing-id>> --out FILE.pdf [--pdfa] [--date YYYY-MM-DD]',
  options: { out: { type: 'string' }, pdfa: { type: 'boolean', default: false }, date: { type: 'string' } },
  run: async ([target], values, env) => {
    if (typeof values.out !== 'string' || !/\.pdf$/i.test(values.out)) throw new UsageError('Say where to write the pack: --out FILE.pdf');
    const r = await env.call('pack.build', {
      ...packTarget(target),
      out: resolve(values.out),
      pdfa: values.pdfa === true,
      ...(typeof values.date === 'string' ? { date: values.date } : {}),
    });
    env.print({ file: r.file, pages: r.pages, ms: r.ms }, () => `Wrote ${r.file} (${r.pages} pages, ${r.ms} ms).`);
  },
};
