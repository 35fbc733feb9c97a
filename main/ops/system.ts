import { DossierError } from '../../contract/errors';
import { type ReadDb, integrityCheck, schemaVersion, writeTxAsync } from '../store/db';
import { searchAll } from '../store/search';
import { getSetting } from '../store/settings';
import { get } from '../store/sql';
import { APP_VERSION } from '../version';
import { type HandlerMap, exclusive } from './context';
import { loadDemo } from './demo';

const count = (db: ReadDb, table: string) => get<{ n: number }>(db, `SELECT count(*) AS n FROM ${table}`)!.n;

export const systemHandlers: HandlerMap<'system.info' | 'system.check' | 'system.loadDemo' | 'search.query'> = {
  'system.info': (_, { db, dbPath }) => {
    const counts = {
      institutions: count(db, 'institutions'),
      contacts: count(db, 'contacts'),
      meetings: count(db, 'meetings'),
      briefings: count(db, 'briefings'),
    };
    return {
      appVersion: APP_VERSION,
      schemaVersion: schemaVersion(db),
      databasePath: dbPath,
      counts,
      empty: Object.values(counts).every((n) => n === 0),
      staleAfterMonths: getSetting(db, 'staleAfterMonths'),
    };
  },
  'system.check': (_, { db }) => {
    const integrity = integrityCheck(db);
    return { ok: integrity.length === 1 && integrity[0] === 'ok', schemaVersion: schemaVersion(db), integrity };
  },
  // One transaction around the whole load, held across its pack builds (see main/ops/demo.ts); its operations run
  // through dispatch inside it, as savepoints.
  'system.loadDemo': exclusive((_, ctx) =>
    writeTxAsync(ctx.db, () => {
      if (count(ctx.db, 'institutions') + count(ctx.db, 'contacts') + count(ctx.db, 'meetings') > 0) {
        throw new DossierError('conflict', 'The demo dossier is only loaded into an empty dossier; this one already has data.');
      }
      return loadDemo(ctx);
    }),
  ),
  'search.query': ({ query, limit }, { db }) => searchAll(db, query, limit),
};
