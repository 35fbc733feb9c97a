/** init, demo, check, search: the small commands every dossier needs. */
import { DossierError, RESTORE_ADVICE } from '../../../contract/errors';
import type { Command } from '../command';
import { table } from '../format';

export const init: Command = {
  name: 'init',
  summary: 'Create an empty dossier (or open and upgrade an existing one).',
  usage: 'init',
  run: async (_p, _v, env) => {
    const info = await env.call('system.info', {});
    env.print({ database: info.databasePath, schemaVersion: info.schemaVersion, empty: info.empty }, () => `Dossier ready at ${info.databasePath} (schema ${info.schemaVersion}).`);
  },
};

export const demo: Command = {
  name: 'demo',
  summary: 'Load the demo dossier (institutions, contacts, the last and next WPSDG session with their briefings) into an empty dossier.',
  usage: 'demo',
  run: async (_p, _v, env) => {
    const r = await env.call('system.loadDemo', {});
    env.print(r, () => `Loaded the demo dossier: ${r.institutions} institutions, ${r.contacts} contacts, ${r.meetings} meetings, ${r.briefings} briefings.`);
  },
};

export const check: Command = {
  name: 'check',
  summary: 'Check the dossier: integrity and schema version; a damaged one is reported with what to do (exit 1).',
  usage: 'check',
  run: async (_p, _v, env) => {
    let r: { ok: boolean; schemaVersion: number | null; integrity: string[] };
    try {
      r = await env.call('system.check', {});
    } catch (err) {
      // Too damaged to open at all: that is the check's answer, not a failure of the command.
      if (!(err instanceof DossierError) || err.code !== 'damaged') throw err;
      r = { ok: false, schemaVersion: null, integrity: [err.message.replace(` ${RESTORE_ADVICE}`, '')] };
    }
    const advice = r.ok ? null : RESTORE_ADVICE;
    env.print({ ...r, database: env.dbPath, ...(advice ? { advice } : {}) }, () =>
      r.ok ? `OK: ${env.dbPath} passes integrity_check (schema ${r.schemaVersion}).` : `${env.dbPath} is damaged:\n${r.integrity.map((l) => `  ${l}`).join('\n')}\n${advice}`,
    );
    return r.ok ? 0 : 1;
  },
};

export const search: Command = {
  name: 'search',
  summary: 'Search institutions, contacts, meetings and briefings (case and accents ignored).',
  usage: 'search <query> [--limit N]',
  options: { limit: { type: 'string' } },
  run: async (positionals, values, env) => {
    const query = positionals.join(' ');
    const limit = values.limit ? Number(values.limit) : 30;
    const hits = await env.call('search.query', { query, limit });
    env.print(hits, () => table(hits, ['kind', 'id', 'title', 'subtitle']));
  },
};
