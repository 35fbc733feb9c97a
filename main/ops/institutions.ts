import type { HandlerMap } from './context';
import { createInstitution, deleteInstitution, getInstitution, listInstitutions, moveInstitution, updateInstitution } from '../store/institutions';

export const institutionHandlers: HandlerMap<'institution.list' | 'institution.get' | 'institution.create' | 'institution.update' | 'institution.delete' | 'institution.move'> = {
  'institution.list': ({ query }, { db }) => listInstitutions(db, query),
  'institution.get': ({ id }, { db }) => getInstitution(db, id),
  'institution.create': (f, ctx) => getInstitution(ctx.db, createInstitution(ctx.db, f)),
  'institution.update': ({ id, patch }, ctx) => {
    updateInstitution(ctx.db, id, patch);
    return getInstitution(ctx.db, id);
  },
  'institution.delete': ({ id }, ctx) => {
    deleteInstitution(ctx.db, id);
    return { ok: true as const };
  },
  'institution.move': ({ id, parentId }, ctx) => {
    moveInstitution(ctx.db, id, parentId);
    return getInstitution(ctx.db, id);
  },
};
