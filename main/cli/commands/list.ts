/** list and show: read what is in the dossier, as tables or JSON. */
import { UsageError, type Command } from '../command';
import { table } from '../format';

const KINDS = ['institutions', 'contacts', 'meetings', 'briefings'] as const;

export const list: Command = {
  name: 'list',
  summary: 'List institutions, contacts, meetings or briefings.',
  usage: 'list <institutions|contacts|meetings|briefings>',
  options: { when: { type: 'string' } },
  run: async ([kind], values, env) => {
    switch (kind) {
      case 'institutions': {
        const rows = await env.call('institution.list', {});
        return env.print(rows, () => table(rows.map((r) => ({ ...r, path: r.path.join(' > ') })), ['id', 'path', 'name', 'kind', 'seat']));
      }
      case 'contacts': {
        // Page through everything: the CLI lists all, the UI pages.
        const items: Awaited<ReturnType<typeof env.call<'contact.list'>>>['items'] = [];
        for (let offset = 0; ; offset += 1000) {
          const page = await env.call('contact.list', { limit: 1000, offset });
          items.push(...page.items);
          if (items.length >= page.total || page.items.length === 0) break;
        }
        return env.print(items, () => table(items.map((c) => ({ ...c, stale: c.stale ? 'to check' : '' })), ['id', 'displayName', 'position', 'institutionName', 'informationDated', 'stale']));
      }
      case 'meetings': {
        const when = (values.when as 'upcoming' | 'past' | 'all' | undefined) ?? 'all';
        const rows = await env.call('meeting.list', { when });
        return env.print(rows, () => table(rows, ['id', 'startIso', 'title', 'series', 'venue', 'status']));
      }
      case 'briefings': {
        const rows = await env.call('briefing.list', {});
        return env.print(rows, () => table(rows, ['id', 'title', 'meetingTitle', 'status', 'classification']));
      }
      default:
        throw new UsageError(`list what? One of: ${KINDS.join(', ')}.`);
    }
  },
};

const parseId = (raw: string | undefined): number => {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new UsageError(`"${raw ?? ''}" is not an id (a positive whole number).`);
  return id;
};

export const show: Command = {
  name: 'show',
  summary: 'Show one institution, contact, meeting or briefing with all its fields.',
  usage: 'show <institution|contact|meeting|briefing> <id>',
  run: async ([kind, rawId], _v, env) => {
    const id = parseId(rawId);
    const value =
      kind === 'institution'
        ? await env.call('institution.get', { id })
        : kind === 'contact'
          ? await env.call('contact.get', { id })
          : kind === 'meeting'
            ? await env.call('meeting.get', { id })
            : kind === 'briefing'
              ? await env.call('briefing.get', { id })
              : null;
    if (value === null) throw new UsageError('show what? One of: institution, contact, meeting, briefing.');
    env.print(value, () =>
      Object.entries(value)
        .map(([k, v]) => `${k.padEnd(18)} ${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`)
        .join('\n'),
    );
  },
};
