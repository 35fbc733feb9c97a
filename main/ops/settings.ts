/** The dossier's own settings (stored in the file, so they travel with it). */
import { getSetting, setSetting } from '../store/settings';
import type { ReadDb } from '../store/db';
import type { HandlerMap } from './context';

const KEYS = ['staleAfterMonths', 'packMaxSides', 'region', 'recurrenceHorizonMonths'] as const;
const all = (db: ReadDb) => ({
  staleAfterMonths: getSetting(db, 'staleAfterMonths'),
  packMaxSides: getSetting(db, 'packMaxSides'),
  region: getSetting(db, 'region'),
  recurrenceHorizonMonths: getSetting(db, 'recurrenceHorizonMonths'),
});

export const settingsHandlers: HandlerMap<'settings.get' | 'settings.update'> = {
  'settings.get': (_, { db }) => all(db),
  'settings.update': (patch, ctx) => {
    for (const k of KEYS) if (patch[k] !== undefined) setSetting(ctx.db, k, patch[k] as never);
    return all(ctx.db);
  },
};
