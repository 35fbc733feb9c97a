/** The iCalendar halves of `import` and `export`: meetings in from an .ics file, out to one. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { UsageError, type CommandEnv } from '../command';
import { writeFileAtomic } from '../../ops/files';
import { table } from '../format';

type Values = Record<string, string | boolean | undefined>;
const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export async function importIcs(file: string, values: Values, env: CommandEnv): Promise<number> {
  const content = readFileSync(file, 'utf8');
  const input = { content, fileName: basename(file), defaultZone: (values.zone as string | undefined) ?? localZone() };
  if (values['dry-run']) {
    const { meetings } = await env.call('meeting.importPreview', input);
    env.print(meetings, () =>
      table(
        meetings.map((m) => ({ ...m, agenda: m.agenda.length, duplicate: m.duplicateOf ? `already #${m.duplicateOf}` : '', warnings: m.warnings.join(' ') })),
        ['line', 'start', 'timeZone', 'title', 'series', 'venue', 'agenda', 'duplicate', 'warnings'],
      ),
    );
    return 0;
  }
  const r = await env.call('meeting.importIcs', input);
  env.print(r, () => `Imported ${r.created.length} meeting${r.created.length === 1 ? '' : 's'} from ${basename(file)}${r.skipped ? `; ${r.skipped} already in the dossier, skipped` : ''}.`);
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
