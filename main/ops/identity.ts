/** Preferences → “I am”: which of our staff the user acts as. */
import { identity, setCurrentPerson } from '../store/people';
import { type HandlerMap } from './context';

export const identityHandlers: HandlerMap<'identity.get' | 'identity.set'> = {
  'identity.get': (_, { db }) => identity(db),
  'identity.set': ({ contactId }, ctx) => {
    setCurrentPerson(ctx.db, contactId);
    return identity(ctx.db);
  },
};
