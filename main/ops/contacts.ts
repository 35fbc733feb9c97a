import type { HandlerMap } from './context';
import { today } from './context';
import { updateContactKeepingHistory } from '../store/positions';
import { confirmContactDetails, createContact, deleteContact, getContact, listContacts } from '../store/contacts';

export const contactHandlers: HandlerMap<'contact.list' | 'contact.get' | 'contact.create' | 'contact.update' | 'contact.delete' | 'contact.confirmDetails'> = {
  'contact.list': (q, { db, now }) => listContacts(db, q, now()),
  'contact.get': ({ id }, { db, now }) => getContact(db, id, now()),
  'contact.create': (f, ctx) => getContact(ctx.db, createContact(ctx.db, f), ctx.now()),
  'contact.update': ({ id, patch }, ctx) => {
    // A new post or institution closes the current post record and opens a new one: the former post is kept.
    updateContactKeepingHistory(ctx.db, id, patch, today(ctx));
    return getContact(ctx.db, id, ctx.now());
  },
  'contact.delete': ({ id }, ctx) => {
    deleteContact(ctx.db, id);
    return { ok: true as const };
  },
  'contact.confirmDetails': ({ id }, ctx) => {
    confirmContactDetails(ctx.db, id, ctx.now());
    return getContact(ctx.db, id, ctx.now());
  },
};
