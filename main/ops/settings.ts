/** The dossier's own settings (stored in the file, so they travel with it). */
import { getSetting, setSetting } from '../store/settings';
import type { ReadDb } from '../store/db';
import type { HandlerMap } from './context';

const all = (db: ReadDb) => ({ staleAfterMonths: getSetting(db, 'staleAfterMonths'), packMaxSides: getSetting(db, 'packMaxSides') });

export const settingsHandlers: HandlerMap<'settings.get' | 'settings.update'> = {
  'settings.get': (_, { db }) => all(db),
  'settings.update': (patch, ctx) => {
    if (patch.staleAfterMonths !== undefined) setSetting(ctx.db, 'staleAfterMonths', patch.staleAfterMonths);
    if (patch.packMaxSides !== undefined) setSetting(ctx.db, 'packMaxSides', patch.packMaxSides);
    return all(ctx.db);
  },
};
