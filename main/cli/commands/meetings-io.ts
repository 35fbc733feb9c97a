/** The iCalendar halves of `import` and `export`: meetings in from an .ics file, out to one. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { UsageError, type CommandEnv } from '../command';
import { writeFileAtomic } from '../../ops/files';
import { table } from '../format';

type Values = Record<string, string | boolean | string[] | undefined>;
const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export async function importIcs(file: string, values: Values, env: CommandEnv): Promise<number> {
  const content = readFileSync(file, 'utf8');
  const zoneChoices: Record<string, string> = {};
  for (const t of (values.tz as string[] | undefined) ?? []) {
    const eq = t.lastIndexOf('=');
    if (eq <= 0) throw new UsageError(`--tz wants "TZID=Zone", e.g. --tz "Customized Time Zone=Europe/Berlin"; got "${t}".`);
    zoneChoices[t.slice(0, eq)] = t.slice(eq + 1);
  }
  const horizon = values.horizon === undefined ? null : Number(values.horizon);
  if (horizon !== null && (!Number.isInteger(horizon) || horizon < 1)) throw new UsageError(`--horizon wants a number of months, not "${String(values.horizon)}".`);
  const zone = (values.zone as string | undefined) ?? localZone();
  const input = { content, fileName: basename(file), defaultZone: localZone(), floatingZone: zone, zoneChoices, horizonMonths: horizon };
  if (values['dry-run']) {
    const { meetings, facts, counts } = await env.call('meeting.importPreview', input);
    env.print({ meetings, facts, counts }, () =>
      [
        table(
          meetings.map((m) => ({ ...m, agenda: m.agenda.length, update: m.duplicateOf ? `updates #${m.duplicateOf}` : '', warnings: m.warnings.join(' ') })),
          ['line', 'start', 'timeZone', 'title', 'series', 'venue', 'agenda', 'update', 'warnings'],
        ),
        '',
        ...facts.warnings,
        ...facts.unknownZones.map((z) => `Time zone "${z.tzid}" (line ${z.line}) is unknown; read as ${z.usedZone} (--tz "${z.tzid}=Zone" to choose).`),
        ...(facts.floating ? [`Times without a zone were read in ${facts.floatingZone} (--zone to choose).`] : []),
        ...facts.rejected.map((r) => `Cannot be imported: line ${r.line}: ${r.reason}`),
        `${counts.create} new, ${counts.update} to update${counts.cancelled ? `, ${counts.cancelled} to mark cancelled` : ''}; repeating events from ${facts.horizon.from} to ${facts.horizon.to}. Nothing was saved (--dry-run).`,
      ].join('\n'),
    );
    return 0;
  }
  const r = await env.call('meeting.importIcs', { ...input, skipInvalid: Boolean(values['skip-invalid']) });
  env.print(
    r,
    () =>
      `Imported ${r.created.length} meeting${r.created.length === 1 ? '' : 's'} from ${basename(file)}` +
      `${r.updated.length ? `; ${r.updated.length} updated` : ''}${r.cancelled.length ? `; ${r.cancelled.length} marked cancelled` : ''}` +
      `${r.participants ? `; ${r.participants} participants added` : ''}${r.skipped ? `; ${r.skipped} that cannot be read left out` : ''}.`,
  );
  return 0;
}

export async function exportIcs(values: Values, env: CommandEnv): Promise<number> {
  const out = values.out as string | undefined;
  let input: { meetingId?: number; seriesId?: number; all?: boolean } = { all: true };
  if (values.meeting) {
    const id = Number(values.meeting);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError(`--meeting wants a meeting id, not "${String(values.meeting)}".`);
    input = { meetingId: id };
  } else if (values.series) {
    const wanted = String(values.series);
    const series = (await env.call('meeting.series', {})).find((s) => String(s.id) === wanted || s.name.toLowerCase() === wanted.toLowerCase());
    if (!series) throw new UsageError(`No series "${wanted}". Series: ${(await env.call('meeting.series', {})).map((s) => s.name).join(', ') || '(none)'}.`);
    input = { seriesId: series.id };
  }
  const r = await env.call('meeting.exportIcs', input);
  if (!out || out === '-') {
    env.io.out(r.content.trimEnd());
    return 0;
  }
  writeFileAtomic(out, r.content);
  env.print({ file: out, meetings: r.count }, () => `Wrote ${r.count} meeting${r.count === 1 ? '' : 's'} to ${out}.`);
  return 0;
}
