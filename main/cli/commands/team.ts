/**
 * team create|join|status|leave and sync: the team dossier from scripts. The password comes from the URL (used
 * once), PGPASSWORD or ~/.pgpass; it is never written anywhere by Dossier.
 */
import { redactUrl } from '../../../contract/model/team';
import { UsageError, type Command } from '../command';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : 'never');

export const team: Command = {
  name: 'team',
  summary: 'Work as a team through PostgreSQL: create <url> (this dossier becomes the team’s), join <url> (a new dossier gets its copy), status, leave.',
  usage: 'team <create|join> <postgres-url> [--role NAME] | team status | team leave [--force]',
  options: { role: { type: 'string' }, force: { type: 'boolean' } },
  run: async ([verb, url], values, env) => {
    if (verb === 'create' || verb === 'join') {
      if (!url) throw new UsageError(`team ${verb} needs the team’s address: postgres://login@host:port/database?sslmode=verify-full`);
      const r =
        verb === 'create'
          ? await env.call('team.create', { url, ...(values.role ? { role: String(values.role) } : {}) })
          : await env.call('team.join', { url });
      env.print({ ...r, url: redactUrl(url) }, () =>
        verb === 'create'
          ? `This dossier is now the team’s at ${redactUrl(url)}: ${r.records} records uploaded, signed in as ${r.login}.\nMembers join with: dossier team join <url with their own login>`
          : `Joined the team at ${redactUrl(url)} as ${r.login}: ${r.records} records loaded. Run “dossier sync” to exchange changes.`,
      );
      return;
    }
    if (verb === 'status') {
      const s = await env.call('team.status', {});
      env.print(s, () =>
        s.member
          ? [
              `Team:          ${s.url}`,
              `Signed in as:  ${s.login}`,
              `Last sync:     ${when(s.lastSyncAt)}`,
              `Not yet sent:  ${s.pending} change${s.pending === 1 ? '' : 's'}`,
              `Log position:  ${s.position}`,
              ...(s.restorable ? [`Restorable:    ${s.restorable} record(s) deleted while someone edited them (restore them in the app)`] : []),
              ...(s.lastError ? [`Last problem:  ${s.lastError}`] : []),
            ].join('\n')
          : 'This dossier does not belong to a team. Create one with “dossier team create <url>” or join with “dossier team join <url>”.',
      );
      return;
    }
    if (verb === 'leave') {
      await env.call('team.leave', { force: values.force === true });
      env.print({ ok: true }, () => 'This dossier has left its team; its data stays here as an ordinary dossier.');
      return;
    }
    throw new UsageError(`Unknown team command "${verb ?? ''}". Use create, join, status or leave.`);
  },
};

export const sync: Command = {
  name: 'sync',
  summary: 'Push this dossier’s changes to the team and pull the others’ (counts and new conflicts).',
  usage: 'sync [--upgrade-team]',
  options: { 'upgrade-team': { type: 'boolean' } },
  run: async (_p, values, env) => {
    const r = await env.call('sync.run', { upgradeTeam: values['upgrade-team'] === true });
    env.print(r, () =>
      [
        `Sent ${r.pushed} change${r.pushed === 1 ? '' : 's'}, received ${r.pulled} (${r.applied} applied here).`,
        ...(r.conflicts ? [`${r.conflicts} section${r.conflicts === 1 ? ' was' : 's were'} written differently elsewhere: the other text is kept as a “conflict” version of the briefing.`] : []),
        ...(r.pending ? [`${r.pending} change${r.pending === 1 ? '' : 's'} still waiting to go out.`] : []),
      ].join('\n'),
    );
  },
};
