import type { HandlerMap } from './context';
import { write } from './context';
import { confirmContactDetails, createContact, deleteContact, getContact, listContacts, updateContact } from '../store/contacts';

export const contactHandlers: HandlerMap<'contact.list' | 'contact.get' | 'contact.create' | 'contact.update' | 'contact.delete' | 'contact.confirmDetails'> = {
  'contact.list': (q, { db, now }) => listContacts(db, q, now()),
  'contact.get': ({ id }, { db, now }) => getContact(db, id, now()),
  'contact.create': (f, ctx) => write(ctx, () => getContact(ctx.db, createContact(ctx.db, f), ctx.now())),
  'contact.update': ({ id, patch }, ctx) =>
    write(ctx, () => {
      updateContact(ctx.db, id, patch);
      return getContact(ctx.db, id, ctx.now());
    }),
  'contact.delete': ({ id }, ctx) =>
    write(ctx, () => {
      deleteContact(ctx.db, id);
      return { ok: true as const };
    }),
  'contact.confirmDetails': ({ id }, ctx) =>
    write(ctx, () => {
      confirmContactDetails(ctx.db, id, ctx.now());
      return getContact(ctx.db, id, ctx.now());
    }),
};
